// Search over real repositories on both dialects, real Torznab adapters against local fake servers and the real
// provider framework: fan-out with a failing and a hanging indexer, the query each caps file leads to, RSS sync
// grabbing the best release per item exactly once, delay → pending → grabbed after the delay (fake clock), and
// scene-group reputation rejecting a trusted low-score group.
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanMovieTitle, cleanSeriesTitle } from '../../src/domain/library/clean-title.js';
import type { Movie } from '../../src/domain/library/movie.types.js';
import type { QualityProfile } from '../../src/domain/library/quality-profile.types.js';
import { ConflictError, ServiceUnavailableError } from '../../src/lib/errors.js';
import { movieSearch } from '../../src/services/search/search-queries.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { FakeHttpServer } from '../support/fake-http-server.js';
import { episodeMeta, newMovie, newSeries } from '../support/library-factories.js';
import { type FeedItem, GB, NOW, type SearchStack, searchStack, torznabFeed } from './search-support.js';

const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/protocols/', import.meta.url));

describe.each(DIALECTS)('search services (%s)', (dialect) => {
  let tdb: TestDatabase;
  let fake: FakeHttpServer;
  let s: SearchStack;
  let profile: QualityProfile;
  let matrix: Movie;
  let alien: Movie;

  beforeAll(async () => {
    fake = await FakeHttpServer.start({ fixtureRoot: FIXTURES });
  });
  afterAll(async () => {
    await fake.close();
  });

  beforeEach(async () => {
    tdb = await createTestDatabase(dialect);
    s = searchStack(tdb.database, { indexerTimeoutMs: 1500 });
    profile = await s.repos.profiles.insert({
      name: 'Search HD',
      upgradeAllowed: true,
      cutoff: 'remux-1080p',
      items: [
        { quality: 'hdtv-720p', allowed: true },
        { quality: 'webdl-1080p', allowed: true },
        { quality: 'bluray-1080p', allowed: true },
        { quality: 'remux-1080p', allowed: true },
      ],
      minFormatScore: 0,
      cutoffFormatScore: 0,
      formatItems: [],
    });
    [matrix, alien] = (await s.repos.movies.insertMany([
      newMovie(1, {
        title: 'The Matrix',
        cleanTitle: cleanMovieTitle('The Matrix'),
        year: 1999,
        tmdbId: 603,
        imdbId: 'tt0133093',
        qualityProfileId: profile.id,
        runtime: 136,
      }),
      newMovie(2, {
        title: 'Alien',
        cleanTitle: cleanMovieTitle('Alien'),
        year: 1979,
        tmdbId: 348,
        imdbId: 'tt0078748',
        qualityProfileId: profile.id,
        runtime: 117,
      }),
    ])) as [Movie, Movie];
  });
  afterEach(async () => {
    fake.reset();
    await tdb.cleanup();
  });

  function serve(prefix: string, items: readonly FeedItem[], caps = 'torznab/jackett-caps.xml') {
    fake.route('GET', `${prefix}/api`, (req) =>
      req.query.t === 'caps'
        ? { file: caps }
        : { body: torznabFeed(`${fake.url}${prefix}`, items), headers: { 'content-type': 'application/rss+xml' } },
    );
  }

  const matrixReleases: FeedItem[] = [
    { title: 'The.Matrix.1999.720p.HDTV.x264-LOL', guid: 'm-720', seeders: 200 },
    { title: 'The.Matrix.1999.1080p.BluRay.x264-SPARKS', guid: 'm-bluray', seeders: 50 },
    { title: 'The.Matrix.1999.1080p.WEB-DL.DD5.1.H264-NTG', guid: 'm-webdl', seeders: 80 },
    { title: 'The.Matrix.1999.CAM.x264-BAD', guid: 'm-cam', seeders: 500 },
  ];

  it('fan-out: a 500 and a timeout are isolated, backed off and visible in health; the good indexer answers', async () => {
    serve('/good', matrixReleases);
    fake.route('GET', '/broken/api', { status: 500, body: 'Internal Server Error' });
    fake.route('GET', '/slow/api', (req) =>
      req.query.t === 'caps' ? { file: 'torznab/jackett-caps.xml', delayMs: 4000 } : { delayMs: 4000, body: '' },
    );
    const good = await s.addIndexer('Good', `${fake.url}/good`);
    const broken = await s.addIndexer('Broken', `${fake.url}/broken`);
    const slow = await s.addIndexer('Slow', `${fake.url}/slow`);

    const started = Date.now();
    const result = await s.fanout.run('rss', (t) => t.indexer.fetchRss());
    expect(Date.now() - started).toBeLessThan(3500);
    expect(result.releases.map((r) => r.guid).sort()).toEqual(['m-720', 'm-bluray', 'm-cam', 'm-webdl']);
    expect(result.releases.every((r) => r.indexerId === good.id)).toBe(true);
    const byId = new Map(result.indexers.map((i) => [i.id, i]));
    expect(byId.get(good.id)).toMatchObject({ releases: 4 });
    expect(byId.get(good.id)?.error).toBeUndefined();
    expect(byId.get(broken.id)?.error).toBeTruthy();
    expect(byId.get(slow.id)?.error).toMatch(/timed out/);

    const statuses = await s.health.statusesFor([good.id, broken.id, slow.id]);
    expect(statuses.get(good.id)?.health).toBe('healthy');
    for (const id of [broken.id, slow.id]) {
      expect(statuses.get(id)?.health).toBe('unhealthy');
      expect(Date.parse(statuses.get(id)!.disabledUntil!)).toBeGreaterThan(NOW);
    }
    const issues = await s.health.healthIssues();
    expect(issues.map((i) => i.name).sort()).toEqual(['Broken', 'Slow']);
    // Backed off: the next run skips them (no request reaches them) and still answers from the good one.
    fake.requests.length = 0;
    const again = await s.fanout.run('rss', (t) => t.indexer.fetchRss());
    expect(again.indexers.map((i) => i.id)).toEqual([good.id]);
    expect(fake.requests.some((r) => r.path.startsWith('/broken') || r.path.startsWith('/slow'))).toBe(false);
  });

  it('asks by imdb id where the caps allow it and by title + year where they do not', async () => {
    serve('/ids', []);
    // AnimeTosho's caps: movie-search unavailable, plain search by text only.
    serve('/titles', [], 'torznab/animetosho-caps.xml');
    await s.addIndexer('Ids', `${fake.url}/ids`);
    await s.addIndexer('Titles', `${fake.url}/titles`);
    await s.search.searchOne(movieSearch(matrix), 'automatic');
    const asked = (prefix: string) =>
      fake.requests.filter((r) => r.path === `${prefix}/api` && r.query.t !== 'caps').map((r) => r.query);
    const ids = asked('/ids');
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatchObject({ t: 'movie', imdbid: '0133093', tmdbid: '603' });
    expect(ids[0]?.q).toBeUndefined();
    const titles = asked('/titles');
    expect(titles).toHaveLength(1);
    expect(titles[0]).toMatchObject({ t: 'search', q: 'The Matrix 1999' });
    expect(titles[0]?.imdbid).toBeUndefined();
  });

  it('RSS sync grabs the best accepted release per item exactly once, the others not at all', async () => {
    serve('/a', [
      ...matrixReleases,
      { title: 'Alien.1979.1080p.WEB-DL.DD5.1.H264-NTG', guid: 'a-webdl', seeders: 10 },
      { title: 'Alien.1979.720p.HDTV.x264-LOL', guid: 'a-720', seeders: 90 },
      { title: 'Some.Other.Film.2011.1080p.BluRay.x264-GRP', guid: 'other', seeders: 90 },
    ]);
    // A second indexer with the same best Matrix release under another guid: still one grab for the movie.
    serve('/b', [{ title: 'The.Matrix.1999.1080p.BluRay.x264-SPARKS', guid: 'b-bluray', seeders: 5 }]);
    await s.addIndexer('A', `${fake.url}/a`);
    await s.addIndexer('B', `${fake.url}/b`);
    const result = await s.search.rssSync();
    expect(result.releases).toBe(8);
    expect(s.grabs.map((g) => [g.movieId, g.release.guid, g.quality.quality]).sort()).toEqual(
      [
        [matrix.id, 'm-bluray', 'bluray-1080p'],
        [alien.id, 'a-webdl', 'webdl-1080p'],
      ].sort(),
    );
    expect(result.grabbed.map((g) => g.status)).toEqual(['grabbed', 'grabbed']);
    expect(s.grabs.find((g) => g.movieId === matrix.id)).toMatchObject({ releaseGroup: 'SPARKS' });
  });

  it('without a grab service the chosen release is stored as pending (awaiting-grab), once per item', async () => {
    s.withGrabber.on = false;
    serve('/a', matrixReleases);
    await s.addIndexer('A', `${fake.url}/a`);
    const result = await s.search.rssSync();
    expect(result.grabbed).toEqual([expect.objectContaining({ status: 'awaiting-grab', guid: 'm-bluray' })]);
    const pending = await s.repos.pending.list();
    expect(pending.map((p) => [p.guid, p.reason, p.movieId])).toEqual([['m-bluray', 'awaiting-grab', matrix.id]]);
    // A second sync does not add another row for the same item.
    await s.search.rssSync();
    expect((await s.repos.pending.list()).map((p) => p.guid)).toEqual(['m-bluray']);
    // Once a grab service is there, the pending pass grabs it and clears the row.
    s.withGrabber.on = true;
    const processed = await s.search.processPending();
    expect(processed.grabbed.map((g) => g.guid)).toEqual(['m-bluray']);
    expect(s.grabs).toHaveLength(1);
    expect(await s.repos.pending.list()).toEqual([]);
  });

  it('pending pass: no download client keeps the row; a release grabbed elsewhere clears it', async () => {
    s.withGrabber.on = false;
    serve('/a', matrixReleases);
    await s.addIndexer('A', `${fake.url}/a`);
    await s.search.rssSync();
    s.withGrabber.on = true;
    s.withGrabber.fail = new ServiceUnavailableError('no enabled, available torrent download client');
    const kept = await s.search.processPending();
    expect(kept.grabbed.map((g) => g.status)).toEqual(['no-download-client']);
    expect((await s.repos.pending.list()).map((p) => [p.guid, p.reason])).toEqual([['m-bluray', 'no-download-client']]);
    s.withGrabber.fail = new ConflictError('"The.Matrix" was grabbed already');
    const cleared = await s.search.processPending();
    expect(cleared.grabbed).toEqual([]);
    expect(await s.repos.pending.list()).toEqual([]);
    expect(s.grabs).toEqual([]);
  });

  it('delay profile: delayed releases wait as pending and the best is grabbed once the delay is over', async () => {
    const [def] = await s.repos.delayProfiles.list();
    await s.repos.delayProfiles.update(def!.id, {
      enableUsenet: true,
      enableTorrent: true,
      preferredProtocol: 'torrent',
      usenetDelay: 0,
      torrentDelay: 60,
      bypassIfHighestQuality: false,
      tags: [],
    });
    serve(
      '/a',
      matrixReleases.map((r) => ({ ...r, ageMinutes: 10 })),
    );
    await s.addIndexer('A', `${fake.url}/a`);
    const first = await s.search.rssSync();
    expect(s.grabs).toEqual([]);
    expect(first.delayed).toBe(3);
    const pending = await s.repos.pending.list();
    expect(pending.map((p) => p.guid).sort()).toEqual(['m-720', 'm-bluray', 'm-webdl']);
    expect(pending.every((p) => p.reason === 'delay')).toBe(true);

    // 30 minutes later: still delayed, nothing grabbed.
    s.clock.advance(30 * 60_000);
    expect((await s.search.processPending()).grabbed).toEqual([]);
    expect(await s.repos.pending.list()).toHaveLength(3);

    // Past the delay: the best pending release is grabbed, exactly once, and the item's rows are gone.
    s.clock.advance(25 * 60_000);
    const done = await s.search.processPending();
    expect(done.grabbed.map((g) => g.guid)).toEqual(['m-bluray']);
    expect(s.grabs.map((g) => g.release.guid)).toEqual(['m-bluray']);
    expect(await s.repos.pending.list()).toEqual([]);
    expect((await s.search.processPending()).grabbed).toEqual([]);
    expect(s.grabs).toHaveLength(1);
  });

  it('scene groups: sightings count once; a trusted low-score group is rejected by the profile setting', async () => {
    const sightings = Array.from({ length: 12 }, (_, i) => ({
      group: 'SPARKS',
      indexerId: 9,
      guid: `old-${i}`,
      internal: false,
      seeders: 0,
      peers: 40,
      quality: i % 2 ? 'bluray-1080p' : 'hdtv-720p',
      categories: [2040],
      sizeWithinLimits: false,
    }));
    const iso = new Date(NOW - 200 * 86_400_000).toISOString();
    expect(await s.repos.groups.recordSightings(sightings, iso)).toBe(12);
    expect(await s.repos.groups.recordSightings(sightings, iso)).toBe(0);
    const before = await s.sceneGroups.get('sparks');
    expect(before).toMatchObject({ name: 'SPARKS', totalReleases: 12, confidence: 'medium' });
    expect(before.score).toBeLessThan(30);

    serve('/a', matrixReleases);
    await s.addIndexer('A', `${fake.url}/a`);
    await s.sceneGroups.saveSetting({ qualityProfileId: profile.id, minimumScore: 40, preferReputable: true });
    const { decisions } = await s.search.searchOne(movieSearch(matrix), 'automatic');
    const sparks = decisions.find((d) => d.release.guid === 'm-bluray')!;
    expect(sparks.accepted).toBe(false);
    expect(sparks.rejections.map((r) => r.reason)).toContainEqual(
      expect.stringMatching(/^Release group SPARKS has reputation [\d.]+ \(tier D\), below the profile's minimum 40$/),
    );
    // The best remaining release ranks first; the search's own releases were counted for their groups.
    expect(decisions.find((d) => d.rank === 1)?.release.guid).toBe('m-webdl');
    expect((await s.sceneGroups.get('NTG')).totalReleases).toBe(1);
    expect((await s.sceneGroups.get('SPARKS')).totalReleases).toBe(13);

    // Low confidence is ignored: a group seen only a few times is never rejected.
    await s.sceneGroups.saveSetting({ qualityProfileId: profile.id, minimumScore: 99, preferReputable: false });
    const again = await s.search.searchOne(movieSearch(matrix), 'automatic');
    expect(again.decisions.find((d) => d.release.guid === 'm-webdl')?.accepted).toBe(true);
    expect(again.decisions.find((d) => d.release.guid === 'm-bluray')?.accepted).toBe(false);
  });

  it('each purpose uses only the indexers switched on for it', async () => {
    serve('/norss', matrixReleases);
    serve('/noauto', matrixReleases);
    await s.addIndexer('No RSS', `${fake.url}/norss`, { enableRss: false });
    await s.addIndexer('No automatic', `${fake.url}/noauto`, { enableAutomaticSearch: false });
    const rss = await s.search.rssSync();
    expect(rss.indexers.map((i) => i.name)).toEqual(['No automatic']);
    const auto = await s.search.searchOne(movieSearch(matrix), 'automatic');
    expect(auto.fetched.indexers.map((i) => i.name)).toEqual(['No RSS']);
    const interactive = await s.search.searchOne(movieSearch(matrix), 'interactive');
    expect(interactive.fetched.indexers.map((i) => i.name).sort()).toEqual(['No RSS', 'No automatic']);
  });

  it('season search: the season pack is grabbed once and covers its episodes; other seasons are not', async () => {
    const show = await s.repos.series.insert(
      newSeries(1, {
        title: 'Show Name',
        cleanTitle: cleanSeriesTitle('Show Name'),
        tvdbId: 1001,
        qualityProfileId: profile.id,
        runtime: 45,
      }),
    );
    const aired = (d: string) => ({ airDate: d, airDateUtc: `${d}T02:00:00Z` });
    await s.repos.episodes.upsertMany(show.id, [
      ...[1, 2, 3].map((n) => ({ ...episodeMeta(1, n, aired(`2024-01-0${n}`)), monitored: true })),
      { ...episodeMeta(2, 1, aired('2025-05-01')), monitored: true },
    ]);
    serve('/tv', [
      {
        title: 'Show.Name.S01.1080p.WEB-DL.DD5.1.H264-NTG',
        guid: 'pack',
        seeders: 30,
        size: 3 * 2 * GB,
        category: 5040,
      },
      { title: 'Show.Name.S01E02.1080p.WEB-DL.DD5.1.H264-NTG', guid: 'e2', seeders: 90, size: 2 * GB, category: 5040 },
      {
        title: 'Show.Name.S02E01.1080p.WEB-DL.DD5.1.H264-NTG',
        guid: 's2e1',
        seeders: 90,
        size: 2 * GB,
        category: 5040,
      },
    ]);
    await s.addIndexer('TV', `${fake.url}/tv`);
    const requests = await s.search.seriesRequests(show.id, false);
    expect(requests.map((r) => r.label)).toEqual(['Show Name season 1', 'Show Name S02E01']);
    const seasonOnly = await s.search.seasonRequests(show.id, 1, false);
    const run = await s.search.run(seasonOnly);
    expect(run.grabbed.map((g) => g.guid)).toEqual(['pack']);
    expect(s.grabs[0]).toMatchObject({ seriesId: show.id });
    expect(s.grabs[0]?.episodeIds).toHaveLength(3);
    const asked = fake.requests.filter((r) => r.path === '/tv/api' && r.query.t !== 'caps').map((r) => r.query);
    expect(asked[0]).toMatchObject({ t: 'tvsearch', tvdbid: '1001', season: '1' });
    expect(asked[0]?.ep).toBeUndefined();
  });

  it('MissingMoviesSearch-style runs grab once per movie across searches', async () => {
    serve('/a', [...matrixReleases, { title: 'Alien.1979.1080p.WEB-DL.DD5.1.H264-NTG', guid: 'a-webdl', seeders: 10 }]);
    await s.addIndexer('A', `${fake.url}/a`);
    const requests = await s.search.missingMovieRequests();
    expect(requests.map((r) => r.label).sort()).toEqual(['Alien (1979)', 'The Matrix (1999)']);
    const progress: string[] = [];
    const run = await s.search.run(requests, async (m) => {
      progress.push(m);
    });
    expect(run.searches).toBe(2);
    expect(s.grabs.map((g) => g.release.guid).sort()).toEqual(['a-webdl', 'm-bluray']);
    expect(progress[0]).toMatch(/^Searching .+ \(1 of 2\)$/);
    expect(progress.at(-1)).toMatch(/2 searches, \d+ releases, 2 grabbed/);
  });
});
