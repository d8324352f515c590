import type { Database } from 'better-sqlite3';
import { Column, getTableName, is, Table } from 'drizzle-orm';

// The read kernel for queries too heavy for drizzle's builder (grouped passes, CTEs,
// window functions, shared SQL parts): a tagged template in the pattern of Signal
// Desktop's ts/sql, whose row type is declared once, where the query is written.
//
//   const rows = all(sqlite, sql<{ id: string; n: number }>`
//     SELECT u.${units.id}, count(*) AS n FROM ${units} u … WHERE u.${units.districtId} = ${id}`);
//
// A drizzle table interpolates as its quoted name and a drizzle column as its quoted
// SQL name, so a renamed or misspelt column is a compile error; a fragment is
// inlined with its parameters; anything else becomes a bound `?`. The text runs as
// written through better-sqlite3, so a heavy read keeps the plan it was measured with.
//
// Rows are typed, not validated: every call's result already passes its zod output
// schema at dispatch, and the registry and list reads return tens of thousands of
// rows per call, where a second per-row parse would cost more than the query.

/** A value bound to a `?`. */
export type SqlParam = string | number | bigint | Buffer | null;

/** A piece of SQL with its positional parameters and any named ones (`@name`). */
export class SqlFragment {
  constructor(
    readonly text: string,
    /** what better-sqlite3 binds; it refuses a value it cannot bind (an object, a function) */
    readonly params: readonly unknown[],
    readonly named: Readonly<Record<string, unknown>> = {},
  ) {}

  /** A fragment pasted into a plain string would lose its parameters: refuse it loudly. */
  toString(): string {
    throw new Error('SqlFragment used as a string: interpolate it into sql`…` or sqlFragment`…`');
  }
}

/** The `{ sql, params }` parts older modules build (registry/status-sql.ts). */
export interface SqlPart {
  sql: string;
  params: readonly unknown[];
}

export type SqlValue = SqlFragment | SqlPart | Table | Column | SqlParam | boolean | undefined;

declare const rowType: unique symbol;
/** A whole query; `Row` is what one result row is, declared where the query is written. */
export interface Query<Row> extends SqlFragment {
  readonly [rowType]?: Row;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function isPart(value: unknown): value is SqlPart {
  return typeof value === 'object' && value !== null && 'sql' in value && 'params' in value && typeof (value as SqlPart).sql === 'string';
}

function build(strings: readonly string[], values: readonly SqlValue[]): SqlFragment {
  let text = strings[0] ?? '';
  const params: unknown[] = [];
  let named: Record<string, unknown> = {};
  values.forEach((value, i) => {
    if (value instanceof SqlFragment) {
      text += value.text;
      params.push(...value.params);
      named = { ...named, ...value.named };
    } else if (is(value, Table)) {
      text += quote(getTableName(value));
    } else if (is(value, Column)) {
      text += quote(value.name);
    } else if (isPart(value)) {
      text += value.sql;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value === undefined ? null : typeof value === 'boolean' ? (value ? 1 : 0) : value);
    }
    text += strings[i + 1] ?? '';
  });
  return new SqlFragment(text, params, named);
}

/** A part of a query, to be interpolated into `sql` or another fragment. */
export function sqlFragment(strings: TemplateStringsArray, ...values: readonly SqlValue[]): SqlFragment {
  return build(strings, values);
}

/** Trusted SQL text as it is, with its parameters: shared parts kept as strings (OVERDUE_SQL's `@today`). */
export function sqlRaw(text: string, params: readonly unknown[] = [], named: Readonly<Record<string, unknown>> = {}): SqlFragment {
  return new SqlFragment(text, params, named);
}

/** Fragments joined by a separator (`, ` unless told). */
export function sqlJoin(items: readonly SqlValue[], separator: SqlFragment = sqlRaw(', ')): SqlFragment {
  const values = items.flatMap((item, i) => (i === 0 ? [item] : [separator, item]));
  return build(['', ...values.map(() => '')], values);
}

/** A whole query whose row type is `Row`. */
export function sql<Row>(strings: TemplateStringsArray, ...values: readonly SqlValue[]): Query<Row> {
  return build(strings, values) as Query<Row>;
}

/** `[text, params]`, as Signal's `sql` returns it: for a statement the caller keeps and runs many times. */
export function toStatement(query: SqlFragment): [string, readonly unknown[]] {
  return [query.text, query.params];
}

function bindings(query: SqlFragment): unknown[] {
  return Object.keys(query.named).length > 0 ? [query.named, ...query.params] : [...query.params];
}

/** Every row of the query. */
export function all<Row>(sqlite: Database, query: Query<Row>): Row[] {
  return sqlite.prepare<unknown[], Row>(query.text).all(...bindings(query));
}

/** The first row of the query, or undefined when there is none. */
export function get<Row>(sqlite: Database, query: Query<Row>): Row | undefined {
  return sqlite.prepare<unknown[], Row>(query.text).get(...bindings(query));
}

/** The first column of the first row (a count, a sum), or undefined when there is no row. */
export function value<V>(sqlite: Database, query: Query<V>): V | undefined {
  return sqlite.prepare<unknown[], V>(query.text).pluck().get(...bindings(query));
}

/** The first column of every row (ids). */
export function values<V>(sqlite: Database, query: Query<V>): V[] {
  return sqlite.prepare<unknown[], V>(query.text).pluck().all(...bindings(query));
}

/**
 * Every row as an array of its columns in SELECT order: no property set by name per column
 * and row, which costs a third of reading a few thousand rows (the home page's lists).
 */
export function tuples<Row extends readonly unknown[]>(sqlite: Database, query: Query<Row>): Row[] {
  return sqlite.prepare<unknown[], Row>(query.text).raw(true).all(...bindings(query));
}
