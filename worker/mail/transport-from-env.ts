import { httpTransport, type MailTransport } from './mailer';

/**
 * The provider named by MAIL_API_KEY, MAIL_FROM and MAIL_API_URL (Workers vars and secrets, or
 * Node's environment). Without them, a transport that refuses: messages then wait in the
 * queue and each try logs an error, so nothing is lost silently.
 */
export const transportFromEnv = (source: Record<string, string | undefined>): MailTransport =>
  source.MAIL_API_KEY && source.MAIL_FROM
    ? httpTransport({
        apiUrl: source.MAIL_API_URL || 'https://api.resend.com/emails',
        apiKey: source.MAIL_API_KEY,
        from: source.MAIL_FROM,
      })
    : async () => {
        throw new Error('mail provider not configured (MAIL_API_KEY, MAIL_FROM)');
      };
