/**
 * The private page of one RSVP, where the person sees, changes or cancels it: the one home of
 * its address. Every token that opens it (the first email's, a reminder's, a recovery email's)
 * leads to the same path; only the page's forms (web/views/events/my-rsvp.tsx) add to it.
 */
export const rsvpPath = (token: string): string => `/rsvps/${token}`;

/** `rsvpPath` as a full link, for an email: the site's origin first. */
export const rsvpLink = (origin: string, token: string): string => `${origin}${rsvpPath(token)}`;
