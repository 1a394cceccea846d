/** The searches `npm run bench:search` and `npm run bench:search:d1` time, as paths of GET /resources. */
export const TYPICAL: [string, string][] = [
  ['everything, page 1', '/resources'],
  ['one word', '/resources?q=housing'],
  ['two words + filters', '/resources?q=legal+advice&language=fr&free=1'],
  ['prefix while typing', '/resources?q=couns'],
  ['no match', '/resources?q=zzqxv'],
  ['category + city', '/resources?category=food&city=Quillhaven'],
  ['open now + distance', '/resources?open=1&lat=45.20&lon=-77.42&within=25&sort=distance'],
  ['htmx fragment', '/resources?q=shelter&open=1'],
  ['page 4', '/resources?page=4'],
];

export const HOSTILE: [string, string][] = [
  ['10,000 characters', `/resources?q=${'x'.repeat(10_000)}`],
  ['500 terms', `/resources?q=${Array.from({ length: 500 }, (_, i) => `w${i}`).join('+')}`],
  [
    'FTS syntax',
    `/resources?q=${encodeURIComponent('NEAR(help legal, 2) name:* "unbalanced {a b}: ^x -y')}`,
  ],
  ['one letter prefix', '/resources?q=a'],
];

/** The p-th percentile of sorted numbers. */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
