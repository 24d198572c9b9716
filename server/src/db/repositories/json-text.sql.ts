// JSON text built inside SQL, byte for byte what JSON.stringify writes for the same values, on both dialects: list
// endpoints of thousands of records then pass Node one string per record instead of rows, objects and a
// re-serialisation. Concatenation rather than json_object/json_build_object: PostgreSQL's JSON builders put
// spaces after ':' and ',', and SQLite's write reals with 17 digits ("100.0"); JSON.stringify does neither.
import { type Expression, type Kysely, PostgresAdapter, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../schema.js';

/** A text expression holding one JSON value. */
export type JsonText = RawBuilder<string>;
type Value = Expression<unknown>;

/** JSON-text builders for one dialect; every builder returns non-null text (SQL `null` becomes `null`). */
export interface JsonSql {
  /** A column or expression of text, integers or null: JSON.stringify of its value. */
  value(v: Value): JsonText;
  /** An integer column or expression (null as `null`): cheaper than `value` where most of the work is numbers. */
  integer(v: Value): JsonText;
  /** A 0/1 integer column as true/false. */
  bool(v: Value): JsonText;
  /** A condition as true/false; unknown (a comparison with null) is false, as in a WHERE clause. */
  when(condition: Expression<SqlBool>): JsonText;
  /** `value` where `condition` holds, else `null` (an optional object kept in two nullable columns). */
  nullUnless(condition: Expression<SqlBool>, value: JsonText): JsonText;
  /** `(numerator / denominator) * 100` as JavaScript computes and writes it; 0 when the denominator is 0. */
  percent(numerator: Value, denominator: Value): JsonText;
  /** An object of the given members in order (keys are trusted identifiers, never input). */
  object(members: Record<string, JsonText>): JsonText;
  /** Aggregate: a JSON array of `element` over the grouped rows, in `orderBy` order; `[]` for no rows. */
  arrayAgg(element: JsonText, orderBy: Value): JsonText;
  /**
   * An array column (stored JSON text) with each element reduced to the named members (absent ones read as null):
   * a correlated sub-select.
   */
  pickArray(column: Value, members: readonly string[]): JsonText;
  /** An object column whose member values are objects, each reduced to the named members. */
  pickObjectValues(column: Value, members: readonly string[]): JsonText;
}

const KEY = /^[A-Za-z][A-Za-z0-9]*$/;

function concat(parts: readonly (string | JsonText)[]): JsonText {
  const fragments = parts.map((p) => (typeof p === 'string' ? sql.lit(p) : p));
  return sql<string>`(${sql.join(fragments, sql` || `)})`;
}

function object(members: Record<string, JsonText>): JsonText {
  const parts: (string | JsonText)[] = [];
  for (const [key, value] of Object.entries(members)) {
    if (!KEY.test(key)) throw new Error(`not a plain JSON key: ${key}`);
    parts.push(`${parts.length === 0 ? '{' : ','}"${key}":`, value);
  }
  parts.push(parts.length === 0 ? '{}' : '}');
  return concat(parts);
}

const bool = (v: Value): JsonText => sql<string>`(case when ${v} = 1 then 'true' else 'false' end)`;
const when = (c: Expression<SqlBool>): JsonText => sql<string>`(case when ${c} then 'true' else 'false' end)`;
const nullUnless = (c: Expression<SqlBool>, value: JsonText): JsonText =>
  sql<string>`(case when ${c} then ${value} else 'null' end)`;

/**
 * SQLite writes reals with up to 17 digits, and neither printf nor its text-to-real conversion round-trips exactly
 * enough to find the shortest form, so SQLite numbers go through this function (registered on every connection
 * by openDatabase): JavaScript's own formatting, called once per number.
 */
export const SQLITE_JSON_NUMBER = 'idkarr_json_number';

/** Registers SQLITE_JSON_NUMBER on a better-sqlite3 connection. */
export function registerSqliteJsonFunctions(handle: {
  function(name: string, options: { deterministic: boolean }, fn: (x: number) => string): unknown;
}): void {
  handle.function(SQLITE_JSON_NUMBER, { deterministic: true }, (x) => JSON.stringify(x));
}

const sqlite: JsonSql = {
  value: (v) => sql<string>`json_quote(${v})`,
  // Concatenation writes an SQLite integer as its decimal digits.
  integer: (v) => sql<string>`coalesce(${v}, 'null')`,
  bool,
  when,
  nullUnless,
  percent: (n, d) =>
    sql<string>`(case when ${d} = 0 then '0' else ${sql.raw(SQLITE_JSON_NUMBER)}((cast(${n} as real) / ${d}) * 100) end)`,
  object,
  arrayAgg: (element, orderBy) =>
    sql<string>`('[' || coalesce(group_concat(${element}, ',' order by ${orderBy}), '') || ']')`,
  pickArray: (column, members) =>
    sql<string>`(select ${sqlite.arrayAgg(object(pick(members, (m) => sqlite.value(sql`e.value ->> ${sql.lit(m)}`))), sql`e.id`)} from json_each(${column}) as e)`,
  pickObjectValues: (column, members) =>
    sql<string>`(select '{' || coalesce(group_concat(json_quote(e.key) || ':' || ${object(pick(members, (m) => sql<string>`coalesce(e.value -> ${sql.lit(`$.${m}`)}, 'null')`))}, ',' order by e.id), '') || '}' from json_each(${column}) as e)`,
};

/** PostgreSQL's float8 output is the shortest round-trip digit string (extra_float_digits ≥ 1, the default). */
const postgres: JsonSql = {
  value: (v) => sql<string>`coalesce(to_json(${v})::text, 'null')`,
  integer: (v) => sql<string>`coalesce((${v})::text, 'null')`,
  bool,
  when,
  nullUnless,
  percent: (n, d) =>
    sql<string>`(case when ${d} = 0 then '0' else ((cast(${n} as double precision) / ${d}) * 100)::text end)`,
  object,
  arrayAgg: (element, orderBy) =>
    sql<string>`('[' || coalesce(string_agg(${element}, ',' order by ${orderBy}), '') || ']')`,
  pickArray: (column, members) =>
    sql<string>`(select ${postgres.arrayAgg(object(pick(members, (m) => postgres.value(sql`e.value ->> ${sql.lit(m)}`))), sql`e.n`)} from json_array_elements(cast(${column} as json)) with ordinality as e(value, n))`,
  pickObjectValues: (column, members) =>
    sql<string>`(select '{' || coalesce(string_agg(to_json(e.key)::text || ':' || ${object(pick(members, (m) => sql<string>`coalesce((e.value -> ${sql.lit(m)})::text, 'null')`))}, ',' order by e.n), '') || '}' from json_each(cast(${column} as json)) with ordinality as e(key, value, n))`,
};

function pick(members: readonly string[], read: (member: string) => JsonText): Record<string, JsonText> {
  return Object.fromEntries(members.map((m) => [m, read(m)]));
}

export function jsonSql(db: Kysely<DB>): JsonSql {
  return db.getExecutor().adapter instanceof PostgresAdapter ? postgres : sqlite;
}
