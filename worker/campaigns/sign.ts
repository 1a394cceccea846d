import type { Context } from 'hono';
import type { SigningCampaign } from '../../db/campaigns/campaigns';
import { isOpenForSigning } from '../../db/campaigns/rules';
import { mailboxKey, signCampaign } from '../../db/campaigns/signatures';
import { hitAddressLimits, type AddressLimits, type RateLimit } from '../../db/core/rate-limit';
import { format } from '../../web/i18n';
import { catalogFor } from '../catalogs';
import type { SignaturePanelState } from '../../web/views/campaigns/signature-panel';
import type { AppEnv } from '../env';
import { allValues } from '../http/fields';
import { siteOrigin } from '../http/site-origin';
import { readForm } from '../http/validation';
import { parseSignature, signatureValues } from './forms';

/**
 * Limits on signing and calling, per hour. Over them: a plain message, nothing written, no email.
 * Anyone can type anyone's address: what one client does with it never stops its owner signing
 * from their own client; only many clients together (50 emails an hour to one mailbox) do.
 */
export const SIGNING_RATE_LIMITS = {
  sign: {
    perClient: { name: 'campaign-sign:client', max: 30, windowSeconds: 3600 },
    perAddressAndClient: { name: 'campaign-sign:email-client', max: 5, windowSeconds: 3600 },
    perAddress: { name: 'campaign-sign:email', max: 50, windowSeconds: 3600 },
  },
  callsPerClient: { name: 'campaign-call:client', max: 5, windowSeconds: 3600 },
} satisfies { sign: AddressLimits; callsPerClient: RateLimit };

const minutes = (seconds: number) => String(Math.max(1, Math.ceil(seconds / 60)));

/** What became of a sign form: "check your email", or the panel to show again with a status. */
export type SignatureReceipt =
  { kind: 'sent' } | { kind: 'panel'; panel: SignaturePanelState; status: number };

/**
 * Receives the sign form of a public campaign, wherever it was posted from (the campaign page
 * or a partner's embed): checks, limits, writes a pending signature and emails the link to
 * confirm it (double opt-in), or emails the address's owner when it has signed already. The
 * caller answers in its own page; this decides what happened, so both places sign alike.
 */
export const receiveSignature = async (
  c: Context<AppEnv>,
  campaign: SigningCampaign,
): Promise<SignatureReceipt> => {
  if (campaign.kind === 'call' || !isOpenForSigning(campaign))
    return { kind: 'panel', panel: { kind: 'closed' }, status: 409 };
  const t = c.get('t');
  const db = c.get('db');
  const form = await readForm(c.req);

  // A bot filled the hidden field: answer as if all went well, and keep nothing.
  if (allValues(form.website).length > 0) return { kind: 'sent' };

  const parsed = parseSignature(form, t, campaign.kind === 'letter', c.get('locale'));
  if (!parsed.ok)
    return {
      kind: 'panel',
      panel: { kind: 'form', values: signatureValues(form), errors: parsed.errors },
      status: 400,
    };
  const input = parsed.value;

  // The limits are counted before anything is written. Keyed on the mailbox, so +tag variants
  // cannot flood one person's inbox.
  const limit = await hitAddressLimits(db, SIGNING_RATE_LIMITS.sign, {
    address: await c.get('keyedHash')(`email:${mailboxKey(input.email)}`),
    client: await c.get('clientKey')(),
  });
  if (!limit.allowed) {
    const wait = limit.retryAfterSeconds;
    c.header('Retry-After', String(wait));
    return {
      kind: 'panel',
      panel: {
        kind: 'form',
        values: signatureValues(form),
        errors: { email: format(t.campaigns.tooMany, { minutes: minutes(wait) }) },
      },
      status: 429,
    };
  }

  const outcome = await signCampaign(db, campaign.id, input);
  const origin = siteOrigin(c);
  const links = (confirmToken: string | null, manageToken: string) => ({
    confirmUrl: confirmToken ? `${origin}/campaigns/signatures/${confirmToken}/confirmation` : '',
    withdrawUrl: `${origin}/campaigns/signatures/${manageToken}/withdrawal`,
    title: campaign.title,
  });
  if (outcome.kind === 'new') {
    await c.get('mailer').send({
      to: input.email,
      subject: t.campaigns.mailConfirmSubject,
      text: format(t.campaigns.mailConfirmBody, {
        ...links(outcome.confirmToken, outcome.manageToken),
        name: input.firstName,
      }),
    });
  } else {
    // The person at the form learns nothing; the owner of the address is told, in their language.
    const their = await catalogFor(outcome.ownerLocale);
    await c.get('mailer').send({
      to: outcome.ownerEmail,
      subject: their.campaigns.mailDuplicateSubject,
      text: format(
        outcome.confirmed
          ? their.campaigns.mailDuplicateConfirmed
          : their.campaigns.mailDuplicatePending,
        links(outcome.confirmToken, outcome.manageToken),
      ),
    });
  }
  return { kind: 'sent' };
};
