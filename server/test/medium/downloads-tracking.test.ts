// Tracking rules on both dialects with a scripted download client and a fake clock: progress updates, stalled →
// failed + history + blocklist, client failures (down, garbage, timeout, 200-with-error, wrong credentials) keep
// the queue untouched and are reported, unreachable output paths get one clear message, history adoption, and a
// usenet failure read from a recorded SABnzbd history payload through the real SABnzbd adapter.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BlocklistRepository } from '../../src/db/repositories/blocklist.repository.js';
import { HistoryRepository } from '../../src/db/repositories/history.repository.js';
import { MovieRepository } from '../../src/db/repositories/movie.repository.js';
import { TrackedDownloadRepository } from '../../src/db/repositories/tracked-download.repository.js';
import { type AnyEvent, EventBus } from '../../src/events/event-bus.js';
import { sabnzbdIntegration } from '../../src/integrations/download-clients/sabnzbd/index.js';
import { FakeClock } from '../../src/lib/clock.js';
import { AuthError, ProtocolError, UnreachableError } from '../../src/lib/errors.js';
import { createLogger } from '../../src/lib/logger.js';
import type { DownloadClientPort, DownloadItem } from '../../src/providers/ports/download-client.port.js';
import type { ProviderDefinition } from '../../src/providers/provider.types.js';
import type { NewTrackedDownload, TrackedDownload } from '../../src/services/downloads/download.types.js';
import { DownloadTracker } from '../../src/services/downloads/download-tracker.service.js';
import {
  blocklistRepositoryAdapter,
  FailedDownloadService,
} from '../../src/services/downloads/failed-download.service.js';
import { PathMapper } from '../../src/services/downloads/path-mapper.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { FakeHttpServer } from '../support/fake-http-server.js';
import { newMovie } from '../support/library-factories.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const SAB_FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/protocols/sabnzbd/', import.meta.url));

type Behaviour = { items: DownloadItem[] } | { error: () => unknown } | { hang: true } | { garbage: unknown };

class ScriptedClient implements Partial<DownloadClientPort> {
  behaviour: Behaviour = { items: [] };
  listCalls = 0;
  removed: string[] = [];
  readonly protocol = 'torrent' as const;
  constructor(private readonly clock: FakeClock) {}
  async list(): Promise<DownloadItem[]> {
    this.listCalls++;
    const b = this.behaviour;
    if ('items' in b) return b.items;
    if ('error' in b) throw b.error();
    if ('garbage' in b) return b.garbage as DownloadItem[];
    await this.clock.sleep(10 * 60_000);
    return [];
  }
  async remove(id: string): Promise<void> {
    this.removed.push(id);
  }
}

function item(downloadId: string, over: Partial<DownloadItem> = {}): DownloadItem {
  return {
    downloadId,
    title: 'Movie.0001.2001.1080p.BluRay.x264-GRP',
    category: 'radarr',
    status: 'downloading',
    rawStatus: 'downloading',
    totalSize: 1000,
    remainingSize: 1000,
    progress: 0,
    downloadSpeed: 0,
    uploadSpeed: 0,
    eta: null,
    outputPath: null,
    message: null,
    ratio: null,
    seedingTimeSeconds: null,
    addedAt: null,
    completedAt: null,
    canMoveFiles: false,
    ...over,
  };
}

function entry(over: Partial<NewTrackedDownload>): NewTrackedDownload {
  const added = new Date(T0).toISOString();
  return {
    downloadClientId: 1,
    downloadId: 'AAAA',
    protocol: 'torrent',
    title: 'Movie.0001.2001.1080p.BluRay.x264-GRP',
    indexer: 'Fake Indexer',
    indexerId: 7,
    guid: 'guid-1',
    infoHash: 'aaaa',
    size: 1000,
    remainingSize: 1000,
    progress: 0,
    etaSeconds: null,
    clientStatus: null,
    quality: { quality: 'bluray-1080p', revision: { version: 1, real: 0 } },
    languages: ['english'],
    release: {
      guid: 'guid-1',
      infoHash: 'aaaa',
      releaseGroup: 'GRP',
      customFormatScore: 10,
      customFormats: [],
      publishDate: null,
      downloadUrl: null,
    },
    mediaType: 'movie',
    movieId: null,
    seriesId: null,
    episodeIds: [],
    status: 'grabbed',
    statusMessages: [],
    outputPath: null,
    added,
    lastSeen: null,
    lastProgressAt: added,
    lastProgress: 1000,
    seedRatio: null,
    seedTimeMinutes: null,
    importAttempts: 0,
    ...over,
  };
}

