// Season statistics kept by migration 0011's triggers (both dialects): current after every kind of episode write,
// recomputed when the clock has passed an airing; and list responses written with JSON.stringify (plainJson)
// equal what the schema serializer writes for the same records.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EpisodeRepository, type EpisodeUpsert } from '../../src/db/repositories/episode.repository.js';
import { inTransaction } from '../../src/db/repositories/library-query.util.js';
import { MovieRepository } from '../../src/db/repositories/movie.repository.js';
import { QualityProfileRepository } from '../../src/db/repositories/quality-profile.repository.js';
import { RootFolderRepository } from '../../src/db/repositories/root-folder.repository.js';
import { SeriesRepository } from '../../src/db/repositories/series.repository.js';
import { TagRepository } from '../../src/db/repositories/tag.repository.js';
import { EventBus } from '../../src/events/event-bus.js';
import { movieRoutes } from '../../src/http/routes/movie.routes.js';
import { seriesRoutes } from '../../src/http/routes/series.routes.js';
import { systemClock } from '../../src/lib/clock.js';
import { silentLogger } from '../../src/lib/logger.js';
import { LibraryPaths } from '../../src/services/library/add-path.service.js';
import { MovieService } from '../../src/services/library/movie.service.js';
import { SeriesService } from '../../src/services/library/series.service.js';
import { bareApp } from '../support/bare-app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { episodeMeta, newMovie, newSeries } from '../support/library-factories.js';

const NOW = Date.now();
const at = (hours: number) => new Date(NOW + hours * 3_600_000).toISOString();
const ep = (s: number, e: number, airHours: number | null, monitored = true): EpisodeUpsert => ({
  ...episodeMeta(s, e, {
    airDateUtc: airHours === null ? null : at(airHours),
    airDate: airHours === null ? null : at(airHours).slice(0, 10),
  }),
  monitored,
});

