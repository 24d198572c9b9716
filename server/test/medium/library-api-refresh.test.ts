// RefreshSeries and RefreshMovie as queued commands in the composed app on both dialects, against changed provider
// answers: episode ids, monitoring and file links survive, new seasons follow monitorNewItems, vanished episodes go
// only without a file; a movie whose provider fails is skipped while the others refresh; progress and events.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EpisodeRepository } from '../../src/db/repositories/episode.repository.js';
import { DIALECTS } from '../support/databases.js';
import { FakeHttpServer } from '../support/fake-http-server.js';
import { FIXTURES, type LibraryApp, serveTmdb, serveTvdb, startLibraryApp, TMDB_LOCAL } from './library-api.support.js';

let fake: FakeHttpServer;
beforeAll(async () => {
  fake = await FakeHttpServer.start({ fixtureRoot: FIXTURES });
});
afterAll(() => fake.close());

interface TvdbEpisode {
  id: number;
  seasonNumber: number;
  number: number;
  name: string;
  aired: string | null;
}
const EPISODES = JSON.parse(readFileSync(`${FIXTURES}tvdb/v4-series-79509-episodes-default.json`, 'utf8')) as {
  data: { episodes: TvdbEpisode[] };
};
const FIGHT_CLUB = JSON.parse(readFileSync(`${TMDB_LOCAL}movie-550-appended.json`, 'utf8')) as Record<string, unknown>;

/** Day Break's episode list as TVDB might answer later: 1x13 and the special gone, 1x14 and 2x1 new. */
function changedEpisodes() {
  const keep = EPISODES.data.episodes.filter((e) => e.seasonNumber === 1 && e.number === 1);
  const added: TvdbEpisode[] = [
    { ...keep[0]!, id: 900014, number: 14, name: 'Fourteen', aired: '2008-03-29' },
    { ...keep[0]!, id: 900201, seasonNumber: 2, number: 1, name: 'Again', aired: null },
  ];
  return { ...EPISODES, data: { ...EPISODES.data, episodes: [{ ...keep[0]!, name: 'Renamed Pilot' }, ...added] } };
}

interface EpisodeJson {
  id: number;
  seasonNumber: number;
  episodeNumber: number;
  monitored: boolean;
  episodeFileId: number | null;
  title: string | null;
}

