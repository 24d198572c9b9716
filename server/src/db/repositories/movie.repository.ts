// movies + movie_alternative_titles rows <-> Movie. Lists are paged in SQL (one count + one page query), filters
// and sorts are whitelisted, and batch reads take id lists so callers never query per row.
import type { ExpressionBuilder, Insertable, Kysely } from 'kysely';
import type { AlternativeTitle, Movie, MovieStatus, NewMovie } from '../../domain/library/movie.types.js';
import type { Page, PageRequest } from '../../domain/library/paging.types.js';
import { ConflictError } from '../../lib/errors.js';
import type { DB, MoviesTable } from '../schema.js';
import {
  type LibraryFilter,
  type ListJsonRow,
  listJsonSlice,
  listRows,
  pageRows,
  sharedConditions,
} from './library-list.sql.js';
import { bool, chunk, inTransaction, isUniqueViolation, type SortColumn } from './library-query.util.js';
import { movieJson } from './movie-json.mapper.js';
import { movieFromRow, movieToRow } from './movie-row.mapper.js';

export const MOVIE_SORT_KEYS = {
  title: { column: 'movies.sort_title' },
  sortTitle: { column: 'movies.sort_title' },
  year: { column: 'movies.year' },
  added: { column: 'movies.added' },
  path: { column: 'movies.path' },
  runtime: { column: 'movies.runtime' },
  status: { column: 'movies.status' },
  tmdbId: { column: 'movies.tmdb_id' },
  qualityProfileId: { column: 'movies.quality_profile_id' },
  inCinemas: { column: 'movies.in_cinemas', nullable: true },
  digitalRelease: { column: 'movies.digital_release', nullable: true },
  physicalRelease: { column: 'movies.physical_release', nullable: true },
} satisfies Record<string, SortColumn>;
export type MovieSortKey = keyof typeof MOVIE_SORT_KEYS;

/** One movie of the unpaginated list: its keyset position and its JSON. */
export type MovieJsonRow = ListJsonRow;

export interface MovieFilter extends LibraryFilter {
  /** true: no file yet; false: has a file. */
  missing?: boolean;
  status?: MovieStatus;
  /** Only movies available on this day (`YYYY-MM-DD`) by their minimum availability (see isMovieAvailable). */
  availableOn?: string;
}

function where(eb: ExpressionBuilder<DB, 'movies'>, f: MovieFilter) {
  const c = sharedConditions(eb, 'movies', f);
  if (f.missing !== undefined) c.push(eb('movies.movie_file_id', f.missing ? 'is' : 'is not', null));
  if (f.availableOn !== undefined) c.push(available(eb, f.availableOn));
  return eb.and(c);
}

/** isMovieAvailable in SQL; the medium tests compare both on the same rows. */
function available(eb: ExpressionBuilder<DB, 'movies'>, today: string) {
  const released = eb.or([
    eb('movies.status', '=', 'released'),
    eb('movies.physical_release', '<=', today),
    eb('movies.digital_release', '<=', today),
  ]);
  const inCinemas = eb.or([eb('movies.status', '=', 'inCinemas'), eb('movies.in_cinemas', '<=', today)]);
  return eb.and([
    eb('movies.status', '<>', 'deleted'),
    eb.or([
      released,
      eb.and([eb('movies.minimum_availability', 'in', ['inCinemas', 'announced']), inCinemas]),
      eb.and([eb('movies.minimum_availability', '=', 'announced'), eb('movies.status', '=', 'announced')]),
    ]),
  ]);
}

export class MovieRepository {
  constructor(private readonly db: Kysely<DB>) {}

  transaction<T>(fn: (repo: MovieRepository) => Promise<T>): Promise<T> {
    return inTransaction(this.db, (trx) => fn(new MovieRepository(trx)));
  }

  async insert(movie: NewMovie): Promise<Movie> {
    try {
      const row = await this.db.insertInto('movies').values(movieToRow(movie)).returningAll().executeTakeFirstOrThrow();
      return movieFromRow(row);
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictError(this.conflictMessage(movie));
      throw err;
    }
  }

  /** Many movies in one transaction (list imports, benchmarks); all or nothing. */
  async insertMany(movies: readonly NewMovie[]): Promise<Movie[]> {
    return inTransaction(this.db, async (trx) => {
      const out: Movie[] = [];
      for (const part of chunk(movies, 200)) {
        try {
          const rows = await trx.insertInto('movies').values(part.map(movieToRow)).returningAll().execute();
          out.push(...rows.map(movieFromRow));
        } catch (err) {
          if (isUniqueViolation(err)) throw new ConflictError('a movie with the same tmdbId or path already exists');
          throw err;
        }
      }
      return out;
    });
  }

