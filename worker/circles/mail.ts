import type { MailMessage } from '../../db/mail/outbox';
import { format, type Locale } from '../../web/i18n';
import { catalogFor } from '../catalogs';

/**
 * The one way to write an email about circles. Every one has the same neutral subject and a
 * body with only a sign-in link: no person, label, kind of need, place or time, so the stored
 * outbox row holds nothing more either. The only exception is an invitation's personal note,
 * which the owner wrote knowing who may read the invitee's email.
 */
export const circleMail = async (message: {
  to: string;
  locale: Locale;
  siteName: string;
  /** A sign-in link (an invitation's link asks to sign in first). */
  link: string;
  personalNote?: string;
}): Promise<MailMessage> => {
  const t = (await catalogFor(message.locale)).circles;
  const body = format(t.mailBody, { site: message.siteName, link: message.link });
  return {
    to: message.to,
    subject: format(t.mailSubject, { site: message.siteName }),
    text: message.personalNote
      ? `${body}\n\n${format(t.mailNote, { note: message.personalNote })}`
      : body,
  };
};

/** The link a circle email carries: sign in, then the person's circles. */
export const circleSignInLink = (origin: string): string =>
  `${origin}/sign-in?next=${encodeURIComponent('/circles')}`;
