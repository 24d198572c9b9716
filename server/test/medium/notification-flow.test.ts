// Notifications and media servers through the composed app (issue 8 "done when"). Every notification service is
// configured through the API against its capture (notification-flow.support.ts: fakes replaying the recorded
// protocol answers, a real SMTP server, a real script); Plex, Jellyfin and Emby against fakes. A tagged movie is
// grabbed through the real GrabService (a scripted download client), the tracker sees it complete, the real
// completed-download import moves the file into the library, then the file and the movie are deleted through the
// API. Asserts that each service got the grab and the import with the movie's title and quality, that a
// definition with onGrab off missed only the grab, that a definition tagged with a tag the movie lacks got
// nothing while one with the movie's tag got everything (deletes included: they carry the item's tags and path),
// and that the media servers were asked to rescan the movie's folder.
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ImportSettingsRepository } from '../../src/db/repositories/import-settings.repository.js';
import { MovieRepository } from '../../src/db/repositories/movie.repository.js';
import { ProviderDefinitionRepository } from '../../src/db/repositories/provider-definition.repository.js';
import type { Movie } from '../../src/domain/library/movie.types.js';
import { DEFAULT_IMPORT_SETTINGS } from '../../src/services/import/import.types.js';
import { type AppHarness, startApp } from '../support/app-harness.js';
import { newMovie } from '../support/library-factories.js';
import {
  completeDownload,
  flowRegistry,
  grabRequest,
  HASH,
  MB,
  RELEASE_TITLE,
  startMediaServers,
} from './notification-flow.client.js';
import { apiOf, type Captures, startCaptures } from './notification-flow.support.js';

// Delivery goes through the outbox worker and media servers collect paths for 5 s: wait on what arrives.
const waitFor = (fn: () => void) => vi.waitFor(fn, { timeout: 20_000, interval: 50 });
const DELETES = { onMovieFileDelete: true, onMovieDelete: true };
const LINE = 'Notify Movie (2011) [Bluray-1080p]';

