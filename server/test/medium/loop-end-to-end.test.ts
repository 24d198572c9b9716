// The whole loop, end to end, for real (issue 7 item 8), through the composed app on SQLite with its background
// workers running: a movie (and a series) added from a fake TMDB, an interactive search answered by a fake Torznab
// indexer with a release whose `.torrent` describes real content seeded by a second qbittorrent-nox on loopback
// (peers meet through a local HTTP tracker; DHT, LSD and PeX off), the grab sent to a real qbittorrent-nox, the real
// download polled to completion with RefreshMonitoredDownloads (POST /command), and the import on
// download.completed: the renamed file in the root folder (same bytes, hardlinked to the download), the movie or
// episode file, grabbed + downloadFolderImported history, and the queue entry imported and gone from the queue.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppHarness, startApp } from '../support/app-harness.js';
import { eventually, tempDir } from '../support/daemons/common.js';
import { type QbittorrentDaemon, startQbittorrent } from '../support/daemons/qbittorrent.js';
import { FakeHttpServer } from '../support/fake-http-server.js';
import { type LoopRelease, makeRelease, qbtApi, seed } from '../support/loop/seeder.js';
import { type LoopbackTracker, startTracker } from '../support/tracker.js';
import { FIXTURES, serveTmdb, TMDB_KEY } from './library-api.support.js';
import { type FeedItem, torznabFeed } from './search-support.js';

const MOVIE_RELEASE = 'Fight.Club.1999.1080p.BluRay.x264-GRP';
const EPISODE_RELEASE = 'Game.of.Thrones.S01E01.1080p.BluRay.x264-GRP';

