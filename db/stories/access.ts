import { can } from '../permissions';
import type { CurrentUser } from '../accounts/roles';
import type { StoryRow } from './stories';

/**
 * Object-level rules for stories, beside `can`. Every route that can show a story that is not
 * public asks one of these for that very story; a "no" is answered like a story that never
 * existed (404), so guessing ids teaches nothing.
 */

/** Only the author: to edit, approve, withdraw or read their drafts. Other roles change nothing. */
export const isStoryAuthor = (user: CurrentUser | null, story: Pick<StoryRow, 'authorId'>): boolean =>
  user !== null && story.authorId !== null && story.authorId === user.id;

/** Moderators see a story once its author submitted it, until it is withdrawn; never a draft. */
export const canModerateStory = (user: CurrentUser | null, story: Pick<StoryRow, 'authorId' | 'submittedAt' | 'withdrawnAt'>): boolean =>
  can(user, 'stories:moderate') && story.authorId !== null && story.submittedAt !== null && story.withdrawnAt === null;
