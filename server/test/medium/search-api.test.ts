// The end-to-end API test of issue 5 on both dialects, through the composed app: a movie in the library, a Torznab
// indexer added with POST /api/v1/indexer pointing at a fake server, an interactive search returning ranked
// releases with their rejections, a grab from the search cache (no download client yet → 202 pending), pushed
// releases (accepted / rejected / invalid), scene groups, the search commands and the RSS interval setting.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MovieRepository } from '../../src/db/repositories/movie.repository.js';
import { PendingReleaseRepository } from '../../src/db/repositories/pending-release.repository.js';
import { QualityProfileRepository } from '../../src/db/repositories/quality-profile.repository.js';
import { cleanMovieTitle } from '../../src/domain/library/clean-title.js';
import type { Movie } from '../../src/domain/library/movie.types.js';
import type { DownloadEvent } from '../../src/events/event-bus.js';
import { type AppHarness, startApp } from '../support/app-harness.js';
import { DIALECTS } from '../support/databases.js';
import { FakeHttpServer } from '../support/fake-http-server.js';
import { newMovie } from '../support/library-factories.js';
import { type FeedItem, torznabFeed } from './search-support.js';

const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/protocols/', import.meta.url));

type ReleaseJson = Record<string, unknown> & {
  guid: string;
  accepted: boolean;
  rank: number | null;
  rejections: { reason: string }[];
};

const RELEASES: FeedItem[] = [
  { title: 'The.Matrix.1999.720p.HDTV.x264-LOL', guid: 'm-720', seeders: 200, ageMinutes: 60 * 24 * 3 },
  { title: 'The.Matrix.1999.1080p.BluRay.x264-SPARKS', guid: 'm-bluray', seeders: 50, internal: true },
  { title: 'The.Matrix.1999.1080p.WEB-DL.DD5.1.H264-NTG', guid: 'm-webdl', seeders: 80 },
  { title: 'The.Matrix.1999.CAM.x264-BAD', guid: 'm-cam', seeders: 500 },
  { title: 'The.Matrix.1999.1080p.BluRay.x264-NOSEED', guid: 'm-noseed', seeders: 0 },
  { title: 'The.Matrix.Reloaded.2003.1080p.BluRay.x264-SPARKS', guid: 'reloaded', seeders: 40 },
];

