// Torznab caps beyond the basics: the spec's example document (genres, tags and groups, which idkarr does not use,
// must not disturb the rest) with the exact queries it leads to, and the per-indexer caps Jackett embeds in its
// configured-indexers list, read by the same caps parser.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeHttpServer } from '../../../../test/support/fake-http-server.js';
import { systemClock } from '../../../lib/clock.js';
import { parseCaps } from '../common/caps.js';
import { NewznabFamilyAdapter } from '../common/newznab-family.adapter.js';
import { asArray, attr, parseIndexerXml, type XmlNode } from '../common/xml.js';
import { torznabSettings } from './settings.js';

const FIXTURES = fileURLToPath(new URL('../../../../../../shared/fixtures/protocols/', import.meta.url));

let fake: FakeHttpServer;
beforeAll(async () => {
  fake = await FakeHttpServer.start({ fixtureRoot: FIXTURES });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

function torznab() {
  const settings = torznabSettings.parse({ baseUrl: `${fake.url}/tz`, apiKey: 'tzkey' });
  return new NewznabFamilyAdapter({
    settings,
    protocol: 'torrent',
    apiPath: settings.apiPath,
    ctx: { clock: systemClock, definitionId: 3, definitionName: 'Tracker' },
  });
}

describe('spec-example-caps-with-genres-tags (autobrr)', () => {
  it('parses to exactly these caps', async () => {
    fake.route('GET', '/tz/api', { file: 'torznab/spec-example-caps-with-genres-tags.xml' });
    expect(await torznab().capabilities()).toEqual({
      searchModes: {
        search: { available: true, supportedParams: ['q'] },
        'tv-search': { available: true, supportedParams: ['q', 'rid', 'tvdbid', 'season', 'ep'] },
        'movie-search': { available: false, supportedParams: ['q', 'imdbid', 'genre'] },
        'audio-search': { available: false, supportedParams: ['q'] },
        'book-search': { available: false, supportedParams: ['q'] },
      },
      categories: [
        { id: 2000, name: 'Movies', subcategories: [{ id: 2010, name: 'Foreign', subcategories: [] }] },
        {
          id: 5000,
          name: 'TV',
          subcategories: [
            { id: 5040, name: 'HD', subcategories: [] },
            { id: 5070, name: 'Anime', subcategories: [] },
          ],
        },
      ],
      limits: { default: 50, max: 100 },
      retentionDays: 400,
      supportsRawSearch: true,
      // movie-search lists imdbid but is not available: no id search for movies.
      supportsImdbSearch: false,
      supportsTmdbSearch: false,
      supportsTvdbSearch: true,
      supportsSeasonSearch: true,
      supportsEpisodeSearch: true,
    });
  });

  it('leads to a tvdbid episode search, a text search for movies (movie-search off), RSS of 50', async () => {
    fake.route('GET', '/tz/api', (req) => ({
      file:
        req.query.t === 'caps'
          ? 'torznab/spec-example-caps-with-genres-tags.xml'
          : 'torznab/jackett-search-thepiratebay-magnet.xml',
    }));
    const tz = torznab();
    await tz.search({ type: 'tv', term: 'Severance', tvdbId: 371980, imdbId: 'tt11280740', season: 2, episode: 3 });
    await tz.search({ type: 'movie', term: 'The Matrix 1999', imdbId: 'tt0133093', limit: 100 });
    await tz.fetchRss();
    const asked = fake.requests.filter((r) => r.query.t !== 'caps').map(({ query: { apikey: _k, ...rest } }) => rest);
    expect(asked[0]).toEqual({
      t: 'tvsearch',
      tvdbid: '371980',
      season: '2',
      ep: '3',
      cat: '5000,5040,5030,5045,5010',
      extended: '1',
      offset: '0',
      limit: '100',
    });
    expect(asked.slice(-2)).toEqual([
      {
        t: 'search',
        q: 'The Matrix 1999',
        cat: '2000,2040,2030,2045,2050,2070',
        extended: '1',
        offset: '0',
        limit: '100',
      },
      {
        t: 'search',
        cat: '2000,2040,2030,2045,2050,2070,5000,5040,5030,5045,5010,5070',
        extended: '1',
        offset: '0',
        limit: '50',
      },
    ]);
  });
});

describe("Jackett's configured-indexers list (jackett-indexers-configured)", () => {
  const doc = parseIndexerXml(
    readFileSync(`${FIXTURES}torznab/jackett-indexers-configured.xml`, 'utf8'),
    'jackett indexers',
  );
  const indexers = asArray<XmlNode>((doc.indexers as XmlNode).indexer);
  const capsOf = (id: string) => {
    const node = indexers.find((i) => attr(i, 'id') === id);
    return parseCaps({ caps: node?.caps }, `jackett ${id}`);
  };

  it('every embedded caps block parses', () => {
    expect(indexers).toHaveLength(13);
    for (const node of indexers) {
      const caps = parseCaps({ caps: node.caps }, `jackett ${attr(node, 'id')}`);
      expect(caps.supportsRawSearch, attr(node, 'id')).toBe(true);
      expect(caps.categories.length, attr(node, 'id')).toBeGreaterThan(0);
    }
  });

  it('BroadcastTheNet: TV by season/episode, no movies, limits 1000/100; IPTorrents: movies by imdbid', () => {
    const btn = capsOf('broadcastthenet');
    expect(btn.limits).toEqual({ default: 100, max: 1000 });
    expect(btn.searchModes['tv-search']).toEqual({ available: true, supportedParams: ['q', 'season', 'ep'] });
    expect(btn.searchModes['music-search']).toEqual({ available: false, supportedParams: [] });
    expect([btn.supportsTvdbSearch, btn.supportsImdbSearch, btn.supportsEpisodeSearch]).toEqual([false, false, true]);
    expect(btn.categories.map((c) => c.id)).toEqual([5030, 5040]);
    const ipt = capsOf('iptorrents');
    expect(ipt.supportsImdbSearch).toBe(true);
    expect(ipt.limits).toEqual({ default: 100, max: 100 });
  });
});
