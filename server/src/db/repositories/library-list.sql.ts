// The list queries movies and series share: the filters both tables answer alike, a page with its total, and the
// keyset slices of the unpaginated list. Each repository adds its own filters and its JSON; the SQL stays the same
// for both, so a plan fix made for one list reaches the other.
import {
  type AliasableExpression,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type Selectable,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import { type PageRequest, pageOffset } from '../../domain/library/paging.types.js';
import type { DB } from '../schema.js';
import { bool, deferPageRows, hasTag, type SortColumn, sortOrder } from './library-query.util.js';

export type LibraryTable = 'movies' | 'series';
type SharedColumn = keyof DB['movies'] & keyof DB['series'] & string;
type Where<T extends LibraryTable> = (eb: ExpressionBuilder<DB, T>) => Expression<SqlBool>;

const ALTERNATIVE_TITLES = {
  movies: { table: 'movie_alternative_titles', owner: 'movie_id' },
  series: { table: 'series_alternative_titles', owner: 'series_id' },
} as const;

/** Filters with the same meaning on both tables. */
export interface LibraryFilter {
  monitored?: boolean;
  qualityProfileId?: number;
  tag?: number;
  status?: string;
  rootFolderPath?: string;
  /** Matches the clean title or any alternative title, by the same cleaning the parser uses. */
  cleanSearch?: string;
}

/** One item of the unpaginated list: its keyset position and its API JSON. */
export interface ListJsonRow {
  sortTitle: string;
  id: number;
  json: string;
}

/** The shared filters' conditions on `table` (in scope unaliased); callers add their own and AND them. */
export function sharedConditions<T extends LibraryTable>(
  eb: ExpressionBuilder<DB, T>,
  table: T,
  f: LibraryFilter,
): Expression<SqlBool>[] {
  const col = (column: SharedColumn) => sql.ref(`${table}.${column}`);
  const c: Expression<SqlBool>[] = [];
  if (f.monitored !== undefined) c.push(eb(col('monitored'), '=', bool(f.monitored)));
  if (f.qualityProfileId !== undefined) c.push(eb(col('quality_profile_id'), '=', f.qualityProfileId));
  if (f.tag !== undefined) c.push(hasTag(`${table}.tags`, f.tag));
  if (f.status !== undefined) c.push(eb(col('status'), '=', f.status));
  if (f.rootFolderPath !== undefined) c.push(eb(col('root_folder_path'), '=', f.rootFolderPath));
  if (f.cleanSearch !== undefined) {
    // Clean titles hold only letters and digits, so the term needs no LIKE escaping.
    const like = `%${f.cleanSearch.replace(/[^\p{L}\p{N}]/gu, '')}%`;
    const alt = ALTERNATIVE_TITLES[table];
    c.push(
      eb.or([
        eb(col('clean_title'), 'like', like),
        sql<SqlBool>`exists (select 1 from ${sql.table(alt.table)} as alt
          where alt.${sql.ref(alt.owner)} = ${col('id')} and alt.clean_title like ${like})`,
      ]),
    );
  }
  return c;
}

/** The table to list, selected from the given instance: `(db) => db.selectFrom('movies')`. */
type From<T extends LibraryTable> = (db: Kysely<DB>) => SelectQueryBuilder<DB, T, object>;

/**
 * Subqueries are built without the instance's plugins: the statement's own transform covers them, as it does a
 * subquery built on an expression builder (and a statement counter sees one statement).
 */
const bare = (db: Kysely<DB>) => db.withoutPlugins();

/** Every row of `from` matching `where`, in list order: the order the slices of listJsonSlice follow. */
export function listRows<T extends LibraryTable>(
  db: Kysely<DB>,
  from: From<T>,
  where: Where<T>,
): Promise<Selectable<DB[T]>[]> {
  const rows = from(db).selectAll().where(where).orderBy(sql.ref('sort_title')).orderBy(sql.ref('id')).execute();
  // selectAll() of T is Selectable<DB[T]>, as in pageRows.
  return rows as unknown as Promise<Selectable<DB[T]>[]>;
}

/** One page plus the total: exactly two queries whatever the page size. */
export async function pageRows<T extends LibraryTable>(
  db: Kysely<DB>,
  from: From<T>,
  where: Where<T>,
  sort: SortColumn,
  req: PageRequest,
): Promise<{ total: number; rows: Selectable<DB[T]>[] }> {
  // `id` unqualified: every statement here reads the one table, so it names that table's id in each scope.
  const id = sql.ref<number>('id');
  const sorted = <O>(q: SelectQueryBuilder<DB, T, O>) =>
    q
      .orderBy(sql.ref(sort.column), sortOrder(req.sortDirection, sort.nullable))
      .orderBy(id, sortOrder(req.sortDirection));
  const count = await from(db)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  const rows = deferPageRows(db)
    ? await sorted(
        from(db)
          .selectAll()
          .where(
            id,
            'in',
            sorted(from(bare(db)).select(id.as('id')).where(where))
              .limit(req.pageSize)
              .offset(pageOffset(req)),
          ),
      ).execute()
    : await sorted(from(db).selectAll().where(where)).limit(req.pageSize).offset(pageOffset(req)).execute();
  // selectAll() of T is Selectable<DB[T]>; TypeScript does not resolve the mapped type for a generic T.
  return { total: Number(count.n), rows: rows as unknown as Selectable<DB[T]>[] };
}

/**
 * Up to `limit` items of `from` in list order (sort title, then id) after the given one, each with its JSON:
 * the unpaginated list read a slice at a time (keyset, along the sort_title index).
 */
export function listJsonSlice<T extends LibraryTable>(
  db: Kysely<DB>,
  from: From<T>,
  where: Where<T>,
  json: (eb: ExpressionBuilder<DB, T>) => AliasableExpression<string>,
  limit: number,
  after?: { sortTitle: string; id: number },
): Promise<ListJsonRow[]> {
  const key = [sql.ref<string>('sort_title'), sql.ref<number>('id')] as const;
  let slice = from(bare(db)).select(key[1].as('id')).where(where);
  if (after)
    // A row-value comparison: both dialects seek the sort_title index to it (an OR of the two would scan).
    slice = slice.where(sql<SqlBool>`(${key[0]}, ${key[1]}) > (${after.sortTitle}, ${after.id})`);
  // The slice's ids first, then their JSON: a filter the planner answers from another index (quality profile,
  // file state) sorts its matches, and the database would otherwise write the JSON of every match before keeping
  // the first `limit`.
  return from(db)
    .select((eb) => [key[0].as('sortTitle'), key[1].as('id'), json(eb).as('json')])
    .where(key[1], 'in', slice.orderBy(key[0]).orderBy(key[1]).limit(limit))
    .orderBy(key[0])
    .orderBy(key[1])
    .execute() as Promise<ListJsonRow[]>;
}
