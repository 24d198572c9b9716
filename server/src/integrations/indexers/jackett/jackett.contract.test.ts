// Jackett against a local fake server: per-indexer and aggregate ("all") Torznab endpoints, which tracker found
// each release, and Jackett's error answers (with their HTTP statuses) mapped onto the taxonomy.
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeHttpServer } from '../../../../test/support/fake-http-server.js';
import { systemClock } from '../../../lib/clock.js';
import { AuthError, ProtocolError, RateLimitedError } from '../../../lib/errors.js';
import type { IntegrationContext } from '../../../providers/integration.js';
import { jackettIntegration } from './index.js';
import { jackettSettings } from './settings.js';

const FIXTURES = fileURLToPath(new URL('../../../../../../shared/fixtures/protocols/torznab/', import.meta.url));
const KEY = '0123456789abcdef0123456789abcdef';
const ctx = { clock: systemClock, definitionId: 11, definitionName: 'Jackett', kind: 'indexer' } as IntegrationContext;

let fake: FakeHttpServer;
beforeAll(async () => {
  fake = await FakeHttpServer.start({ fixtureRoot: FIXTURES });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

function jackett(indexerId = 'all') {
  return jackettIntegration.create(
    jackettSettings.parse({ baseUrl: `${fake.url}/jackett`, apiKey: KEY, indexerId }),
    ctx,
  );
}

const PATH = (id: string) => `/jackett/api/v2.0/indexers/${id}/results/torznab/api`;

describe('Jackett endpoints', () => {
  it('the aggregate endpoint: exact tvsearch query and per-release attribution', async () => {
    fake.route('GET', PATH('all'), (req) => ({
      file: req.query.t === 'caps' ? 'jackett-caps.xml' : 'jackett-search-all-aggregate.xml',
    }));
    const releases = await jackett().search({ type: 'tv', term: 'Severance', tvdbId: 371980, season: 2, episode: 3 });
    const search = fake.requests.find((r) => r.query.t !== 'caps');
    // jackett-caps: tv-search "q,season,ep,imdbid,tvdbid,tmdbid" → id search
    expect(search?.query).toEqual({
      t: 'tvsearch',
      tvdbid: '371980',
      season: '2',
      ep: '3',
      cat: '5000,5040,5030,5045,5010',
      extended: '1',
      offset: '0',
      limit: '100',
      apikey: KEY,
    });
    expect(releases.map((r) => [r.upstreamIndexer?.id, r.upstreamIndexer?.name])).toEqual([
      ['iptorrents', 'IPTorrents'],
      ['1337x', '1337x'],
      ['ilcorsaronero', 'Il Corsaro Nero'],
    ]);
    expect(releases[0]).toMatchObject({
      indexer: 'Jackett',
      indexerId: 11,
      freeleech: true,
      downloadVolumeFactor: 0,
      categories: [5040, 100005],
      tvdbId: 371980,
      imdbId: 'tt11280740',
      seeders: 388,
      peers: 401,
      grabs: 412,
      size: 9771874918,
      minimumSeedTime: 1209600,
    });
    // magnet-only item, infohash attr
    expect(releases[1]).toMatchObject({
      infoHash: '5BDB6A0F8E2C6F1D3C7A9E2F0D4B8C1A6E3F7D92',
      downloadUrl: expect.stringMatching(/^magnet:/),
      categories: [5040, 100041],
    });
    // no size at all → 0; a -0500 offset date
    expect(releases[2]).toMatchObject({ size: 0, publishDate: '2025-01-31T03:05:13.000Z', seeders: 0 });
  });

  it('a single-tracker endpoint and a movie search by imdb + tmdb', async () => {
    fake.route('GET', PATH('thepiratebay'), (req) => ({
      file: req.query.t === 'caps' ? 'jackett-caps.xml' : 'jackett-search-thepiratebay-magnet.xml',
    }));
    const releases = await jackett('thepiratebay').search({
      type: 'movie',
      term: 'x',
      imdbId: 'tt0133093',
      tmdbId: 603,
    });
    expect(releases.length).toBeGreaterThan(0);
    expect(releases[0]?.upstreamIndexer).toBeUndefined();
    const search = fake.requests.find((r) => r.query.t !== 'caps');
    expect(search?.path).toBe(PATH('thepiratebay'));
    expect(search?.query).toMatchObject({
      t: 'movie',
      imdbid: '0133093',
      tmdbid: '603',
      cat: '2000,2040,2030,2045,2050,2070',
    });
    expect(search?.query.q).toBeUndefined();
  });
});

describe('Jackett errors', () => {
  it('100 invalid API key (HTTP 401) → AuthError; test() names apiKey', async () => {
    fake.route('GET', PATH('all'), { status: 401, file: 'jackett-error-100-invalid-api-key.xml' });
    await expect(jackett().fetchRss()).rejects.toBeInstanceOf(AuthError);
    expect(await jackett().test()).toEqual([expect.objectContaining({ field: 'settings.apiKey', severity: 'error' })]);
  });

  it('900 upstream throttling (HTTP 429 with Retry-After) → RateLimitedError with the delay', async () => {
    fake.route('GET', PATH('all'), { status: 429, retryAfter: 60, file: 'jackett-error-900-too-many-requests.xml' });
    const err = await jackett()
      .fetchRss()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBe(60_000);
  });

  it('900 in a 200 body → RateLimitedError; 201 (HTTP 404) and 203 (HTTP 400) → ProtocolError with the description', async () => {
    fake.route('GET', PATH('all'), (req) =>
      req.query.t === 'caps' ? { file: 'jackett-caps.xml' } : { file: 'jackett-error-900-too-many-requests.xml' },
    );
    await expect(jackett().fetchRss()).rejects.toBeInstanceOf(RateLimitedError);
    fake.reset();
    fake.route('GET', PATH('nope'), { status: 404, file: 'jackett-error-201-indexer-not-configured.xml' });
    await expect(jackett('nope').search({ type: 'generic', term: 'x' })).rejects.toThrow(/Indexer is not configured/);
    fake.reset();
    fake.route('GET', PATH('all'), (req) =>
      req.query.t === 'caps'
        ? { file: 'jackett-caps.xml' }
        : { status: 400, file: 'jackett-error-203-function-not-available.xml' },
    );
    const err = await jackett()
      .search({ type: 'tv', term: 'x', imdbId: 'tt1' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtocolError);
    expect((err as Error).message).toMatch(/Function Not Available/);
  });
});
