/** Roles beyond "member", which every account has. */
export const ROLES = ['organizer', 'storyteller', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** Roles whose sessions are short (12 hours at most, 30 minutes idle): they can see others' data. */
export const PRIVILEGED_ROLES: readonly Role[] = ['moderator', 'admin'];

/** The signed-in person, as routes and the permission rules see them. */
export interface CurrentUser {
  id: string;
  email: string;
  roles: readonly Role[];
}
