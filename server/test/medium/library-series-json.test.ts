// The unpaginated series list is built as JSON text in SQL (series-json.mapper.ts); these hold it byte for byte
// to JSON.stringify of the service's views on both dialects: awkward strings, nulls, artwork and ratings with
// undeclared members, seasons with and without episodes, specials, episodes of a season without a season row,
// fractional percentages, statistics the clock has overtaken, filters and keyset slices.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EpisodeRepository, type EpisodeUpsert } from '../../src/db/repositories/episode.repository.js';
import { jsonSql } from '../../src/db/repositories/json-text.sql.js';
import type { SeriesFilter } from '../../src/db/repositories/series.repository.js';
import { SeriesRepository } from '../../src/db/repositories/series.repository.js';
import type { NewSeries } from '../../src/domain/library/series.types.js';
import { FakeClock } from '../../src/lib/clock.js';
import { SeriesService, type SeriesServiceDeps } from '../../src/services/library/series.service.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { episodeMeta, newSeries } from '../support/library-factories.js';

const NOW = Date.UTC(2025, 5, 1, 12);
const at = (hours: number) => new Date(NOW + hours * 3_600_000).toISOString();
const ep = (season: number, episode: number, airHours: number | null, monitored = true): EpisodeUpsert => ({
  ...episodeMeta(season, episode, { airDateUtc: airHours === null ? null : at(airHours) }),
  monitored,
});

