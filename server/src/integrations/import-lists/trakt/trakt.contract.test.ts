// Trakt against a local fake server replaying the shared fixtures: the exact requests (paths, query, the
// trakt-api-version/trakt-api-key headers, Bearer tokens), the mapped items of every list type, token refresh
// before expiry and after a 401 (persisted through the fetch context), and the device-code sign-in.
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeHttpServer } from '../../../../test/support/fake-http-server.js';
import { FakeClock } from '../../../lib/clock.js';
import { AuthError } from '../../../lib/errors.js';
import { silentLogger } from '../../../lib/logger.js';
import type { ProviderDefinition } from '../../../providers/provider.types.js';
import { TraktAuthService } from '../../../services/import-lists/trakt-auth.service.js';
import { TraktAdapter } from './adapter.js';
import { traktSettings } from './settings.js';

const SHARED = fileURLToPath(new URL('../../../../../../shared/fixtures/protocols/trakt/', import.meta.url));
const CLIENT_ID = 'c1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2';
const CLIENT_SECRET = 'secret-5f4dcc3b5aa765d61d8327deb882cf99';
const ACCESS = 'access-0000000000000000000000000000000000000000000000000000000000000000';
const REFRESH = 'refresh-111111111111111111111111111111111111111111111111111111111111111';
const FIXTURE_ACCESS = 'dbaf9757982a9e738f05d249b7b5b4a266b3a139049317c4909f2f263572c781';
const FIXTURE_REFRESH = '76ba4c5c75c96f6087f58a4de10be6c00b29ea1ddc3b2022ee2016d1363e3a7c';
const NOW = Date.parse('2030-01-01T00:00:00.000Z');
const DAY = 86_400_000;

