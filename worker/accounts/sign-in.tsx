import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as v from 'valibot';
import {
  addressAndClient,
  hitAddressLimits,
  hitRateLimits,
  peekRateLimit,
  type AddressLimits,
  type RateLimit,
} from '../../db/core/rate-limit';
import {
  createSession,
  invalidateSession,
  invalidateUserSessions,
} from '../../db/accounts/sessions';
import {
  checkSignInCode,
  createSignInCode,
  pendingSignInEmail,
  SIGN_IN_CODE,
} from '../../db/accounts/sign-in';
import { findOrCreateUser } from '../../db/accounts/users';
import { format } from '../../web/i18n';
import { SignInCodePage, SignInPage } from '../../web/views/accounts/sign-in';
import type { AppEnv } from '../env';
import { clearSessionCookie, setSessionCookie } from '../middleware/session';
import { renderPage } from '../http/render';
import { emailAddress, readForm } from '../http/validation';
import { firstValue } from '../http/fields';
import { safeReturnPath } from '../http/return-path';

/**
 * Limits on sign-in, per hour. Numbers are in the README and the issue notes. Anyone can type
 * anyone's address, so what strangers do with an address never stops its owner asking for a
 * code from their own client and using it; only a flood from many clients (50 codes) does.
 *
 * Guessing stays hopeless: an address gets at most 50 codes an hour, each dead after 5 wrong
 * tries, so at most 250 guesses an hour at 1 in 10^8 each, a chance of 2.5 × 10^-6 an hour.
 * Once 10 wrong codes are counted for the address in the hour, its codes die at the first
 * wrong try, so a sustained attack gets about 10 + 50 = 60 guesses an hour: 6 × 10^-7 an hour,
 * about 0.5% over a whole year of non-stop attack from ten or more addresses, while mailing
 * the owner 50 codes an hour (2% a year if racing requests beat the counters every time).
 */
export const SIGN_IN_LIMITS = {
  codes: {
    perClient: { name: 'sign-in:codes:client', max: 20, windowSeconds: 3600 },
    perAddressAndClient: { name: 'sign-in:codes:email-client', max: 5, windowSeconds: 3600 },
    perAddress: { name: 'sign-in:codes:email', max: 50, windowSeconds: 3600 },
  },
  /** Wrong codes for an address from one client, across its codes: past them, that client waits. */
  wrongCodesPerEmailAndClient: { name: 'sign-in:wrong:email-client', max: 10, windowSeconds: 3600 },
  /** Wrong codes for an address from all clients: past them, its codes get one try each. */
  wrongCodesPerEmail: { name: 'sign-in:wrong:email', max: 10, windowSeconds: 3600 },
} satisfies {
  codes: AddressLimits;
  wrongCodesPerEmailAndClient: RateLimit;
  wrongCodesPerEmail: RateLimit;
};

/** Ties the code form to the email it was sent to, for the life of the code. Never the email itself. */
const ATTEMPT_COOKIE = 'sign_in_attempt';

const noStore: MiddlewareHandler = async function noStore(c, next) {
  await next();
  c.header('Cache-Control', 'no-store');
};

const minutes = (seconds: number) => String(Math.max(1, Math.ceil(seconds / 60)));

const nextOf = (value: unknown) =>
  safeReturnPath(typeof value === 'string' && value ? value : '/account');

/** Signing out leaves nothing behind in this browser: cookies, storage and cache are cleared. */
const signedOutResponse = (c: Context<AppEnv>) => {
  clearSessionCookie(c);
  c.header('Clear-Site-Data', '"cache", "cookies", "storage"');
  return c.redirect('/sign-in?signed-out=1', 303);
};

