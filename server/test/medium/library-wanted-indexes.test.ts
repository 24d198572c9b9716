// The wanted and calendar queries use the indexes migration 0003 built for them. SQLite: the plan of the exact SQL
// the repositories send (captured through a Kysely plugin) — the planner has no statistics, which is what made the
// 0002 indexes misfire. PostgreSQL: the indexes exist and the queries run (its planner uses statistics instead).
import type { KyselyPlugin, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EpisodeRepository } from '../../src/db/repositories/episode.repository.js';
import { MovieRepository } from '../../src/db/repositories/movie.repository.js';
import { SeriesRepository } from '../../src/db/repositories/series.repository.js';
import { seriesToRow } from '../../src/db/repositories/series-row.mapper.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { episodeMeta, newSeries } from '../support/library-factories.js';

interface Captured {
  sql: string;
  parameters: readonly unknown[];
}

describe.each(DIALECTS)('library wanted/calendar indexes (%s)', (dialect) => {
  let tdb: TestDatabase;
  let captured: Captured[];
  let movies: MovieRepository;
  let episodes: EpisodeRepository;
  let series: SeriesRepository;

  beforeEach(async () => {
    tdb = await createTestDatabase(dialect);
    captured = [];
    const db = tdb.database.db;
    const capture: KyselyPlugin = {
      transformQuery: (args) => {
        const q = db.getExecutor().compileQuery(args.node as RootOperationNode, args.queryId);
        captured.push({ sql: q.sql, parameters: q.parameters });
        return args.node;
      },
      transformResult: async (args): Promise<QueryResult<UnknownRow>> => args.result,
    };
    movies = new MovieRepository(db.withPlugin(capture));
    episodes = new EpisodeRepository(db.withPlugin(capture));
    series = new SeriesRepository(db.withPlugin(capture));
  });
  afterEach(async () => {
    await tdb.cleanup();
  });

  const plan = (q: Captured): string =>
    tdb.database
      .sqlite!.prepare(`explain query plan ${q.sql}`)
      .all(...q.parameters)
      .map((r) => (r as { detail: string }).detail)
      .join(' | ');
  const req = { page: 1, pageSize: 100, sortKey: 'airDateUtc', sortDirection: 'descending' } as const;

  it('has the 0003 indexes and not the 0002 ones they replace', async () => {
    const names =
      dialect === 'sqlite'
        ? tdb.database.sqlite!.prepare("select name from sqlite_master where type = 'index'").all()
        : (
            await tdb.database.db
              .selectFrom('pg_indexes' as never)
              .select('indexname as name' as never)
              .execute()
          ).map((r) => r as { name: string });
    const set = new Set(names.map((r) => (r as { name: string }).name));
    expect(set.has('episodes_wanted_idx')).toBe(true);
    expect(set.has('movies_wanted_idx')).toBe(true);
    expect(set.has('episodes_statistics_idx')).toBe(true);
    expect(set.has('episodes_monitored_episode_file_id_air_date_utc_idx')).toBe(false);
    expect(set.has('movies_monitored_movie_file_id_idx')).toBe(false);
  });

  it('wanted counts and season statistics are index-only; calendars use the date indexes', async () => {
    await episodes.wantedMissing(req, '2030-01-01T00:00:00.000Z');
    await movies.wantedMissing({ ...req, sortKey: 'title' }, '2030-01-01');
    await episodes.calendar('2030-01-01T00:00:00.000Z', '2030-02-01T00:00:00.000Z');
    await movies.calendar('2030-01-01', '2030-01-31');
    await series.seasonStatistics('2030-01-01T00:00:00.000Z', [1, 2, 3]);
    await series.seasonStatistics('2030-01-01T00:00:00.000Z');
    expect(captured).toHaveLength(8);
    if (dialect !== 'sqlite') return;
    const [episodeCount, episodePage, movieCount, , episodeCalendar, movieCalendar, statsSome, statsAll] =
      captured.map(plan);
    expect(episodeCount).toContain('USING COVERING INDEX episodes_wanted_idx');
    expect(episodePage).toContain('episodes_wanted_idx');
    expect(movieCount).toContain('USING COVERING INDEX movies_wanted_idx');
    expect(episodeCalendar).toContain('episodes_air_date_utc_idx');
    for (const column of ['in_cinemas', 'digital_release', 'physical_release'])
      expect(movieCalendar).toContain(`movies_${column}_idx`);
    // Statistics come from season_statistics (migration 0011), by its primary key for some series.
    expect(statsSome).toContain('SEARCH season_statistics USING INDEX sqlite_autoindex_season_statistics_1');
    expect(statsAll).toContain('SCAN season_statistics');
  });

  it('recomputes out-of-date season statistics from the covering statistics index', async () => {
    const db = tdb.database.db;
    const s = await db
      .insertInto('series')
      .values(seriesToRow(newSeries(1)))
      .returning('id')
      .executeTakeFirstOrThrow();
    await episodes.upsertMany(s.id, [
      { ...episodeMeta(1, 1, { airDateUtc: '2030-01-01T00:00:00.000Z' }), monitored: true },
    ]);
    captured = [];
    const [stats] = await series.seasonStatistics('2031-01-01T00:00:00.000Z', [s.id]);
    expect(stats).toMatchObject({ episodeCount: 1, previousAiring: '2030-01-01T00:00:00.000Z', nextAiring: null });
    const aggregate = captured.find((q) => /group by/i.test(q.sql));
    expect(aggregate).toBeDefined();
    if (dialect === 'sqlite') expect(plan(aggregate!)).toContain('USING COVERING INDEX episodes_statistics_idx');
  });
});