describe.each(DIALECTS)('season statistics (%s)', (dialect) => {
  let tdb: TestDatabase;
  let series: SeriesRepository;
  let episodes: EpisodeRepository;
  beforeEach(async () => {
    tdb = await createTestDatabase(dialect);
    series = new SeriesRepository(tdb.database.db);
    episodes = new EpisodeRepository(tdb.database.db);
  });
  afterEach(async () => {
    await tdb.cleanup();
  });

  /** What the triggers stored, without the read path's repair. */
  async function stored() {
    const r = await sql<{
      series_id: number;
      season_number: number;
      total_episode_count: number;
      episode_file_count: number;
      episode_count: number;
      next_airing: string | null;
      previous_airing: string | null;
    }>`select * from season_statistics order by series_id, season_number`.execute(tdb.database.db);
    return r.rows.map((x) => ({
      ...x,
      total_episode_count: Number(x.total_episode_count),
      episode_file_count: Number(x.episode_file_count),
      episode_count: Number(x.episode_count),
    }));
  }

  it('follows inserts, refreshes, monitoring, file links, moves and deletes', async () => {
    const s = await series.insert(newSeries(1));
    const other = await series.insert(newSeries(2));
    // Season 1: aired (-48 h, -24 h), one unmonitored aired; season 2: one aired, one airing in 24 h, one unknown.
    await episodes.upsertMany(s.id, [
      ep(1, 1, -48),
      ep(1, 2, -24),
      ep(1, 3, -12, false),
      ep(2, 1, -6),
      ep(2, 2, 24),
      ep(2, 3, null),
    ]);
    const row = (season: number, over: object) => ({
      series_id: s.id,
      season_number: season,
      ...over,
    });
    expect(await stored()).toEqual([
      row(1, {
        total_episode_count: 3,
        episode_file_count: 0,
        episode_count: 2,
        next_airing: null,
        previous_airing: at(-12),
      }),
      row(2, {
        total_episode_count: 3,
        episode_file_count: 0,
        episode_count: 1,
        next_airing: at(24),
        previous_airing: at(-6),
      }),
    ]);

    const list = await episodes.listBySeries(s.id);
    const id = (season: number, e: number) => list.find((x) => x.seasonNumber === season && x.episodeNumber === e)!.id;
    await episodes.setFile([id(1, 3)], 501);
    await episodes.setMonitored([id(1, 1)], false);
    expect((await stored())[0]).toMatchObject({ episode_file_count: 1, episode_count: 2 });

    // A refresh moving an air date into the past (upsert's update branch).
    await episodes.upsertMany(s.id, [ep(2, 2, -1)]);
    expect((await stored())[1]).toMatchObject({ episode_count: 2, next_airing: null, previous_airing: at(-1) });

    // An episode moved to another series leaves its old season and creates the new one.
    await sql`update episodes set series_id = ${other.id} where id = ${id(2, 3)}`.execute(tdb.database.db);
    expect((await stored()).map((r) => [r.series_id, r.season_number, r.total_episode_count])).toEqual([
      [s.id, 1, 3],
      [s.id, 2, 2],
      [other.id, 2, 1],
    ]);

    // Deleting a season's episodes removes its row; deleting a series removes the rest (cascade).
    await episodes.deleteExcept(s.id, [id(1, 1), id(1, 2), id(1, 3)]);
    expect((await stored()).map((r) => [r.series_id, r.season_number])).toEqual([
      [s.id, 1],
      [other.id, 2],
    ]);
    await series.delete(other.id);
    expect((await stored()).map((r) => r.series_id)).toEqual([s.id]);
  });

  it('walks the JSON list in keyset slices (listJsonAfter) in the same order as list()', async () => {
    for (const n of [5, 3, 1, 4, 2]) await series.insert(newSeries(n, { sortTitle: n % 2 ? 'same title' : `t${n}` }));
    const walked = [];
    let after: { sortTitle: string; id: number } | undefined;
    for (;;) {
      const part = await series.listJsonAfter({}, 2, after);
      walked.push(...part.map((r) => (JSON.parse(r.json) as { id: number }).id));
      if (part.length < 2) break;
      after = part.at(-1)!;
    }
    expect(walked).toEqual((await series.list()).map((s) => s.id));
    const unmonitored = await series.listJsonAfter({ monitored: false }, 10);
    expect(unmonitored.map((r) => r.id)).toEqual((await series.list({ monitored: false })).map((s) => s.id));
  });

  it('pages (ids first on PostgreSQL) hold the rows a plain sort gives, in order', async () => {
    const movies = new MovieRepository(tdb.database.db);
    await movies.insertMany([4, 7, 1, 6, 2, 5, 3].map((n) => newMovie(n, { year: 2000 + (n % 3) })));
    const all = await movies.list();
    const byYear = [...all].sort((a, b) => b.year - a.year || b.id - a.id);
    const page = (sortKey: 'title' | 'year', sortDirection: 'ascending' | 'descending') =>
      movies.page({ page: 2, pageSize: 3, sortKey, sortDirection });
    expect((await page('title', 'ascending')).records).toEqual(all.slice(3, 6));
    expect((await page('year', 'descending')).records).toEqual(byYear.slice(3, 6));
    expect((await movies.page({ page: 3, pageSize: 3, sortKey: 'year', sortDirection: 'descending' })).records).toEqual(
      byYear.slice(6),
    );
    const s = await series.insert(newSeries(1));
    expect(
      (await series.page({ page: 1, pageSize: 5, sortKey: 'added', sortDirection: 'descending' })).records,
    ).toEqual([s]);
  });

  it('recomputes rows whose airing window the clock has left, and stores them back', async () => {
    const s = await series.insert(newSeries(1));
    await episodes.upsertMany(s.id, [ep(1, 1, -24), ep(1, 2, 24), ep(1, 3, 48)]);
    const later = at(30);
    const [stats] = await series.seasonStatistics(later, [s.id]);
    expect(stats).toEqual({
      seriesId: s.id,
      seasonNumber: 1,
      totalEpisodeCount: 3,
      episodeFileCount: 0,
      episodeCount: 2,
      nextAiring: at(48),
      previousAiring: at(24),
    });
    expect((await stored())[0]).toMatchObject({ episode_count: 2, next_airing: at(48), previous_airing: at(24) });
    // An earlier clock (a test's fake one) is outside that window too: recomputed for it.
    expect((await series.seasonStatistics(at(-30)))[0]).toMatchObject({
      episodeCount: 0,
      nextAiring: at(-24),
      previousAiring: null,
    });
    // Within the window: as stored, for every series.
    expect(await series.seasonStatistics(at(-29))).toHaveLength(1);
  });
});