export const signInRoutes = new Hono<AppEnv>()
  // These pages show the address someone typed: never kept in a cache on a shared device.
  .use('/sign-in/*', noStore)
  .use('/sign-in', noStore)
  .get('/sign-in', async function sign_in_get(c) {
    const next = nextOf(c.req.query('next'));
    if (c.get('user')) return c.redirect(next, 303);
    const t = c.get('t');
    const notice = c.req.query('signed-out') ? t.signIn.signedOut : undefined;
    return renderPage(c, {
      title: t.signIn.title,
      body: <SignInPage t={t} next={next} notice={notice} />,
    });
  })

  .post('/sign-in', async function sign_in_post(c) {
    const t = c.get('t');
    const form = await readForm(c.req);
    const next = nextOf(firstValue(form.next));
    const parsed = v.safeParse(emailAddress(t.signIn.emailInvalid), form.email);
    const again = (status: 400 | 429, errors: Record<string, string>, email?: string) =>
      renderPage(c, {
        title: t.signIn.title,
        status,
        body: <SignInPage t={t} next={next} email={email} errors={errors} />,
      });
    if (!parsed.success)
      return again(400, { email: t.signIn.emailInvalid }, firstValue(form.email).slice(0, 254));
    const email = parsed.output;

    // The same limits and the same answer whether or not the address has an account.
    // The client's limits are counted first, and only a client within them spends the
    // address's budget: one abuser cannot use up a survivor's codes and lock them out.
    const db = c.get('db');
    const limit = await hitAddressLimits(db, SIGN_IN_LIMITS.codes, {
      address: await c.get('keyedHash')(`email:${email}`),
      client: await c.get('clientKey')(),
    });
    if (!limit.allowed) {
      c.header('Retry-After', String(limit.retryAfterSeconds));
      return again(
        429,
        { email: format(t.signIn.tooManyRequests, { minutes: minutes(limit.retryAfterSeconds) }) },
        email,
      );
    }

    const { attemptId, code } = await createSignInCode(
      db,
      email,
      c.get('keyedHash'),
      getCookie(c, ATTEMPT_COOKIE),
    );
    await c.get('mailer').send({
      to: email,
      subject: t.mail.signInSubject,
      text: format(t.mail.signInBody, { code }),
      // A code that arrives after it expired is useless: never retried past that.
      discardAfter: new Date(Date.now() + SIGN_IN_CODE.lifetimeMs),
    });
    setCookie(c, ATTEMPT_COOKIE, attemptId, {
      path: '/sign-in',
      httpOnly: true,
      secure: true,
      sameSite: 'Lax',
      maxAge: SIGN_IN_CODE.lifetimeMs / 1000,
    });
    return c.redirect(`/sign-in/code?next=${encodeURIComponent(next)}`, 303);
  })

  .get('/sign-in/code', async function sign_in_code_get(c) {
    const t = c.get('t');
    const next = nextOf(c.req.query('next'));
    const attemptId = getCookie(c, ATTEMPT_COOKIE);
    const email = attemptId ? await pendingSignInEmail(c.get('db'), attemptId) : null;
    if (!email) return c.redirect(`/sign-in?next=${encodeURIComponent(next)}`, 303);
    return renderPage(c, {
      title: t.signIn.codeTitle,
      body: <SignInCodePage t={t} email={email} next={next} />,
    });
  })

  .post('/sign-in/code', async function sign_in_code_post(c) {
    const t = c.get('t');
    const db = c.get('db');
    const form = await readForm(c.req);
    const next = nextOf(firstValue(form.next));
    const attemptId = getCookie(c, ATTEMPT_COOKIE);
    const email = attemptId ? await pendingSignInEmail(db, attemptId) : null;
    const startAgain = (message: string) =>
      renderPage(c, {
        title: t.signIn.title,
        status: 400,
        body: <SignInPage t={t} next={next} errors={{ email: message }} />,
      });
    if (!attemptId || !email) return startAgain(t.signIn.codeExpired);

    const codeAgain = (message: string, status: 400 | 429 = 400) =>
      renderPage(c, {
        title: t.signIn.codeTitle,
        status,
        body: <SignInCodePage t={t} email={email} next={next} errors={{ code: message }} />,
      });
    const code = firstValue(form.code).replace(/[\s-]/g, '');
    if (!/^\d{8}$/.test(code)) return codeAgain(t.signIn.codeFormat);

    // Wrong codes from this client stop this client; wrong codes from everywhere only make the
    // address's codes die sooner, so a stranger guessing never locks out the owner's fresh code.
    const subjects = {
      address: await c.get('keyedHash')(`email:${email}`),
      client: await c.get('clientKey')(),
    };
    const [ownBudget, addressBudget] = await Promise.all([
      peekRateLimit(db, SIGN_IN_LIMITS.wrongCodesPerEmailAndClient, addressAndClient(subjects)),
      peekRateLimit(db, SIGN_IN_LIMITS.wrongCodesPerEmail, subjects.address),
    ]);
    if (!ownBudget.allowed) {
      c.header('Retry-After', String(ownBudget.retryAfterSeconds));
      return codeAgain(
        format(t.signIn.tooManyTries, { minutes: minutes(ownBudget.retryAfterSeconds) }),
        429,
      );
    }

    const result = await checkSignInCode(db, attemptId, code, c.get('keyedHash'), {
      lastTry: !addressBudget.allowed,
    });
    if (!result.ok) {
      await hitRateLimits(db, [
        { limit: SIGN_IN_LIMITS.wrongCodesPerEmailAndClient, subject: addressAndClient(subjects) },
        { limit: SIGN_IN_LIMITS.wrongCodesPerEmail, subject: subjects.address },
      ]);
      if (result.reason === 'expired') return startAgain(t.signIn.codeExpired);
      return codeAgain(
        result.triesLeft === 1
          ? t.signIn.codeWrongLast
          : format(t.signIn.codeWrong, { count: result.triesLeft }),
      );
    }

    // A new session every time: whatever session cookie came with this request is ended.
    const previous = c.get('sessionId');
    if (previous) await invalidateSession(db, previous);
    const user = await findOrCreateUser(db, result.email, c.get('locale'));
    const session = await createSession(db, user);
    setSessionCookie(c, session.token, session.expiresAt);
    deleteCookie(c, ATTEMPT_COOKIE, { path: '/sign-in', secure: true });
    return c.redirect(next, 303);
  })

  .post('/sign-out', async function sign_out_post(c) {
    const sessionId = c.get('sessionId');
    if (sessionId) await invalidateSession(c.get('db'), sessionId);
    return signedOutResponse(c);
  })

  .post('/sign-out/everywhere', async function sign_out_everywhere_post(c) {
    const user = c.get('user');
    if (user) await invalidateUserSessions(c.get('db'), user.id);
    return signedOutResponse(c);
  });
