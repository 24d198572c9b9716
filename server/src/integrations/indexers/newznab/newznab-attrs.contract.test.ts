// Newznab attrs beyond size and category, against real indexer answers: scene/nuked markers (prematch,
// haspretime, nuked), the `language` attr, and answers that are not release feeds (o=json output, t=getnfo).
// Also the exact caps and queries of the minimal caps file with a duplicated subcategory name.
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeHttpServer } from '../../../../test/support/fake-http-server.js';
import { systemClock } from '../../../lib/clock.js';
import { ProtocolError } from '../../../lib/errors.js';
import type { ReleaseInfo } from '../../../providers/ports/indexer.port.js';
import { NewznabFamilyAdapter } from '../common/newznab-family.adapter.js';
import { newznabSettings } from './settings.js';

const FIXTURES = fileURLToPath(new URL('../../../../../../shared/fixtures/protocols/', import.meta.url));

let fake: FakeHttpServer;
beforeAll(async () => {
  fake = await FakeHttpServer.start({ fixtureRoot: FIXTURES });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

function newznab() {
  const settings = newznabSettings.parse({ baseUrl: `${fake.url}/nn`, apiKey: 'nzbkey0123456789' });
  return new NewznabFamilyAdapter({
    settings,
    protocol: 'usenet',
    apiPath: settings.apiPath,
    ctx: { clock: systemClock, definitionId: 7, definitionName: 'TestNZB' },
  });
}

function serve(caps: string, feed: string) {
  fake.route('GET', '/nn/api', (req) => ({ file: req.query.t === 'caps' ? caps : feed }));
}

async function feed(file: string): Promise<ReleaseInfo[]> {
  serve('newznab/caps-minimal.xml', file);
  return newznab().search({ type: 'generic', term: 'x', limit: 100 });
}

/** The indexer markers of each release, keyed by guid (the fixtures name the case in the guid). */
function markers(releases: ReleaseInfo[]): Record<string, { scene: boolean; nuked: boolean }> {
  return Object.fromEntries(releases.map((r) => [r.guid, { scene: r.scene === true, nuked: r.nuked === true }]));
}

describe('indexer flag attrs', () => {
  const expected = {
    'no custom attributes': { scene: false, nuked: false },
    'prematch=1 attribute': { scene: true, nuked: false },
    'haspretime=1 attribute': { scene: true, nuked: false },
    'prematch=0 attribute': { scene: false, nuked: false },
    'haspretime=0 attribute': { scene: false, nuked: false },
    'nuked=1 attribute': { scene: false, nuked: true },
    'nuked=0 attribute': { scene: false, nuked: false },
    'prematch=1 and nuked=1 attributes': { scene: true, nuked: true },
    'haspretime=0 and nuked=0 attributes': { scene: false, nuked: false },
  };

  it('prematch/haspretime → scene and nuked → nuked (Radarr feed, with a BOM)', async () => {
    const releases = await feed('newznab/search-indexerflags-movies.xml');
    expect(markers(releases)).toEqual(expected);
    // Relative enclosure URLs resolve against the indexer URL.
    expect(releases[0]?.downloadUrl).toBe(`${fake.url}/nn/url`);
  });

  it('the same on the Sonarr feed; the `subs` items keep their flags', async () => {
    const releases = await feed('newznab/search-indexerflags-tv.xml');
    expect(markers(releases)).toEqual({
      ...expected,
      'subs=eng': { scene: false, nuked: false },
      "subs=''": { scene: false, nuked: false },
    });
  });
});

describe('language attr', () => {
  it('reads one attr with a comma list, repeated attrs, and none', async () => {
    const releases = await feed('newznab/search-language-attr.xml');
    expect(releases).toHaveLength(100);
    expect(releases.slice(0, 4).map((r) => [r.title, r.languages])).toEqual([
      ['White.Collar.S03E05.720p.HDTV.X264-DIMENSION', ['English', 'Japanese']],
      ['White.Collar.S03E04.720p.HDTV.X264-DIMENSION', ['English', 'Spanish']],
      ['White.Collar.S03E03.720p.HDTV.x264-CTU', ['French']],
      ['White.Collar.S03E02.720p.HDTV.X264-DIMENSION', undefined],
    ]);
    expect(releases.filter((r) => r.languages !== undefined)).toHaveLength(3);
  });
});

describe('answers that are not release feeds', () => {
  it('Newznab o=json output (nzbs.org) → a ProtocolError that says what to change', async () => {
    serve('newznab/caps-minimal.xml', 'newznab/search-json-output.json');
    const err = (await newznab()
      .search({ type: 'generic', term: 'x' })
      .catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(ProtocolError);
    expect(err.message).toBe(
      'TestNZB t=search: the indexer answered JSON; idkarr reads the XML output (remove o=json from the additional parameters)',
    );
  });

  it('a t=getnfo answer (DOGnzb: the NFO as an item without enclosure or size) yields no release', async () => {
    expect(await feed('newznab/getnfo-dognzb.xml')).toEqual([]);
  });
});

describe('caps-minimal-duplicate-subcat-name (Prowlarr)', () => {
  it('parses to exactly these caps: Newznab default params, both "Other" subcategories kept', async () => {
    serve('newznab/caps-minimal-duplicate-subcat-name.xml', 'newznab/search-empty-dognzb.xml');
    const caps = await newznab().capabilities();
    expect(caps).toEqual({
      searchModes: {
        search: { available: true, supportedParams: ['q'] },
        'tv-search': { available: true, supportedParams: ['q', 'rid', 'season', 'ep'] },
        'movie-search': { available: true, supportedParams: ['q', 'imdbid'] },
        'audio-search': { available: true, supportedParams: ['q'] },
      },
      categories: [
        {
          id: 5000,
          name: 'TV',
          subcategories: [
            { id: 5070, name: 'Anime', subcategories: [] },
            { id: 5080, name: 'Documentary', subcategories: [] },
            { id: 5020, name: 'Foreign', subcategories: [] },
            { id: 5040, name: 'HD', subcategories: [] },
            { id: 5050, name: 'Other', subcategories: [] },
            { id: 5030, name: 'SD', subcategories: [] },
            { id: 5060, name: 'Sport', subcategories: [] },
            { id: 5010, name: 'WEB-DL', subcategories: [] },
            { id: 5999, name: 'Other', subcategories: [] },
          ],
        },
        { id: 7000, name: 'Other', subcategories: [{ id: 7010, name: 'Misc', subcategories: [] }] },
        { id: 8000, name: 'Books', subcategories: [{ id: 8020, name: 'Comics', subcategories: [] }] },
      ],
      limits: { default: 25, max: 60 },
      supportsRawSearch: true,
      supportsImdbSearch: true,
      supportsTmdbSearch: false,
      supportsTvdbSearch: false,
      supportsSeasonSearch: true,
      supportsEpisodeSearch: true,
    });
  });

  it('leads to these queries: title + season/ep for an episode, imdbid for a movie, pages of 60, RSS of 25', async () => {
    serve('newznab/caps-minimal-duplicate-subcat-name.xml', 'newznab/search-empty-dognzb.xml');
    const nn = newznab();
    await nn.search({ type: 'tv', term: 'Severance', tvdbId: 371980, season: 2, episode: 3 });
    await nn.search({ type: 'movie', term: 'The Matrix 1999', imdbId: 'tt0133093', tmdbId: 603 });
    await nn.fetchRss();
    const asked = fake.requests.filter((r) => r.query.t !== 'caps').map(({ query: { apikey: _k, ...rest } }) => rest);
    expect(asked).toEqual([
      {
        t: 'tvsearch',
        q: 'Severance',
        season: '2',
        ep: '3',
        cat: '5000,5040,5030,5045,5010',
        extended: '1',
        offset: '0',
        limit: '60',
      },
      { t: 'movie', imdbid: '0133093', cat: '2000,2040,2030,2045,2050,2070', extended: '1', offset: '0', limit: '60' },
      {
        t: 'search',
        cat: '2000,2040,2030,2045,2050,2070,5000,5040,5030,5045,5010,5070',
        extended: '1',
        offset: '0',
        limit: '25',
      },
    ]);
  });
});
