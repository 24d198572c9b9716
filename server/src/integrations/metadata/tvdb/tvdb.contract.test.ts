// TVDB v4 against a local fake server replaying the recorded/constructed TVDB answers: login and token reuse,
// re-login on 401, paging, mapping, the error taxonomy, caching and secret hygiene.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeHttpServer, type RecordedRequest } from '../../../../test/support/fake-http-server.js';
import { FakeClock, systemClock } from '../../../lib/clock.js';
import { AuthError, NotFoundError, RateLimitedError, TimeoutError } from '../../../lib/errors.js';
import type { HttpLogger } from '../../../lib/http/http-client.js';
import { secretFields, settingsDefaults, settingsJsonSchema } from '../../../providers/settings-schema.js';
import { TvdbAdapter } from './adapter.js';
import { TOKEN_LIFETIME_MS } from './api.js';
import { tvdbIntegration } from './index.js';
import { tvdbSettings } from './settings.js';

const SHARED = fileURLToPath(new URL('../../../../../../shared/fixtures/protocols/tvdb/', import.meta.url));
const KEY = 'a1b2c3d4-e5f6-4789-abcd-0123456789ab';
const PIN = 'PIN-77431';
const TOKEN = (JSON.parse(readFileSync(`${SHARED}v4-login-success.json`, 'utf8')) as { data: { token: string } }).data
  .token;
const EPISODES = JSON.parse(readFileSync(`${SHARED}v4-series-79509-episodes-default.json`, 'utf8'));
// Constructed: GET /languages answer (swagger shape), only used as the cheap authenticated health probe.
const LANGUAGES = { status: 'success', data: [{ id: 'eng', name: 'English', nativeName: 'English' }] };