describe.each(DIALECTS)('list responses written with plainJson (%s)', (dialect) => {
  let tdb: TestDatabase;
  let app: FastifyInstance;
  let base: string;

  beforeEach(async () => {
    tdb = await createTestDatabase(dialect);
    const db = tdb.database.db;
    const profileId = (await new QualityProfileRepository(db).list())[0]!.id;
    const movies = new MovieRepository(db);
    const seriesRepo = new SeriesRepository(db);
    const episodeRepo = new EpisodeRepository(db);
    await movies.insertMany([1, 2, 3].map((n) => newMovie(n, { qualityProfileId: profileId })));
    const s = await seriesRepo.insert(newSeries(1, { qualityProfileId: profileId }));
    await seriesRepo.upsertSeasons(s.id, [
      { seasonNumber: 0, monitored: false },
      { seasonNumber: 1, monitored: true },
    ]);
    await episodeRepo.upsertMany(s.id, [ep(0, 1, -100), ep(1, 1, -50), ep(1, 2, -10), ep(1, 3, 40)]);
    await episodeRepo.setFile([(await episodeRepo.listBySeries(s.id))[1]!.id], 9);
    // Artwork and ratings with fields the schema does not declare: both serializers leave them out.
    const images = JSON.stringify([{ coverType: 'poster', remoteUrl: 'https://x/p.jpg', url: '/local' }]);
    const ratings = JSON.stringify({ tvdb: { value: 8.5, votes: 10, type: 'user' } });
    await db.updateTable('series').set({ images, ratings }).execute();
    await db.updateTable('movies').set({ images, ratings }).execute();

    const events = new EventBus();
    const common = {
      qualityProfiles: new QualityProfileRepository(db),
      tags: new TagRepository(db),
      paths: new LibraryPaths({ rootFolders: new RootFolderRepository(db) }),
      events,
      clock: systemClock,
      log: silentLogger(),
    };
    const unused = {} as never;
    app = bareApp();
    await app.register(
      async (http) => {
        await http.register(
          movieRoutes({ movies: new MovieService({ ...common, movies }), addMovie: unused, lookup: unused }),
        );
        await http.register(
          seriesRoutes({
            series: new SeriesService({
              ...common,
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
      },
      { prefix: '/api/v1' },
    );
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(async () => {
    await app.close();
    await tdb.cleanup();
  });

  const get = async (path: string) => {
    const res = await fetch(`${base}/api/v1${path}`);
    expect(res.status).toBe(200);
    return res.json();
  };

  it('writes every series and series page as the schema serializer writes one series', async () => {
    const all = (await get('/series')) as { id: number }[];
    const page = (await get('/series?pageSize=10')) as { records: { id: number }[]; totalRecords: number };
    expect(all).toHaveLength(1);
    const { alternateTitles: _a, ...one } = (await get(`/series/${all[0]!.id}`)) as Record<string, unknown>;
    expect(all[0]).toStrictEqual(one);
    expect(page.records[0]).toStrictEqual(one);
    expect(one).toMatchObject({
      images: [{ coverType: 'poster', remoteUrl: 'https://x/p.jpg' }],
      ratings: { tvdb: { value: 8.5, votes: 10 } },
      statistics: { seasonCount: 1, totalEpisodeCount: 4, episodeFileCount: 1, episodeCount: 3 },
    });
  });

  it('writes every movie and movie page as the schema serializer writes one movie', async () => {
    const all = (await get('/movie')) as { id: number }[];
    const page = (await get('/movie?pageSize=2&sortKey=title')) as { records: { id: number }[] };
    expect(all).toHaveLength(3);
    for (const m of all) expect(m).toStrictEqual(await get(`/movie/${m.id}`));
    expect(page.records).toStrictEqual(all.slice(0, 2));
  });
});
