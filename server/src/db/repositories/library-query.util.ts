// SQL helpers the library repositories share: unique violations as ConflictError, tag membership in a JSON
// array column, whitelisted sorting, paging, batching and "join a transaction if one is open".
import {
  type Expression,
  type Kysely,
  type OrderByModifiersCallbackExpression,
  PostgresAdapter,
  type SqlBool,
  sql,
} from 'kysely';
import type { MediaImage, Ratings } from '../../domain/library/media.types.js';
import type { PageRequest } from '../../domain/library/paging.types.js';
import type { DB } from '../schema.js';

export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function isForeignKeyViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/**
 * `tags` columns hold `JSON.stringify(number[])` (no spaces), so `,1,2,` contains `,N,` exactly when N is a
 * member. Plain string functions both dialects share; no JSON operators, which differ between them.
 */
export function hasTag(column: string, tagId: number): Expression<SqlBool> {
  const ref = sql.ref(column);
  return sql<SqlBool>`(',' || substr(${ref}, 2, length(${ref}) - 2) || ',') like ${`%,${Math.trunc(tagId)},%`}`;
}

export interface SortColumn {
  column: string;
  /** Nullable columns sort nulls last in both directions on both dialects (they disagree by default). */
  nullable?: boolean;
}

/** Order modifier for a whitelisted sort; callers add `id` in the same direction as tie-breaker. */
export function sortOrder(
  direction: PageRequest['sortDirection'],
  nullable = false,
): OrderByModifiersCallbackExpression {
  return (ob) => {
    const directed = direction === 'descending' ? ob.desc() : ob.asc();
    return nullable ? directed.nullsLast() : directed;
  };
}

/**
 * PostgreSQL pages select the page's ids first (an index-only scan of the `(sort column, id)` indexes from
 * migration 0011) and only then whole rows: with OFFSET it would otherwise read the heap row of every skipped
 * record (20,000 for the last movie page). SQLite already skips by index entries, so it keeps the plain query.
 */
export function deferPageRows(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs fn in the caller's transaction when there is one (Kysely cannot nest), else in a new one. */
export function inTransaction<T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

export const bool = (value: boolean): number => (value ? 1 : 0);
export const parseJson = <T>(text: string): T => JSON.parse(text) as T;

/**
 * Artwork and ratings columns, reduced to the documented fields (what the API schemas declare), so list
 * responses can be written with plain JSON.stringify and still match the schema serializer's output.
 */
export function parseImages(text: string): MediaImage[] {
  return (JSON.parse(text) as MediaImage[]).map((i) => ({ coverType: i.coverType, remoteUrl: i.remoteUrl }));
}

export function parseRatings(text: string): Ratings {
  const out: Ratings = {};
  for (const [source, r] of Object.entries(JSON.parse(text) as Ratings))
    out[source] = { value: r.value, votes: r.votes };
  return out;
}
