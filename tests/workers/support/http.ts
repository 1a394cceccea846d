import { env, exports } from 'cloudflare:workers';

// Requests to the Worker inside workerd as a browser on the site sends them, and signing in
// through the real forms: with APP_ENV=local the code is mailed to the outbox table.
export const origin = 'https://hearth.test';

/** A request to the Worker; a redirect is answered, not followed. */
export const request = (path: string, init: RequestInit = {}) =>
  exports.default.fetch(new Request(origin + path, { redirect: 'manual', ...init }));

/** A same-origin form post, with the session cookie when there is one; `headers` win. */
export const form = (
  fields: Record<string, string> | URLSearchParams,
  cookie = '',
  headers: Record<string, string> = {},
) =>
  ({
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'Sec-Fetch-Site': 'same-origin',
      ...(cookie ? { Cookie: cookie } : {}),
      ...headers,
    },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  }) satisfies RequestInit;

/** `name=value` of a cookie the response sets, ready for a Cookie header. */
export const cookieFrom = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .find((line) => line.startsWith(`${name}=`))
    ?.split(';')[0];

/** The text of the newest email to a person. */
export const newestMailTo = async (email: string): Promise<string> => {
  const mail = await env.DB.prepare(
    'select body_text from mail_outbox where to_address = ? order by created_at desc, rowid desc',
  )
    .bind(email)
    .first<{ body_text: string }>();
  if (!mail) throw new Error(`no email to ${email}`);
  return mail.body_text;
};

/** The sign-in code in the newest email to a person. */
export const signInCode = async (email: string) => (await newestMailTo(email)).match(/\d{8}/)![0];

/** Signs in through the forms, granting `role` when given; returns the session cookie. */
export const signIn = async (email: string, role?: string): Promise<string> => {
  const asked = await request('/sign-in', form({ email, next: '/account' }));
  const attempt = cookieFrom(asked, 'sign_in_attempt')!;
  const code = await signInCode(email);
  const done = await request('/sign-in/code', form({ code, next: '/account' }, attempt));
  if (role) {
    const user = await env.DB.prepare('select id from users where email = ?')
      .bind(email)
      .first<{ id: string }>();
    await env.DB.prepare(
      'insert or ignore into user_roles (user_id, role, granted_at) values (?, ?, 0)',
    )
      .bind(user!.id, role)
      .run();
  }
  const session = cookieFrom(done, '__Host-session');
  if (!session) throw new Error(`no session after signing in as ${email}`);
  return session;
};