describe('notifications and media servers on grab, import and delete through the composed app (sqlite)', () => {
  let h: AppHarness;
  let captures: Captures;
  let media: Awaited<ReturnType<typeof startMediaServers>>;
  let dir: string;
  let root: string;
  let downloads: string;
  let movie: Movie;
  let clientId: number;
  const api = apiOf(() => h);
  const create = async (kind: string, body: Record<string, unknown>) => {
    const r = await api('POST', `/${kind}?forceSave=true`, body);
    expect(r.statusCode, r.body).toBe(201);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'idkarr-notify-flow-'));
    root = join(dir, 'movies');
    downloads = join(dir, 'downloads');
    mkdirSync(root, { recursive: true });
    mkdirSync(downloads, { recursive: true });
    captures = await startCaptures(join(dir, 'script'));
    media = await startMediaServers();
    h = await startApp('sqlite', { env: { IDKARR_LOG_LEVEL: 'warn' }, compose: { registry: flowRegistry() } });
    const db = h.app.database.db;
    await new ImportSettingsRepository(db).set({ ...DEFAULT_IMPORT_SETTINGS, downloadFolders: [downloads] });
    expect((await api('POST', '/rootfolder', { path: root })).statusCode).toBe(201);
    const tag = async (label: string) => (await api('POST', '/tag', { label })).json<{ id: number }>().id;
    const [notifyTag, otherTag] = [await tag('notify'), await tag('other')];
    clientId = (
      await new ProviderDefinitionRepository(db).insert(
        'downloadclient',
        { implementation: 'scripted', name: 'Scripted qBit', enabled: true, tags: [], settings: {} },
        new Date().toISOString(),
      )
    ).id;
    const base = newMovie(11, { title: 'Notify Movie', tags: [notifyTag] });
    movie = await new MovieRepository(db).insert({
      ...base,
      path: join(root, `${base.title} (${base.year})`),
      rootFolderPath: root,
    });
    for (const [name, c] of Object.entries(captures.services)) {
      const settings = { ...c.settings, ...(name === 'custom-script' ? DELETES : {}) };
      await create('notification', { implementation: c.implementation, name, settings });
    }
    const hook = (name: string, tags: number[], extra: Record<string, unknown> = {}) =>
      create('notification', {
        implementation: 'webhook',
        name: `Hook ${name}`,
        tags,
        settings: { ...captures.webhooks.settings(name), ...extra },
      });
    await hook('all', [], DELETES);
    await hook('nograb', [], { onGrab: false });
    await hook('tagged', [notifyTag], DELETES);
    await hook('other', [otherTag], DELETES);
    for (const d of media.definitions(root)) await create('mediaserver', d);
    await h.app.startBackground();
  });

  afterAll(async () => {
    await h?.close();
    await captures?.close();
    await media?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const MOVIE = () => ({
    id: movie.id,
    title: 'Notify Movie',
    year: 2011,
    folderPath: movie.path,
    tmdbId: 1011,
    imdbId: 'tt0000011',
  });
  const RELEASE = {
    quality: 'Bluray-1080p',
    qualityVersion: 1,
    releaseGroup: 'GRP',
    releaseTitle: RELEASE_TITLE,
    indexer: 'Fake Torznab',
    size: 400 * MB,
    customFormatScore: 0,
  };
  const received = (name: string) => captures.services[name]!.deliveries().filter((d) => d.event !== 'test');
  const hooks = (name: string) => captures.webhooks.payloads(name);
  const SERVICES = [
    'discord',
    'slack',
    'telegram',
    'pushover',
    'gotify',
    'ntfy',
    'join',
    'apprise',
    'email',
    'custom-script',
  ];

  it('every service was configured through the API and answered its test message', () => {
    expect(Object.keys(captures.services).sort()).toEqual([...SERVICES].sort());
    for (const name of SERVICES)
      expect(
        captures.services[name]!.deliveries().map((d) => d.event),
        name,
      ).toEqual(['test']);
  });

  it('grab → every service hears of it; onGrab off and a foreign tag hear nothing', async () => {
    const result = await h.app.downloads.grab.grab(grabRequest(movie.id, clientId));
    expect(result.trackedDownload.downloadId).toBe(HASH);
    for (const name of SERVICES)
      await waitFor(() => expect(received(name), name).toEqual([{ event: 'grab', text: LINE }]));
    await waitFor(() => expect(hooks('tagged')).toHaveLength(1));
    const grab = {
      eventType: 'Grab',
      instanceName: 'idkarr',
      applicationUrl: 'http://localhost:7979',
      movie: MOVIE(),
      release: RELEASE,
      downloadClient: 'Scripted qBit',
      downloadClientType: 'scripted',
      downloadId: HASH,
    };
    await waitFor(() => expect(hooks('all')).toEqual([grab]));
    expect(hooks('tagged')).toEqual([grab]);
    expect(hooks('nograb')).toEqual([]);
    expect(hooks('other')).toEqual([]);
  });

  it('import → every service hears of it, the media servers rescan the movie folder', async () => {
    const folder = join(downloads, RELEASE_TITLE);
    mkdirSync(folder, { recursive: true });
    const video = join(folder, `${RELEASE_TITLE}.mkv`);
    writeFileSync(video, '');
    truncateSync(video, 400 * MB);
    completeDownload(folder);
    await h.app.downloads.tracker.refresh();
    for (const name of SERVICES)
      await waitFor(() =>
        expect(received(name), name).toEqual([
          { event: 'grab', text: LINE },
          { event: 'download', text: LINE },
        ]),
      );
    const library = join(movie.path, `${RELEASE_TITLE}.mkv`);
    const download = {
      eventType: 'Download',
      instanceName: 'idkarr',
      applicationUrl: 'http://localhost:7979',
      movie: MOVIE(),
      movieFile: {
        id: expect.any(Number),
        relativePath: `${RELEASE_TITLE}.mkv`,
        path: library,
        quality: 'Bluray-1080p',
        qualityVersion: 1,
        releaseGroup: 'GRP',
        sceneName: RELEASE_TITLE,
        size: 400 * MB,
        dateAdded: expect.any(String),
      },
      release: RELEASE,
      isUpgrade: false,
      downloadClient: 'Scripted qBit',
      downloadClientType: 'scripted',
      downloadId: HASH,
    };
    await waitFor(() => expect(hooks('all')).toHaveLength(2));
    await waitFor(() => expect(hooks('tagged')).toHaveLength(2));
    await waitFor(() => expect(hooks('nograb')).toHaveLength(1));
    expect(hooks('all')[1]).toEqual(download);
    expect(hooks('tagged')[1]).toEqual(download);
    expect(hooks('nograb')).toEqual([download]);
    expect(hooks('other')).toEqual([]);
    expect(captures.script.envs().at(-1)).toMatchObject({
      idkarr_eventtype: 'Download',
      idkarr_movie_path: movie.path,
      idkarr_moviefile_path: library,
      idkarr_moviefile_quality: 'Bluray-1080p',
      idkarr_release_title: RELEASE_TITLE,
      idkarr_download_id: HASH,
    });
    // What Plex and Jellyfin/Emby call the folder (path mapping /data/media/movies ← the local root).
    const remote = '/data/media/movies/Notify Movie (2011)';
    await waitFor(() => expect(media.plexScans()).toEqual([{ section: '1', path: remote }]));
    await waitFor(() => expect(media.mbUpdates('')).toHaveLength(1));
    await waitFor(() => expect(media.mbUpdates('/emby')).toHaveLength(1));
    for (const updates of [...media.mbUpdates(''), ...media.mbUpdates('/emby')])
      expect(updates).toEqual([{ Path: remote, UpdateType: 'Modified' }]);
  });

  it('file and movie deletes carry the movie with its path and tags: tag filters apply, payloads are complete', async () => {
    const [file] = (await api('GET', `/moviefile?movieId=${movie.id}`)).json<{ id: number; path: string }[]>();
    expect((await api('DELETE', `/moviefile/${file!.id}`)).statusCode).toBe(204);
    await waitFor(() => expect(hooks('all')).toHaveLength(3));
    await waitFor(() => expect(hooks('tagged')).toHaveLength(3));
    const fileDelete = {
      eventType: 'MovieFileDelete',
      instanceName: 'idkarr',
      applicationUrl: 'http://localhost:7979',
      movie: MOVIE(),
      movieFile: expect.objectContaining({ id: file!.id, path: file!.path, quality: 'Bluray-1080p' }),
      deleteReason: 'Manual',
    };
    expect(hooks('all')[2]).toEqual(fileDelete);
    expect(hooks('tagged')[2]).toEqual(fileDelete);

    expect((await api('DELETE', `/movie/${movie.id}?deleteFiles=true`)).statusCode).toBe(204);
    const movieDelete = {
      eventType: 'MovieDelete',
      instanceName: 'idkarr',
      applicationUrl: 'http://localhost:7979',
      movie: MOVIE(),
      deletedFiles: true,
    };
    await waitFor(() => expect(hooks('all')[3]).toEqual(movieDelete));
    await waitFor(() => expect(hooks('tagged')[3]).toEqual(movieDelete));
    await waitFor(() => expect(captures.script.envs().at(-1)?.idkarr_eventtype).toBe('MovieDelete'));
    expect(captures.script.envs().slice(-2)).toEqual([
      expect.objectContaining({
        idkarr_eventtype: 'MovieFileDelete',
        idkarr_movie_path: movie.path,
        idkarr_moviefile_path: file!.path,
        idkarr_moviefile_deletereason: 'Manual',
      }),
      expect.objectContaining({
        idkarr_eventtype: 'MovieDelete',
        idkarr_movie_title: 'Notify Movie',
        idkarr_movie_year: '2011',
        idkarr_movie_path: movie.path,
        idkarr_movie_deletedfiles: 'True',
      }),
    ]);
    // The services left at their default switches heard of neither delete; the foreign tag of nothing at all.
    expect(received('discord').map((d) => d.event)).toEqual(['grab', 'download']);
    expect(hooks('other')).toEqual([]);
    // The deleted folder is rescanned too.
    await waitFor(() => expect(media.plexScans().length).toBeGreaterThan(1));
  });
});
