// TMDB lists against a local fake server replaying constructed TMDB answers (fixtures/SOURCES.md): the exact
// requests (paths, api_key/language/page parameters or the Bearer header) and the mapped list items.
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeHttpServer } from '../../../../test/support/fake-http-server.js';
import { systemClock } from '../../../lib/clock.js';
import { TmdbListAdapter } from './adapter.js';
import { tmdbListSettings } from './settings.js';

const LOCAL = fileURLToPath(new URL('./fixtures/', import.meta.url));
const KEY = '0123456789abcdef0123456789abcdef';
const BASE = { apiKey: KEY, qualityProfileId: 1, rootFolderPath: '/media' };

let fake: FakeHttpServer;
beforeAll(async () => {
  fake = await FakeHttpServer.start({ fixtureRoot: LOCAL });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

const list = (settings: Record<string, unknown>) =>
  new TmdbListAdapter(tmdbListSettings.parse({ ...BASE, baseUrl: `${fake.url}/3`, ...settings }), systemClock);

describe('TMDB lists', () => {
  it('reads every page of a list, keeping movies and series and skipping people', async () => {
    fake.route('GET', '/3/list/8136', (req) => ({
      file: req.query.page === '2' ? 'list-8136-page2.json' : 'list-8136.json',
    }));
    const items = await list({ listType: 'list', listId: '8136', pages: 5 }).fetch();
    expect(fake.requests.map((r) => [r.path, r.query])).toEqual([
      ['/3/list/8136', { page: '1', language: 'en-US', api_key: KEY }],
      ['/3/list/8136', { page: '2', language: 'en-US', api_key: KEY }],
    ]);
    expect(items).toEqual([
      { mediaType: 'movie', title: 'Fight Club', year: 1999, tmdbId: 550 },
      { mediaType: 'series', title: 'Game of Thrones', year: 2011, tmdbId: 1399 },
      { mediaType: 'movie', title: 'Spirited Away', year: 2001, tmdbId: 129 },
    ]);
  });

  it('reads only the pages asked for from the popular chart', async () => {
    fake.fixture('GET', '/3/movie/popular', 'movie-popular.json');
    const items = await list({ listType: 'popularMovies', pages: 1 }).fetch();
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.query).toEqual({ page: '1', language: 'en-US', api_key: KEY });
    expect(items).toEqual([
      { mediaType: 'movie', title: 'Inception', year: 2010, tmdbId: 27205 },
      { mediaType: 'movie', title: 'The Dark Knight', year: 2008, tmdbId: 155 },
    ]);
  });

  it("reads a person's movie and TV credits (cast, crew or both)", async () => {
    fake.fixture('GET', '/3/person/287/movie_credits', 'person-287-movie-credits.json');
    fake.fixture('GET', '/3/person/287/tv_credits', 'person-287-tv-credits.json');
    const cast = await list({ listType: 'person', personId: 287 }).fetch();
    expect(fake.requests.map((r) => r.path)).toEqual(['/3/person/287/movie_credits', '/3/person/287/tv_credits']);
    expect(cast).toEqual([
      { mediaType: 'movie', title: 'Fight Club', year: 1999, tmdbId: 550 },
      { mediaType: 'series', title: 'Friends', year: 1991, tmdbId: 1668 },
    ]);
    const both = await list({ listType: 'person', personId: 287, personCredits: 'both', includeSeries: false }).fetch();
    expect(both.map((i) => i.tmdbId)).toEqual([550, 4523]);
  });

  it('reads a collection; a part without a date has no year', async () => {
    fake.fixture('GET', '/3/collection/10', 'collection-10.json');
    const items = await list({ listType: 'collection', collectionId: 10 }).fetch();
    expect(fake.requests[0]?.path).toBe('/3/collection/10');
    expect(items).toHaveLength(3);
    expect(items[2]).toEqual({ mediaType: 'movie', title: 'Star Wars: Episode I - The Phantom Menace', tmdbId: 1893 });
  });

  it('sends a v4 token as a Bearer header and reports a rejected key on apiKey', async () => {
    const token = `eyJhbGciOiJIUzI1NiJ9.${'a'.repeat(120)}.signature`;
    fake.fixture('GET', '/3/collection/10', 'collection-10.json');
    await list({ apiKey: token, listType: 'collection', collectionId: 10 }).fetch();
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${token}`);
    expect(fake.requests[0]?.query.api_key).toBeUndefined();
    fake.route('GET', '/3/collection/10', { status: 401, json: { status_code: 7, status_message: 'Invalid API key' } });
    expect(await list({ listType: 'collection', collectionId: 10 }).test()).toEqual([
      expect.objectContaining({ field: 'settings.apiKey', severity: 'error' }),
    ]);
  });

  it('requires the id its list type needs', () => {
    const parsed = tmdbListSettings.safeParse({ ...BASE, listType: 'person' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['personId']);
  });
});
