import type { DayCount } from '../../../db/campaigns/stats';
import { format, type Catalog, type Locale } from '../../i18n';
import { keptIntl, regionTag } from '../../components/intl';

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { top: 10, right: 10, bottom: 24, left: 40 };

/**
 * Confirmed signatures per day as a server-drawn SVG bar chart. The SVG is named and described
 * for screen readers, a sentence sums it up, and the same numbers follow in a table: the
 * chart adds nothing the text does not say.
 */
export const SignatureChart = ({
  t,
  days,
  locale,
}: {
  t: Catalog;
  days: DayCount[];
  locale: Locale;
}) => {
  if (days.length === 0) return <p>{t.campaigns.chartEmpty}</p>;
  const dateText = (day: string) =>
    keptIntl(
      `medium-date:${locale}`,
      () => new Intl.DateTimeFormat(regionTag(locale), { dateStyle: 'medium', timeZone: 'UTC' }),
    ).format(new Date(`${day}T00:00:00Z`));
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const peak = days.reduce((best, d) => (d.count > best.count ? d : best), days[0]!);
  const max = Math.max(...days.map((d) => d.count));
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const slot = innerW / days.length;
  const barW = Math.max(1, slot * 0.8);
  const summary = format(t.campaigns.chartSummary, {
    total,
    first: dateText(days[0]!.day),
    last: dateText(days[days.length - 1]!.day),
    peak: dateText(peak.day),
    peakCount: peak.count,
  });
  let running = 0;
  return (
    <figure class="chart">
      <figcaption id="chart-title">{t.campaigns.chartTitle}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="chart-title chart-summary"
        class="chart-svg"
      >
        <line
          x1={PAD.left}
          y1={PAD.top + innerH}
          x2={WIDTH - PAD.right}
          y2={PAD.top + innerH}
          class="chart-axis"
        />
        <text x={PAD.left - 6} y={PAD.top + 10} text-anchor="end" class="chart-label">
          {max}
        </text>
        <text x={PAD.left - 6} y={PAD.top + innerH} text-anchor="end" class="chart-label">
          0
        </text>
        {days.map((d, i) => {
          const h = (d.count / max) * innerH;
          return (
            <rect
              x={PAD.left + i * slot + (slot - barW) / 2}
              y={PAD.top + innerH - h}
              width={barW}
              height={h}
              class="chart-bar"
            />
          );
        })}
        <text x={PAD.left} y={HEIGHT - 6} class="chart-label">
          {dateText(days[0]!.day)}
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 6} text-anchor="end" class="chart-label">
          {dateText(days[days.length - 1]!.day)}
        </text>
      </svg>
      <p id="chart-summary">{summary}</p>
      <table>
        <caption class="visually-hidden">{t.campaigns.chartTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{t.campaigns.dayColumn}</th>
            <th scope="col">{t.campaigns.countColumn}</th>
            <th scope="col">{t.campaigns.totalColumn}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => {
            running += d.count;
            return (
              <tr>
                <th scope="row">{dateText(d.day)}</th>
                <td>{d.count}</td>
                <td>{running}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
};
