// Torznab against a local fake server replaying real tracker, Jackett and Prowlarr answers and plain RSS feeds:
// every attr parsed (seeders, peers, infohash, magnet, volume factors, ids), and bad feeds never crash a search.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeHttpServer } from '../../../../test/support/fake-http-server.js';
import { systemClock } from '../../../lib/clock.js';
import { ProtocolError } from '../../../lib/errors.js';
import type { ReleaseInfo } from '../../../providers/ports/indexer.port.js';
import { NewznabFamilyAdapter } from '../common/newznab-family.adapter.js';
import { torznabSettings } from './settings.js';

const FIXTURES = fileURLToPath(new URL('../../../../../../shared/fixtures/protocols/', import.meta.url));

let fake: FakeHttpServer;
beforeAll(async () => {
  fake = await FakeHttpServer.start({ fixtureRoot: FIXTURES });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

function torznab(overrides: Record<string, unknown> = {}) {
  const settings = torznabSettings.parse({ baseUrl: `${fake.url}/tz`, apiKey: 'tzkey', ...overrides });
  return new NewznabFamilyAdapter({
    settings,
    protocol: 'torrent',
    apiPath: settings.apiPath,
    ctx: { clock: systemClock, definitionId: 3, definitionName: 'Tracker' },
  });
}

async function feed(file: string, caps = 'torznab/jackett-caps.xml'): Promise<ReleaseInfo[]> {
  fake.route('GET', '/tz/api', (req) => ({ file: req.query.t === 'caps' ? caps : file }));
  return torznab().fetchRss();
}

describe('Torznab feeds', () => {
  it('The Pirate Bay via Jackett: magnet links, infohash, seeders/peers, seeding goals (rss version 1.0)', async () => {
    const releases = await feed('torznab/jackett-search-thepiratebay-magnet.xml');
    expect(releases.length).toBeGreaterThan(1);
    expect(releases[0]).toMatchObject({
      title: 'Series Title S05E02 HDTV x264-Xclusive [eztv]',
      protocol: 'torrent',
      size: 388895872,
      seeders: 34128,
      peers: 36724,
      leechers: 36724 - 34128,
      infoHash: '9FB267CFF5AE5603F07A347676EC3BF3E35F75E1',
      minimumRatio: 1,
      minimumSeedTime: 172800,
      publishDate: '2015-04-12T03:34:00.000Z',
      freeleech: false,
    });
    expect(releases[0]?.downloadUrl).toMatch(/^magnet:\?xt=urn:btih:9fb267cff5ae5603f07a347676ec3bf3e35f75e1/);
    expect(releases[0]?.magnetUrl).toBe(releases[0]?.downloadUrl);
  });

  it('HDAccess native Torznab: several categories incl. custom ones, ids, cover, infohash', async () => {
    const [first] = await feed('torznab/hdaccess-native-search.xml');
    expect(first).toMatchObject({
      title: 'Better Call Saul S01E05 Alpine Shepherd 1080p NF WEBRip DD5.1 x264',
      size: 2538463390,
      categories: [5000, 5040, 100009, 100036],
      imdbId: 'tt3032476',
      tvdbId: 273181,
      seeders: 7,
      peers: 7,
      infoHash: '63E07FF523710CA268567DAD344CE1E0E6B7E8A3',
      posterUrl: 'https://hdaccess.net/images/posters/273181.jpg',
      downloadUrl: 'https://hdaccess.net/download.php?torrent=11515&passkey=123456',
      commentsUrl: 'https://hdaccess.net/details.php?id=11515&hit=1#comments',
      guid: 'https://hdaccess.net/details.php?id=11515',
    });
  });

  it('AnimeTosho: newznab and torznab attrs mixed, enclosure length 0, size from the attr', async () => {
    const [first] = await feed(
      'torznab/animetosho-search-mixed-newznab-torznab-attrs.xml',
      'torznab/animetosho-caps.xml',
    );
    expect(first).toMatchObject({
      size: 316477946,
      categories: [5070, 100001],
      infoHash: '2D69A861BEF5A9F2CDF791B7328E37B7953205E1',
      magnetUrl: 'magnet:?xt=urn:btih:VU2QYN66WU7FTPXSG3TFDRXW6KTEBPBF',
      downloadUrl: 'http://storage.localhost/torrents/123451.torrent',
    });
  });

  it('MoreThanTV: imdb + imdbid attrs, grabs, leechers, redacted values', async () => {
    const [first] = await feed('torznab/morethantv-search.xml');
    expect(first).toMatchObject({
      title: 'Out of the Past 1947 720p BluRay FLAC2.0 x264-CtrlHD.mkv',
      size: 5412993028,
      categories: [2000, 2040],
      imdbId: 'tt0039689',
      seeders: 3,
      leechers: 0,
      grabs: 2,
      downloadVolumeFactor: 1,
      uploadVolumeFactor: 1,
    });
  });

  it('Cardigann: enclosure without length, size only as attr, <grabs> element', async () => {
    const [first] = await feed('torznab/cardigann-search.xml');
    expect(first).toMatchObject({
      size: 620000000,
      grabs: 14,
      seeders: 11,
      categories: [5040],
      minimumSeedTime: 172800,
    });
  });

  it('BTN via Jackett: thetvdb/imdb attrs, a link with a line break', async () => {
    const releases = await feed('torznab/jackett-search-unicasthenet.xml');
    expect(releases).toHaveLength(3);
    expect(releases[0]).toMatchObject({ imdbId: 'tt0176095', tvdbId: 70870, size: 1459519537, seeders: 13 });
    for (const r of releases) expect(r.downloadUrl).not.toMatch(/\s/);
  });

  it('Prowlarr proxy: grabs, half-leech is not freeleech, tags, <prowlarrindexer> attribution, duplicate guid once', async () => {
    const releases = await feed('torznab/prowlarr-search-mock-indexer.xml', 'torznab/prowlarr-caps.xml');
    expect(releases.map((r) => r.guid)).toEqual(['Mock-74709', 'Mock-71862']);
    expect(releases[0]).toMatchObject({
      grabs: 106,
      downloadVolumeFactor: 0.5,
      freeleech: false,
      imdbId: 'tt1104001',
      upstreamIndexer: { id: '2', name: 'Mock' },
      minimumSeedTime: 345600,
    });
  });

  it("Jackett's validator reply (no title) yields nothing and does not throw", async () => {
    expect(await feed('torznab/jackett-validator-reply-minimal.xml')).toEqual([]);
  });
});

describe('plain RSS feeds read through a Torznab definition', () => {
  it('Nyaa namespace: size text, seeders, leechers, downloads, infoHash', async () => {
    const [first] = await feed('rss-feeds/nyaa-2021.xml');
    expect(first).toMatchObject({
      size: Math.round(609.6 * 1024 * 1024),
      seeders: 4,
      leechers: 3,
      grabs: 2,
      infoHash: 'E8CA5E20ECA876339F41C3D9E95EA66C1D7CAAEE',
      publishDate: '2021-08-24T22:18:46.000Z',
    });
  });

  it('ezRSS `torrent` namespace: infoHash, magnetURI, contentLength', async () => {
    const [first] = await feed('rss-feeds/torrentrss-Ezrss.xml');
    expect(first).toMatchObject({ size: 796606175, infoHash: '20FC4FBFA88272274AC671F857CC15144E9AA83E' });
    expect(first?.magnetUrl).toMatch(/^magnet:/);
  });

  it('IPTorrents and TorrentDay: size only in the description; TorrentDay without pubDate keeps the item', async () => {
    const ipt = await feed('rss-feeds/iptorrents.xml');
    expect(ipt[0]?.size).toBe(Math.round(1.37 * 1024 ** 3));
    fake.reset();
    const before = Date.now();
    const [td] = await feed('rss-feeds/invalid-TorrentDay_NoPubDate.xml');
    expect(td?.size).toBe(341 * 1024 ** 2);
    expect(Date.parse(td!.publishDate)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('an item with an empty link is skipped (ImmortalSeed), the feed still answers', async () => {
    expect(await feed('rss-feeds/invalid-ImmortalSeed_InvalidDownloadUrl.xml')).toEqual([]);
  });

  it('relative URLs resolve against the indexer URL; a double-escaped title is unescaped once', async () => {
    const [rel] = await feed('rss-feeds/relative-urls.xml');
    expect(rel?.downloadUrl).toBe(`${fake.url}/tz/getnzb/123.nzb&i=123&r=123`);
    expect(rel?.title).toBe('Real.Time.With.Bill.Maher.2015.08.07.720p.HDTV.x264-BATV');
    fake.reset();
    const [enc] = await feed('rss-feeds/encoded-title.xml');
    expect(enc?.title).toBe('Series.&.Title.S02E19.EAC3.5.1.1080p.WEBRip.x265-iVy');
  });

  it('AlphaRatio (HTML entities in descriptions) and AnimeTosho without sizes still parse', async () => {
    const ar = await feed('rss-feeds/torrentrss-AlphaRatio.xml');
    expect(ar.length).toBeGreaterThan(0);
    expect(ar[0]?.size).toBeGreaterThan(0);
    fake.reset();
    const at = await feed('rss-feeds/torrentrss-AnimeTosho_NoSize.xml');
    expect(at.map((r) => r.size)).toEqual([0, 0]);
  });

  it('every rss-feeds file answers without throwing', async () => {
    const { readdirSync } = await import('node:fs');
    for (const file of readdirSync(`${FIXTURES}rss-feeds`).filter((f) => f.endsWith('.xml'))) {
      fake.reset();
      const releases = await feed(`rss-feeds/${file}`);
      for (const r of releases) {
        expect(r.title, file).not.toBe('');
        expect(Number.isNaN(Date.parse(r.publishDate)), file).toBe(false);
        expect(r.size, file).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('a feed with a BOM parses; the same bytes truncated are a ProtocolError', async () => {
    const text = readFileSync(`${FIXTURES}rss-feeds/invalid-Eztv_InvalidSize.xml`);
    expect(text[0]).toBe(0xef); // the fixture starts with a byte-order mark
    expect(await feed('rss-feeds/invalid-Eztv_InvalidSize.xml')).toHaveLength(1);
    fake.reset();
    fake.route('GET', '/tz/api', (req) =>
      req.query.t === 'caps'
        ? { file: 'torznab/jackett-caps.xml' }
        : { body: text.subarray(0, text.length - 40), headers: { 'content-type': 'application/xml' } },
    );
    await expect(torznab().fetchRss()).rejects.toBeInstanceOf(ProtocolError);
  });
});