describe.each(DIALECTS)('search API end to end (%s)', (dialect) => {
  let h: AppHarness;
  let fake: FakeHttpServer;
  let matrix: Movie;
  let indexerId: number;
  let profileId: number;

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    h.app.http.inject({
      method,
      url: `/api/v1${url}`,
      headers: h.authHeaders(),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  beforeAll(async () => {
    fake = await FakeHttpServer.start({ fixtureRoot: FIXTURES });
    fake.route('GET', '/tz/api', (req) =>
      req.query.t === 'caps'
        ? { file: 'torznab/jackett-caps.xml' }
        : { body: torznabFeed(`${fake.url}/tz`, RELEASES, Date.now()), headers: { 'content-type': 'application/xml' } },
    );
    h = await startApp(dialect);
    const db = h.app.database.db;
    const profile = await new QualityProfileRepository(db).insert({
      name: 'E2E HD',
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
    profileId = profile.id;
    matrix = await new MovieRepository(db).insert(
      newMovie(1, {
        title: 'The Matrix',
        cleanTitle: cleanMovieTitle('The Matrix'),
        year: 1999,
        tmdbId: 603,
        imdbId: 'tt0133093',
        qualityProfileId: profile.id,
        runtime: 136,
      }),
    );
    const created = await call('POST', '/indexer?forceSave=true', {
      implementation: 'torznab',
      name: 'Fake Torznab',
      enabled: true,
      tags: [],
      settings: { baseUrl: `${fake.url}/tz`, apiKey: 'secret-key', minimumSeeders: 1 },
    });
    expect(created.statusCode, created.body).toBe(201);
    indexerId = created.json().id;
  });
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });

  it('interactive search returns every release ranked, with parse, score and rejection reasons', async () => {
    fake.requests.length = 0;
    const res = await call('GET', `/release?movieId=${matrix.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const releases = res.json() as ReleaseJson[];
    expect(releases.map((r) => r.guid).sort()).toEqual(RELEASES.map((r) => r.guid).sort());
    // The id search the caps allow (Jackett's caps list imdbid and tmdbid for movie-search).
    const asked = fake.requests.filter((r) => r.path === '/tz/api' && r.query.t !== 'caps');
    expect(asked[0]?.query).toMatchObject({ t: 'movie', imdbid: '0133093', tmdbid: '603' });

    const accepted = releases.filter((r) => r.accepted);
    expect(accepted.map((r) => [r.rank, r.guid])).toEqual([
      [1, 'm-bluray'],
      [2, 'm-webdl'],
      [3, 'm-720'],
    ]);
    const best = releases[0]!;
    expect(best).toMatchObject({
      guid: 'm-bluray',
      indexerId,
      indexer: 'Fake Torznab',
      protocol: 'torrent',
      seeders: 50,
      size: 8 * 1024 ** 3,
      internal: true,
      indexerFlags: ['internal'],
      quality: { id: 'bluray-1080p' },
      releaseGroup: 'SPARKS',
      parse: { kind: 'movie', title: 'The Matrix', year: 1999 },
      rejections: [],
      rejected: false,
      movieId: matrix.id,
    });
    expect(best.releaseGroupReputation).toMatchObject({ confidence: 'low', tier: expect.stringMatching(/^[SABCD]$/) });
    expect(best.age).toBe(0);
    expect(best.ageMinutes).toBeGreaterThanOrEqual(590);
    expect(releases.find((r) => r.guid === 'm-720')?.age).toBe(3);

    const reasons = (guid: string) => releases.find((r) => r.guid === guid)!.rejections.map((x) => x.reason);
    const cam = releases.find((r) => r.guid === 'm-cam')!;
    expect(cam).toMatchObject({ accepted: false, rank: null, rejected: true, quality: { id: 'cam' } });
    expect(reasons('m-cam').join(' ')).toMatch(/CAM|quality/i);
    expect(reasons('m-noseed').join(' ')).toMatch(/seeders/i);
    expect(reasons('reloaded').join(' ')).toMatch(/movie/i);
    for (const r of releases.filter((x) => !x.accepted)) expect(r.rejections.length).toBeGreaterThan(0);
  });

  it('POST /release grabs from the cache; without a download client it is kept as pending (202)', async () => {
    const res = await call('POST', '/release', { guid: 'm-bluray', indexerId });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ status: 'no-download-client', guid: 'm-bluray', movieId: matrix.id });
    expect(res.json().message).toMatch(/download client/);
    const pending = await new PendingReleaseRepository(h.app.database.db).list();
    expect(pending.map((p) => [p.guid, p.reason])).toEqual([['m-bluray', 'no-download-client']]);

    const missing = await call('POST', '/release', { guid: 'never-seen', indexerId });
    expect(missing.statusCode).toBe(404);
    const bad = await call('POST', '/release', { indexerId: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.guid', 'body.indexerId']);
  });

  it('POST /release/push decides like any other release: accepted is grabbed, rejected says why', async () => {
    const accepted = await call('POST', '/release/push', {
      title: 'The.Matrix.1999.1080p.BluRay.REMUX.AVC.DTS-HD.MA.5.1-FGT',
      downloadUrl: `${fake.url}/tz/dl/push.torrent`,
      protocol: 'torrent',
      publishDate: new Date(Date.now() - 3 * 3600_000).toISOString(),
      indexer: 'Fake Torznab',
      size: 30 * 1024 ** 3,
      seeders: 12,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().release).toMatchObject({
      accepted: true,
      rank: 1,
      indexerId,
      quality: { id: 'remux-1080p' },
      movieId: matrix.id,
    });
    expect(accepted.json().grabbed).toMatchObject({ status: 'no-download-client' });

    const rejected = await call('POST', '/release/push', {
      title: 'The.Matrix.1999.CAM.x264-BAD',
      magnetUrl: 'magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567',
      protocol: 'torrent',
      publishDate: new Date().toISOString(),
      indexer: 'autobrr',
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json().grabbed).toBeNull();
    expect(rejected.json().release).toMatchObject({ accepted: false, rank: null, indexerId: null });
    expect(rejected.json().release.rejections.length).toBeGreaterThan(0);

    const invalid = await call('POST', '/release/push', { size: -1 });
    expect(invalid.statusCode).toBe(400);
    const fields = invalid.json().errors.map((e: { field: string }) => e.field);
    for (const f of ['body.title', 'body.protocol', 'body.publishDate', 'body.indexer', 'body.size'])
      expect(fields).toContain(f);
    const noLink = await call('POST', '/release/push', {
      title: 'x',
      protocol: 'usenet',
      publishDate: new Date().toISOString(),
      indexer: 'i',
    });
    expect(noLink.statusCode).toBe(400);
    expect(noLink.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.downloadUrl']);
  });

  it('scene groups seen in the searches are listed by score and readable by name', async () => {
    const list = await call('GET', '/scenegroup?pageSize=50');
    expect(list.statusCode, list.body).toBe(200);
    const page = list.json();
    const names = page.records.map((g: { name: string }) => g.name);
    expect(names).toEqual(expect.arrayContaining(['SPARKS', 'NTG', 'LOL', 'BAD', 'FGT']));
    const scores = page.records.map((g: { score: number }) => g.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const sparks = await call('GET', '/scenegroup/sparks');
    expect(sparks.statusCode).toBe(200);
    // m-bluray and reloaded, each counted once although the search ran and was re-decided.
    expect(sparks.json()).toMatchObject({ name: 'SPARKS', totalReleases: 2, internalReleases: 1, confidence: 'low' });
    expect(['S', 'A', 'B', 'C', 'D']).toContain(sparks.json().tier);
    expect((await call('GET', '/scenegroup/nobody')).statusCode).toBe(404);

    const put = await call('PUT', `/scenegroupsetting/${profileId}`, { minimumScore: 50, preferReputable: true });
    expect(put.statusCode, put.body).toBe(200);
    expect((await call('GET', `/scenegroupsetting/${profileId}`)).json()).toEqual({
      qualityProfileId: profileId,
      minimumScore: 50,
      preferReputable: true,
    });
    expect((await call('PUT', '/scenegroupsetting/99999', { minimumScore: 1 })).statusCode).toBe(404);
  });

  it('a failed download asking to search again queues a search for its items and counts against its group', async () => {
    const before = (await call('GET', '/scenegroup/SPARKS')).json().failedDownloads;
    const trackedDownload = {
      id: 77,
      movieId: matrix.id,
      episodeIds: [],
      release: { releaseGroup: 'SPARKS' },
    } as unknown as DownloadEvent['trackedDownload'];
    h.app.events.emit('download.failed', {
      trackedDownload,
      downloadClient: { id: 1, name: 'x' },
      reason: 'stalled',
      searchAgain: true,
    });
    await vi.waitFor(async () => {
      const commands = (await call('GET', '/command')).json() as Array<{ name: string; body: { movieIds?: number[] } }>;
      expect(commands.some((c) => c.name === 'MoviesSearch' && c.body.movieIds?.[0] === matrix.id)).toBe(true);
      expect((await call('GET', '/scenegroup/SPARKS')).json().failedDownloads).toBe(before + 1);
    });
  });

  it('search commands exist, RSS sync is scheduled (15 min) and its interval has a 10-minute floor', async () => {
    const cmd = await call('POST', '/command', { name: 'MoviesSearch', movieIds: [matrix.id] });
    expect(cmd.statusCode, cmd.body).toBe(201);
    for (const name of [
      'RssSync',
      'EpisodeSearch',
      'SeasonSearch',
      'SeriesSearch',
      'MissingMoviesSearch',
      'MissingEpisodeSearch',
      'CutoffUnmetMoviesSearch',
      'CutoffUnmetEpisodeSearch',
    ]) {
      const bad = await call('POST', '/command', { name, bogus: true, seriesId: 'x' });
      expect(bad.json().title ?? '', `${name}: ${bad.body}`).not.toMatch(/unknown command/);
    }
    // The scheduler stores its task rows when it starts (the queue stays stopped: nothing runs).
    await h.app.scheduler.start();
    h.app.scheduler.stop();
    const tasks = (await call('GET', '/system/task')).json() as Array<{ name: string; intervalMinutes: number }>;
    expect(tasks.find((t) => t.name === 'RssSync')?.intervalMinutes).toBe(15);
    expect((await call('GET', '/config/search')).json()).toEqual({ rssSyncIntervalMinutes: 15 });
    const low = await call('PUT', '/config/search', { rssSyncIntervalMinutes: 5 });
    expect(low.statusCode).toBe(400);
    expect(low.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.rssSyncIntervalMinutes']);
    expect((await call('PUT', '/config/search', { rssSyncIntervalMinutes: 30 })).json()).toEqual({
      rssSyncIntervalMinutes: 30,
    });
  });
});