describe.each(DIALECTS)('series list JSON built in SQL (%s)', (dialect) => {
  let tdb: TestDatabase;
  let repo: SeriesRepository;
  let clock: FakeClock;
  let service: SeriesService;

  beforeEach(async () => {
    tdb = await createTestDatabase(dialect);
    const db = tdb.database.db;
    repo = new SeriesRepository(db);
    clock = new FakeClock(NOW);
    const episodes = new EpisodeRepository(db);
    // list() and listJson() read only the series repository and the clock.
    service = new SeriesService({ series: repo, episodes, clock } as unknown as SeriesServiceDeps);

    const odd = newSeries(1, {
      title: 'Quote " back\\slash \t tab \n line \u0001 ctl \u2028 sep é ü 日本 😀',
      overview: 'An overview with "quotes" and </script> and \u007f',
      imdbId: 'tt0000001',
      certification: 'TV-MA',
      genres: ['Drama', 'Sci-Fi & "Fantasy"'],
      tags: [3, 1],
      images: [
        { coverType: 'poster', remoteUrl: 'https://x/p.jpg', url: '/local/p.jpg' },
        { coverType: 'fanart', remoteUrl: 'https://x/f.jpg' },
      ] as never,
      ratings: { tvdb: { value: 7.1, votes: 10, type: 'user' }, imdb: { value: 8.123456789, votes: 123456 } } as never,
      seasonFolder: false,
      lastInfoSync: at(-1),
      firstAired: '2001-02-03',
    });
    const s1 = await repo.insert(odd);
    await repo.upsertSeasons(s1.id, [
      { seasonNumber: 0, monitored: false },
      { seasonNumber: 1, monitored: true },
      { seasonNumber: 2, monitored: true },
      { seasonNumber: 3, monitored: false },
    ]);
    // Season 1: 3 available, 1 file (33.333…%); season 2: 7 available, 1 file (14.28…%) and one to air; season 3
    // has no episodes; season 4 has episodes but no season row; specials: one file.
    const s1Episodes = [
      ep(0, 1, -500),
      ep(1, 1, -300),
      ep(1, 2, -200),
      ep(1, 3, -100),
      ...[1, 2, 3, 4, 5, 6, 7].map((e) => ep(2, e, -90 + e)),
      ep(2, 8, 30),
      ep(2, 9, null, false),
      ep(4, 1, -5),
    ];
    const { insertedIds } = await episodes.upsertMany(s1.id, s1Episodes);
    await episodes.setFile([insertedIds[0]!, insertedIds[1]!, insertedIds[4]!], 7);

    // No seasons, no episodes, nulls wherever the schema allows, unmonitored.
    await repo.insert(
      newSeries(2, { tvdbId: null, tmdbId: null, network: null, airTime: null, monitored: false, ratings: {} }),
    );
    const s3 = await repo.insert(newSeries(3, { sortTitle: 'aaa first', ratings: { tmdb: { value: 9, votes: 0 } } }));
    await repo.upsertSeasons(s3.id, [{ seasonNumber: 1, monitored: true }]);
    await episodes.upsertMany(s3.id, [ep(1, 1, -10), ep(1, 2, -9), ep(1, 3, 10)]);
    // Shared sort titles (slices must break ties by id), with other statuses, types, profiles and tags to filter on.
    const others: Partial<NewSeries>[] = [
      { status: 'ended', qualityProfileId: 2 },
      { seriesType: 'daily', tags: [1] },
      { seriesType: 'anime', qualityProfileId: 2, monitored: false },
      { status: 'upcoming', tags: [3] },
    ];
    for (const [i, over] of others.entries()) await repo.insert(newSeries(4 + i, { sortTitle: 'same title', ...over }));
  });
  afterEach(async () => {
    await tdb.cleanup();
  });

  async function sqlList(filter: SeriesFilter = {}, size?: number): Promise<string> {
    const parts: string[] = [];
    for await (const slice of service.listJson(filter, size)) parts.push(...slice);
    return `[${parts.join(',')}]`;
  }

  it('writes exactly what JSON.stringify writes for the views', async () => {
    const views = JSON.stringify(await service.list());
    expect(await sqlList()).toBe(views);
    expect(await sqlList({}, 2)).toBe(views);
    expect(JSON.parse(views)[0]).toMatchObject({ sortTitle: 'aaa first' });
  });

  it('applies the filters and reads statistics the clock has overtaken as recomputed', async () => {
    for (const filter of [{ monitored: false }, { monitored: true, cleanSearch: 'series0003' }] as SeriesFilter[])
      expect(await sqlList(filter)).toBe(JSON.stringify(await service.list(filter)));
    clock.advance(40 * 3_600_000);
    const json = await sqlList();
    expect(json).toBe(JSON.stringify(await service.list()));
    const three = (JSON.parse(json) as { sortTitle: string; statistics: object }[])[0]!;
    expect(three).toMatchObject({ sortTitle: 'aaa first', statistics: { episodeCount: 3, nextAiring: null } });
  });

  it('applies every list filter in slices, including ones the database answers from another index', async () => {
    const filters: SeriesFilter[] = [
      { qualityProfileId: 1 },
      { qualityProfileId: 2 },
      { monitored: true, qualityProfileId: 2 },
      { status: 'ended' },
      { seriesType: 'daily' },
      { tag: 1 },
      { tag: 3 },
      { cleanSearch: 'series' },
      { rootFolderPath: '/media/tv' },
    ];
    for (const filter of filters) {
      const views = JSON.stringify(await service.list(filter));
      expect(JSON.parse(views).length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(await sqlList(filter, 2), JSON.stringify(filter)).toBe(views);
      expect(await sqlList(filter), JSON.stringify(filter)).toBe(views);
    }
  });

  it('writes percentages as JavaScript does for every count up to 300', async () => {
    const j = jsonSql(tdb.database.db);
    const r = await sql<{ c: number; f: number; p: string }>`
      with recursive n(i) as (select 0 union all select i + 1 from n where i < 300)
      select c.i as c, f.i as f, ${j.percent(sql.ref('f.i'), sql.ref('c.i'))} as p
      from n as c join n as f on f.i <= c.i`.execute(tdb.database.db);
    expect(r.rows.length).toBe((301 * 302) / 2);
    const wrong = r.rows.filter((x) => x.p !== JSON.stringify(x.c === 0 ? 0 : (x.f / x.c) * 100));
    expect(wrong).toEqual([]);
  });
});