describe.each(DIALECTS)('download tracking (%s)', (dialect) => {
  let t: TestDatabase;
  let clock: FakeClock;
  let client: ScriptedClient;
  let events: AnyEvent[];
  let failures: Array<{ id: number; err: unknown }>;
  let successes: number;
  let tracker: DownloadTracker;
  let repo: TrackedDownloadRepository;
  let movieId: number;
  let existing: Set<string>;
  let definition: ProviderDefinition;
  let mappings: PathMapper;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    movieId = (await new MovieRepository(t.database.db).insert(newMovie(1))).id;
  });
  afterAll(async () => t?.cleanup());

  beforeEach(async () => {
    await t.database.db.deleteFrom('tracked_downloads').execute();
    await t.database.db.deleteFrom('history').execute();
    await t.database.db.deleteFrom('blocklist').execute();
    clock = new FakeClock(T0);
    client = new ScriptedClient(clock);
    events = [];
    failures = [];
    successes = 0;
    existing = new Set();
    mappings = new PathMapper([]);
    const bus = new EventBus();
    bus.onAny((e) => events.push(e));
    repo = new TrackedDownloadRepository(t.database.db);
    const log = (await createLogger({ level: 'silent' })).logger;
    definition = {
      id: 1,
      kind: 'downloadclient',
      implementation: 'qbittorrent',
      name: 'Seedbox qBittorrent',
      enabled: true,
      tags: [],
      settings: { host: 'seedbox', removeFailedDownloads: true },
      createdAt: '',
      updatedAt: '',
    };
    const port = client as unknown as DownloadClientPort;
    const failed = new FailedDownloadService({
      db: t.database.db,
      blocklister: blocklistRepositoryAdapter((trx) => new BlocklistRepository(trx)),
      client: async () => ({ definition, client: port }),
      events: bus,
      clock,
      log,
      redownloadFailed: true,
    });
    tracker = new DownloadTracker({
      tracked: repo,
      history: new HistoryRepository(t.database.db),
      enabledClients: async () => [definition],
      isBlocked: async () => false,
      instance: () => port,
      health: {
        recordFailure: async (id, err) => void failures.push({ id, err }),
        recordSuccess: async () => void successes++,
      },
      mapper: async () => mappings,
      failed,
      events: bus,
      clock,
      log,
      stalledMinutes: 60,
      listTimeoutMs: 30_000,
      pathExists: (p) => existing.has(p),
    });
  });

  const insert = (over: Partial<NewTrackedDownload>) => repo.insert(entry({ movieId, ...over }));

  it('updates progress and status, and emits queue.updated with the changed entries only', async () => {
    const a = await insert({ downloadId: 'AAAA' });
    const b = await insert({ downloadId: 'BBBB', guid: 'guid-2', infoHash: 'bbbb' });
    client.behaviour = {
      items: [
        item('AAAA', { remainingSize: 400, progress: 0.6, eta: 125, downloadSpeed: 10 }),
        item('BBBB', { status: 'paused', rawStatus: 'pausedDL' }),
        item('CCCC'),
      ],
    };
    const summary = await tracker.refresh();
    expect(summary).toMatchObject({ clients: 1, items: 3, adopted: 0 });
    const rowA = (await repo.get(a.id)) as TrackedDownload;
    expect(rowA).toMatchObject({ status: 'downloading', progress: 0.6, remainingSize: 400, etaSeconds: 125 });
    expect((await repo.get(b.id))?.clientStatus).toBe('paused');
    const updates = events.filter((e) => e.type === 'queue.updated');
    expect(updates).toHaveLength(1);
    // The untracked CCCC is ignored, not adopted.
    expect((await repo.activeForClient(1)).map((r) => r.downloadId).sort()).toEqual(['AAAA', 'BBBB']);
    // Nothing changed: no event, no write beyond bookkeeping.
    events.length = 0;
    await tracker.refresh();
    expect(events.filter((e) => e.type === 'queue.updated')).toHaveLength(0);
    expect(successes).toBe(2);
  });

  it('a download without progress for longer than the threshold fails: history, blocklist, removal, download.failed', async () => {
    const a = await insert({ downloadId: 'AAAA' });
    const paused = await insert({ downloadId: 'PPPP', guid: 'guid-p', infoHash: 'pppp' });
    client.behaviour = {
      items: [
        item('AAAA', { remainingSize: 900, progress: 0.1, rawStatus: 'stalledDL' }),
        item('PPPP', { status: 'paused', rawStatus: 'pausedDL' }),
      ],
    };
    await tracker.refresh();
    await clock.advance(59 * 60_000);
    await tracker.refresh();
    expect((await repo.get(a.id))?.status).toBe('downloading');
    await clock.advance(2 * 60_000);
    const summary = await tracker.refresh();
    expect(summary.failed).toBe(1);
    const row = await repo.get(a.id);
    // removeFailedDownloads: removed from the client, so the entry leaves the queue.
    expect(row?.status).toBe('removed');
    expect(client.removed).toEqual(['AAAA']);
    const history = await new HistoryRepository(t.database.db).page(
      { page: 1, pageSize: 10, sortDirection: 'descending' },
      { eventType: 'downloadFailed' },
    );
    expect(history.records).toHaveLength(1);
    expect(history.records[0]).toMatchObject({ movieId, downloadId: 'AAAA', sourceTitle: a.title });
    expect(String(history.records[0]?.data.reason)).toMatch(/stalled: no progress for 61 minutes/);
    const blocked = await new BlocklistRepository(t.database.db).findMatches({
      guids: ['guid-1'],
      infoHashes: [],
      titles: [],
    });
    expect(blocked).toHaveLength(1);
    expect(blocked[0]).toMatchObject({ movieId, indexerId: 7, torrentInfoHash: 'aaaa', quality: 'bluray-1080p' });
    const failedEvent = events.find((e) => e.type === 'download.failed');
    expect(failedEvent?.data).toMatchObject({ searchAgain: true, downloadClient: { name: 'Seedbox qBittorrent' } });
    // A paused download never counts as stalled.
    expect((await repo.get(paused.id))?.status).toBe('downloading');
  });

  it('progress resets the stalled timer', async () => {
    const a = await insert({ downloadId: 'AAAA' });
    for (let left = 1000; left >= 700; left -= 100) {
      client.behaviour = { items: [item('AAAA', { remainingSize: left })] };
      await tracker.refresh();
      await clock.advance(50 * 60_000);
    }
    expect((await repo.get(a.id))?.status).toBe('downloading');
  });

  it.each([
    ['down', () => new UnreachableError('GET http://seedbox:8080/api/v2/torrents/info: connection refused')],
    ['200 with an error body', () => new ProtocolError('unexpected answer', '{"error":"boom"}')],
    ['wrong credentials', () => new AuthError('qBittorrent rejected the username or password')],
    ['a bug', () => new TypeError('x is undefined')],
  ])(
    'a client that is %s: entries kept unchanged, one failure recorded per poll, health names the client',
    async (_n, error) => {
      const a = await insert({ downloadId: 'AAAA', status: 'downloading', progress: 0.5, remainingSize: 500 });
      const before = await repo.get(a.id);
      client.behaviour = { error };
      const summary = await tracker.refresh();
      expect(summary.unavailable).toEqual(['Seedbox qBittorrent']);
      expect(await repo.get(a.id)).toEqual(before);
      expect(client.listCalls).toBe(1); // no retry loop (AuthError included): the backoff decides the next try
      expect(failures).toHaveLength(1);
      const issues = await tracker.healthIssues();
      expect(issues).toHaveLength(1);
      expect(issues[0]?.message).toMatch(/^Download client Seedbox qBittorrent is unavailable: /);
      expect(issues[0]?.message).not.toMatch(/undefined/);
      // It answers again: resumed, issue gone.
      client.behaviour = { items: [item('AAAA', { remainingSize: 100, progress: 0.9 })] };
      await tracker.refresh();
      expect((await repo.get(a.id))?.progress).toBe(0.9);
      expect(await tracker.healthIssues()).toEqual([]);
    },
  );

  it('garbage and a hanging client (timeout) are failures too', async () => {
    const a = await insert({ downloadId: 'AAAA' });
    const before = await repo.get(a.id);
    client.behaviour = { garbage: { not: 'a list' } };
    await tracker.refresh();
    client.behaviour = { hang: true };
    const polling = tracker.refresh();
    // Both sleeps (the hanging client's and the tracker's timeout) must be waiting before time moves.
    while (clock.pendingSleepers < 2) await new Promise((r) => setTimeout(r, 5));
    await clock.advance(31_000);
    await polling;
    expect(failures.map((f) => (f.err as Error).name)).toEqual(['TypeError', 'TimeoutError']);
    expect(await repo.get(a.id)).toEqual(before);
  });

  it('completed: output path mapped; an unreachable path blocks with one message naming client and path, cleared by a mapping', async () => {
    const a = await insert({ downloadId: 'AAAA', status: 'downloading' });
    client.behaviour = {
      items: [
        item('AAAA', {
          status: 'seeding',
          rawStatus: 'uploading',
          remainingSize: 0,
          progress: 1,
          outputPath: '/remote/dl/Movie.0001',
        }),
      ],
    };
    await tracker.refresh();
    let row = await repo.get(a.id);
    expect(row?.status).toBe('importBlocked');
    expect(row?.outputPath).toBe('/remote/dl/Movie.0001');
    expect(row?.statusMessages).toHaveLength(1);
    const issues = await tracker.healthIssues();
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toContain('Download client Seedbox qBittorrent reports files in /remote/dl/Movie.0001');
    expect(issues[0]?.message).toContain('remote path mapping for host seedbox');
    expect(events.some((e) => e.type === 'download.completed')).toBe(false);

    mappings = new PathMapper([{ host: 'seedbox', remotePath: '/remote/dl/', localPath: '/mnt/seedbox/' }]);
    existing.add('/mnt/seedbox/Movie.0001');
    await tracker.refresh();
    row = await repo.get(a.id);
    expect(row).toMatchObject({ status: 'completed', outputPath: '/mnt/seedbox/Movie.0001', statusMessages: [] });
    expect(events.filter((e) => e.type === 'download.completed')).toHaveLength(1);
    expect(await tracker.healthIssues()).toEqual([]);
  });

  it('a download that leaves the client is dropped after the grace time', async () => {
    const a = await insert({ downloadId: 'AAAA', lastSeen: new Date(T0).toISOString() });
    client.behaviour = { items: [] };
    await tracker.refresh();
    expect((await repo.get(a.id))?.status).toBe('grabbed');
    await clock.advance(6 * 60_000);
    await tracker.refresh();
    expect((await repo.get(a.id))?.status).toBe('removed');
    expect(events.at(-1)).toMatchObject({ type: 'queue.updated', data: { removedIds: [a.id] } });
  });

  it('adopts a download idkarr grabbed earlier (grabbed history) and ignores others', async () => {
    await new HistoryRepository(t.database.db).insertMany([
      {
        eventType: 'grabbed',
        date: new Date(T0).toISOString(),
        sourceTitle: 'Movie.0001.2001.1080p.BluRay.x264-GRP',
        quality: { quality: 'bluray-1080p', revision: { version: 1, real: 0 } },
        languages: [],
        customFormatScore: 0,
        movieId,
        seriesId: null,
        episodeId: null,
        downloadId: 'DDDD',
        data: { downloadClientId: 1, indexer: 'Fake Indexer', protocol: 'torrent' },
      },
    ]);
    client.behaviour = { items: [item('DDDD'), item('EEEE')] };
    const summary = await tracker.refresh();
    expect(summary.adopted).toBe(1);
    expect((await repo.activeForClient(1)).map((r) => [r.downloadId, r.movieId])).toEqual([['DDDD', movieId]]);
  });

  describe('usenet failure from a recorded SABnzbd history', () => {
    let fake: FakeHttpServer;
    let dir: string;
    beforeAll(async () => {
      fake = await FakeHttpServer.start();
      dir = mkdtempSync(join(tmpdir(), 'idkarr-sab-'));
    });
    afterAll(async () => {
      await fake?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('a failed job is marked failed with SABnzbd’s reason and blocklisted', async () => {
      const history = JSON.parse(readFileSync(join(SAB_FIXTURES, 'history.json'), 'utf8'));
      const slot = history.history.slots[0];
      Object.assign(slot, {
        status: 'Failed',
        category: 'movies',
        fail_message: 'Aborted, cannot be completed - https://sabnzbd.org/not-complete',
      });
      const queue = JSON.parse(readFileSync(join(SAB_FIXTURES, 'queue.json'), 'utf8'));
      queue.queue.slots = [];
      fake.route('GET', '/api', (req) => ({ status: 200, json: req.query.mode === 'history' ? history : queue }));
      fake.route('GET', '/sabnzbd/api', (req) => ({
        status: 200,
        json: req.query.mode === 'history' ? history : queue,
      }));
      const port = Number(new URL(fake.url).port);
      const sab = sabnzbdIntegration.create(
        sabnzbdIntegration.settings.parse({
          host: '127.0.0.1',
          port,
          apiKey: '0123456789abcdef0123456789abcdef',
          movieCategory: 'movies',
        }),
        {
          log: (await createLogger({ level: 'silent' })).logger,
          clock,
          kind: 'downloadclient',
          definitionId: 1,
          definitionName: 'SABnzbd',
        },
      ) as DownloadClientPort;
      const items = await sab.list();
      const failedItem = items.find((i) => i.downloadId === slot.nzo_id);
      expect(failedItem?.status).toBe('failed');
      client.behaviour = { items };
      const a = await insert({ downloadId: slot.nzo_id, protocol: 'usenet', guid: 'nzb-guid', infoHash: null });
      await tracker.refresh();
      const row = await repo.get(a.id);
      expect(['failed', 'removed']).toContain(row?.status);
      const h = await new HistoryRepository(t.database.db).page(
        { page: 1, pageSize: 10, sortDirection: 'descending' },
        { downloadId: slot.nzo_id },
      );
      expect(h.records[0]?.eventType).toBe('downloadFailed');
      expect(String(h.records[0]?.data.reason)).toContain('Aborted, cannot be completed');
      const blocked = await new BlocklistRepository(t.database.db).findMatches({
        guids: ['nzb-guid'],
        infoHashes: [],
        titles: [],
      });
      expect(blocked[0]?.protocol).toBe('usenet');
    });
  });
});
