import { Hono } from 'hono';
import { CLOSED_CIRCLE_KEEP_DAYS, PLACE_ERASE_DAYS } from '../../db/circles/rules';
import { HomePage } from '../../web/views/site/home';
import { PrivacyPage } from '../../web/views/site/privacy';
import { SafetyPage } from '../../web/views/site/safety';
import { SupportPage } from '../../web/views/site/support';
import type { AppEnv } from '../env';
import { localToolsAllowed } from '../http/local-tools';
import { renderPage } from '../http/render';

/** The home page and the project's own content pages. */
export const pageRoutes = new Hono<AppEnv>()
  .get('/', function home_get(c) {
    const t = c.get('t');
    return renderPage(c, {
      title: t.home.title,
      body: <HomePage t={t} showDemoNotice={localToolsAllowed(c)} />,
    });
  })
  .get('/support', function support_get(c) {
    const t = c.get('t');
    return renderPage(c, {
      title: t.support.title,
      section: 'support',
      body: <SupportPage t={t} />,
    });
  })
  .get('/safety', function safety_get(c) {
    const t = c.get('t');
    return renderPage(c, { title: t.safety.title, body: <SafetyPage t={t} /> });
  })
  .get('/privacy', function privacy_get(c) {
    const t = c.get('t');
    return renderPage(c, {
      title: t.privacy.title,
      body: (
        <PrivacyPage
          t={t}
          retention={c.get('config').retention}
          circles={{ closedDays: CLOSED_CIRCLE_KEEP_DAYS, placeDays: PLACE_ERASE_DAYS }}
        />
      ),
    });
  });
