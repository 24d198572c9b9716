// IMDb lists against a local fake server replaying the shared fixtures: both CSV export layouts (classic
// 15-column and 2024 18-column), the watchlist RSS feed, title types mapped to movie/series, quotes and UTF-8.
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeHttpServer } from '../../../../test/support/fake-http-server.js';
import { systemClock } from '../../../lib/clock.js';
import { ImdbAdapter } from './adapter.js';
import { imdbTitleType } from './mapper.js';
import { imdbSettings } from './settings.js';

const SHARED = fileURLToPath(new URL('../../../../../../shared/fixtures/protocols/imdb/', import.meta.url));

let fake: FakeHttpServer;
beforeAll(async () => {
  fake = await FakeHttpServer.start({ fixtureRoot: SHARED });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

const imdb = (listId: string) =>
  new ImdbAdapter(
    imdbSettings.parse({
      listId,
      baseUrl: `${fake.url}/www`,
      rssBaseUrl: `${fake.url}/rss`,
      qualityProfileId: 1,
      rootFolderPath: '/media',
    }),
    systemClock,
  );

describe('IMDb list exports (CSV)', () => {
  it('reads the classic layout: tvSeries → series, movie → movie, specials and games skipped', async () => {
    fake.fixture('GET', '/www/list/ls005547488/export', 'list-export-classic.csv', {
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
    const items = await imdb('ls005547488').fetch();
    expect(fake.requests.map((r) => [r.method, r.path])).toEqual([['GET', '/www/list/ls005547488/export']]);
    expect(items).toEqual([
      { mediaType: 'movie', title: 'The Matrix', imdbId: 'tt0133093', year: 1999 },
      { mediaType: 'series', title: 'Breaking Bad', imdbId: 'tt0903747', year: 2008 },
      { mediaType: 'series', title: 'Severance', imdbId: 'tt11280740', year: 2022 },
      { mediaType: 'movie', title: 'Inception', imdbId: 'tt1375666', year: 2010 },
      { mediaType: 'series', title: 'Game of Thrones', imdbId: 'tt0944947', year: 2011 },
    ]);
  });

  it('reads the 2024 layout: display title types, UTF-8 titles, episodes skipped', async () => {
    fake.fixture('GET', '/www/list/ls123456789/export', 'list-export-2024.csv', {
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
    expect(await imdb('ls123456789').fetch()).toEqual([
      { mediaType: 'series', title: 'Severance', imdbId: 'tt11280740', year: 2022 },
      { mediaType: 'series', title: 'Shōgun', imdbId: 'tt2788316', year: 2024 },
      { mediaType: 'movie', title: 'Spirited Away', imdbId: 'tt0245429', year: 2001 },
    ]);
  });

  it('reads a ratings export (no Position column) by column name', async () => {
    fake.fixture('GET', '/www/list/ls000000001/export', 'ratings-export.csv');
    const items = await imdb('ls000000001').fetch();
    expect(items.slice(0, 2)).toEqual([
      { mediaType: 'movie', title: 'The Matrix', imdbId: 'tt0133093', year: 1999 },
      { mediaType: 'series', title: 'Breaking Bad', imdbId: 'tt0903747', year: 2008 },
    ]);
  });

  it('answers a private list (HTML instead of CSV) with an error, never an empty list', async () => {
    fake.route('GET', '/www/list/ls000000002/export', { body: '<html><body>Sign in</body></html>' });
    await expect(imdb('ls000000002').fetch()).rejects.toThrow(/no Const column/);
    fake.route('GET', '/www/list/ls000000003/export', { status: 404, body: 'not found' });
    expect(await imdb('ls000000003').test()).toEqual([
      expect.objectContaining({ field: 'settings.listId', severity: 'error' }),
    ]);
  });
});

describe('IMDb watchlists (RSS)', () => {
  it('reads titles, years and ids from the feed, decoding entities', async () => {
    fake.fixture('GET', '/rss/user/ur12345678/watchlist', 'list-rss-watchlist.xml');
    const items = await imdb('ur12345678').fetch();
    expect(fake.requests.map((r) => r.path)).toEqual(['/rss/user/ur12345678/watchlist']);
    expect(items[0]).toEqual({ mediaType: 'movie', title: 'Think Like a Man Too', imdbId: 'tt2239832', year: 2014 });
    expect(items).toContainEqual({ mediaType: 'movie', title: "Winter's Tale", imdbId: 'tt1837709', year: 2014 });
    expect(items).toContainEqual(expect.objectContaining({ title: 'Run & Jump', year: 2013 }));
    expect(items).toContainEqual(expect.objectContaining({ title: 'Thérèse', year: 2012 }));
    expect(items).toContainEqual(expect.objectContaining({ title: 'The Naked Gun 2½: The Smell of Fear', year: 1991 }));
    // "(2013 Documentary)" and "(2010 Short Film)" are movies with a plain year.
    expect(items).toContainEqual(expect.objectContaining({ title: 'Blackfish', year: 2013, mediaType: 'movie' }));
    expect(items).toContainEqual(expect.objectContaining({ title: 'Paperman', year: 2012, mediaType: 'movie' }));
    expect(items.every((i) => /^tt\d+$/.test(i.imdbId ?? ''))).toBe(true);
  });
});

describe('IMDb title types', () => {
  it.each([
    ['movie', 'movie'],
    ['Movie', 'movie'],
    ['tvMovie', 'movie'],
    ['Documentary', 'movie'],
    ['Short Film', 'movie'],
    ['tvSeries', 'series'],
    ['TV Series', 'series'],
    ['tvMiniSeries', 'series'],
    ['TV Mini Series', 'series'],
    ['TV Mini-Series', 'series'],
    ['tvEpisode', undefined],
    ['TV Episode', undefined],
    ['videoGame', undefined],
    ['tvSpecial', undefined],
  ])('%s → %s', (raw, expected) => {
    expect(imdbTitleType(raw)).toBe(expected);
  });
});
