import { getTableColumns, is, sql, type SQL } from 'drizzle-orm';
import { SQLiteReal, type SQLiteTable } from 'drizzle-orm/sqlite-core';

/**
 * A table's rows as one JSON value inside another statement, read back as drizzle would read
 * them (booleans, dates…). For a page that reads a row and many small lists about it: one
 * statement instead of one a list, since the local libsql binding costs 20 to 60 µs a statement
 * whatever it returns. Plain SQLite JSON functions, so the same on libsql and D1.
 *
 * `from` is the statement that chooses and orders the rows (`select * from <table> …`): it
 * runs as a subquery named like the table, which may refer to the outer statement's row.
 * SQLite keeps a subquery's order under an aggregate (it never flattens one with ORDER BY into
 * an aggregate), so `json_group_array` sees the rows in that order.
 */
export const jsonRows = <Table extends SQLiteTable>(
  table: Table,
  from: SQL,
): SQL<Table['$inferSelect'][]> => {
  const fields = Object.entries(getTableColumns(table)).map(([key, column]) => ({
    key,
    column,
    real: is(column, SQLiteReal),
  }));
  const members = sql.join(
    fields.map(({ key, column, real }) =>
      // SQLite's JSON writes a real with 15 digits, which would round some: 17 as text keep it.
      real
        ? sql`${sql.raw(`'${key}'`)}, iif(${column} is null, null, printf('%!.17g', ${column}))`
        : sql`${sql.raw(`'${key}'`)}, ${column}`,
    ),
    sql`, `,
  );
  // Each column's reader chosen once, not once a value: these run on every row of every read.
  const readers = fields.map(({ key, column, real }) => ({
    key,
    read: real ? Number : (value: unknown) => column.mapFromDriverValue(value),
  }));
  return sql`(select json_group_array(json_object(${members})) from (${from}) as ${table})`.mapWith(
    (text: string) =>
      (JSON.parse(text) as Record<string, unknown>[]).map((json) => {
        const row: Record<string, unknown> = {};
        for (const { key, read } of readers) {
          const value = json[key];
          row[key] = value === null || value === undefined ? null : read(value);
        }
        return row as Table['$inferSelect'];
      }),
  ) as SQL<Table['$inferSelect'][]>;
};

/** The values of a one-column statement (`select … as value …`), in its order, as a JSON list. */
export const jsonValues = <Value>(from: SQL): SQL<Value[]> =>
  sql`(select json_group_array(value) from (${from}))`.mapWith(
    (text: string) => JSON.parse(text) as Value[],
  );
