// Notifications through the composed app (issue 8 "done when"): a Webhook, a Discord and a grab-less Webhook
// definition created through the API point at a local fake server; a movie is grabbed through the real
// GrabService (a scripted download client), the tracker sees it complete, the real completed-download import
// moves the file into the library, and the outbox worker delivers. Asserts the exact Grab and Download webhook
// payloads, the Discord embed titles, and that the definition with onGrab off got only the Download.
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ImportSettingsRepository } from '../../src/db/repositories/import-settings.repository.js';
import { MovieRepository } from '../../src/db/repositories/movie.repository.js';
import { ProviderDefinitionRepository } from '../../src/db/repositories/provider-definition.repository.js';
import type { Movie } from '../../src/domain/library/movie.types.js';
import type { AnyEvent } from '../../src/events/event-bus.js';
import { downloadClientIntegrations } from '../../src/integrations/download-clients/index.js';
import { importListIntegrations } from '../../src/integrations/import-lists/index.js';
import { indexerIntegrations } from '../../src/integrations/indexers/index.js';
import { mediaServerIntegrations } from '../../src/integrations/media-servers/index.js';
import { metadataIntegrations } from '../../src/integrations/metadata/index.js';
import { notificationIntegrations } from '../../src/integrations/notifications/index.js';
import { defineIntegration } from '../../src/providers/integration.js';
import type {
  AddDownloadRequest,
  DownloadClientPort,
  DownloadItem,
} from '../../src/providers/ports/download-client.port.js';
import { ProviderRegistry } from '../../src/providers/provider-registry.js';
import { DEFAULT_IMPORT_SETTINGS } from '../../src/services/import/import.types.js';
import { type AppHarness, startApp } from '../support/app-harness.js';
import { FakeHttpServer, type RecordedRequest } from '../support/fake-http-server.js';
import { newMovie } from '../support/library-factories.js';

const MB = 1024 * 1024;
const HASH = '0123456789ABCDEF0123456789ABCDEF01234567';

/** A download client the test scripts: records adds, lists what `items` holds. */
class ScriptedClient {
  readonly added: AddDownloadRequest[] = [];
  readonly items = new Map<string, DownloadItem>();
}
const scripted = new ScriptedClient();

const scriptedIntegration = defineIntegration({
  kind: 'downloadclient',
  id: 'scripted',
  name: 'Scripted client',
  description: 'A download client the test drives',
  protocol: 'torrent',
  capabilities: [],
  settings: z.object({}),
  create() {
    const port: DownloadClientPort = {
      protocol: 'torrent',
      capabilities: {
        supportsCategories: false,
        supportsLabels: false,
        supportsPriorities: false,
        supportsMagnetLinks: true,
        supportsTorrentFiles: true,
        supportsNzb: false,
        supportsRemoveAndDelete: true,
        supportsSeedLimits: false,
      },
      test: async () => [],
      healthCheck: async () => ({ latencyMs: 1 }),
      add: async (req) => {
        scripted.added.push(req);
        return { downloadId: HASH };
      },
      list: async () => [...scripted.items.values()],
      get: async (id) => scripted.items.get(id) ?? null,
      remove: async (id) => {
        scripted.items.delete(id);
      },
      pause: async () => {},
      resume: async () => {},
      setCategory: async () => {},
      setPriority: async () => {},
      completedOutputPath: async (id) => scripted.items.get(id)?.outputPath ?? null,
    } as DownloadClientPort;
    return port;
  },
});

const waitFor = (fn: () => void) => vi.waitFor(fn, { timeout: 10_000, interval: 20 });
const RELEASE_TITLE = 'Notify.Movie.2011.1080p.BluRay.x264-GRP';

