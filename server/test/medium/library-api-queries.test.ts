// No N+1: the movie, series and episode endpoints run a fixed number of SQL statements whatever the number of rows
// (counted by a Kysely plugin on the real repositories, both dialects). Also: a 500-episode series in one read.
import type { FastifyInstance } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EpisodeRepository } from '../../src/db/repositories/episode.repository.js';
import { inTransaction } from '../../src/db/repositories/library-query.util.js';
import { MovieRepository } from '../../src/db/repositories/movie.repository.js';
import { QualityProfileRepository } from '../../src/db/repositories/quality-profile.repository.js';
import { RootFolderRepository } from '../../src/db/repositories/root-folder.repository.js';
import { SeriesRepository } from '../../src/db/repositories/series.repository.js';
import { TagRepository } from '../../src/db/repositories/tag.repository.js';
import { EventBus } from '../../src/events/event-bus.js';
import { episodeRoutes } from '../../src/http/routes/episode.routes.js';
import { movieRoutes } from '../../src/http/routes/movie.routes.js';
import { seriesRoutes } from '../../src/http/routes/series.routes.js';
import { systemClock } from '../../src/lib/clock.js';
import { silentLogger } from '../../src/lib/logger.js';
import { LibraryPaths } from '../../src/services/library/add-path.service.js';
import { EpisodeService } from '../../src/services/library/episode.service.js';
import { MovieService } from '../../src/services/library/movie.service.js';
import { SeriesService } from '../../src/services/library/series.service.js';
import { bareApp } from '../support/bare-app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { episodeMeta, newMovie, newSeries } from '../support/library-factories.js';

describe.each(DIALECTS)('library reads issue a fixed number of queries (%s)', (dialect) => {
  let tdb: TestDatabase;
  let app: FastifyInstance;
  let queries = 0;
  let profileId: number;
  // Counts results, one per executed statement: transformQuery also runs for every subquery built on the
  // counted instance (an `in (select ...)`), which is part of its statement.
  const counter: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      queries++;
      return args.result;
    },
  };

  beforeEach(async () => {
    tdb = await createTestDatabase(dialect);
    const plain = tdb.database.db;
    profileId = (await new QualityProfileRepository(plain).list())[0]!.id;
    const movies = new MovieRepository(plain);
    const series = new SeriesRepository(plain);
    const episodes = new EpisodeRepository(plain);
    await movies.insertMany(Array.from({ length: 120 }, (_, i) => newMovie(i + 1, { qualityProfileId: profileId })));
    for (const m of (await movies.list()).slice(0, 40))
      await movies.replaceAlternativeTitles(m.id, [{ title: `Alt ${m.id}`, cleanTitle: `alt${m.id}`, source: 'tmdb' }]);
    for (let n = 1; n <= 30; n++) {
      const s = await series.insert(newSeries(n, { qualityProfileId: profileId }));
      const seasons = n === 1 ? 10 : 2;
      const perSeason = n === 1 ? 50 : 5;
      await series.upsertSeasons(
        s.id,
        Array.from({ length: seasons }, (_, i) => ({ seasonNumber: i + 1, monitored: true })),
      );
      const eps = [];
      for (let season = 1; season <= seasons; season++)
        for (let e = 1; e <= perSeason; e++)
          eps.push({
            ...episodeMeta(season, e, { airDateUtc: new Date(Date.UTC(2020, 0, season * 10 + e)).toISOString() }),
            monitored: true,
          });
      await episodes.upsertMany(s.id, eps);
    }

    const db = plain.withPlugin(counter);
    const events = new EventBus();
    const log = silentLogger();
    const paths = new LibraryPaths({ rootFolders: new RootFolderRepository(db) });
    const base = {
      qualityProfiles: new QualityProfileRepository(db),
      tags: new TagRepository(db),
      paths,
      events,
      clock: systemClock,
      log,
    };
    const seriesRepo = new SeriesRepository(db);
    const episodeRepo = new EpisodeRepository(db);
    const unused = {} as never;
    app = bareApp();
    await app.register(
      async (http) => {
        await http.register(
          movieRoutes({
            movies: new MovieService({ ...base, movies: new MovieRepository(db) }),
            addMovie: unused,
            lookup: unused,
          }),
        );
        await http.register(
          seriesRoutes({
            series: new SeriesService({
              ...base,
              series: seriesRepo,
              episodes: episodeRepo,
              transaction: (fn) =>
                inTransaction(db, (trx) =>
                  fn({
                    movies: new MovieRepository(trx),
                    series: new SeriesRepository(trx),
                    episodes: new EpisodeRepository(trx),
                  }),
                ),
            }),
            addSeries: unused,
            lookup: unused,
          }),
        );
        await http.register(
          episodeRoutes({ episodes: new EpisodeService({ episodes: episodeRepo, series: seriesRepo, events }) }),
        );
      },
      { prefix: '/api/v1' },
    );
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
    await tdb.cleanup();
  });

  async function count(url: string): Promise<{ n: number; body: unknown }> {
    queries = 0;
    const res = await app.inject({ method: 'GET', url: `/api/v1${url}` });
    expect(res.statusCode, res.body).toBe(200);
    return { n: queries, body: res.json() };
  }

  it.each([
    // One JSON slice (500 movies each) built by the database.
    ['/movie', 1],
    ['/movie?page=2&pageSize=50&sortKey=year', 3],
    ['/movie?pageSize=100&monitored=true&search=movie', 3],
    // The stale-statistics check, then one JSON slice (500 series each) built by the database.
    ['/series', 2],
    ['/series?page=1&pageSize=25&sortKey=nextAiring&sortDirection=descending', 4],
    ['/episode?seriesId=1', 2],
  ])('GET %s runs %i statements', async (url, expected) => {
    const { n } = await count(url);
    expect(n).toBe(expected);
  });

  it('reads a 500-episode series in one episode query, quickly', async () => {
    const started = performance.now();
    const { n, body } = await count('/episode?seriesId=1');
    const elapsed = performance.now() - started;
    expect(body).toHaveLength(500);
    expect(n).toBe(2);
    // Generous ceiling for a loaded CI machine; the benchmark measures the real figure.
    expect(elapsed).toBeLessThan(1000);
    const first = (body as { seasonNumber: number; episodeNumber: number }[])[0];
    expect(first).toMatchObject({ seasonNumber: 1, episodeNumber: 1 });
  });

  it('counts all 500 episodes of the big series in its statistics', async () => {
    const series = (await count('/series')).body as { statistics: { totalEpisodeCount: number } }[];
    expect(series[0]?.statistics.totalEpisodeCount).toBe(500);
  });
});
