// HDBits against a local fake server: the POSTed JSON bodies compared with the request fixtures, the mapping of
// real answers (numeric and string ids, BOM), and status codes mapped onto the error taxonomy.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeHttpServer } from '../../../../test/support/fake-http-server.js';
import { systemClock } from '../../../lib/clock.js';
import { AuthError, ProtocolError, type RateLimitedError } from '../../../lib/errors.js';
import type { IntegrationContext } from '../../../providers/integration.js';
import { hdbitsIntegration } from './index.js';
import { hdbitsSettings } from './settings.js';

const FIXTURES = fileURLToPath(new URL('../../../../../../shared/fixtures/protocols/hdbits/', import.meta.url));
const PASSKEY = '0123456789abcdef0123456789abcdef';
const ctx = { clock: systemClock, definitionId: 31, definitionName: 'HDBits', kind: 'indexer' } as IntegrationContext;
const fixtureJson = (name: string) => JSON.parse(readFileSync(`${FIXTURES}${name}`, 'utf8').replace(/^\uFEFF/, ''));

let fake: FakeHttpServer;
beforeAll(async () => {
  fake = await FakeHttpServer.start({ fixtureRoot: FIXTURES });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

function hdbits(overrides: Record<string, unknown> = {}) {
  return hdbitsIntegration.create(
    hdbitsSettings.parse({ baseUrl: `${fake.url}/hdb`, username: 'exampleuser', passkey: PASSKEY, ...overrides }),
    ctx,
  );
}

describe('HDBits requests', () => {
  it('a movie search by IMDb id posts the body of request-torrents-by-imdb.json', async () => {
    fake.fixture('POST', '/hdb/api/torrents', 'torrents-movies-long-ids.json');
    await hdbits().search({ type: 'movie', term: 'Whatever', imdbId: 'tt1375666', limit: 30 });
    const [req] = fake.requestsTo('/hdb/api/torrents', 'POST');
    expect(req?.headers['content-type']).toMatch(/application\/json/);
    expect(req?.json()).toEqual(fixtureJson('request-torrents-by-imdb.json'));
  });

  it('an episode search by TVDB id with codec/medium filters posts the body of request-torrents-by-tvdb.json', async () => {
    fake.fixture('POST', '/hdb/api/torrents', 'torrents-tv-long-ids.json');
    await hdbits({ codecs: [1, 5], mediums: [1, 3, 5, 6] }).search({
      type: 'tv',
      term: 'Severance',
      tvdbId: 371980,
      season: 2,
      episode: 3,
    });
    expect(fake.requests[0]?.json()).toEqual(fixtureJson('request-torrents-by-tvdb.json'));
  });

  it('a text search sends `search` with the episode; RSS sends only the filters', async () => {
    fake.fixture('POST', '/hdb/api/torrents', 'empty-result.json');
    await hdbits().search({ type: 'tv', term: 'Severance', season: 2, episode: 3 });
    await hdbits().fetchRss();
    expect(fake.requests.map((r) => r.json())).toEqual([
      { username: 'exampleuser', passkey: PASSKEY, category: [2], search: 'Severance S02E03', limit: 100 },
      { username: 'exampleuser', passkey: PASSKEY, category: [1, 2], limit: 100 },
    ]);
  });
});

describe('HDBits results', () => {
  for (const file of ['torrents-tv-long-ids.json', 'torrents-tv-string-ids.json']) {
    it(`maps ${file} (BOM, ${file.includes('string') ? 'string' : 'numeric'} ids)`, async () => {
      fake.fixture('POST', '/hdb/api/torrents', file);
      const releases = await hdbits().fetchRss();
      expect(releases).toHaveLength(2);
      expect(releases[0]).toEqual({
        guid: 'HDBits-257142',
        title: 'Supernatural S10E17 1080p WEB-DL DD5.1 H.264-ECI',
        downloadUrl: `${fake.url}/hdb/download.php?id=257142&passkey=${PASSKEY}`,
        infoUrl: `${fake.url}/hdb/details.php?id=257142`,
        commentsUrl: `${fake.url}/hdb/details.php?id=257142`,
        indexer: 'HDBits',
        indexerId: 31,
        protocol: 'torrent',
        size: 1718009717,
        publishDate: '2015-04-04T20:30:46.000Z',
        categories: [5000],
        seeders: 46,
        leechers: 1,
        peers: 47,
        grabs: 49,
        infoHash: 'EABC50AEF9F53CEDED84ADF14144D3368E586F3A',
        tvdbId: 78901,
        freeleech: false,
        downloadVolumeFactor: 1,
        uploadVolumeFactor: 1,
        internal: false,
      });
    });
  }

  it('movie answers carry the IMDb id; freeleech and internal flags are read', async () => {
    const body = fixtureJson('torrents-movies-string-ids.json');
    body.data[1].freeleech = 'yes';
    body.data[1].type_origin = 1;
    fake.route('POST', '/hdb/api/torrents', { json: body });
    const releases = await hdbits().fetchRss();
    expect(releases[0]?.imdbId).toBe('tt0078901');
    expect(releases[1]).toMatchObject({ freeleech: true, downloadVolumeFactor: 0, internal: true });
  });

  it('an empty result is no releases; a torrent without a name is skipped', async () => {
    fake.fixture('POST', '/hdb/api/torrents', 'empty-result.json');
    expect(await hdbits().fetchRss()).toEqual([]);
    const body = fixtureJson('torrents-tv-long-ids.json');
    delete body.data[0].name;
    fake.route('POST', '/hdb/api/torrents', { json: body });
    expect((await hdbits().fetchRss()).map((r) => r.guid)).toEqual(['HDBits-257140']);
  });
});

describe('HDBits errors', () => {
  it('status 5 → AuthError; test() reports it on passkey', async () => {
    fake.fixture('POST', '/hdb/api/torrents', 'error-5-auth-failed.json');
    await expect(hdbits().fetchRss()).rejects.toBeInstanceOf(AuthError);
    expect(await hdbits().test()).toEqual([
      { field: 'settings.passkey', message: expect.stringContaining('authentication failed'), severity: 'error' },
    ]);
  });

  it('status 6 → ProtocolError; HTML → ProtocolError; 429 → RateLimitedError; unreachable → baseUrl', async () => {
    fake.fixture('POST', '/hdb/api/torrents', 'error-6-missing-parameters.json');
    await expect(hdbits().fetchRss()).rejects.toThrow(/missing required parameters/);
    fake.route('POST', '/hdb/api/torrents', { body: '<html>maintenance</html>' });
    await expect(hdbits().fetchRss()).rejects.toBeInstanceOf(ProtocolError);
    fake.route('POST', '/hdb/api/torrents', { status: 429, retryAfter: 30 });
    const err = await hdbits()
      .fetchRss()
      .catch((e: unknown) => e);
    expect((err as RateLimitedError).retryAfterMs).toBe(30_000);
    const down = hdbitsIntegration.create(
      hdbitsSettings.parse({ baseUrl: 'http://127.0.0.1:1', username: 'u', passkey: PASSKEY }),
      ctx,
    );
    expect((await down.test())[0]?.field).toBe('settings.baseUrl');
  });
});
