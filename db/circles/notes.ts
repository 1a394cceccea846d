import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../core/database';
import { circleOwnerNotes } from '../schema';
import { newCircleId } from './rules';

/** The owner's private notes, newest first. Only ever read for the owner (canInCircle 'notes:use'). */
export const listOwnerNotes = async (db: Database, circleId: string) =>
  db
    .select({
      id: circleOwnerNotes.id,
      body: circleOwnerNotes.body,
      createdAt: circleOwnerNotes.createdAt,
    })
    .from(circleOwnerNotes)
    .where(eq(circleOwnerNotes.circleId, circleId))
    .orderBy(desc(circleOwnerNotes.createdAt), desc(circleOwnerNotes.id))
    .all();

export const addOwnerNote = async (
  db: Database,
  circleId: string,
  body: string,
  now = new Date(),
): Promise<void> => {
  await db
    .insert(circleOwnerNotes)
    .values({ id: newCircleId(), circleId, body, createdAt: now, updatedAt: now })
    .run();
};

/** Deletes one note of this circle; an id from another circle deletes nothing. */
export const deleteOwnerNote = async (
  db: Database,
  circleId: string,
  noteId: string,
): Promise<boolean> =>
  (
    await db
      .delete(circleOwnerNotes)
      .where(and(eq(circleOwnerNotes.id, noteId), eq(circleOwnerNotes.circleId, circleId)))
      .returning({ id: circleOwnerNotes.id })
      .all()
  ).length > 0;
