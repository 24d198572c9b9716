// Newznab against a local fake server replaying real indexer answers: the exact query each caps file leads to,
// parsed fields of real feeds, paging, and every kind of bad answer mapped onto the error taxonomy.
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeHttpServer } from '../../../../test/support/fake-http-server.js';
import { FakeClock, systemClock } from '../../../lib/clock.js';
import { AuthError, ProtocolError, RateLimitedError, TimeoutError } from '../../../lib/errors.js';
import type { SearchQuery } from '../../../providers/ports/indexer.port.js';
import { NewznabFamilyAdapter } from '../common/newznab-family.adapter.js';
import { newznabIntegration } from './index.js';
import { newznabSettings } from './settings.js';

const FIXTURES = fileURLToPath(new URL('../../../../../../shared/fixtures/protocols/', import.meta.url));
const KEY = 'nzbkey0123456789';

let fake: FakeHttpServer;
beforeAll(async () => {
  fake = await FakeHttpServer.start({ fixtureRoot: FIXTURES });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

function newznab(overrides: Record<string, unknown> = {}, extra: { maxBodyBytes?: number; clock?: FakeClock } = {}) {
  const settings = newznabSettings.parse({ baseUrl: `${fake.url}/nn`, apiKey: KEY, ...overrides });
  return new NewznabFamilyAdapter({
    settings,
    protocol: 'usenet',
    apiPath: settings.apiPath,
    ctx: { clock: extra.clock ?? systemClock, definitionId: 7, definitionName: 'TestNZB' },
    ...(extra.maxBodyBytes ? { maxBodyBytes: extra.maxBodyBytes } : {}),
  });
}

/** Serves `caps` for t=caps and `feed` for everything else. */
function serve(caps: string, feed = 'newznab/search-empty-dognzb.xml') {
  fake.route('GET', '/nn/api', (req) => ({ file: req.query.t === 'caps' ? caps : feed }));
}

/** The search requests (not caps), query without apikey/extended/offset/limit. */
function searches(): Record<string, string>[] {
  return fake.requests
    .filter((r) => r.query.t !== 'caps')
    .map((r) => {
      const { apikey: _k, extended: _e, offset: _o, limit: _l, ...rest } = r.query;
      return rest;
    });
}

describe('queries built from each caps file', () => {
  const episode: SearchQuery = {
    type: 'tv',
    term: 'Severance',
    tvdbId: 371980,
    imdbId: 'tt11280740',
    season: 2,
    episode: 3,
  };
  const movie: SearchQuery = { type: 'movie', term: 'The Matrix 1999', imdbId: 'tt0133093', tmdbId: 603 };

  const cases: [string, SearchQuery, Record<string, string>][] = [
    // tv-search supportedParams="q,rid,tvdbid,season,ep": id search, no title.
    [
      'newznab/caps-dognzb.xml',
      episode,
      { t: 'tvsearch', tvdbid: '371980', season: '2', ep: '3', cat: '5000,5040,5030,5045,5010' },
    ],
    // "q,vid,tvdbid,traktid,rid,tvmazeid,imdbid,tmdbid,season,ep": every id we know is sent.
    [
      'newznab/caps-nzbfinder.xml',
      episode,
      { t: 'tvsearch', tvdbid: '371980', imdbid: '11280740', season: '2', ep: '3', cat: '5000,5040,5030,5045,5010' },
    ],
    // No supportedParams at all: Newznab's defaults (q,rid,season,ep) → title search with season/ep parameters.
    [
      'newznab/caps-minimal.xml',
      episode,
      { t: 'tvsearch', q: 'Severance', season: '2', ep: '3', cat: '5000,5040,5030,5045,5010' },
    ],
    // movie-search "q,imdbid": imdb only, without the tt.
    ['newznab/caps-nzbfinder.xml', movie, { t: 'movie', imdbid: '0133093', cat: '2000,2040,2030,2045,2050,2070' }],
    ['newznab/caps-scenenzbs.xml', movie, { t: 'movie', imdbid: '0133093', cat: '2000,2040,2030,2045,2050,2070' }],
    // caps-minimal: movie-search defaults to q,imdbid.
    ['newznab/caps-minimal.xml', movie, { t: 'movie', imdbid: '0133093', cat: '2000,2040,2030,2045,2050,2070' }],
    // A movie without ids falls back to the title.
    [
      'newznab/caps-omgwtfnzbs.xml',
      { type: 'movie', term: 'The Matrix 1999' },
      { t: 'movie', q: 'The Matrix 1999', cat: '2000,2040,2030,2045,2050,2070' },
    ],
    // A series the indexer cannot find by id (only tvmazeid/rid/tvdbid listed, we only have imdb) → q=.
    [
      'newznab/caps-nzbsorg.xml',
      { type: 'tv', term: 'Severance', imdbId: 'tt11280740', season: 2, episode: 3 },
      { t: 'tvsearch', q: 'Severance', season: '2', ep: '3', cat: '5000,5040,5030,5045,5010' },
    ],
    // Daily show: season=YYYY, ep=MM/DD.
    [
      'newznab/caps-dognzb.xml',
      { type: 'tv', term: 'The Daily Show', tvdbId: 71256, airDate: '2024-03-15' },
      { t: 'tvsearch', tvdbid: '71256', season: '2024', ep: '03/15', cat: '5000,5040,5030,5045,5010' },
    ],
    // Season pack: season without ep.
    [
      'newznab/caps-dognzb.xml',
      { type: 'tv', term: 'Severance', tvdbId: 371980, season: 2 },
      { t: 'tvsearch', tvdbid: '371980', season: '2', cat: '5000,5040,5030,5045,5010' },
    ],
    // Anime absolute numbering: text search in the anime categories.
    [
      'newznab/caps-dognzb.xml',
      { type: 'tv', term: 'One Piece', tvdbId: 81797, absoluteEpisode: 1071 },
      { t: 'tvsearch', q: 'One Piece 1071', cat: '5070' },
    ],
    // No tv-search at all (AnimeTosho): t=search with the episode in the text.
    [
      'torznab/animetosho-caps.xml',
      { type: 'tv', term: 'Frieren', tvdbId: 424536, season: 1, episode: 5 },
      { t: 'search', q: 'Frieren S01E05', cat: '5000,5040,5030,5045,5010' },
    ],
    // Generic text search.
    [
      'newznab/caps-minimal.xml',
      { type: 'generic', term: 'ubuntu', categories: [7000] },
      { t: 'search', q: 'ubuntu', cat: '7000' },
    ],
  ];

  it.each(cases)('%s + %j', async (caps, query, expected) => {
    serve(caps);
    await newznab().search(query);
    expect(searches()).toEqual([expected]);
    const [search] = fake.requests.filter((r) => r.query.t !== 'caps');
    expect(search?.query.apikey).toBe(KEY);
    expect(search?.query.extended).toBe('1');
  });

  it('explicit categories override the configured ones', async () => {
    serve('newznab/caps-dognzb.xml');
    await newznab().search({ ...movie, categories: [2040, 2045] });
    expect(searches()[0]?.cat).toBe('2040,2045');
  });

  it('fetches caps once and reuses them within the cache lifetime, again after it', async () => {
    const clock = new FakeClock(1_000_000);
    serve('newznab/caps-dognzb.xml');
    const nn = newznab({ capsCacheMinutes: 10 }, { clock });
    const caps = await nn.capabilities();
    expect(caps.limits).toEqual({ default: 100, max: 100 });
    expect(caps.retentionDays).toBe(3427);
    expect(caps.supportsTvdbSearch).toBe(true);
    expect(caps.supportsImdbSearch).toBe(true);
    expect(caps.supportsTmdbSearch).toBe(false);
    expect(caps.searchModes['tv-search']?.supportedParams).toEqual(['q', 'rid', 'tvdbid', 'season', 'ep']);
    expect(caps.categories.find((c) => c.id === 5000)?.subcategories.map((s) => s.id)).toContain(5045);
    await nn.search(movie);
    expect(fake.requests.filter((r) => r.query.t === 'caps')).toHaveLength(1);
    await clock.advance(11 * 60_000);
    await nn.search(movie);
    expect(fake.requests.filter((r) => r.query.t === 'caps')).toHaveLength(2);
  });
});

describe('parsing real feeds', () => {
  it('reads size, category, usenetdate, info and guid from newznab attrs (search-3results)', async () => {
    serve('newznab/caps-minimal.xml', 'newznab/search-3results.xml');
    const releases = await newznab().search({ type: 'generic', term: 'testtitle', limit: 25 });
    expect(releases).toHaveLength(3);
    expect(releases[0]).toMatchObject({
      guid: 'eff551fbdb69d6777d5030c209ee5d4b',
      title: 'testtitle1',
      size: 2893890900,
      categories: [7000, 7010],
      protocol: 'usenet',
      indexer: 'TestNZB',
      indexerId: 7,
      publishDate: '2015-10-11T17:34:17.000Z',
      downloadUrl: 'https://indexername.com/getnzb/eff551fbdb69d6777d5030c209ee5d4b.nzb&i=1692&r=apikey',
      commentsUrl: 'https://indexername.com/details/eff551fbdb69d6777d5030c209ee5d4b#comments',
      freeleech: false,
    });
    expect(releases[1]).toMatchObject({
      size: 5480922420,
      categories: [2000, 2010],
      usenetDate: '2015-10-03T22:22:22.000Z',
      infoUrl: 'https://indexer.com/details/59ca5184e4174a9bd084e9b2ff8d806b',
    });
    expect(releases[1]?.seeders).toBeUndefined();
  });

  it('parses pubDates with UTC, a wrong weekday and no zone (search-odd-pubdates)', async () => {
    // The items have no enclosures; serve them with one added so they are usable.
    const { readFileSync } = await import('node:fs');
    let n = 0;
    const xml = readFileSync(`${FIXTURES}newznab/search-odd-pubdates.xml`, 'utf8').replace(
      /<\/title>/g,
      () => `</title><enclosure url="https://nzbs.org/getnzb/${++n}.nzb" length="1000"/>`,
    );
    fake.route('GET', '/nn/api', (req) =>
      req.query.t === 'caps'
        ? { file: 'newznab/caps-minimal.xml' }
        : { body: xml, headers: { 'content-type': 'application/xml' } },
    );
    const releases = await newznab().search({ type: 'generic', term: 'x', limit: 10 });
    expect(releases.map((r) => r.publishDate)).toEqual([
      '2017-04-03T07:25:35.000Z',
      '2017-04-03T07:25:35.000Z',
      '2017-04-03T07:25:35.000Z',
    ]);
  });

  it('skips items without a download URL but keeps the rest of the feed', async () => {
    serve('newznab/caps-minimal.xml', 'newznab/search-odd-pubdates.xml');
    const releases = await newznab().search({ type: 'generic', term: 'x', limit: 10 });
    expect(releases).toEqual([]);
    // … and a feed with one bad item among good ones keeps the good ones:
    const { readFileSync } = await import('node:fs');
    const good = readFileSync(`${FIXTURES}newznab/search-3results.xml`, 'utf8');
    const mixed = good.replace('<item>', '<item><title></title></item><item><title>no link</title></item><item>');
    fake.reset();
    fake.route('GET', '/nn/api', (req) =>
      req.query.t === 'caps'
        ? { file: 'newznab/caps-minimal.xml' }
        : { body: mixed, headers: { 'content-type': 'application/xml' } },
    );
    const kept = await newznab().search({ type: 'generic', term: 'x', limit: 10 });
    expect(kept.map((r) => r.title)).toEqual(['testtitle1', 'English testtitle2', 'testtitle3 English']);
  });

  it('reads 100 nzb.su results with sizes and categories', async () => {
    serve('newznab/caps-nzbsorg.xml', 'newznab/search-nzbsu.xml');
    const releases = await newznab().search({ type: 'tv', term: 'White Collar', limit: 100 });
    expect(releases).toHaveLength(100);
    expect(releases[0]).toMatchObject({
      title: 'White.Collar.S03E05.720p.HDTV.X264-DIMENSION',
      size: 1183105773,
      categories: [5000, 5040],
      guid: 'http://nzb.su/details/24967ef4c2e26296c65d3bbfa97aa8fe',
      publishDate: '2012-02-27T16:09:39.000Z',
    });
    expect(releases.every((r) => r.size > 0)).toBe(true);
  });

  it('RSS is a search without a term in all configured categories', async () => {
    serve('newznab/caps-dognzb.xml', 'newznab/search-3results.xml');
    const rss = await newznab({ categories: [2000, 5000], animeCategories: [5070] }).fetchRss();
    expect(rss).toHaveLength(3);
    const [req] = fake.requests.filter((r) => r.query.t !== 'caps');
    expect(req?.query).toEqual({
      t: 'search',
      cat: '2000,5000,5070',
      extended: '1',
      offset: '0',
      limit: '100',
      apikey: KEY,
    });
  });

  it('treats an empty result (search-empty-dognzb, apilimits) as no releases', async () => {
    for (const feed of [
      'newznab/search-empty-dognzb.xml',
      'newznab/search-empty-with-apilimits.xml',
      'newznab/search-empty-with-apilimits-extended.xml',
    ]) {
      fake.reset();
      serve('newznab/caps-minimal.xml', feed);
      expect(await newznab().search({ type: 'generic', term: 'x' })).toEqual([]);
    }
  });
});

describe('paging', () => {
  function pages(total: number, pageSize: number) {
    // A synthetic indexer holding `total` items answering offset/limit honestly.
    fake.route('GET', '/nn/api', (req) => {
      if (req.query.t === 'caps')
        return {
          body: `<caps><limits max="${pageSize}" default="${pageSize}"/><searching><search available="yes"/></searching></caps>`,
        };
      const offset = Number(req.query.offset);
      const limit = Number(req.query.limit);
      const items: string[] = [];
      for (let i = offset; i < Math.min(total, offset + limit); i++) {
        items.push(
          `<item><title>Item.${i}</title><guid>g${i}</guid><enclosure url="https://x.test/${i}.nzb" length="1000"/></item>`,
        );
      }
      return {
        body: `<rss><channel>${items.join('')}</channel></rss>`,
        headers: { 'content-type': 'application/xml' },
      };
    });
  }

  it('pages until a short page and returns every item once', async () => {
    pages(250, 100);
    const releases = await newznab().search({ type: 'generic', term: 'x' });
    expect(releases).toHaveLength(250);
    expect(searches()).toHaveLength(3);
    expect(fake.requests.filter((r) => r.query.t !== 'caps').map((r) => r.query.offset)).toEqual(['0', '100', '200']);
  });

  it('an exact multiple of the page size costs one empty page', async () => {
    pages(200, 100);
    expect(await newznab().search({ type: 'generic', term: 'x' })).toHaveLength(200);
    expect(searches()).toHaveLength(3);
  });

  it('stops at newznab:response total and at the page limit', async () => {
    serve('newznab/caps-nzbsorg.xml', 'newznab/search-nzbsu.xml'); // 100 items per answer, total=10000
    const releases = await newznab({ maxPages: 2 }).search({ type: 'tv', term: 'White Collar' });
    // The second page repeats the first (the file ignores offset): nothing new → stop, no endless loop.
    expect(releases).toHaveLength(100);
    expect(searches()).toHaveLength(2);
  });

  it('an explicit offset/limit asks for exactly that page', async () => {
    serve('newznab/caps-dognzb.xml', 'newznab/search-3results.xml');
    await newznab().search({ type: 'generic', term: 'x', offset: 50, limit: 25 });
    const [req] = fake.requests.filter((r) => r.query.t !== 'caps');
    expect([req?.query.offset, req?.query.limit]).toEqual(['50', '25']);
  });
});

describe('bad answers', () => {
  it('<error code="100"> (with a BOM, HTTP 200) → AuthError; test() reports it on apiKey', async () => {
    serve('newznab/caps-minimal.xml', 'newznab/error-100-incorrect-credentials.xml');
    await expect(newznab().search({ type: 'generic', term: 'x' })).rejects.toBeInstanceOf(AuthError);
    const findings = await newznab().test();
    expect(findings).toEqual([
      { field: 'settings.apiKey', message: expect.stringContaining('Incorrect user credentials'), severity: 'error' },
    ]);
  });

  it('101 account suspended → AuthError; 500/501 limits → RateLimitedError; 201/300 → ProtocolError', async () => {
    const expectations: [string, unknown][] = [
      ['newznab/error-101-account-suspended.xml', AuthError],
      ['newznab/error-500-request-limit-reached.xml', RateLimitedError],
      ['newznab/error-501-download-limit-reached.xml', RateLimitedError],
      ['newznab/error-201-incorrect-parameter.xml', ProtocolError],
      ['newznab/error-300-no-such-item.xml', ProtocolError],
    ];
    for (const [file, kind] of expectations) {
      fake.reset();
      serve('newznab/caps-minimal.xml', file);
      await expect(newznab().search({ type: 'generic', term: 'x' }), file).rejects.toBeInstanceOf(kind);
    }
  });

  it('HTTP 429 with Retry-After → RateLimitedError carrying the delay', async () => {
    serve('newznab/caps-minimal.xml');
    fake.once('GET', '/nn/api', { file: 'newznab/caps-minimal.xml' });
    fake.once('GET', '/nn/api', { status: 429, retryAfter: 120, body: 'slow down' });
    const err = await newznab()
      .search({ type: 'generic', term: 'x' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBe(120_000);
  });

  it('an HTML error page → ProtocolError, and the API key is not in the message', async () => {
    serve('newznab/caps-minimal.xml');
    fake.once('GET', '/nn/api', { file: 'newznab/caps-minimal.xml' });
    fake.once('GET', '/nn/api', {
      body: '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>',
      headers: { 'content-type': 'text/html' },
    });
    const err = (await newznab()
      .search({ type: 'generic', term: 'x' })
      .catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(ProtocolError);
    expect(err.message).toMatch(/HTML/);
    expect(err.message).not.toContain(KEY);
  });

  it('truncated XML → ProtocolError', async () => {
    fake.route('GET', '/nn/api', (req) =>
      req.query.t === 'caps'
        ? { file: 'newznab/caps-minimal.xml' }
        : {
            body: '<rss><channel><item><title>a</title><link>https://x/1</link></item><item><title>b',
            headers: { 'content-type': 'application/xml' },
          },
    );
    await expect(newznab().search({ type: 'generic', term: 'x' })).rejects.toBeInstanceOf(ProtocolError);
  });

  it('a body over the cap → ProtocolError', async () => {
    const big = `<rss><channel>${'<item><title>x</title></item>'.repeat(5000)}</channel></rss>`;
    fake.route('GET', '/nn/api', (req) =>
      req.query.t === 'caps'
        ? { file: 'newznab/caps-minimal.xml' }
        : { body: big, headers: { 'content-type': 'application/xml' } },
    );
    const err = (await newznab({}, { maxBodyBytes: 64 * 1024 })
      .search({ type: 'generic', term: 'x' })
      .catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(ProtocolError);
    expect(err.message).toMatch(/limit/);
  });

  it('a slow answer → TimeoutError; test() reports it on baseUrl', async () => {
    fake.route('GET', '/nn/api', { file: 'newznab/caps-minimal.xml', delayMs: 1000 });
    await expect(newznab({ timeoutSeconds: 0.1 }).capabilities()).rejects.toBeInstanceOf(TimeoutError);
    const findings = await newznab({ timeoutSeconds: 0.1 }).test();
    expect(findings[0]?.field).toBe('settings.baseUrl');
  });

  it('an unreachable server → error on baseUrl', async () => {
    const settings = newznabSettings.parse({ baseUrl: 'http://127.0.0.1:1', apiKey: KEY });
    const nn = newznabIntegration.create(settings, {
      clock: systemClock,
      definitionId: null,
      definitionName: 'x',
      kind: 'indexer',
      log: undefined as never,
    });
    expect((await nn.test())[0]?.field).toBe('settings.baseUrl');
  });

  it('broken caps fall back to a text search instead of failing the search', async () => {
    fake.route('GET', '/nn/api', (req) =>
      req.query.t === 'caps' ? { body: '<html><body>oops</body></html>' } : { file: 'newznab/search-3results.xml' },
    );
    const releases = await newznab().search({ type: 'tv', term: 'Severance', tvdbId: 1, season: 1, episode: 2 });
    expect(releases).toHaveLength(3);
    expect(searches()[0]).toMatchObject({ t: 'search', q: 'Severance S01E02' });
  });
});

describe('rate limit', () => {
  it('holds requests beyond the per-minute budget until the limiter refills', async () => {
    const clock = new FakeClock(0);
    serve('newznab/caps-minimal.xml', 'newznab/search-3results.xml');
    const nn = newznab({ requestsPerMinute: 2 }, { clock });
    await nn.search({ type: 'generic', term: 'a', limit: 10 }); // caps + search: the bucket is empty
    const third = nn.search({ type: 'generic', term: 'b', limit: 10 });
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.requests).toHaveLength(2);
    await clock.advance(30_000); // one token per 30 s
    await third;
    expect(fake.requests).toHaveLength(3);
  });
});