describe.each(DIALECTS)('refresh commands (%s)', (dialect) => {
  let lib: LibraryApp;
  beforeEach(async () => {
    serveTmdb(fake);
    serveTvdb(fake);
    lib = await startLibraryApp(dialect, fake);
    await lib.h.app.startBackground();
  });
  afterEach(async () => {
    await lib.close();
    fake.reset();
  });

  async function run(name: string, body: Record<string, unknown>) {
    const res = await lib.api('POST', '/command', { name, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return lib.h.app.commands.waitFor(res.json().id);
  }
  const episodesOf = async (seriesId: number) =>
    (await lib.api('GET', `/episode?seriesId=${seriesId}`)).json() as EpisodeJson[];

  it('schedules RefreshMovies every 12 h and RefreshSeries every 24 h', async () => {
    const tasks = (await lib.api('GET', '/system/task')).json() as { name: string; intervalMinutes: number }[];
    expect(tasks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'RefreshMovies', commandName: 'RefreshMovie', intervalMinutes: 720 }),
        expect.objectContaining({ name: 'RefreshSeries', commandName: 'RefreshSeries', intervalMinutes: 1440 }),
      ]),
    );
  });

  it.each([
    ['all', true],
    ['none', false],
  ] as const)(
    'refreshes a series keeping ids, monitoring and file links (monitorNewItems %s)',
    async (newItems, monitorNew) => {
      const added = await lib.api('POST', '/series', {
        tvdbId: 79509,
        qualityProfileId: lib.profileId,
        rootFolderPath: lib.root,
        monitorNewItems: newItems,
      });
      const series = added.json();
      const before = await episodesOf(series.id);
      const [special, pilot, finale] = before;
      await lib.api('PUT', '/episode/monitor', { episodeIds: [pilot!.id], monitored: false });
      await new EpisodeRepository(lib.h.app.database.db).setFile([finale!.id], 77);

      await lib.tune('tvdb', {}); // a fresh instance: nothing cached from the add
      fake.route('GET', '/v4/series/79509/episodes/default', { json: changedEpisodes() });
      lib.events.length = 0;
      const command = await run('RefreshSeries', { seriesId: series.id });
      expect(command.status, command.error ?? '').toBe('completed');
      expect(command.result).toMatchObject({ total: 1, refreshed: 1, failed: 0 });

      const after = await episodesOf(series.id);
      expect(after.map((e) => `${e.seasonNumber}x${e.episodeNumber}`)).toEqual(['1x1', '1x13', '1x14', '2x1']);
      expect(after[0]).toMatchObject({ id: pilot!.id, monitored: false, title: 'Renamed Pilot' });
      // No longer listed, but it has a file: kept with its link.
      expect(after[1]).toMatchObject({ id: finale!.id, episodeFileId: 77, monitored: true });
      expect(after.some((e) => e.id === special!.id)).toBe(false);
      expect(after[2]).toMatchObject({ monitored: true, title: 'Fourteen' });
      expect(after[3]).toMatchObject({ monitored: monitorNew, title: 'Again' });

      const view = (await lib.api('GET', `/series/${series.id}`)).json();
      expect(view.seasons).toEqual([
        expect.objectContaining({ seasonNumber: 0, monitored: false }),
        expect.objectContaining({ seasonNumber: 1, monitored: true }),
        expect.objectContaining({ seasonNumber: 2, monitored: monitorNew }),
      ]);
      expect(Date.parse(view.lastInfoSync)).toBeGreaterThanOrEqual(Date.parse(series.lastInfoSync));
      const types = lib.events.map((e) => e.type);
      expect(types).toContain('series.updated');
      expect(types).toContain('episode.updated');
      const progress = lib.events.filter((e) => e.type === 'command.progress').map((e) => e.data.message);
      expect(progress).toContain('Refreshing series Day Break (1/1)');
    },
  );

  it('refreshes every movie, skipping one whose answer fails, keeping user fields', async () => {
    const add = (tmdbId: number) =>
      lib.api('POST', '/movie', { tmdbId, qualityProfileId: lib.profileId, rootFolderPath: lib.root });
    const fight = (await add(550)).json();
    const beauty = (await add(14)).json();
    await lib.api('PUT', `/movie/${fight.id}`, { monitored: false });

    await lib.tune('tmdb', { cacheTtlMinutes: 0 });
    fake.route('GET', '/3/movie/550', { json: { ...FIGHT_CLUB, title: 'Fight Club (Remastered)', runtime: 140 } });
    fake.route('GET', '/3/movie/14', { body: '<html>oops</html>' });
    lib.events.length = 0;

    const command = await run('RefreshMovie', {});
    expect(command.status, command.error ?? '').toBe('completed');
    expect(command.result).toMatchObject({ total: 2, refreshed: 1, failed: 1, stopped: null });
    expect((command.result as { lastError: string }).lastError).toMatch(/not JSON/);
    expect((await lib.api('GET', `/movie/${fight.id}`)).json()).toMatchObject({
      title: 'Fight Club (Remastered)',
      runtime: 140,
      monitored: false,
      path: fight.path,
    });
    expect((await lib.api('GET', `/movie/${beauty.id}`)).json()).toMatchObject({
      title: 'American Beauty',
      lastInfoSync: beauty.lastInfoSync,
    });
    expect(lib.events.filter((e) => e.type === 'movie.updated')).toHaveLength(1);
    const progress = lib.events.filter((e) => e.type === 'command.progress').map((e) => e.data.message);
    expect(progress).toEqual(
      expect.arrayContaining([
        'Refreshing movie American Beauty (1/2)',
        'Refreshing movie Fight Club (2/2)',
        'Refreshed 1 of 2 movie(s), 1 failed',
      ]),
    );

    // One movie asked for by id and failing fails the command, saying why.
    const one = await run('RefreshMovie', { movieId: beauty.id });
    expect(one.status).toBe('failed');
    expect(one.error).toMatch(/not JSON/);

    // TMDB no longer knowing a movie marks it deleted instead of failing.
    fake.route('GET', '/3/movie/14', { status: 404, file: 'tmdb/v3-error-resource-not-found.json' });
    expect((await run('RefreshMovie', { movieIds: [beauty.id] })).status).toBe('completed');
    expect((await lib.api('GET', `/movie/${beauty.id}`)).json()).toMatchObject({ status: 'deleted' });

    expect((await lib.api('POST', '/command', { name: 'RefreshMovie', movieId: 'x' })).statusCode).toBe(400);
    expect((await run('RefreshSeries', { seriesId: 4242 })).status).toBe('failed');
  });

  it('keeps refreshing series from TVDB while TMDB is down, and backs TMDB off', async () => {
    const movie = (
      await lib.api('POST', '/movie', { tmdbId: 550, qualityProfileId: lib.profileId, rootFolderPath: lib.root })
    ).json();
    const series = (
      await lib.api('POST', '/series', { tvdbId: 79509, qualityProfileId: lib.profileId, rootFolderPath: lib.root })
    ).json();
    await lib.tune('tmdb', { cacheTtlMinutes: 0 });
    await lib.tune('tvdb', {});
    fake.route('GET', '/3/movie/:id', { status: 503, body: 'maintenance' });

    const movies = await run('RefreshMovie', {});
    expect(movies.status).toBe('completed');
    expect(movies.result).toMatchObject({ total: 1, refreshed: 0, failed: 1 });
    expect((movies.result as { lastError: string }).lastError).toMatch(/^TMDB is unavailable: .*503/);
    const health = (await lib.api('GET', '/health')).json() as { source: string }[];
    expect(health).toContainEqual(expect.objectContaining({ source: 'metadata:TMDB' }));
    // Blocked now: the next run does not even ask TMDB.
    const asked = fake.requestsTo(`/3/movie/550`).length;
    expect((await run('RefreshMovie', {})).result).toMatchObject({ failed: 1 });
    expect(fake.requestsTo(`/3/movie/550`)).toHaveLength(asked);

    const refreshed = await run('RefreshSeries', {});
    expect(refreshed.result).toMatchObject({ total: 1, refreshed: 1, failed: 0 });
    expect((await lib.api('GET', `/movie/${movie.id}`)).statusCode).toBe(200);
    expect((await lib.api('GET', `/series/${series.id}`)).statusCode).toBe(200);
  });
});