let fake: FakeHttpServer;
beforeAll(async () => {
  fake = await FakeHttpServer.start({ fixtureRoot: SHARED });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

function trakt(overrides: Record<string, unknown> = {}, clock = new FakeClock(NOW)) {
  const settings = traktSettings.parse({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    accessToken: ACCESS,
    refreshToken: REFRESH,
    expiresAt: new Date(NOW + 30 * DAY).toISOString(),
    baseUrl: fake.url,
    qualityProfileId: 1,
    rootFolderPath: '/media',
    ...overrides,
  });
  return new TraktAdapter(settings, clock);
}

describe('Trakt lists', () => {
  it('reads the watchlist (movies, then shows) with the API headers and the Bearer token', async () => {
    fake.fixture('GET', '/users/me/watchlist/movies', 'user-watchlist.json');
    fake.fixture('GET', '/users/me/watchlist/shows', 'user-watchlist-shows.json');
    const items = await trakt().fetch();
    expect(fake.requests.map((r) => [r.method, r.path])).toEqual([
      ['GET', '/users/me/watchlist/movies'],
      ['GET', '/users/me/watchlist/shows'],
    ]);
    for (const r of fake.requests) {
      expect(r.headers['trakt-api-version']).toBe('2');
      expect(r.headers['trakt-api-key']).toBe(CLIENT_ID);
      expect(r.headers.authorization).toBe(`Bearer ${ACCESS}`);
      expect(r.headers['content-type']).toBe('application/json');
    }
    expect(items).toEqual([
      { mediaType: 'movie', title: 'TRON: Legacy', year: 2010, tmdbId: 20526, imdbId: 'tt1104001' },
      { mediaType: 'movie', title: 'The Dark Knight', year: 2008, tmdbId: 155, imdbId: 'tt0468569' },
      { mediaType: 'series', title: 'Severance', year: 2022, tmdbId: 95396, imdbId: 'tt11280740', tvdbId: 371980 },
      { mediaType: 'series', title: 'Shōgun', year: 2024, tmdbId: 126308, imdbId: 'tt2788316', tvdbId: 392573 },
      { mediaType: 'series', title: 'Obscure Web Series' },
    ]);
  });

  it("reads another user's collection, only the media types asked for", async () => {
    fake.fixture('GET', '/users/sean/collection/shows', 'user-watchlist-shows.json');
    const items = await trakt({ listType: 'collection', username: 'sean', includeMovies: false }).fetch();
    expect(fake.requests.map((r) => r.path)).toEqual(['/users/sean/collection/shows']);
    expect(items.map((i) => i.mediaType)).toEqual(['series', 'series', 'series']);
  });

  it('reads a user list: seasons and episodes stand for their show, people are skipped', async () => {
    fake.fixture('GET', '/users/sean/lists/star-wars-in-machete-order/items', 'user-list-items-mixed-types.json');
    const items = await trakt({
      listType: 'userList',
      username: 'sean',
      listSlug: 'star-wars-in-machete-order',
    }).fetch();
    expect(fake.requests[0]?.path).toBe('/users/sean/lists/star-wars-in-machete-order/items');
    expect(items).toEqual([
      { mediaType: 'movie', title: 'Star Wars: Episode IV - A New Hope', year: 1977, tmdbId: 11, imdbId: 'tt0076759' },
      { mediaType: 'series', title: 'The Walking Dead', year: 2010, tmdbId: 1402, imdbId: 'tt1520211', tvdbId: 153021 },
      // The season and the episode entries (of Breaking Bad) each name their show.
      { mediaType: 'series', title: 'Breaking Bad', year: 2008, tmdbId: 1396, imdbId: 'tt0903747', tvdbId: 81189 },
      { mediaType: 'series', title: 'Breaking Bad', year: 2008, tmdbId: 1396, imdbId: 'tt0903747', tvdbId: 81189 },
    ]);
  });

  it.each([
    ['popularMovies', '/movies/popular', 'movies-popular.json', 'movie', 'Deadpool'],
    ['trendingMovies', '/movies/trending', 'movies-trending.json', 'movie', 'Moana'],
    ['popularShows', '/shows/popular', 'shows-popular.json', 'series', 'Game of Thrones'],
    ['trendingShows', '/shows/trending', 'shows-trending.json', 'series', 'The Flash'],
  ])('reads %s from %s with the limit and without a token', async (listType, path, file, mediaType, first) => {
    fake.fixture('GET', path, file);
    const items = await trakt({ listType, limit: 10, accessToken: '' }).fetch();
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.query).toEqual({ limit: '10' });
    expect(fake.requests[0]?.headers.authorization).toBeUndefined();
    expect(items).toHaveLength(10);
    expect(items[0]).toMatchObject({ mediaType, title: first });
    expect(items.every((i) => i.mediaType === mediaType && typeof i.tmdbId === 'number')).toBe(true);
  });

  it('refuses to read a user list before the sign-in, and says so in test()', async () => {
    const adapter = trakt({ accessToken: '', refreshToken: '' });
    await expect(adapter.fetch()).rejects.toBeInstanceOf(AuthError);
    expect(await adapter.test()).toEqual([
      expect.objectContaining({ field: 'settings.accessToken', severity: 'warning' }),
    ]);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('Trakt token refresh', () => {
  it('refreshes a token close to expiry before reading, and persists the new tokens', async () => {
    fake.fixture('POST', '/oauth/token', 'oauth-token.json');
    fake.fixture('GET', '/users/me/watchlist/movies', 'user-watchlist.json');
    const saved: Record<string, unknown>[] = [];
    const adapter = trakt({ includeShows: false, expiresAt: new Date(NOW + DAY).toISOString() });
    await adapter.fetch({ saveSettings: async (p) => void saved.push(p) });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /oauth/token',
      'GET /users/me/watchlist/movies',
    ]);
    expect(fake.requests[0]?.json()).toEqual({
      refresh_token: REFRESH,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uri: 'urn:ietf:wg:oauth:2.0:oob',
      grant_type: 'refresh_token',
    });
    expect(fake.requests[1]?.headers.authorization).toBe(`Bearer ${FIXTURE_ACCESS}`);
    expect(saved).toEqual([
      {
        accessToken: FIXTURE_ACCESS,
        refreshToken: FIXTURE_REFRESH,
        expiresAt: new Date(NOW + 7_776_000_000).toISOString(),
      },
    ]);
    // The adapter keeps the new tokens: the next fetch neither refreshes nor saves again.
    await adapter.fetch({ saveSettings: async (p) => void saved.push(p) });
    expect(fake.requestsTo('/oauth/token')).toHaveLength(1);
    expect(saved).toHaveLength(1);
  });

  it('does not refresh a token far from expiry', async () => {
    fake.fixture('GET', '/users/me/watchlist/movies', 'user-watchlist.json');
    await trakt({ includeShows: false }).fetch({ saveSettings: async () => {} });
    expect(fake.requestsTo('/oauth/token')).toHaveLength(0);
  });

  it('refreshes once after a 401 and retries', async () => {
    fake.once('GET', '/users/me/watchlist/movies', { status: 401, body: '' });
    fake.fixture('GET', '/users/me/watchlist/movies', 'user-watchlist.json');
    fake.fixture('POST', '/oauth/token', 'oauth-token.json');
    const saved: Record<string, unknown>[] = [];
    const items = await trakt({ includeShows: false }).fetch({ saveSettings: async (p) => void saved.push(p) });
    expect(items).toHaveLength(2);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /users/me/watchlist/movies',
      'POST /oauth/token',
      'GET /users/me/watchlist/movies',
    ]);
    expect(saved[0]).toMatchObject({ accessToken: FIXTURE_ACCESS });
  });

  it('surfaces a refused refresh token as an AuthError (sign in again)', async () => {
    fake.fixture('POST', '/oauth/token', 'oauth-token-error-invalid-grant.json', { status: 401 });
    const adapter = trakt({ expiresAt: new Date(NOW - DAY).toISOString() });
    await expect(adapter.fetch({ saveSettings: async () => {} })).rejects.toThrow(/sign in to Trakt again/);
    expect(fake.requestsTo('/users/me/watchlist/movies')).toHaveLength(0);
  });
});

describe('Trakt device-code sign-in', () => {
  function service(clock: FakeClock, definitions: ProviderDefinition[] = []) {
    const saved: { id: number; patch: Record<string, unknown> }[] = [];
    const svc = new TraktAuthService({
      definitions: { get: async (id) => definitions.find((d) => d.id === id) },
      saveSettings: async (id, patch) => void saved.push({ id, patch }),
      clock,
      log: silentLogger(),
    });
    return { svc, saved };
  }
  const definition: ProviderDefinition = {
    id: 7,
    kind: 'importlist',
    implementation: 'trakt',
    name: 'Trakt watchlist',
    enabled: true,
    tags: [],
    settings: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl: '' },
    createdAt: '',
    updatedAt: '',
  };

  it('polls no faster than the interval, waits out authorization_pending, slows down, then stores the tokens', async () => {
    const clock = new FakeClock(NOW);
    const { svc, saved } = service(clock, [{ ...definition, settings: { ...definition.settings, baseUrl: fake.url } }]);
    fake.fixture('POST', '/oauth/device/code', 'oauth-device-code.json');
    fake.once('POST', '/oauth/device/token', { status: 400, json: { error: 'authorization_pending' } });
    fake.once('POST', '/oauth/device/token', { status: 429, json: { error: 'slow_down' } });
    fake.once('POST', '/oauth/device/token', { file: 'oauth-token.json' });

    const started = await svc.start({ definitionId: 7 });
    expect(started).toMatchObject({
      userCode: '5055CC52',
      verificationUrl: 'https://trakt.tv/activate',
      intervalSeconds: 5,
      expiresAt: new Date(NOW + 600_000).toISOString(),
    });
    expect(started.code).not.toContain('d9c126a7'); // Trakt's device code stays on the server
    expect(fake.requests[0]?.json()).toEqual({ client_id: CLIENT_ID });
    expect(fake.requests[0]?.headers['trakt-api-key']).toBe(CLIENT_ID);

    const tokenPolls = () => fake.requestsTo('/oauth/device/token').length;
    expect((await svc.poll(started.code)).status).toBe('pending'); // too early: Trakt is not asked
    expect(tokenPolls()).toBe(0);
    await clock.advance(5_000);
    expect(await svc.poll(started.code)).toMatchObject({ status: 'pending', intervalSeconds: 5 });
    expect(tokenPolls()).toBe(1);
    expect(fake.requestsTo('/oauth/device/token')[0]?.json()).toEqual({
      code: 'd9c126a7706328d808914cfd1e40274b6e009f684b1aca271b9b3f90b3630d64',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
    await clock.advance(5_000);
    expect(await svc.poll(started.code)).toMatchObject({ status: 'slow_down', intervalSeconds: 10 });
    expect(tokenPolls()).toBe(2);
    await clock.advance(5_000);
    expect((await svc.poll(started.code)).status).toBe('pending'); // the old interval is not enough any more
    expect(tokenPolls()).toBe(2);
    await clock.advance(5_000);
    const done = await svc.poll(started.code);
    expect(done).toMatchObject({ status: 'authorized', saved: true });
    expect(done.tokens).toBeUndefined();
    expect(saved).toEqual([
      {
        id: 7,
        patch: {
          accessToken: FIXTURE_ACCESS,
          refreshToken: FIXTURE_REFRESH,
          expiresAt: new Date(NOW + 20_000 + 7_776_000_000).toISOString(),
        },
      },
    ]);
    await expect(svc.poll(started.code)).rejects.toThrow(/no Trakt sign-in/);
  });

  it('hands the tokens back once for a list not saved yet', async () => {
    const clock = new FakeClock(NOW);
    const { svc, saved } = service(clock);
    fake.fixture('POST', '/oauth/device/code', 'oauth-device-code.json');
    fake.fixture('POST', '/oauth/device/token', 'oauth-token.json');
    const started = await svc.start({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl: fake.url });
    await clock.advance(5_000);
    const done = await svc.poll(started.code);
    expect(done).toMatchObject({ status: 'authorized', saved: false, tokens: { accessToken: FIXTURE_ACCESS } });
    expect(saved).toEqual([]);
  });

  it('stops at expiry without asking Trakt, and reports Trakt status codes (410 expired, 418 denied)', async () => {
    const clock = new FakeClock(NOW);
    const { svc } = service(clock);
    fake.fixture('POST', '/oauth/device/code', 'oauth-device-code.json');
    const opts = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl: fake.url };
    const a = await svc.start(opts);
    await clock.advance(600_000);
    expect((await svc.poll(a.code)).status).toBe('expired');
    expect(fake.requestsTo('/oauth/device/token')).toHaveLength(0);

    const b = await svc.start(opts);
    fake.once('POST', '/oauth/device/token', { status: 418, body: '' });
    await clock.advance(5_000);
    expect((await svc.poll(b.code)).status).toBe('denied');
    const c = await svc.start(opts);
    fake.once('POST', '/oauth/device/token', { status: 410, body: '' });
    await clock.advance(5_000);
    expect((await svc.poll(c.code)).status).toBe('expired');
  });
});