  async update(id: number, movie: NewMovie): Promise<Movie | undefined> {
    try {
      const row = await this.db
        .updateTable('movies')
        .set(movieToRow(movie))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row ? movieFromRow(row) : undefined;
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictError(this.conflictMessage(movie));
      throw err;
    }
  }

  /** Bulk edit of the user's fields (movie editor); one statement per chunk of ids. */
  async updateMany(
    ids: readonly number[],
    patch: Partial<Pick<Movie, 'monitored' | 'qualityProfileId' | 'minimumAvailability' | 'tags'>>,
  ): Promise<number> {
    const set: Partial<Insertable<MoviesTable>> = {};
    if (patch.monitored !== undefined) set.monitored = bool(patch.monitored);
    if (patch.qualityProfileId !== undefined) set.quality_profile_id = patch.qualityProfileId;
    if (patch.minimumAvailability !== undefined) set.minimum_availability = patch.minimumAvailability;
    if (patch.tags !== undefined) set.tags = JSON.stringify([...new Set(patch.tags)]);
    if (Object.keys(set).length === 0 || ids.length === 0) return 0;
    let changed = 0;
    for (const part of chunk(ids, 500)) {
      const r = await this.db.updateTable('movies').set(set).where('id', 'in', part).executeTakeFirst();
      changed += Number(r.numUpdatedRows);
    }
    return changed;
  }

  async setFile(id: number, movieFileId: number | null): Promise<void> {
    await this.db.updateTable('movies').set({ movie_file_id: movieFileId }).where('id', '=', id).execute();
  }

  async get(id: number): Promise<Movie | undefined> {
    const row = await this.db.selectFrom('movies').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? movieFromRow(row) : undefined;
  }

  async getMany(ids: readonly number[]): Promise<Movie[]> {
    const out: Movie[] = [];
    for (const part of chunk([...new Set(ids)], 500)) {
      const rows = await this.db.selectFrom('movies').selectAll().where('id', 'in', part).orderBy('id').execute();
      out.push(...rows.map(movieFromRow));
    }
    return out;
  }

  async findByTmdbId(tmdbId: number): Promise<Movie | undefined> {
    const row = await this.db.selectFrom('movies').selectAll().where('tmdb_id', '=', tmdbId).executeTakeFirst();
    return row ? movieFromRow(row) : undefined;
  }

  /** The item filed at exactly this folder (paths are unique per table). */
  async findByPath(path: string): Promise<Movie | undefined> {
    const row = await this.db.selectFrom('movies').selectAll().where('path', '=', path).executeTakeFirst();
    return row ? movieFromRow(row) : undefined;
  }

  async findByImdbId(imdbId: string): Promise<Movie | undefined> {
    const row = await this.db.selectFrom('movies').selectAll().where('imdb_id', '=', imdbId).executeTakeFirst();
    return row ? movieFromRow(row) : undefined;
  }

