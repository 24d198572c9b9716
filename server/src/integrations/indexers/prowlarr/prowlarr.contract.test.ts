// Prowlarr against a local fake server: /api/v1/search (exact query, X-Api-Key, mapping), /api/v1/indexer sync
// into a store, a synced definition searching Prowlarr's Torznab proxy, and Prowlarr's proxy errors.
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeHttpServer } from '../../../../test/support/fake-http-server.js';
import { systemClock } from '../../../lib/clock.js';
import { AuthError, ProtocolError, RateLimitedError } from '../../../lib/errors.js';
import type { IntegrationContext } from '../../../providers/integration.js';
import type { ProviderDefinition, ProviderDefinitionInput } from '../../../providers/provider.types.js';
import { torznabIntegration } from '../torznab/index.js';
import { ProwlarrAdapter } from './adapter.js';
import { prowlarrSettings } from './settings.js';
import type { IndexerDefinitionStore } from './sync.js';

const LOCAL = fileURLToPath(new URL('./fixtures/', import.meta.url));
const SHARED = fileURLToPath(new URL('../../../../../../shared/fixtures/protocols/torznab/', import.meta.url));
const KEY = 'prowlarrkey0123456789';
const ctx = { clock: systemClock, definitionId: 21, definitionName: 'Prowlarr' };

