// TMDB against a local fake server replaying recorded TMDB answers: the exact requests, the mapped results,
// the error taxonomy, caching, rate limiting and that the key never reaches the logs.
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeHttpServer } from '../../../../test/support/fake-http-server.js';
import { FakeClock, systemClock } from '../../../lib/clock.js';
import {
  AuthError,
  NotFoundError,
  ProtocolError,
  RateLimitedError,
  TimeoutError,
  UnreachableError,
} from '../../../lib/errors.js';
import type { HttpLogger } from '../../../lib/http/http-client.js';
import { secretFields, settingsDefaults, settingsJsonSchema } from '../../../providers/settings-schema.js';
import { errorToFindings } from '../../../providers/test-findings.js';
import { TmdbAdapter } from './adapter.js';
import { tmdbIntegration } from './index.js';
import { tmdbSettings } from './settings.js';

const SHARED = fileURLToPath(new URL('../../../../../../shared/fixtures/protocols/tmdb/', import.meta.url));
const LOCAL = fileURLToPath(new URL('./fixtures/', import.meta.url));
const KEY = '0123456789abcdef0123456789abcdef';
const IMG = 'https://image.tmdb.org/t/p/original';

let fake: FakeHttpServer;
beforeAll(async () => {
  fake = await FakeHttpServer.start({ fixtureRoot: SHARED });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

function tmdb(overrides: Record<string, unknown> = {}, clock = systemClock, log?: HttpLogger) {
  const settings = tmdbSettings.parse({ apiKey: KEY, baseUrl: `${fake.url}/3`, ...overrides });
  return new TmdbAdapter(settings, clock, log);
}

describe('TMDB requests and mapping', () => {
  it('searches movies with query, year, language and the api_key parameter', async () => {
    fake.fixture('GET', '/3/search/movie', 'v3-search-movie.json');
    const results = await tmdb().searchMovies('RRRrrrr', 2004);
    const [req] = fake.requests;
    expect(req?.path).toBe('/3/search/movie');
    expect(req?.query).toEqual({
      query: 'RRRrrrr',
      year: '2004',
      include_adult: 'false',
      language: 'en-US',
      api_key: KEY,
    });
    expect(req?.headers.authorization).toBeUndefined();
    expect(results).toEqual([
      expect.objectContaining({
        tmdbId: 21778,
        title: 'RRRrrrr!!!',
        year: 2004,
        images: { poster: `${IMG}/qsGU6myn85MfqpNAxzJtxJ3VgrM.jpg`, fanart: `${IMG}/2fxpVG5TxDmylZopKqwnMQXPYMP.jpg` },
      }),
    ]);
  });

  it('reads old (2016) search answers with escaped slashes', async () => {
    fake.fixture('GET', '/3/search/movie', 'v3-2016-search-movie.json');
    const results = await tmdb().searchMovies('American Beauty');
    expect(results).toHaveLength(8);
    expect(results[0]).toMatchObject({
      tmdbId: 14,
      year: 1999,
      images: { poster: `${IMG}/or1MP8BZIAjqWYxPdPX724ydKar.jpg` },
    });
  });

  it('gets Fight Club with every appended member in one request', async () => {
    fake.fixture('GET', '/3/movie/550', `${LOCAL}movie-550-appended.json`);
    const movie = await tmdb().getMovie(550);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.query).toMatchObject({
      append_to_response: 'alternative_titles,release_dates,external_ids,images',
      include_image_language: 'en,null',
      language: 'en-US',
    });
    expect(movie).toMatchObject({
      tmdbId: 550,
      imdbId: 'tt0137523',
      title: 'Fight Club',
      originalTitle: 'Fight Club',
      year: 1999,
      runtime: 139,
      status: 'released',
      inCinemas: '1999-10-15',
      physicalRelease: '2000-06-06',
      digitalRelease: '2009-11-17',
      certification: 'R',
      genres: ['Drama'],
      studio: 'Fox 2000 Pictures',
      images: { poster: `${IMG}/pB8BM7pdSp6B6Ih7QZ4DrQ3PmJK.jpg`, fanart: `${IMG}/hZkgoQYus5vegHoetLkCJzb17zJ.jpg` },
    });
    expect(movie.collection).toBeUndefined();
    expect(movie.alternativeTitles).toHaveLength(18);
    expect(movie.alternativeTitles).toContainEqual({ title: 'Clube da Luta', country: 'BR' });
  });

  it('reads a details answer without appended members (2016 layout)', async () => {
    fake.fixture('GET', '/3/movie/14', 'v3-2016-movie-details.json');
    const movie = await tmdb().getMovie(14);
    expect(movie).toMatchObject({
      tmdbId: 14,
      imdbId: 'tt0169547',
      title: 'American Beauty',
      inCinemas: '1999-09-15',
      studio: 'DreamWorks SKG',
      alternativeTitles: [],
    });
    expect(movie.certification).toBeUndefined();
    expect(movie.digitalRelease).toBeUndefined();
  });

  it('takes certification and cinema date from the configured country', async () => {
    fake.fixture('GET', '/3/movie/550', `${LOCAL}movie-550-appended.json`);
    const movie = await tmdb({ certificationCountry: 'DE', language: 'de-DE' }).getMovie(550);
    expect(fake.requests[0]?.query).toMatchObject({ language: 'de-DE', include_image_language: 'de,null' });
    expect(movie).toMatchObject({ certification: '18', inCinemas: '1999-11-11', physicalRelease: '2000-06-06' });
  });

  it('finds a movie by IMDb id, and answers null when TMDB knows none', async () => {
    fake.fixture('GET', '/3/find/tt0169547', 'v3-2016-find-by-imdb-id.json');
    fake.fixture('GET', '/3/find/tt0000000', 'v3-2016-find-no-results.json');
    const adapter = tmdb();
    expect(await adapter.findMovieByImdbId('tt0169547')).toMatchObject({ tmdbId: 14, title: 'American Beauty' });
    expect(fake.requests[0]?.query).toMatchObject({ external_source: 'imdb_id', api_key: KEY });
    expect(await adapter.findMovieByImdbId('tt0000000')).toBeNull();
  });

  it('searches series', async () => {
    fake.fixture('GET', '/3/search/tv', 'v3-search-tv.json');
    const results = await tmdb().searchSeries('game of thrones');
    expect(fake.requests[0]?.query).toMatchObject({ query: 'game of thrones', language: 'en-US' });
    expect(results[0]).toMatchObject({ tmdbId: 1399, title: 'Game of Thrones', year: 2011, firstAired: '2011-04-17' });
  });

  it('gets Game of Thrones with external ids, rating and every season the details list', async () => {
    fake.fixture('GET', '/3/tv/1399', `${LOCAL}tv-1399-appended.json`);
    // Only season 1 was recorded; the others answer empty so the test sees which seasons were asked for.
    fake.route('GET', '/3/tv/1399/season/:n', (req) => ({
      json: { season_number: Number(req.params.n), episodes: [] },
    }));
    fake.fixture('GET', '/3/tv/1399/season/1', 'v3-tv-season-details-1399-s1.json');
    const series = await tmdb().getSeries(1399);
    expect(fake.requestsTo('/3/tv/1399')[0]?.query.append_to_response).toBe(
      'external_ids,content_ratings,alternative_titles',
    );
    const seasonPaths = fake.requests.filter((r) => r.path.includes('/season/')).map((r) => r.path);
    expect(seasonPaths.sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8].map((n) => `/3/tv/1399/season/${n}`));
    expect(series).toMatchObject({
      tmdbId: 1399,
      tvdbId: 121361,
      imdbId: 'tt0944947',
      title: 'Game of Thrones',
      year: 2011,
      status: 'ended',
      network: 'HBO',
      certification: 'TV-MA',
      genres: ['Sci-Fi & Fantasy', 'Drama', 'Action & Adventure'],
    });
    expect(series.seasons.map((s) => s.seasonNumber)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(series.alternativeTitles).toContainEqual({ title: 'Le Trône de fer', country: 'FR' });
    expect(series.episodes).toHaveLength(10);
    expect(series.episodes[0]).toEqual(
      expect.objectContaining({
        tmdbId: 63056,
        seasonNumber: 1,
        episodeNumber: 1,
        title: 'Winter Is Coming',
        airDate: '2011-04-17',
        runtime: 62,
      }),
    );
  });

  it('finds a series by TVDB id through /find', async () => {
    fake.fixture('GET', '/3/find/72023', 'v3-find-by-external-id-tv-and-episode.json');
    const found = await tmdb().findSeriesByTvdbId(72023);
    expect(fake.requests[0]?.query).toMatchObject({ external_source: 'tvdb_id' });
    expect(found).toMatchObject({ tmdbId: 1406, title: 'Deadwood', year: 2004 });
  });

  it('sends a v4 read access token as a Bearer header, not as a parameter', async () => {
    const token = `eyJhbGciOiJIUzI1NiJ9.${'a'.repeat(120)}.signature`;
    fake.fixture('GET', '/3/search/movie', 'v3-search-movie.json');
    await tmdb({ apiKey: token }).searchMovies('x');
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${token}`);
    expect(fake.requests[0]?.query.api_key).toBeUndefined();
  });
});

describe('TMDB errors', () => {
  it('maps status_code 7 to AuthError("invalid API key"), reported on the apiKey field', async () => {
    fake.fixture('GET', '/3/configuration', 'v3-error-invalid-api-key.json', { status: 401 });
    fake.fixture('GET', '/3/movie/550', 'v3-error-invalid-api-key.json', { status: 401 });
    const adapter = tmdb();
    await expect(adapter.getMovie(550)).rejects.toThrow(new AuthError('invalid API key'));
    await expect(adapter.healthCheck()).rejects.toBeInstanceOf(AuthError);
    expect(await adapter.test()).toEqual([{ field: 'settings.apiKey', message: 'invalid API key', severity: 'error' }]);
    // The framework reports a thrown AuthError on the same field.
    const findings = errorToFindings(tmdbIntegration, new AuthError('invalid API key'), [KEY]);
    expect(findings[0]?.field).toBe('settings.apiKey');
  });

  it('maps status_code 34 to NotFoundError and a 422 to ProtocolError', async () => {
    fake.fixture('GET', '/3/movie/999999999', 'v3-error-resource-not-found.json', { status: 404 });
    fake.fixture('GET', '/3/search/movie', 'v3-error-validation-query-missing.json', { status: 422 });
    await expect(tmdb().getMovie(999999999)).rejects.toBeInstanceOf(NotFoundError);
    await expect(tmdb().searchMovies('')).rejects.toThrow(ProtocolError);
    await expect(tmdb().searchMovies('')).rejects.toThrow(/query must be provided/);
  });

  it('turns a 429 with Retry-After into RateLimitedError carrying the delay', async () => {
    fake.route('GET', '/3/search/movie', { status: 429, retryAfter: 7, json: { status_code: 25 } });
    const err = await tmdb()
      .searchMovies('x')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBe(7000);
  });

  it('gives up with TimeoutError quickly when TMDB does not answer', async () => {
    fake.route('GET', '/3/configuration', { delayMs: 3000, json: {} });
    const started = Date.now();
    const adapter = tmdb({ timeoutSeconds: 0.2 });
    await expect(adapter.healthCheck()).rejects.toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(2000);
    const findings = await adapter.test();
    expect(findings).toEqual([expect.objectContaining({ field: 'settings.baseUrl', severity: 'error' })]);
  });

  it('reports a dead host or a reset connection as UnreachableError on the baseUrl field', async () => {
    fake.route('GET', '/3/configuration', { reset: true });
    await expect(tmdb().healthCheck()).rejects.toBeInstanceOf(UnreachableError);
    const dead = await FakeHttpServer.start();
    const deadUrl = `${dead.url}/3`;
    await dead.close();
    const findings = await tmdb({ baseUrl: deadUrl }).test();
    expect(findings).toEqual([expect.objectContaining({ field: 'settings.baseUrl', severity: 'error' })]);
  });
});

describe('TMDB cache, rate limit and secrets', () => {
  it('answers a repeated call from the cache, keyed without the API key', async () => {
    fake.fixture('GET', '/3/movie/550', `${LOCAL}movie-550-appended.json`);
    const adapter = tmdb();
    const first = await adapter.getMovie(550);
    const second = await adapter.getMovie(550);
    expect(second).toEqual(first);
    expect(fake.requests).toHaveLength(1);
    await tmdb({ cacheTtlMinutes: 0 }).getMovie(550);
    await tmdb({ cacheTtlMinutes: 0 }).getMovie(550);
    expect(fake.requests).toHaveLength(3);
  });

  it('expires cached answers after the TTL', async () => {
    const clock = new FakeClock(Date.now());
    fake.fixture('GET', '/3/search/tv', 'v3-search-tv.json');
    const adapter = tmdb({ cacheTtlMinutes: 1 }, clock);
    await adapter.searchSeries('got');
    await clock.advance(59_000);
    await adapter.searchSeries('got');
    expect(fake.requests).toHaveLength(1);
    await clock.advance(2_000);
    await adapter.searchSeries('got');
    expect(fake.requests).toHaveLength(2);
  });

  it('holds requests beyond the configured rate until the window refills', async () => {
    const clock = new FakeClock(Date.now());
    fake.fixture('GET', '/3/search/movie', 'v3-search-movie.json');
    const adapter = tmdb({ rateLimitRequests: 2, rateLimitWindowSeconds: 10 }, clock);
    const calls = ['a', 'b', 'c'].map((t) => adapter.searchMovies(t));
    await Promise.all(calls.slice(0, 2));
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.requests).toHaveLength(2);
    await clock.advance(10_000);
    await calls[2];
    expect(fake.requests.map((r) => r.query.query)).toEqual(['a', 'b', 'c']);
  });

  it('never logs or reports the API key', async () => {
    const lines: string[] = [];
    const log: HttpLogger = { debug: (obj, msg) => void lines.push(JSON.stringify({ ...obj, msg })) };
    fake.fixture('GET', '/3/search/movie', 'v3-search-movie.json');
    fake.fixture('GET', '/3/movie/1', 'v3-error-resource-not-found.json', { status: 404 });
    fake.route('GET', '/3/movie/2', { status: 500, body: `oops ${KEY}` });
    const adapter = tmdb({}, systemClock, log);
    await adapter.searchMovies('x');
    const errors = await Promise.all([adapter.getMovie(1), adapter.getMovie(2)].map((p) => p.catch((e) => e)));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.join('\n')).toContain('/3/search/movie');
    expect(lines.join('\n')).not.toContain(KEY);
    for (const e of errors) expect(String((e as Error).message)).not.toContain(KEY);
  });
});

describe('TMDB definition', () => {
  it('marks the credentials secret and publishes the public API URL as the default', () => {
    const schema = tmdbIntegration.settings;
    expect(secretFields(schema)).toEqual(['apiKey']);
    expect(settingsDefaults(schema).baseUrl).toBe('https://api.themoviedb.org/3');
    const json = settingsJsonSchema(schema) as { properties: Record<string, Record<string, unknown>> };
    expect(json.properties.apiKey?.secret).toBe(true);
    expect(tmdbIntegration.capabilities).toEqual(expect.arrayContaining(['searchSeries', 'getSeries']));
  });
});
