import { describe, expect, it } from 'vitest';
import { DEFAULT_QUICK_EXIT_URL, readConfig } from '../../../worker/config';

describe('readConfig', () => {
  it('has safe defaults', () => {
    expect(readConfig({})).toEqual({
      siteName: 'Hearth',
      quickExitUrl: DEFAULT_QUICK_EXIT_URL,
      isLocal: false,
      clientKeySecret: undefined,
      retention: { rsvpDays: 30, campaignDays: 90 },
      siteOrigin: undefined,
    });
  });

  it('takes the site address as an origin, and nothing that is not a web address', () => {
    expect(readConfig({ SITE_URL: 'https://hearth.example.org/some/path' }).siteOrigin).toBe(
      'https://hearth.example.org',
    );
    for (const bad of ['javascript:alert(1)', 'hearth.example.org', ''])
      expect(readConfig({ SITE_URL: bad }).siteOrigin).toBeUndefined();
  });

  it('takes a web address as quick-exit target, and nothing else', () => {
    expect(readConfig({ QUICK_EXIT_URL: 'https://www.example.org/news' }).quickExitUrl).toBe(
      'https://www.example.org/news',
    );
    for (const bad of ['javascript:alert(1)', 'data:text/html,hi', 'not a url', '']) {
      expect(readConfig({ QUICK_EXIT_URL: bad }).quickExitUrl).toBe(DEFAULT_QUICK_EXIT_URL);
    }
  });

  it('is local only when told so', () => {
    expect(readConfig({ APP_ENV: 'local' }).isLocal).toBe(true);
    expect(readConfig({ APP_ENV: 'production' }).isLocal).toBe(false);
  });
});