describe('the whole loop with real torrent daemons (sqlite)', () => {
  let tracker: LoopbackTracker;
  let seeder: QbittorrentDaemon;
  let downloader: QbittorrentDaemon;
  let fake: FakeHttpServer;
  let h: AppHarness;
  let root: string;
  let scratch: string;
  let profileId: number;
  let indexerId: number;
  const releases = new Map<string, LoopRelease>(); // by guid
  let feed: FeedItem[] = [];

  const api = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    h.app.http.inject({
      method,
      url: `/api/v1${url}`,
      headers: h.authHeaders(),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

  beforeAll(async () => {
    [tracker, seeder, downloader, fake] = await Promise.all([
      startTracker(),
      startQbittorrent(),
      startQbittorrent(),
      FakeHttpServer.start({ fixtureRoot: FIXTURES }),
    ]);
    scratch = tempDir('loop');
    root = mkdtempSync(join(tmpdir(), 'idkarr-loop-root-'));
    // Real content on the seeder's disk, verified and seeded before anything is searched.
    for (const [guid, name, size] of [
      ['fight-club-grp', MOVIE_RELEASE, 3 * 1024 * 1024 + 12_345],
      ['got-s01e01-grp', EPISODE_RELEASE, 2 * 1024 * 1024 + 777],
    ] as const) {
      const release = makeRelease({
        saveDir: seeder.downloadDir,
        torrentDir: join(scratch, 'torrents'),
        name,
        announceUrl: tracker.announceUrl,
        sizeBytes: size,
      });
      releases.set(guid, release);
      await seed(seeder, release);
    }

    // Fake TMDB (recorded payloads) and a fake Torznab indexer answering the current feed and serving .torrents.
    serveTmdb(fake);
    fake.route('GET', '/tz/api', (req) =>
      req.query.t === 'caps'
        ? { file: 'torznab/jackett-caps.xml' }
        : { body: torznabFeed(`${fake.url}/tz`, feed, Date.now()), headers: { 'content-type': 'application/xml' } },
    );
    fake.route('GET', '/tz/dl/:file', (req) => {
      const release = releases.get(decodeURIComponent(req.params.file ?? '').replace(/\.torrent$/, ''));
      return release
        ? { body: Buffer.from(release.torrent), headers: { 'content-type': 'application/x-bittorrent' } }
        : { status: 404 };
    });

    h = await startApp('sqlite', {
      env: { IDKARR_TMDB_API_KEY: TMDB_KEY, IDKARR_TMDB_URL: `${fake.url}/3`, IDKARR_LOG_LEVEL: 'warn' },
    });
    // The command queue's workers and the scheduler: POST /command runs commands as the server does.
    await h.app.startBackground();

    // Library settings: root folder, a profile allowing Bluray-1080p, renaming on, media management.
    const rootFolder = await api('POST', '/rootfolder', { path: root });
    expect(rootFolder.statusCode, rootFolder.body).toBe(201);
    const profile = await api('POST', '/qualityprofile', {
      name: 'Loop HD',
      upgradeAllowed: false,
      cutoff: 'bluray-1080p',
      items: [{ quality: 'bluray-1080p', allowed: true }],
      minFormatScore: 0,
      cutoffFormatScore: 0,
      formatItems: [],
    });
    expect(profile.statusCode, profile.body).toBe(201);
    profileId = profile.json<{ id: number }>().id;
    // A few-MB "movie": no minimum size for the quality (it would be far too small for its runtime).
    const defs = (await api('GET', '/qualitydefinition')).json<Array<{ id: number; quality: { id: string } }>>();
    const bluray = defs.find((d) => d.quality.id === 'bluray-1080p');
    const size = await api('PUT', `/qualitydefinition/${bluray?.id}`, { minSize: 0, preferredSize: 0, maxSize: null });
    expect(size.statusCode, size.body).toBe(200);
    const naming = await api('PUT', '/config/naming', {
      movie: { renameMovies: true },
      series: { renameEpisodes: true },
    });
    expect(naming.statusCode, naming.body).toBe(200);
    const mm = (await api('GET', '/config/mediamanagement')).json<Record<string, unknown>>();
    const setMm = await api('PUT', '/config/mediamanagement', {
      ...mm,
      copyUsingHardlinks: true,
      downloadFolders: [downloader.downloadDir],
      // The payloads are a few MB of random bytes: sample detection by size would skip them.
      skipSampleCheck: true,
      minimumFreeSpaceMb: 0,
    });
    expect(setMm.statusCode, setMm.body).toBe(200);

    // Providers: the fake Torznab indexer and the real downloading qBittorrent.
    const indexer = await api('POST', '/indexer', {
      implementation: 'torznab',
      name: 'Fake Torznab',
      enabled: true,
      tags: [],
      settings: { baseUrl: `${fake.url}/tz`, apiKey: 'secret-key', minimumSeeders: 1 },
    });
    expect(indexer.statusCode, indexer.body).toBe(201);
    indexerId = indexer.json<{ id: number }>().id;
    const client = await api('POST', '/downloadclient', {
      implementation: 'qbittorrent',
      name: 'qBittorrent',
      enabled: true,
      tags: [],
      settings: {
        host: '127.0.0.1',
        port: downloader.port,
        username: downloader.username,
        password: downloader.password,
        movieCategory: 'radarr',
        tvCategory: 'sonarr',
      },
    });
    expect(client.statusCode, client.body).toBe(201);
  }, 45_000);

  afterAll(async () => {
    await h?.close();
    await Promise.all([seeder?.stop(), downloader?.stop(), tracker?.close(), fake?.close()]);
    for (const dir of [root, scratch]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Interactive search (one accepted release: `guid`), grab from the cache, real download, import. */
  async function searchGrabImport(query: string, guid: string, title: string, category: number) {
    const release = releases.get(guid);
    if (!release) throw new Error(`no release ${guid}`);
    feed = [{ title, guid, size: release.size, seeders: 1, peers: 1, category }];
    const search = await api('GET', `/release?${query}`);
    expect(search.statusCode, search.body).toBe(200);
    const found = search.json<Array<{ guid: string; title: string; accepted: boolean }>>();
    expect(found, JSON.stringify(found)).toEqual([expect.objectContaining({ guid, title, accepted: true })]);
    const grab = await api('POST', '/release', { guid, indexerId });
    expect(grab.statusCode, grab.body).toBe(200);
    expect(fake.requestsTo(`/tz/dl/${guid}.torrent`)).toHaveLength(1);

    // The downloader finds the seeder through the tracker; RefreshMonitoredDownloads is driven until imported.
    const qbt = await qbtApi(downloader);
    const row = () =>
      h.app.database.db
        .selectFrom('tracked_downloads')
        .selectAll()
        .where('download_id', '=', release.infoHash)
        .executeTakeFirst();
    const done = await eventually(
      `${title} downloads and is imported`,
      async () => {
        const cmd = await api('POST', '/command', { name: 'RefreshMonitoredDownloads' });
        expect(cmd.statusCode, cmd.body).toBeLessThan(300);
        return row();
      },
      (r) => r?.status === 'imported' || r?.status === 'importBlocked' || r?.status === 'failed',
      30_000,
    ).catch(async (err: Error) => {
      // What each side saw, for a failure in CI.
      const client = JSON.stringify(await qbt.info(release.infoHash).catch(String));
      const commands = (await api('GET', '/command')).body.slice(0, 2000);
      throw new Error(
        `${err.message}\nqBittorrent: ${client}\ntracker: ${JSON.stringify(tracker.announces)}\ncommands: ${commands}\napp log: ${h.stdout.text.slice(-3000)}`,
      );
    });
    expect(done?.status, JSON.stringify(done)).toBe('imported');
    // The bytes came over the wire from the seeder (qBittorrent's transfer counters lag a little behind).
    const torrent = await eventually(
      'the downloader counts the bytes it downloaded',
      () => qbt.info(release.infoHash),
      (t) => (t?.downloaded ?? 0) >= release.size,
      10_000,
    );
    expect(torrent).toMatchObject({ progress: 1, save_path: downloader.downloadDir });
    // Both daemons announced to the loopback tracker (how they met).
    expect(new Set(tracker.announces.filter((a) => a.infoHash === release.infoHash).map((a) => a.port)).size).toBe(2);
    const downloaded = join(downloader.downloadDir, release.name, release.videoName);
    expect(sha256(downloaded)).toBe(release.sha256);
    // The queue: the entry is imported, no longer listed.
    const queue = (await api('GET', '/queue?pageSize=50')).json<{ records: Array<{ id: number }> }>();
    expect(queue.records.find((r) => r.id === done?.id)).toBeUndefined();
    return { release, downloaded, trackedId: done?.id };
  }

  /** Same bytes; a hardlink of the download (same inode) when both are on one filesystem. */
  function expectImportedCopy(imported: string, downloaded: string, release: LoopRelease): void {
    expect(sha256(imported)).toBe(release.sha256);
    if (statSync(downloaded).dev === statSync(root).dev) {
      expect(statSync(imported).ino).toBe(statSync(downloaded).ino);
      expect(statSync(imported).nlink).toBe(2);
    }
  }

  const historyOf = async (query: string) =>
    (await api('GET', `/history?${query}&pageSize=50`))
      .json<{ records: Array<{ eventType: string; downloadId: string | null }> }>()
      .records.map((r) => [r.eventType, r.downloadId]);

  it('a movie: added from TMDB, searched, grabbed, downloaded from the seeder, imported and renamed', async () => {
    const added = await api('POST', '/movie', {
      tmdbId: 550,
      qualityProfileId: profileId,
      rootFolderPath: root,
      minimumAvailability: 'announced',
      monitored: true,
    });
    expect(added.statusCode, added.body).toBe(201);
    const movie = added.json<{ id: number; title: string; year: number }>();
    expect(movie).toMatchObject({ title: 'Fight Club', year: 1999 });

    const { release, downloaded } = await searchGrabImport(
      `movieId=${movie.id}`,
      'fight-club-grp',
      MOVIE_RELEASE,
      2040,
    );
    const folder = join(root, 'Fight Club (1999)');
    expect(readdirSync(folder)).toEqual(['Fight Club (1999) Bluray-1080p.mkv']);
    expectImportedCopy(join(folder, 'Fight Club (1999) Bluray-1080p.mkv'), downloaded, release);

    const files = (await api('GET', `/moviefile?movieId=${movie.id}`)).json<Array<Record<string, unknown>>>();
    expect(files).toEqual([
      expect.objectContaining({
        movieId: movie.id,
        size: release.size,
        relativePath: 'Fight Club (1999) Bluray-1080p.mkv',
      }),
    ]);
    const history = await historyOf(`movieId=${movie.id}`);
    expect(history).toContainEqual(['grabbed', release.infoHash]);
    expect(history).toContainEqual(['downloadFolderImported', release.infoHash]);
  }, 40_000);

  it('an episode: the same loop for S01E01 of a series added from TMDB', async () => {
    const added = await api('POST', '/series', {
      tmdbId: 1399,
      qualityProfileId: profileId,
      rootFolderPath: root,
      addOptions: { monitor: 'all', searchForMissingEpisodes: false },
    });
    expect(added.statusCode, added.body).toBe(201);
    const series = added.json<{ id: number; title: string; path: string }>();
    expect(series.title).toBe('Game of Thrones');
    const episodes = (await api('GET', `/episode?seriesId=${series.id}`)).json<
      Array<{ id: number; seasonNumber: number; episodeNumber: number; title: string }>
    >();
    const pilot = episodes.find((e) => e.seasonNumber === 1 && e.episodeNumber === 1);
    expect(pilot?.title).toBe('Winter Is Coming');

    const { release, downloaded } = await searchGrabImport(
      `episodeId=${pilot?.id}`,
      'got-s01e01-grp',
      EPISODE_RELEASE,
      5040,
    );
    const name = 'Game of Thrones - S01E01 - Winter Is Coming Bluray-1080p.mkv';
    // The series folder chosen when it was added (title and year), the season folder by the naming defaults.
    expect(series.path).toBe(join(root, 'Game of Thrones (2011)'));
    const folder = join(series.path, 'Season 1');
    expect(readdirSync(folder)).toEqual([name]);
    expectImportedCopy(join(folder, name), downloaded, release);

    const files = (await api('GET', `/episodefile?seriesId=${series.id}`)).json<Array<Record<string, unknown>>>();
    expect(files).toEqual([
      expect.objectContaining({ seriesId: series.id, seasonNumber: 1, episodeIds: [pilot?.id], size: release.size }),
    ]);
    const history = await historyOf(`seriesId=${series.id}`);
    expect(history).toContainEqual(['grabbed', release.infoHash]);
    expect(history).toContainEqual(['downloadFolderImported', release.infoHash]);
  }, 40_000);
});