let fake: FakeHttpServer;
beforeAll(async () => {
  fake = await FakeHttpServer.start({ fixtureRoot: LOCAL });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

function prowlarr(overrides: Record<string, unknown> = {}) {
  return new ProwlarrAdapter(
    prowlarrSettings.parse({ baseUrl: `${fake.url}/prowlarr`, apiKey: KEY, ...overrides }),
    ctx,
  );
}

describe('Prowlarr search', () => {
  it('sends a movie search by id tokens with the key header, the protocol pseudo-indexer and movie categories', async () => {
    fake.fixture('GET', '/prowlarr/api/v1/search', 'search-movie.json');
    const releases = await prowlarr({ categories: [2000, 2040, 5000, 100048] }).search({
      type: 'movie',
      term: 'TRON Legacy 2010',
      imdbId: 'tt1104001',
      tmdbId: 20526,
    });
    const [req] = fake.requests;
    expect(req?.headers['x-api-key']).toBe(KEY);
    expect(req?.query.apikey).toBeUndefined();
    expect(req?.query.query).toBe('{ImdbId:tt1104001}{TmdbId:20526}');
    expect(req?.query.type).toBe('movie');
    expect(req?.searchParams.getAll('indexerIds')).toEqual(['-2']);
    expect(req?.searchParams.getAll('categories')).toEqual(['2000', '2040', '100048']);
    expect([req?.query.offset, req?.query.limit]).toEqual(['0', '100']);

    expect(releases).toHaveLength(3); // the entry without a title is skipped
    expect(releases[0]).toMatchObject({
      title: 'TRON Legacy 2010 720p BluRay x264-CtrlHD',
      indexer: 'Prowlarr',
      indexerId: 21,
      upstreamIndexer: { id: '2', name: 'Mock' },
      protocol: 'torrent',
      size: 2139365375,
      publishDate: '2011-03-30T23:11:08.000Z',
      categories: [2000, 2040],
      seeders: 7,
      leechers: 2,
      peers: 9,
      grabs: 106,
      imdbId: 'tt1104001',
      tmdbId: 20526,
      infoHash: '0B8B0F0F9D6B7C1E2F3A4B5C6D7E8F9A0B1C2D3E',
      freeleech: true,
      internal: true,
      posterUrl: expect.stringContaining('image.tmdb.org'),
    });
    expect(releases[0]?.tvdbId).toBeUndefined();
    expect(releases[1]).toMatchObject({
      downloadUrl: expect.stringMatching(/^magnet:/),
      infoHash: '5BDB6A0F8E2C6F1D3C7A9E2F0D4B8C1A6E3F7D92',
      categories: [2000, 100048],
      freeleech: false,
    });
    expect(releases[1]?.imdbId).toBeUndefined();
    expect(releases[2]).toMatchObject({ protocol: 'usenet', grabs: 12 });
    expect(releases[2]?.seeders).toBeUndefined();
  });

  it('a TV search without ids puts the episode in the text; picked indexers replace the pseudo-indexer', async () => {
    fake.route('GET', '/prowlarr/api/v1/search', { json: [] });
    await prowlarr({ indexerIds: [1, 5], protocol: 'torrent' }).search({
      type: 'tv',
      term: 'Severance',
      season: 2,
      episode: 3,
    });
    const [req] = fake.requests;
    expect(req?.query.query).toBe('Severance S02E03');
    expect(req?.query.type).toBe('tvsearch');
    expect(req?.searchParams.getAll('indexerIds')).toEqual(['1', '5']);
    expect(req?.searchParams.getAll('categories')).toEqual(['5000', '5040', '5030', '5045', '5010']);
  });

  it('401 → AuthError, test() names apiKey; a non-JSON answer → ProtocolError', async () => {
    fake.route('GET', '/prowlarr/api/v1/indexer', { status: 401, body: 'Unauthorized' });
    expect(await prowlarr().test()).toEqual([expect.objectContaining({ field: 'settings.apiKey' })]);
    fake.route('GET', '/prowlarr/api/v1/search', { status: 401, body: '' });
    await expect(prowlarr().search({ type: 'generic', term: 'x' })).rejects.toBeInstanceOf(AuthError);
    fake.route('GET', '/prowlarr/api/v1/search', {
      body: '<html>login</html>',
      headers: { 'content-type': 'text/html' },
    });
    await expect(prowlarr().search({ type: 'generic', term: 'x' })).rejects.toBeInstanceOf(ProtocolError);
  });
});

describe('Prowlarr indexer sync', () => {
  function memoryStore(initial: ProviderDefinition[] = []): IndexerDefinitionStore & { defs: ProviderDefinition[] } {
    let id = 1000;
    const defs = [...initial];
    const make = (input: ProviderDefinitionInput, existingId?: number): ProviderDefinition => ({
      ...input,
      id: existingId ?? id++,
      kind: 'indexer',
      createdAt: 'now',
      updatedAt: 'now',
    });
    return {
      defs,
      list: async () => defs,
      create: async (_k, input) => {
        const d = make(input);
        defs.push(d);
        return d;
      },
      update: async (_k, existingId, input) => {
        const i = defs.findIndex((d) => d.id === existingId);
        defs[i] = make(input, existingId);
        return defs[i];
      },
      remove: async (_k, existingId) => {
        defs.splice(
          defs.findIndex((d) => d.id === existingId),
          1,
        );
      },
    };
  }

  it('fetches /api/v1/indexer and mirrors the tagged indexers; a second run changes nothing', async () => {
    fake.fixture('GET', '/prowlarr/api/v1/indexer', 'indexers.json');
    const store = memoryStore();
    const p = prowlarr({ syncLevel: 'add_remove', syncTags: [3] });
    const first = await p.syncIndexers(store);
    expect(first).toEqual({
      created: ['IPTorrents (Prowlarr)', 'NZBgeek (Prowlarr)'],
      updated: [],
      removed: [],
      failed: [],
    });
    expect(fake.requests[0]?.headers['x-api-key']).toBe(KEY);
    expect(store.defs.map((d) => d.settings.baseUrl)).toEqual([`${fake.url}/prowlarr/1`, `${fake.url}/prowlarr/2`]);
    expect(await p.syncIndexers(store)).toEqual({ created: [], updated: [], removed: [], failed: [] });
  });

  it('a disabled sync never calls Prowlarr', async () => {
    const store = memoryStore();
    expect(await prowlarr().syncIndexers(store)).toEqual({ created: [], updated: [], removed: [], failed: [] });
    expect(fake.requests).toHaveLength(0);
  });

  it("a synced definition searches Prowlarr's Torznab proxy (prowlarr-caps / prowlarr-search-mock-indexer)", async () => {
    fake.fixture('GET', '/prowlarr/api/v1/indexer', 'indexers.json');
    const store = memoryStore();
    await prowlarr({ syncLevel: 'fullSync', syncTags: [3] }).syncIndexers(store);
    const ipt = store.defs.find((d) => d.implementation === 'torznab')!;
    fake.route('GET', '/prowlarr/1/api', (req) => ({
      file: `${SHARED}${req.query.t === 'caps' ? 'prowlarr-caps.xml' : 'prowlarr-search-mock-indexer.xml'}`,
    }));
    const instance = torznabIntegration.create(torznabIntegration.settings.parse(ipt.settings), {
      ...ctx,
      definitionName: ipt.name,
      kind: 'indexer',
    } as IntegrationContext);
    const releases = await instance.search({ type: 'movie', term: 'Tron', imdbId: 'tt1104001' });
    const search = fake.requests.filter((r) => r.path === '/prowlarr/1/api' && r.query.t !== 'caps')[0];
    // prowlarr-caps: movie-search "q,imdbid,tmdbid"; the indexer offers Movies, so every default movie category stays
    expect(search?.query).toMatchObject({
      t: 'movie',
      imdbid: '1104001',
      apikey: KEY,
      cat: '2000,2040,2030,2045,2050,2070',
    });
    expect(ipt.settings.categories).toEqual([2000, 2040, 2030, 2045, 2050, 2070, 5000, 5040, 5030, 5045, 5010]);
    expect(releases[0]).toMatchObject({ indexer: 'IPTorrents (Prowlarr)', upstreamIndexer: { id: '2', name: 'Mock' } });
  });

  it("Prowlarr's proxy errors: 410 indexer disabled → ProtocolError, 429 query limit → RateLimitedError", async () => {
    const torznab = (file: string) => {
      fake.reset();
      fake.route('GET', '/prowlarr/1/api', (req) => ({
        file: `${SHARED}${req.query.t === 'caps' ? 'prowlarr-caps.xml' : file}`,
      }));
      return torznabIntegration
        .create(torznabIntegration.settings.parse({ baseUrl: `${fake.url}/prowlarr/1`, apiKey: KEY }), {
          ...ctx,
          kind: 'indexer',
        } as IntegrationContext)
        .fetchRss();
    };
    await expect(torznab('prowlarr-error-410-indexer-disabled.xml')).rejects.toBeInstanceOf(ProtocolError);
    await expect(torznab('prowlarr-error-429-query-limit.xml')).rejects.toBeInstanceOf(RateLimitedError);
  });
});