let fake: FakeHttpServer;
beforeAll(async () => {
  fake = await FakeHttpServer.start({ fixtureRoot: SHARED });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

function tvdb(overrides: Record<string, unknown> = {}, clock = systemClock, log?: HttpLogger) {
  return new TvdbAdapter(tvdbSettings.parse({ apiKey: KEY, baseUrl: `${fake.url}/v4`, ...overrides }), clock, log);
}

function serveAll(): void {
  fake.fixture('POST', '/v4/login', 'v4-login-success.json');
  fake.fixture('GET', '/v4/search', 'v4-search-series.json');
  fake.fixture('GET', '/v4/series/79509', 'v4-series-79509.json');
  fake.fixture('GET', '/v4/series/79509/extended', 'v4-series-79509-extended.json');
  fake.fixture('GET', '/v4/series/79509/episodes/default', 'v4-series-79509-episodes-default.json');
  fake.route('GET', '/v4/languages', { json: LANGUAGES });
}

const logins = () => fake.requestsTo('/v4/login', 'POST');
const apiCalls = () => fake.requests.filter((r) => r.path !== '/v4/login');

describe('TVDB requests and mapping', () => {
  it('logs in with the key, then searches with the bearer token', async () => {
    serveAll();
    const results = await tvdb().searchSeries('day break');
    expect(logins()).toHaveLength(1);
    expect(logins()[0]?.json()).toEqual({ apikey: KEY });
    expect(logins()[0]?.headers['content-type']).toBe('application/json');
    const [search] = apiCalls();
    expect(search?.path).toBe('/v4/search');
    expect(search?.query).toEqual({ query: 'day break', type: 'series' });
    expect(search?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(results).toHaveLength(2);
    expect(results[0]).toEqual({
      tvdbId: 79509,
      imdbId: 'tt0805669',
      tmdbId: 3393,
      title: 'Day Break',
      year: 2006,
      overview: expect.stringContaining('Detective Brett Hopper'),
      status: 'ended',
      network: 'ABC (US)',
      firstAired: '2006-11-15',
      images: { poster: 'https://artworks.thetvdb.com/banners/posters/79509-1.jpg' },
    });
    expect(results[1]).toMatchObject({ tvdbId: 421436, status: 'continuing', year: 2023 });
    expect(results[1]?.imdbId).toBeUndefined();
  });

  it('sends the subscriber PIN when one is set', async () => {
    serveAll();
    await tvdb({ pin: PIN }).searchSeries('x');
    expect(logins()[0]?.json()).toEqual({ apikey: KEY, pin: PIN });
  });

  it('gets series 79509 extended plus its episodes in default order', async () => {
    serveAll();
    const series = await tvdb().getSeries(79509);
    const paths = apiCalls().map((r) => `${r.path}?${r.searchParams}`);
    expect(paths).toEqual(['/v4/series/79509/extended?meta=translations', '/v4/series/79509/episodes/default?page=0']);
    expect(series).toMatchObject({
      tvdbId: 79509,
      imdbId: 'tt0805669',
      tmdbId: 3393,
      title: 'Day Break',
      year: 2006,
      status: 'ended',
      network: 'ABC (US)',
      runtime: 45,
      airTime: '22:00',
      genres: ['Drama', 'Thriller', 'Science Fiction'],
      certification: 'TV-14',
      firstAired: '2006-11-15',
      images: {
        poster: 'https://artworks.thetvdb.com/banners/posters/79509-1.jpg',
        fanart: 'https://artworks.thetvdb.com/banners/fanart/original/79509-1.jpg',
      },
    });
    // Aired-order seasons only: the DVD-order season 1 is not a second season 1.
    expect(series.seasons.map((s) => s.seasonNumber)).toEqual([0, 1]);
    expect(series.episodes).toHaveLength(3);
    expect(series.episodes[1]).toEqual({
      tvdbId: 314779,
      seasonNumber: 1,
      episodeNumber: 13,
      title: "What if It's Him?",
      overview: expect.stringContaining('breaks the day'),
      airDate: '2008-03-22',
      runtime: 45,
    });
    expect(series.episodes[0]?.absoluteEpisodeNumber).toBe(1);
    expect(series.episodes[2]).toEqual({
      tvdbId: 9999001,
      seasonNumber: 0,
      episodeNumber: 1,
      title: 'Unaired Pilot Presentation',
      airsBeforeSeason: 1,
      airsBeforeEpisode: 1,
    });
  });

  it('pages through episodes while links.next is set', async () => {
    serveAll();
    const extra = { ...EPISODES.data.episodes[0], id: 314768, number: 2, absoluteNumber: 2, name: 'Page Two' };
    fake.route('GET', '/v4/series/79509/episodes/default', (req) =>
      req.query.page === '0'
        ? { json: { ...EPISODES, links: { ...EPISODES.links, next: 'https://api4.thetvdb.com/v4/x?page=1' } } }
        : { json: { ...EPISODES, data: { ...EPISODES.data, episodes: [extra] } } },
    );
    const series = await tvdb().getSeries(79509);
    const pages = fake.requestsTo('/v4/series/79509/episodes/default').map((r) => r.query.page);
    expect(pages).toEqual(['0', '1']);
    expect(series.episodes.map((e) => e.tvdbId)).toEqual([314767, 314779, 9999001, 314768]);
  });

  it('finds a series by TVDB id, null when TVDB has none', async () => {
    serveAll();
    fake.fixture('GET', '/v4/series/99999999', 'v4-error-404-not-found.json', { status: 404 });
    const adapter = tvdb();
    expect(await adapter.findSeriesByTvdbId(79509)).toMatchObject({ tvdbId: 79509, title: 'Day Break', year: 2006 });
    expect(await adapter.findSeriesByTvdbId(99999999)).toBeNull();
  });
});

describe('TVDB token handling', () => {
  it('reuses one token for many calls', async () => {
    serveAll();
    const adapter = tvdb();
    await Promise.all([adapter.searchSeries('a'), adapter.getSeries(79509), adapter.findSeriesByTvdbId(79509)]);
    await adapter.healthCheck();
    expect(logins()).toHaveLength(1);
    expect(apiCalls().every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('logs in again and retries once when a request answers 401', async () => {
    serveAll();
    let n = 0;
    fake.route('POST', '/v4/login', () => ({ json: { status: 'success', data: { token: `token-${++n}` } } }));
    fake.once('GET', '/v4/series/79509', { status: 401, file: 'v4-error-401-unauthorized.json' });
    const adapter = tvdb();
    expect(await adapter.findSeriesByTvdbId(79509)).toMatchObject({ tvdbId: 79509 });
    const tries = fake.requestsTo('/v4/series/79509');
    expect(tries.map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(logins()).toHaveLength(2);
  });

  it('gives up with AuthError when the fresh token is refused too', async () => {
    serveAll();
    fake.fixture('GET', '/v4/search', 'v4-error-401-unauthorized.json', { status: 401 });
    await expect(tvdb().searchSeries('x')).rejects.toBeInstanceOf(AuthError);
    expect(fake.requestsTo('/v4/search')).toHaveLength(2);
    expect(logins()).toHaveLength(2);
  });

  it('logs in again once the token has expired', async () => {
    serveAll();
    const clock = new FakeClock(Date.now());
    const adapter = tvdb({ cacheTtlMinutes: 0 }, clock);
    await adapter.searchSeries('a');
    await clock.advance(TOKEN_LIFETIME_MS - 1000);
    await adapter.searchSeries('a');
    expect(logins()).toHaveLength(1);
    await clock.advance(2000);
    await adapter.searchSeries('a');
    expect(logins()).toHaveLength(2);
  });
});

describe('TVDB errors', () => {
  it('maps a refused key to AuthError("invalid API key") on the apiKey field', async () => {
    fake.fixture('POST', '/v4/login', 'v4-error-401-invalid-api-key.json', { status: 401 });
    const adapter = tvdb();
    await expect(adapter.searchSeries('x')).rejects.toThrow(new AuthError('invalid API key'));
    await expect(adapter.healthCheck()).rejects.toThrow('invalid API key');
    expect(await adapter.test()).toEqual([{ field: 'settings.apiKey', message: 'invalid API key', severity: 'error' }]);
  });

  it('reports a missing subscriber PIN on the pin field', async () => {
    fake.fixture('POST', '/v4/login', 'v4-error-400-pin-required.json', { status: 400 });
    expect(await tvdb().test()).toEqual([
      { field: 'settings.pin', message: 'subscriber PIN required', severity: 'error' },
    ]);
  });

  it('maps 404 to NotFoundError', async () => {
    serveAll();
    fake.fixture('GET', '/v4/series/99999999/extended', 'v4-error-404-not-found.json', { status: 404 });
    const err = await tvdb()
      .getSeries(99999999)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as Error).message).toContain('SeriesExtended with id 99999999 not found');
  });

  it('turns a 429 with Retry-After into RateLimitedError', async () => {
    serveAll();
    fake.route('GET', '/v4/search', { status: 429, retryAfter: 30, json: { status: 'failure', message: 'slow down' } });
    const err = await tvdb()
      .searchSeries('x')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBe(30_000);
  });

  it('gives up with TimeoutError quickly and reports it on baseUrl', async () => {
    fake.route('POST', '/v4/login', { delayMs: 3000, file: 'v4-login-success.json' });
    const started = Date.now();
    const adapter = tvdb({ timeoutSeconds: 0.2 });
    await expect(adapter.healthCheck()).rejects.toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await adapter.test()).toEqual([expect.objectContaining({ field: 'settings.baseUrl' })]);
  });
});

describe('TVDB cache and secrets', () => {
  it('answers repeated lookups from the cache', async () => {
    serveAll();
    const adapter = tvdb();
    await adapter.getSeries(79509);
    await adapter.getSeries(79509);
    await adapter.searchSeries('day break');
    await adapter.searchSeries('day break');
    expect(apiCalls().map((r: RecordedRequest) => r.path)).toEqual([
      '/v4/series/79509/extended',
      '/v4/series/79509/episodes/default',
      '/v4/search',
    ]);
  });

  it('never logs the key, the PIN or the token', async () => {
    serveAll();
    fake.fixture('GET', '/v4/series/1/extended', 'v4-error-404-not-found.json', { status: 404 });
    const lines: string[] = [];
    const log: HttpLogger = { debug: (obj, msg) => void lines.push(JSON.stringify({ ...obj, msg })) };
    const adapter = tvdb({ pin: PIN }, systemClock, log);
    await adapter.searchSeries('x');
    await adapter.getSeries(1).catch(() => undefined);
    const all = lines.join('\n');
    expect(all).toContain('/v4/search');
    for (const secret of [KEY, PIN, TOKEN]) expect(all).not.toContain(secret);
  });
});

describe('TVDB definition', () => {
  it('marks the credentials secret and publishes the public API URL as the default', () => {
    const schema = tvdbIntegration.settings;
    expect(secretFields(schema)).toEqual(['apiKey', 'pin']);
    expect(settingsDefaults(schema).baseUrl).toBe('https://api4.thetvdb.com/v4');
    const json = settingsJsonSchema(schema) as { properties: Record<string, Record<string, unknown>> };
    expect(json.properties.apiKey?.secret).toBe(true);
    expect(tvdbIntegration.capabilities).toEqual(expect.arrayContaining(['searchSeries', 'getSeries']));
  });
});