describe('notifications on grab and import through the composed app (sqlite)', () => {
  let h: AppHarness;
  let fake: FakeHttpServer;
  let dir: string;
  let root: string;
  let downloads: string;
  let movie: Movie;
  let clientId: number;
  const events: AnyEvent[] = [];
  const api = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    h.app.http.inject({
      method,
      url: `/api/v1${url}`,
      headers: h.authHeaders(),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  beforeAll(async () => {
    fake = await FakeHttpServer.start();
    fake.route('POST', '/hook/all', { status: 200, json: { ok: true } });
    fake.route('POST', '/hook/nograb', { status: 200, json: { ok: true } });
    fake.route('POST', '/api/webhooks/:id/:token', { status: 204 });
    dir = mkdtempSync(join(tmpdir(), 'idkarr-notify-flow-'));
    root = join(dir, 'movies');
    downloads = join(dir, 'downloads');
    mkdirSync(root, { recursive: true });
    mkdirSync(downloads, { recursive: true });
    const registry = new ProviderRegistry({
      downloadclient: [...downloadClientIntegrations, scriptedIntegration],
      indexer: indexerIntegrations,
      mediaserver: mediaServerIntegrations,
      notification: notificationIntegrations,
      metadata: metadataIntegrations,
      importlist: importListIntegrations,
    });
    h = await startApp('sqlite', { env: { IDKARR_LOG_LEVEL: 'warn' }, compose: { registry } });
    h.app.events.onAny((e) => events.push(e));
    const db = h.app.database.db;
    await new ImportSettingsRepository(db).set({ ...DEFAULT_IMPORT_SETTINGS, downloadFolders: [downloads] });
    clientId = (
      await new ProviderDefinitionRepository(db).insert(
        'downloadclient',
        { implementation: 'scripted', name: 'Scripted qBit', enabled: true, tags: [], settings: {} },
        new Date().toISOString(),
      )
    ).id;
    const base = newMovie(11, { title: 'Notify Movie' });
    movie = await new MovieRepository(db).insert({
      ...base,
      path: join(root, `${base.title} (${base.year})`),
      rootFolderPath: root,
    });
    const create = async (implementation: string, name: string, settings: Record<string, unknown>) => {
      const r = await api('POST', '/notification?forceSave=true', { implementation, name, settings });
      expect(r.statusCode, r.body).toBe(201);
    };
    await create('webhook', 'Hook all', { url: `${fake.url}/hook/all`, onGrab: true, onDownload: true });
    await create('webhook', 'Hook no grab', { url: `${fake.url}/hook/nograb`, onGrab: false, onDownload: true });
    await create('discord', 'Discord', {
      webhookUrl: `${fake.url}/api/webhooks/1/tok`,
      username: 'idkarr',
      onGrab: true,
      onDownload: true,
    });
    await h.app.startBackground();
  });

  afterAll(async () => {
    await h?.close();
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // Saving a definition sends it a test message; the flow's messages are the rest.
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
  const bodies = (path: string) =>
    fake
      .requestsTo(path)
      .map((r: RecordedRequest) => r.json<Record<string, unknown>>())
      .filter(
        (b) => b.eventType !== 'Test' && (b.embeds as Array<{ title: string }> | undefined)?.[0]?.title !== 'Test',
      );
  const discordTitles = () =>
    bodies('/api/webhooks/1/tok').map((b) => (b.embeds as Array<{ title: string }> | undefined)?.[0]?.title);

  it('grab → Grab webhook + Discord embed; the onGrab-off definition gets nothing', async () => {
    const result = await h.app.downloads.grab.grab({
      release: {
        guid: 'https://indexer.example/details/1',
        title: RELEASE_TITLE,
        downloadUrl: `magnet:?xt=urn:btih:${HASH}&dn=${RELEASE_TITLE}`,
        indexer: 'Fake Torznab',
        indexerId: null,
        protocol: 'torrent',
        size: 400 * MB,
        publishDate: new Date().toISOString(),
        categories: [2000],
        freeleech: false,
      },
      movieId: movie.id,
      quality: { quality: 'bluray-1080p', revision: { version: 1, real: 0 } },
      releaseGroup: 'GRP',
      customFormatScore: 0,
      downloadClientId: clientId,
    });
    expect(result.trackedDownload.downloadId).toBe(HASH);
    await waitFor(() => expect(bodies('/hook/all')).toHaveLength(1));
    await waitFor(() => expect(discordTitles()).toHaveLength(1));
    expect(bodies('/hook/all')).toEqual([
      {
        eventType: 'Grab',
        instanceName: 'idkarr',
        applicationUrl: 'http://localhost:7979',
        movie: MOVIE(),
        release: RELEASE,
        downloadClient: 'Scripted qBit',
        downloadClientType: 'scripted',
        downloadId: HASH,
      },
    ]);
    const [embed] = (bodies('/api/webhooks/1/tok')[0]?.embeds ?? []) as Array<Record<string, unknown>>;
    expect(embed).toMatchObject({
      title: 'Notify Movie (2011) [Bluray-1080p]',
      footer: { text: 'Grabbed' },
      description: RELEASE_TITLE,
      thumbnail: { url: 'https://image.example/11.jpg' },
    });
    expect(bodies('/hook/nograb')).toEqual([]);
  });

  it('import of the completed download → Download webhook to both hooks + Discord embed', async () => {
    const folder = join(downloads, RELEASE_TITLE);
    mkdirSync(folder, { recursive: true });
    const video = join(folder, `${RELEASE_TITLE}.mkv`);
    writeFileSync(video, '');
    truncateSync(video, 400 * MB);
    scripted.items.set(HASH, {
      downloadId: HASH,
      title: RELEASE_TITLE,
      category: null,
      status: 'completed',
      rawStatus: 'pausedUP',
      totalSize: 400 * MB,
      remainingSize: 0,
      progress: 1,
      downloadSpeed: 0,
      uploadSpeed: 0,
      eta: null,
      outputPath: folder,
      message: null,
      ratio: 2,
      seedingTimeSeconds: 10,
      addedAt: new Date(),
      completedAt: new Date(),
      canMoveFiles: true,
    });
    await h.app.downloads.tracker.refresh();
    await waitFor(() => expect(events.some((e) => e.type === 'file.imported')).toBe(true));
    await waitFor(() => expect(bodies('/hook/all')).toHaveLength(2));
    await waitFor(() => expect(bodies('/hook/nograb')).toHaveLength(1));
    await waitFor(() => expect(discordTitles()).toHaveLength(2));
    const library = join(movie.path, `${RELEASE_TITLE}.mkv`);
    const expected = {
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
    expect(bodies('/hook/all')[1]).toEqual(expected);
    expect(bodies('/hook/nograb')).toEqual([expected]);
    const titles = bodies('/api/webhooks/1/tok').map(
      (b) => (b.embeds as Array<{ footer: { text: string } }>)[0]?.footer.text,
    );
    expect(titles).toEqual(['Grabbed', 'Imported']);
    // The import event carries the library path (what the media-server notifier rescans).
    expect(events.find((e) => e.type === 'file.imported')?.data).toMatchObject({
      path: library,
      movieId: movie.id,
      isUpgrade: false,
      replacedFiles: [],
      downloadId: HASH,
    });
  });
});
