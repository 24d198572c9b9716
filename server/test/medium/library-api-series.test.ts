// /api/v1/series, /episode and /season through the composed app on both dialects, TVDB and TMDB served by the local
// fake server from recorded payloads: lookup, add with monitor types, statistics in lists, episode monitoring,
// season flags carried to episodes, deletes that leave the disk alone, and the bad-input cases.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EpisodeRepository } from '../../src/db/repositories/episode.repository.js';
import { SeriesRepository } from '../../src/db/repositories/series.repository.js';
import { DIALECTS } from '../support/databases.js';
import { FakeHttpServer } from '../support/fake-http-server.js';
import { episodeMeta, newSeries } from '../support/library-factories.js';
import { FIXTURES, type LibraryApp, serveTmdb, serveTvdb, startLibraryApp } from './library-api.support.js';

let fake: FakeHttpServer;
beforeAll(async () => {
  fake = await FakeHttpServer.start({ fixtureRoot: FIXTURES });
});
afterAll(() => fake.close());

interface EpisodeJson {
  id: number;
  seasonNumber: number;
  episodeNumber: number;
  monitored: boolean;
  airDateUtc: string | null;
  title: string | null;
}

describe.each(DIALECTS)('series API (%s)', (dialect) => {
  let lib: LibraryApp;
  beforeEach(async () => {
    serveTmdb(fake);
    serveTvdb(fake);
    lib = await startLibraryApp(dialect, fake);
  });
  afterEach(async () => {
    await lib.close();
    fake.reset();
  });

  const addDayBreak = (over: Record<string, unknown> = {}) =>
    lib.api('POST', '/series', {
      tvdbId: 79509,
      qualityProfileId: lib.profileId,
      rootFolderPath: lib.root,
      ...over,
    });
  const episodesOf = async (seriesId: number) =>
    (await lib.api('GET', `/episode?seriesId=${seriesId}`)).json() as EpisodeJson[];
  const flags = (episodes: EpisodeJson[]) =>
    episodes.map((e) => `${e.seasonNumber}x${e.episodeNumber}:${e.monitored ? 'M' : '-'}`);

  it('looks up by text (TVDB first), tvdb:ID, tmdb:ID, and refuses a missing term', async () => {
    const text = (await lib.api('GET', '/series/lookup?term=day%20break')).json();
    expect(text.map((s: { tvdbId: number }) => s.tvdbId)).toEqual([79509, 421436]);
    expect(text[0]).toMatchObject({ title: 'Day Break', year: 2006, network: 'ABC (US)', folder: 'Day Break (2006)' });
    expect(fake.requestsTo('/3/search/tv')).toHaveLength(0);

    const byTvdb = (await lib.api('GET', '/series/lookup?term=tvdb:79509')).json();
    expect(byTvdb).toEqual([expect.objectContaining({ tvdbId: 79509, title: 'Day Break' })]);

    const byTmdb = (await lib.api('GET', '/series/lookup?term=tmdb:1399')).json();
    expect(byTmdb).toEqual([expect.objectContaining({ tmdbId: 1399, title: 'Game of Thrones', year: 2011 })]);

    const missing = await lib.api('GET', '/series/lookup');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('querystring.term');
  });

  it('adds by tvdbId with seasons and episodes, monitoring all but specials, and announces it', async () => {
    const res = await addDayBreak({ seriesType: 'standard', seasonFolder: true, addOptions: { monitor: 'all' } });
    expect(res.statusCode).toBe(201);
    const series = res.json();
    expect(series).toMatchObject({
      tvdbId: 79509,
      imdbId: 'tt0805669',
      title: 'Day Break',
      year: 2006,
      status: 'ended',
      network: 'ABC (US)',
      airTime: '22:00',
      path: join(lib.root, 'Day Break (2006)'),
      rootFolderPath: lib.root,
      seasonFolder: true,
      monitored: true,
      seasons: [
        { seasonNumber: 0, monitored: false },
        { seasonNumber: 1, monitored: true },
      ],
      statistics: { seasonCount: 1, totalEpisodeCount: 3, episodeFileCount: 0, episodeCount: 2 },
    });
    const episodes = await episodesOf(series.id);
    expect(flags(episodes)).toEqual(['0x1:-', '1x1:M', '1x13:M']);
    expect(episodes[1]).toMatchObject({ airDateUtc: '2006-11-15T22:00:00.000Z' });
    expect(lib.events.filter((e) => e.type === 'series.added')).toEqual([
      { type: 'series.added', data: { series: expect.objectContaining({ id: series.id, tvdbId: 79509 }) } },
    ]);
    expect((await lib.api('GET', `/series/${series.id}`)).json()).toMatchObject({ id: series.id, alternateTitles: [] });
    expect((await lib.api('GET', '/series?tvdbId=79509')).json()).toEqual([expect.objectContaining({ id: series.id })]);
    expect((await lib.api('GET', '/series?tvdbId=1')).json()).toEqual([]);
  });

  it.each([
    ['pilot', ['0x1:-', '1x1:M', '1x13:-']],
    ['none', ['0x1:-', '1x1:-', '1x13:-']],
    ['firstSeason', ['0x1:-', '1x1:M', '1x13:M']],
    ['future', ['0x1:-', '1x1:-', '1x13:-']],
  ])('applies monitor type %s on add', async (monitor, expected) => {
    const series = (await addDayBreak({ monitor })).json();
    expect(flags(await episodesOf(series.id))).toEqual(expected);
  });

  it('adds by tmdbId from TMDB (Game of Thrones season 1 recorded)', async () => {
    const res = await lib.api('POST', '/series', {
      tmdbId: 1399,
      qualityProfileId: lib.profileId,
      rootFolderPath: lib.root,
      addOptions: { monitor: 'latest_season', searchForMissingEpisodes: true },
    });
    expect(res.statusCode).toBe(201);
    const series = res.json();
    expect(series).toMatchObject({
      tmdbId: 1399,
      title: 'Game of Thrones',
      path: join(lib.root, 'Game of Thrones (2011)'),
    });
    const episodes = await episodesOf(series.id);
    expect(episodes.filter((e) => e.seasonNumber === 1)).toHaveLength(10);
    expect(series.seasons.map((s: { seasonNumber: number }) => s.seasonNumber)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    // latest season (8) has no episodes recorded: monitored for what comes; season 1 is not.
    expect(series.seasons.find((s: { seasonNumber: number }) => s.seasonNumber === 8).monitored).toBe(true);
    expect(episodes.every((e) => !e.monitored)).toBe(true);
  });

  it('falls back to TMDB (via its TVDB cross-reference) when TVDB is down', async () => {
    fake.route('GET', '/v4/series/79509/extended', { status: 503, body: 'down' });
    fake.route('GET', '/3/find/79509', { json: { tv_results: [{ id: 1399, name: 'Game of Thrones' }] } });
    const res = await addDayBreak();
    expect(res.statusCode).toBe(201);
    // The fake cross-reference points at Game of Thrones; the stored ids are what TMDB says about it.
    expect(res.json()).toMatchObject({ tmdbId: 1399, title: 'Game of Thrones' });
    expect(fake.requestsTo('/3/find/79509')[0]?.query.external_source).toBe('tvdb_id');
  });

  it('answers 503 naming both providers when neither can serve the series', async () => {
    fake.route('GET', '/v4/series/79509/extended', { status: 503, body: 'down' });
    fake.route('GET', '/3/find/:id', { status: 503, body: 'down' });
    const res = await addDayBreak();
    expect(res.statusCode).toBe(503);
    expect(res.json().detail).toMatch(/TheTVDB is unavailable: .*TMDB is unavailable: /);
    expect((await lib.api('GET', '/series')).json()).toEqual([]);
  });

  it('answers 409 naming the existing series, 400 for bad root folders and a missing id', async () => {
    const first = (await addDayBreak()).json();
    const again = await addDayBreak();
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe(
      `"Day Break (2006)" (series ${first.id}, tvdbId 79509, tmdbId 3393) is already in the library`,
    );
    const badRoot = await addDayBreak({ tvdbId: 1, rootFolderPath: join(lib.root, 'nope') });
    expect(badRoot.statusCode).toBe(400);
    expect(badRoot.json().detail).toContain(join(lib.root, 'nope'));
    const noId = await lib.api('POST', '/series', { qualityProfileId: lib.profileId, rootFolderPath: lib.root });
    expect(noId.statusCode).toBe(400);
    expect(noId.json().detail).toContain('tvdbId or tmdbId');
    expect((await lib.api('POST', '/series', { tvdbId: 5, rootFolderPath: lib.root })).statusCode).toBe(400);
    expect((await addDayBreak({ tvdbId: 3, monitor: 'sometimes' })).statusCode).toBe(400);
  });

  it('monitors episodes and seasons; season flags carry to their episodes', async () => {
    const series = (await addDayBreak()).json();
    const [special, pilot, finale] = await episodesOf(series.id);
    const res = await lib.api('PUT', '/episode/monitor', { episodeIds: [special!.id, pilot!.id], monitored: false });
    expect(res.statusCode).toBe(202);
    expect(res.json().map((e: EpisodeJson) => e.monitored)).toEqual([false, false]);
    expect(flags(await episodesOf(series.id))).toEqual(['0x1:-', '1x1:-', '1x13:M']);
    expect(lib.events.at(-1)).toEqual({
      type: 'episode.updated',
      data: { seriesId: series.id, episodeIds: [special!.id, pilot!.id].sort((a, b) => a - b) },
    });
    expect((await lib.api('PUT', '/episode/monitor', { episodeIds: [999999], monitored: true })).statusCode).toBe(404);

    const put = await lib.api('PUT', `/series/${series.id}`, {
      ...series,
      seasons: [
        { seasonNumber: 0, monitored: true },
        { seasonNumber: 1, monitored: true },
      ],
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().seasons.map((s: { monitored: boolean }) => s.monitored)).toEqual([true, true]);
    // Season 1 was already monitored: its episodes keep their own flags; season 0 changed and took its episode along.
    expect(flags(await episodesOf(series.id))).toEqual(['0x1:M', '1x1:-', '1x13:M']);

    const season = await lib.api('PUT', '/season/monitor', { seriesId: series.id, seasonNumber: 1, monitored: false });
    expect(season.statusCode).toBe(200);
    expect(flags(await episodesOf(series.id))).toEqual(['0x1:M', '1x1:-', '1x13:-']);
    expect(
      (await lib.api('PUT', '/season/monitor', { seriesId: series.id, seasonNumber: 7, monitored: true })).statusCode,
    ).toBe(400);

    const one = await lib.api('PUT', `/episode/${finale!.id}`, { monitored: true });
    expect(one.json()).toMatchObject({ id: finale!.id, monitored: true, hasFile: false });
    expect((await lib.api('GET', `/episode/${finale!.id}`)).json()).toMatchObject({ monitored: true });
    expect((await lib.api('GET', '/episode/424242')).statusCode).toBe(404);
    expect((await lib.api('GET', `/episode?episodeIds=${pilot!.id},${finale!.id}`)).json()).toHaveLength(2);
    expect((await lib.api('GET', '/episode')).statusCode).toBe(400);
    expect((await lib.api('GET', '/episode?seriesId=424242')).statusCode).toBe(404);
  });

  it('edits user fields and refuses paths outside the root folders', async () => {
    const series = (await addDayBreak()).json();
    const res = await lib.api('PUT', `/series/${series.id}`, {
      monitored: false,
      seriesType: 'daily',
      seasonFolder: false,
      monitorNewItems: 'none',
    });
    expect(res.json()).toMatchObject({
      monitored: false,
      seriesType: 'daily',
      seasonFolder: false,
      monitorNewItems: 'none',
    });
    expect(lib.events.at(-1)).toMatchObject({ type: 'series.updated', data: { series: { id: series.id } } });
    expect((await lib.api('PUT', `/series/${series.id}`, { path: '/srv/elsewhere' })).statusCode).toBe(400);
    expect((await lib.api('PUT', `/series/${series.id}`, { qualityProfileId: 9999 })).statusCode).toBe(400);
    expect((await lib.api('PUT', '/series/9999', { monitored: true })).statusCode).toBe(404);
  });

  it('lists all series or a page, with per-season statistics from one grouped query', async () => {
    const repo = new SeriesRepository(lib.h.app.database.db);
    const episodes = new EpisodeRepository(lib.h.app.database.db);
    const now = Date.now();
    const day = 86_400_000;
    for (let n = 1; n <= 12; n++) {
      const s = await repo.insert(newSeries(n, { qualityProfileId: lib.profileId, monitored: n % 2 === 0 }));
      await repo.upsertSeasons(s.id, [
        { seasonNumber: 1, monitored: true },
        { seasonNumber: 2, monitored: true },
      ]);
      const { insertedIds } = await episodes.upsertMany(s.id, [
        { ...episodeMeta(1, 1, { airDateUtc: new Date(now - 10 * day).toISOString() }), monitored: true },
        { ...episodeMeta(1, 2, { airDateUtc: new Date(now - 3 * day).toISOString() }), monitored: true },
        { ...episodeMeta(2, 1, { airDateUtc: new Date(now + n * day).toISOString() }), monitored: true },
      ]);
      if (n === 1) await episodes.setFile([insertedIds[0]!], 1);
    }
    const all = (await lib.api('GET', '/series')).json();
    expect(all).toHaveLength(12);
    expect(all[0]).toMatchObject({
      title: 'Series 0001',
      statistics: { seasonCount: 2, episodeCount: 2, episodeFileCount: 1, totalEpisodeCount: 3, percentOfEpisodes: 50 },
      seasons: [
        { seasonNumber: 1, statistics: { totalEpisodeCount: 2, episodeFileCount: 1 } },
        { seasonNumber: 2, statistics: { totalEpisodeCount: 1, episodeFileCount: 0 } },
      ],
    });
    expect(Date.parse(all[0].nextAiring)).toBeGreaterThan(now);
    expect(Date.parse(all[0].previousAiring)).toBeLessThan(now);

    const page = (await lib.api('GET', '/series?page=2&pageSize=5&sortKey=title&sortDirection=ascending')).json();
    expect(page).toMatchObject({ page: 2, pageSize: 5, totalRecords: 12 });
    expect(page.records.map((s: { title: string }) => s.title)).toEqual(
      [6, 7, 8, 9, 10].map((n) => `Series ${String(n).padStart(4, '0')}`),
    );
    expect(page.records[0].statistics.totalEpisodeCount).toBe(3);
    const monitored = (await lib.api('GET', '/series?pageSize=50&monitored=true')).json();
    expect(monitored.totalRecords).toBe(6);
    expect((await lib.api('GET', '/series?search=series0003')).json()).toHaveLength(1);
    expect((await lib.api('GET', '/series?sortKey=nope')).statusCode).toBe(400);
  });

  it('deletes with deleteFiles=false leaving the folder and its files, and with true removing the folder', async () => {
    const series = (await addDayBreak()).json();
    const season = join(series.path, 'Season 01');
    mkdirSync(season, { recursive: true });
    const file = join(season, 'Day Break - S01E01.mkv');
    writeFileSync(file, 'x');
    const res = await lib.api('DELETE', `/series/${series.id}?deleteFiles=false`);
    expect(res.statusCode).toBe(204);
    expect(existsSync(file)).toBe(true);
    expect((await lib.api('GET', `/series/${series.id}`)).statusCode).toBe(404);
    expect((await lib.api('GET', `/episode?seriesId=${series.id}`)).statusCode).toBe(404);
    expect(lib.events.at(-1)).toEqual({
      type: 'series.deleted',
      data: {
        id: series.id,
        title: 'Day Break',
        path: series.path,
        tvdbId: 79509,
        tmdbId: 3393,
        deletedFiles: false,
        series: expect.objectContaining({ id: series.id, path: series.path, tags: series.tags }),
      },
    });

    const again = (await addDayBreak()).json();
    expect((await lib.api('DELETE', `/series/${again.id}?deleteFiles=true`)).statusCode).toBe(204);
    expect(existsSync(again.path)).toBe(false);
    expect(existsSync(lib.root)).toBe(true);
  });
});
