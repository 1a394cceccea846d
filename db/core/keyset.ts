import { and, asc, desc, or, sql, type AnyColumn, type Placeholder, type SQL } from 'drizzle-orm';

/**
 * Keyset paging (the "seek method"): a page starts just after the last row of the page before
 * it, named by that row's sort key (`?after=…`), not by how many rows came before (`?page=…`).
 * An offset makes SQLite read and throw away every row before the page, so page 100 costs 100
 * pages; a key seeks straight to its place in the index, so every page costs the same. Rows
 * added or removed while someone reads never shift the next page by one, and no count is
 * needed: a page asks for one row more than it shows to know whether a next one exists.
 */

/** One column of a list's order: its SQL, its kind (for reading a cursor back), its direction. */
export interface KeyPart {
  column: AnyColumn | SQL;
  kind: 'int' | 'text';
  descending?: boolean;
}
export type KeyValue = number | string;

/** Where the visitor asked a page to start, as the query string said it (never trusted). */
export interface PageAsk {
  after?: string | undefined;
  before?: string | undefined;
}

/**
 * One page and the cursors of its neighbours: `after` for the next page, `before` for the
 * previous. `place` is the ask that shows this page again (the cursor it honoured, none for the
 * first page), so a page with several lists can page one and keep the others where they are.
 */
export interface KeysetPage<Row> {
  items: Row[];
  after: string | null;
  before: string | null;
  place: PageAsk;
}

/** Moderation queues show this many items a page (a moderator works through them in order). */
export const QUEUE_PER_PAGE = 20;

const INT = /^-?\d{1,15}$/;
const TEXT = /^[A-Za-z0-9_-]{1,64}$/;
const SEPARATOR = '.';

/** A cursor as text: the key's values joined by dots (ids and whole numbers never hold one). */
export const encodeCursor = (values: readonly KeyValue[]): string => values.join(SEPARATOR);

/** Reads a cursor back; anything not of the key's exact shape is null (the first page). */
export const decodeCursor = (
  key: readonly KeyPart[],
  text: string | undefined,
): KeyValue[] | null => {
  if (!text || text.length > 200) return null;
  const parts = text.split(SEPARATOR);
  if (parts.length !== key.length) return null;
  const values: KeyValue[] = [];
  for (const [i, part] of key.entries()) {
    const value = parts[i]!;
    if (part.kind === 'int') {
      if (!INT.test(value)) return null;
      values.push(Number(value));
    } else {
      if (!TEXT.test(value)) return null;
      values.push(value);
    }
  }
  return values;
};

/** Rows strictly past `values` in the list's order (`forward`), or strictly before it. */
const seek = (
  key: readonly KeyPart[],
  values: readonly (KeyValue | Placeholder)[],
  forward: boolean,
): SQL => {
  const [part, ...rest] = key;
  const value = values[0]!;
  const later = forward !== !!part!.descending;
  const strictly = later ? sql`${part!.column} > ${value}` : sql`${part!.column} < ${value}`;
  if (rest.length === 0) return strictly;
  // Raw SQL, not eq(): a timestamp column would take the number for a Date.
  return or(strictly, and(sql`${part!.column} = ${value}`, seek(rest, values.slice(1), forward)))!;
};

const orderOf = (key: readonly KeyPart[], forward: boolean): SQL[] =>
  key.map((part) => (forward !== !!part.descending ? asc(part.column) : desc(part.column)));

/** Which of a list's three queries runs: its first page, the rows after a cursor, or those before one. */
export type SeekDirection = 'first' | 'after' | 'before';

/** What `fetch` is told besides the condition and order: for a list whose queries are prepared. */
export interface Seek {
  direction: SeekDirection;
  /** The cursor's values by the names `seekTemplate` gives them (`key0`, `key1`…). */
  values: Record<string, KeyValue>;
}

/**
 * The condition and order of one direction of a list, with the cursor's values as placeholders
 * (`key0`, `key1`…): for a query prepared once per direction (db/core/prepared.ts) and filled
 * with the `values` of the `Seek` that `keysetPage` gives `fetch`.
 */
export const seekTemplate = (
  key: readonly KeyPart[],
  direction: SeekDirection,
): { where: SQL | undefined; orderBy: SQL[] } => ({
  where:
    direction === 'first'
      ? undefined
      : seek(
          key,
          key.map((_, i) => sql.placeholder(`key${i}`)),
          direction === 'after',
        ),
  orderBy: orderOf(key, direction !== 'before'),
});

const seekOf = (direction: SeekDirection, cursor: readonly KeyValue[] = []): Seek => ({
  direction,
  values: Object.fromEntries(cursor.map((value, i) => [`key${i}`, value])),
});

/**
 * One page of a list in keyset order. `fetch` runs the list's own query with the extra
 * condition (undefined on the first page), the order and the limit given; a list that prepares
 * its queries builds them with `seekTemplate` instead and reads the direction and cursor from
 * `seek`. Asked for a page before the first full page, it answers the first page, so "Previous"
 * never shows a short page.
 */
export const keysetPage = async <Row>(options: {
  key: readonly KeyPart[];
  ask: PageAsk;
  size: number;
  keyOf: (row: Row) => KeyValue[];
  fetch: (where: SQL | undefined, orderBy: SQL[], limit: number, seek: Seek) => Promise<Row[]>;
}): Promise<KeysetPage<Row>> => {
  const { key, size, keyOf, fetch } = options;
  const cursorOf = (row: Row) => encodeCursor(keyOf(row));
  const before = decodeCursor(key, options.ask.before);
  if (before) {
    const rows = await fetch(
      seek(key, before, false),
      orderOf(key, false),
      size + 1,
      seekOf('before', before),
    );
    if (rows.length > size) {
      const items = rows.slice(0, size).reverse();
      return {
        items,
        before: cursorOf(items[0]!),
        after: cursorOf(items.at(-1)!),
        place: { before: options.ask.before },
      };
    }
  }
  const after = before ? null : decodeCursor(key, options.ask.after);
  const rows = await fetch(
    after ? seek(key, after, true) : undefined,
    orderOf(key, true),
    size + 1,
    after ? seekOf('after', after) : seekOf('first'),
  );
  const items = rows.slice(0, size);
  return {
    items,
    after: rows.length > size ? cursorOf(items.at(-1)!) : null,
    // Past the end, "Previous" still leads back to the rows before the cursor.
    before: after ? (items[0] ? cursorOf(items[0]) : encodeCursor(after)) : null,
    place: after ? { after: options.ask.after } : {},
  };
};

/** A timestamp column's value as a cursor holds it: whole seconds. */
export const seconds = (date: Date | null): number =>
  date ? Math.floor(date.getTime() / 1000) : 0;

/**
 * The key of nearly every list here: a timestamp (whole seconds; a missing one reads as 0, so
 * it sorts first), then the row's id, which breaks ties between rows of the same second. `time`
 * is the column or expression the query orders by, `timeOf` the same moment read from a row.
 */
export const timeThenId = <Row extends { id: string }>(
  time: AnyColumn | SQL,
  id: AnyColumn,
  timeOf: (row: Row) => Date | null,
  order: { descending?: true } = {},
): { key: readonly KeyPart[]; keyOf: (row: Row) => KeyValue[] } => ({
  key: [
    { column: time, kind: 'int', ...order },
    { column: id, kind: 'text', ...order },
  ],
  keyOf: (row) => [seconds(timeOf(row)), row.id],
});
