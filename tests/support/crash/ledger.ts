/** How many times something was asked, and how many of those the server answered as done (2xx/3xx). */
export interface Tally {
  sent: number;
  answered: number;
}

/** A first RSVP: the places asked, and the answer (confirmed or waitlisted) if one came. */
export interface AskedRsvp {
  sent: number;
  places: number;
  answer?: 'confirmed' | 'waitlisted';
}

/**
 * What the clients asked for and what the server said it did, over every round: the database
 * must hold every answered action once, and nothing that was never asked.
 */
export interface Ledger {
  /** By mailbox: signatures (a repeat with a +tag alias counts for the same mailbox). */
  signs: Map<string, Tally>;
  /** By mailbox: confirmation links posted. */
  confirmations: Map<string, Tally>;
  /** By email: first RSVPs, with the place the answer gave (confirmed or waitlisted). */
  rsvps: Map<string, AskedRsvp>;
  /** RSVPs for an address that has one, by someone else: they must change nothing. */
  repeatRsvps: Tally;
  /** Addresses someone else RSVPed with: never cancelled, since a cancelled address may RSVP anew. */
  repeatedEmails: Set<string>;
  /** By email: cancellations through the private link. */
  cancellations: Map<string, Tally>;
  /** By story: approvals of version 1 by its author. */
  approvals: Map<string, Tally>;
  /** By service: a moderator's saves of a new description (every description sent kept). */
  edits: Map<string, { sent: string[]; answered: number }>;
  /** Answers that are never right (5xx, or a refusal where the fixtures allow the action). */
  unexpected: string[];
}

export const emptyLedger = (): Ledger => ({
  signs: new Map(),
  confirmations: new Map(),
  rsvps: new Map(),
  repeatRsvps: { sent: 0, answered: 0 },
  repeatedEmails: new Set(),
  cancellations: new Map(),
  approvals: new Map(),
  edits: new Map(),
  unexpected: [],
});

export const tally = (map: Map<string, Tally>, key: string): Tally => {
  let found = map.get(key);
  if (!found) map.set(key, (found = { sent: 0, answered: 0 }));
  return found;
};

/** Links read from the outbox, as the people they were sent to would open them. */
export interface Mailbox {
  /** Unused confirmation links by mailbox (a newer email replaces an older link). */
  confirmLinks: Map<string, string>;
  /** A private RSVP link by email. */
  rsvpTokens: Map<string, string>;
  seen: Set<string>;
}

export const emptyMailbox = (): Mailbox => ({
  confirmLinks: new Map(),
  rsvpTokens: new Map(),
  seen: new Set(),
});