  /** Exact clean-title matches on the title or an alternative title (release → movie matching). */
  async findByCleanTitle(cleanTitle: string): Promise<Movie[]> {
    const rows = await this.db
      .selectFrom('movies')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('clean_title', '=', cleanTitle),
          eb(
            'id',
            'in',
            eb.selectFrom('movie_alternative_titles').select('movie_id').where('clean_title', '=', cleanTitle),
          ),
        ]),
      )
      .orderBy('id')
      .execute();
    return rows.map(movieFromRow);
  }

  /** Every movie, sorted; one query (the unpaginated list). */
  async list(filter: MovieFilter = {}): Promise<Movie[]> {
    const rows = await listRows(
      this.db,
      (db) => db.selectFrom('movies'),
      (eb) => where(eb, filter),
    );
    return rows.map(movieFromRow);
  }

  /**
   * The same movies as `list`, as the API's JSON text (movie-json.mapper.ts) for `today` (`YYYY-MM-DD`), `limit`
   * at a time after the given (sortTitle, id): the unpaginated list's slices.
   */
  listJsonAfter(
    filter: MovieFilter,
    limit: number,
    today: string,
    after?: { sortTitle: string; id: number },
  ): Promise<MovieJsonRow[]> {
    const json = (eb: ExpressionBuilder<DB, 'movies'>) => movieJson(this.db, available(eb, today));
    return listJsonSlice(
      this.db,
      (db) => db.selectFrom('movies'),
      (eb) => where(eb, filter),
      json,
      limit,
      after,
    );
  }

  /** One page plus the total: exactly two queries whatever the page size. */
  async page(req: PageRequest<MovieSortKey>, filter: MovieFilter = {}): Promise<Page<Movie, MovieSortKey>> {
    const sort: SortColumn = MOVIE_SORT_KEYS[req.sortKey] ?? MOVIE_SORT_KEYS.title;
    const { total, rows } = await pageRows(
      this.db,
      (db) => db.selectFrom('movies'),
      (eb) => where(eb, filter),
      sort,
      req,
    );
    return { ...req, totalRecords: total, records: rows.map(movieFromRow) };
  }

  /** Wanted (missing): monitored, no file, available by minimum availability on `today` (`YYYY-MM-DD`). */
  wantedMissing(req: PageRequest<MovieSortKey>, today: string): Promise<Page<Movie, MovieSortKey>> {
    return this.page(req, { monitored: true, missing: true, availableOn: today });
  }

  /** Movies with a cinema, digital or physical release day in [startDay, endDay] (`YYYY-MM-DD`). */
  async calendar(startDay: string, endDay: string, opts: { includeUnmonitored?: boolean } = {}): Promise<Movie[]> {
    let query = this.db
      .selectFrom('movies')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.between('in_cinemas', startDay, endDay),
          eb.between('digital_release', startDay, endDay),
          eb.between('physical_release', startDay, endDay),
        ]),
      );
    if (!opts.includeUnmonitored) query = query.where('monitored', '=', 1);
    return (await query.orderBy('sort_title').orderBy('id').execute()).map(movieFromRow);
  }

  async delete(id: number): Promise<boolean> {
    const r = await this.db.deleteFrom('movies').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /** Replaces a movie's alternative titles (metadata refresh) atomically. */
  async replaceAlternativeTitles(movieId: number, titles: readonly AlternativeTitle[]): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      await trx.deleteFrom('movie_alternative_titles').where('movie_id', '=', movieId).execute();
      for (const part of chunk(titles, 300)) {
        await trx
          .insertInto('movie_alternative_titles')
          .values(part.map((t) => ({ movie_id: movieId, title: t.title, clean_title: t.cleanTitle, source: t.source })))
          .execute();
      }
    });
  }

  /** Alternative titles of many movies in one query per 500 ids. */
  async alternativeTitlesFor(movieIds: readonly number[]): Promise<Map<number, AlternativeTitle[]>> {
    const out = new Map<number, AlternativeTitle[]>();
    for (const part of chunk([...new Set(movieIds)], 500)) {
      const rows = await this.db
        .selectFrom('movie_alternative_titles')
        .selectAll()
        .where('movie_id', 'in', part)
        .orderBy('id')
        .execute();
      for (const r of rows) {
        const list = out.get(r.movie_id) ?? [];
        list.push({ title: r.title, cleanTitle: r.clean_title, source: r.source });
        out.set(r.movie_id, list);
      }
    }
    return out;
  }

  /** Paths of every item filed under any of these root folders, in one query (root folders' unmapped folders). */
  async pathsInRootFolders(rootFolderPaths: readonly string[]): Promise<string[]> {
    if (rootFolderPaths.length === 0) return [];
    const rows = await this.db
      .selectFrom('movies')
      .select('path')
      .where('root_folder_path', 'in', [...rootFolderPaths])
      .execute();
    return rows.map((r) => r.path);
  }

  /** Up to `limit` movies using a quality profile, for "profile in use" messages. */
  async usingProfile(profileId: number, limit = 5): Promise<{ total: number; titles: string[] }> {
    const total = await this.db
      .selectFrom('movies')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('quality_profile_id', '=', profileId)
      .executeTakeFirstOrThrow();
    const rows = await this.db
      .selectFrom('movies')
      .select('title')
      .where('quality_profile_id', '=', profileId)
      .orderBy('sort_title')
      .limit(limit)
      .execute();
    return { total: Number(total.n), titles: rows.map((r) => r.title) };
  }

  private conflictMessage(movie: NewMovie): string {
    return `a movie with tmdbId ${movie.tmdbId} or path "${movie.path}" already exists`;
  }
}
