// The queue, history and remote path mapping APIs on both dialects through the composed app: page shape and
// pagination across tracked downloads and pending releases, items loaded in batches, status counts, removal
// (single, bulk, with blocklist, pending), history filters, mapping validation and conflicts.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { EpisodeRepository } from '../../src/db/repositories/episode.repository.js';
import { HistoryRepository } from '../../src/db/repositories/history.repository.js';
import { MovieRepository } from '../../src/db/repositories/movie.repository.js';
import { PendingReleaseRepository } from '../../src/db/repositories/pending-release.repository.js';
import { ProviderDefinitionRepository } from '../../src/db/repositories/provider-definition.repository.js';
import { SeriesRepository } from '../../src/db/repositories/series.repository.js';
import { TrackedDownloadRepository } from '../../src/db/repositories/tracked-download.repository.js';
import type { AnyEvent } from '../../src/events/event-bus.js';
import { qbittorrentSettings } from '../../src/integrations/download-clients/qbittorrent/settings.js';
import type { NewTrackedDownload, TrackedStatus } from '../../src/services/downloads/download.types.js';
import { type AppHarness, startApp } from '../support/app-harness.js';
import { DIALECTS } from '../support/databases.js';
import { episodeMeta, newMovie, newSeries } from '../support/library-factories.js';

const quality = { quality: 'bluray-1080p', revision: { version: 1, real: 0 } };

function entry(n: number, over: Partial<NewTrackedDownload>): NewTrackedDownload {
  const added = new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString();
  return {
    downloadClientId: 0,
    downloadId: `HASH${String(n).padStart(4, '0')}`,
    protocol: 'torrent',
    title: `Release.${n}.1080p.BluRay.x264-GRP`,
    indexer: 'Fake Indexer',
    indexerId: null,
    guid: `guid-${n}`,
    infoHash: `hash${n}`,
    size: 1_000_000,
    remainingSize: 250_000,
    progress: 0.75,
    etaSeconds: 125,
    clientStatus: 'downloading',
    quality,
    languages: ['english'],
    release: {
      guid: `guid-${n}`,
      infoHash: `hash${n}`,
      releaseGroup: 'GRP',
      customFormatScore: 5,
      customFormats: [],
      publishDate: null,
      downloadUrl: null,
    },
    mediaType: 'movie',
    movieId: null,
    seriesId: null,
    episodeIds: [],
    status: 'downloading',
    statusMessages: [],
    outputPath: null,
    added,
    lastSeen: added,
    lastProgressAt: added,
    lastProgress: 250_000,
    seedRatio: null,
    seedTimeMinutes: null,
    importAttempts: 0,
    ...over,
  };
}

describe.each(DIALECTS)('queue, history and remote path mapping API (%s)', (dialect) => {
  let h: AppHarness;
  let events: AnyEvent[];
  let clientId: number;
  let movieIds: number[];
  let seriesId: number;
  let episodeIds: number[];
  let pendingIds: number[];
  const ids: Record<string, number> = {};
  const api = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    h.app.http.inject({
      method,
      url: `/api/v1${url}`,
      headers: h.authHeaders(),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  beforeAll(async () => {
    h = await startApp(dialect, { env: { IDKARR_LOG_LEVEL: 'warn' } });
    events = [];
    h.app.events.onAny((e) => events.push(e));
    const db = h.app.database.db;
    clientId = (
      await new ProviderDefinitionRepository(db).insert(
        'downloadclient',
        {
          implementation: 'qbittorrent',
          name: 'NAS qBittorrent',
          enabled: true,
          tags: [],
          settings: qbittorrentSettings.parse({ host: 'nas', port: 1 }),
        },
        new Date().toISOString(),
      )
    ).id;
    const movies = new MovieRepository(db);
    movieIds = [(await movies.insert(newMovie(1))).id, (await movies.insert(newMovie(2))).id];
    seriesId = (await new SeriesRepository(db).insert(newSeries(1))).id;
    const episodes = new EpisodeRepository(db);
    await episodes.upsertMany(seriesId, [
      { ...episodeMeta(1, 1), monitored: true },
      { ...episodeMeta(1, 2), monitored: true },
    ]);
    episodeIds = (await episodes.listBySeries(seriesId)).map((e) => e.id);
    const tracked = new TrackedDownloadRepository(db);
    const statuses: TrackedStatus[] = ['downloading', 'completed', 'importBlocked', 'failed', 'grabbed'];
    for (let n = 1; n <= 23; n++) {
      const isSeries = n % 2 === 0;
      const t = await tracked.insert(
        entry(n, {
          downloadClientId: clientId,
          status: statuses[n % statuses.length] as TrackedStatus,
          ...(isSeries ? { seriesId, episodeIds, mediaType: 'tv' } : { movieId: movieIds[n % 2] as number }),
          ...(n === 4 ? { statusMessages: [{ title: 'Download failed', messages: ['stalled'] }] } : {}),
        }),
      );
      ids[`t${n}`] = t.id;
    }
    // Not in the queue: imported and removed entries.
    await tracked.insert(entry(90, { downloadClientId: clientId, status: 'imported', movieId: movieIds[0] as number }));
    await tracked.insert(entry(91, { downloadClientId: clientId, status: 'removed', movieId: movieIds[0] as number }));
    const pending = new PendingReleaseRepository(db);
    pendingIds = [];
    for (const n of [1, 2]) {
      const p = await pending.save({
        movieId: movieIds[0] as number,
        seriesId: null,
        episodeIds: [],
        guid: `pending-${n}`,
        indexerId: null,
        title: `Pending.Release.${n}.2160p.WEB-DL`,
        quality: 'webdl-2160p',
        revision: { version: 1, real: 0 },
        customFormatScore: 0,
        release: { protocol: 'usenet', indexer: 'Fake Indexer', size: 5_000 },
        reason: 'delay',
        added: new Date(Date.UTC(2026, 0, 2, 0, n)).toISOString(),
      });
      pendingIds.push(p.id);
    }
  });
  afterAll(async () => h?.close());

  type QueueRecord = Record<string, unknown>;
  type QueuePage = { page: number; pageSize: number; totalRecords: number; records: QueueRecord[] };

  it('pages tracked downloads, then pending releases, with items, quality, size, ETA and state', async () => {
    const first = await api('GET', '/queue?page=1&pageSize=10');
    expect(first.statusCode, first.body).toBe(200);
    const p1: QueuePage = first.json();
    expect(p1).toMatchObject({ page: 1, pageSize: 10, totalRecords: 25 });
    expect(p1.records).toHaveLength(10);
    expect(p1.records[0]).toEqual({
      id: ids.t1,
      source: 'download',
      downloadClientId: clientId,
      downloadClient: 'NAS qBittorrent',
      downloadId: 'HASH0001',
      protocol: 'torrent',
      title: 'Release.1.1080p.BluRay.x264-GRP',
      indexer: 'Fake Indexer',
      movieId: movieIds[1],
      movie: { id: movieIds[1], title: 'Movie 0002', year: 2002 },
      seriesId: null,
      series: null,
      episodeIds: [],
      episodes: [],
      quality,
      languages: ['english'],
      customFormatScore: 5,
      size: 1_000_000,
      sizeleft: 250_000,
      progress: 75,
      timeleft: '00:02:05',
      estimatedCompletionTime: expect.any(String),
      status: 'downloading',
      trackedDownloadStatus: 'ok',
      trackedDownloadState: 'completed',
      statusMessages: [],
      errorMessage: null,
      outputPath: null,
      added: '2026-01-01T00:01:00.000Z',
    });
    const seriesRecord = p1.records.find((r: QueueRecord) => r.id === ids.t2);
    expect(seriesRecord).toMatchObject({
      series: { id: seriesId, title: 'Series 0001' },
      episodes: [
        { id: episodeIds[0], seasonNumber: 1, episodeNumber: 1 },
        { id: episodeIds[1], seasonNumber: 1, episodeNumber: 2 },
      ],
    });
    const failed = p1.records.find((r: QueueRecord) => r.id === ids.t4);
    expect(failed).toMatchObject({ trackedDownloadState: 'grabbed', trackedDownloadStatus: 'warning' });
    expect(p1.records.find((r: QueueRecord) => r.id === ids.t3)).toMatchObject({
      trackedDownloadState: 'failed',
      trackedDownloadStatus: 'error',
    });

    const p3: QueuePage = (await api('GET', '/queue?page=3&pageSize=10')).json();
    expect(p3.records.map((r: QueueRecord) => r.source)).toEqual([
      'download',
      'download',
      'download',
      'pending',
      'pending',
    ]);
    expect(p3.records.slice(3).map((r: QueueRecord) => r.id)).toEqual(pendingIds.map((id) => -id));
    expect(p3.records[3]).toMatchObject({
      trackedDownloadState: 'pending',
      status: 'delay',
      protocol: 'usenet',
      movie: { id: movieIds[0] },
      quality: { quality: 'webdl-2160p' },
    });
    const noPending = (await api('GET', '/queue?page=3&pageSize=10&includePending=false')).json<QueuePage>();
    expect(noPending.totalRecords).toBe(23);
    expect(noPending.records).toHaveLength(3);
    const desc = (
      await api('GET', '/queue?pageSize=1&sortKey=title&sortDirection=descending&includePending=false')
    ).json<QueuePage>();
    expect(desc.records[0]?.title).toBe('Release.9.1080p.BluRay.x264-GRP');
    expect((await api('GET', '/queue?pageSize=0')).statusCode).toBe(400);
    expect((await api('GET', '/queue?sortKey=nope')).statusCode).toBe(400);
  });

  it('schedules RefreshMonitoredDownloads every minute', async () => {
    // Tasks are stored (and listed) once the scheduler starts.
    await h.app.scheduler.start();
    h.app.scheduler.stop();
    const tasks: Array<{ commandName: string; intervalMinutes: number }> = (await api('GET', '/system/task')).json();
    expect(tasks.find((t) => t.commandName === 'RefreshMonitoredDownloads')?.intervalMinutes).toBe(1);
  });

  it('counts by state', async () => {
    const s = (await api('GET', '/queue/status')).json();
    expect(s).toMatchObject({ totalCount: 25, count: 23, pendingCount: 2, errors: true });
    expect(s.states).toMatchObject({ failed: 5, importBlocked: 5, completed: 5, downloading: 4, grabbed: 4 });
  });

  it('removes entries: one, with blocklist, in bulk, pending; unknown → 404', async () => {
    expect((await api('DELETE', `/queue/${ids.t1}?removeFromClient=false`)).statusCode).toBe(204);
    expect(events.at(-1)).toMatchObject({ type: 'queue.updated', data: { removedIds: [ids.t1] } });
    expect((await api('GET', `/queue/${ids.t1}`)).statusCode).toBe(404);

    const b = await api('DELETE', `/queue/${ids.t3}?removeFromClient=false&blocklist=true&skipRedownload=true`);
    expect(b.statusCode, b.body).toBe(204);
    const blocked = await h.app.database.db.selectFrom('blocklist').selectAll().execute();
    expect(blocked.map((r) => r.guid)).toEqual(['guid-3']);
    const failedEvent = events.find((e) => e.type === 'download.failed');
    expect(failedEvent?.data).toMatchObject({ searchAgain: false });
    expect((await api('GET', `/queue/${ids.t3}`)).statusCode).toBe(404);

    const bulk = await api('DELETE', '/queue/bulk?removeFromClient=false', { ids: [ids.t5, ids.t6, 999_999] });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect(bulk.json()).toMatchObject({ removed: [ids.t5, ids.t6], failed: [{ id: 999_999 }] });

    expect((await api('DELETE', `/queue/${-(pendingIds[0] as number)}`)).statusCode).toBe(204);
    expect((await api('DELETE', '/queue/999999')).statusCode).toBe(404);
    const s = (await api('GET', '/queue/status')).json();
    expect(s).toMatchObject({ count: 19, pendingCount: 1 });
  });

  it('pushes queue.updated on the WebSocket', async () => {
    await h.app.http.listen({ host: '127.0.0.1', port: 0 });
    const port = (h.app.http.server.address() as AddressInfo).port;
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/v1/ws?apikey=${h.apiKey()}`);
    const messages: Array<{ type: string; data: { removedIds?: number[] } }> = [];
    ws.on('message', (d) => messages.push(JSON.parse(String(d))));
    const until = async (ok: () => boolean) => {
      for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
    };
    try {
      await until(() => messages.length > 0);
      expect((await api('DELETE', `/queue/${ids.t7}?removeFromClient=false`)).statusCode).toBe(204);
      await until(() => messages.some((m) => m.type === 'queue.updated'));
      expect(messages.find((m) => m.type === 'queue.updated')?.data.removedIds).toEqual([ids.t7]);
    } finally {
      ws.close();
    }
  });

  it('history: paged newest first, filtered by item, episode, event type and download id', async () => {
    const history = new HistoryRepository(h.app.database.db);
    const base = { sourceTitle: 'Some.Release', quality, languages: [], customFormatScore: 0, data: { indexer: 'X' } };
    await history.insertMany([
      {
        ...base,
        eventType: 'grabbed',
        date: '2026-02-01T00:00:00.000Z',
        movieId: movieIds[0] as number,
        seriesId: null,
        episodeId: null,
        downloadId: 'D1',
      },
      {
        ...base,
        eventType: 'downloadFolderImported',
        date: '2026-02-02T00:00:00.000Z',
        movieId: movieIds[0] as number,
        seriesId: null,
        episodeId: null,
        downloadId: 'D1',
      },
      {
        ...base,
        eventType: 'grabbed',
        date: '2026-02-03T00:00:00.000Z',
        movieId: null,
        seriesId,
        episodeId: episodeIds[0] as number,
        downloadId: 'D2',
      },
      {
        ...base,
        eventType: 'grabbed',
        date: '2026-02-03T00:00:00.000Z',
        movieId: null,
        seriesId,
        episodeId: episodeIds[1] as number,
        downloadId: 'D2',
      },
      {
        ...base,
        eventType: 'fileDeleted',
        date: '2026-02-04T00:00:00.000Z',
        movieId: movieIds[1] as number,
        seriesId: null,
        episodeId: null,
        downloadId: null,
      },
    ]);
    type HistoryPage = {
      totalRecords: number;
      records: Array<{ eventType: string; downloadId: string | null; date: string; episodeId: number | null }>;
    };
    const get = async (q: string): Promise<HistoryPage> => {
      const res = await api('GET', `/history?${q}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<HistoryPage>();
    };
    // The blocklisted removal above wrote a downloadFailed record too.
    const all = await get('pageSize=2');
    expect(all.totalRecords).toBe(6);
    expect(all.records.map((r) => r.eventType)).toEqual(['downloadFailed', 'fileDeleted']);
    expect((await get(`movieId=${movieIds[0]}`)).records.map((r) => r.eventType)).toEqual([
      'downloadFolderImported',
      'grabbed',
    ]);
    expect((await get(`seriesId=${seriesId}&episodeId=${episodeIds[1]}`)).records).toHaveLength(1);
    expect((await get('eventType=grabbed')).totalRecords).toBe(3);
    expect((await get('downloadId=D1&sortDirection=ascending')).records.map((r) => r.eventType)).toEqual([
      'grabbed',
      'downloadFolderImported',
    ]);
    expect((await get('page=2&pageSize=4')).records).toHaveLength(2);
    expect((await api('GET', '/history?eventType=nope')).statusCode).toBe(400);
  });

  it('remote path mappings: host must be a client host, paths normalised, duplicate → 409, CRUD', async () => {
    const created = await api('POST', '/remotepathmapping', {
      host: 'NAS',
      remotePath: '/downloads',
      localPath: '/mnt/nas/downloads',
    });
    expect(created.statusCode, created.body).toBe(201);
    const m = created.json<{ id: number }>();
    expect(m).toEqual({ id: m.id, host: 'nas', remotePath: '/downloads/', localPath: '/mnt/nas/downloads/' });
    const dup = await api('POST', '/remotepathmapping', {
      host: 'nas',
      remotePath: '/downloads/',
      localPath: '/elsewhere',
    });
    expect(dup.statusCode).toBe(409);
    const badHost = await api('POST', '/remotepathmapping', { host: 'seedbox', remotePath: '/x', localPath: '/y' });
    expect(badHost.statusCode).toBe(400);
    expect(badHost.json().errors).toEqual([
      expect.objectContaining({ field: 'host', message: expect.stringContaining('nas') }),
    ]);
    const relative = await api('POST', '/remotepathmapping', { host: 'nas', remotePath: '/x', localPath: 'y' });
    expect(relative.json().errors).toEqual([expect.objectContaining({ field: 'localPath' })]);
    const put = await api('PUT', `/remotepathmapping/${m.id}`, {
      host: 'nas',
      remotePath: '/dl',
      localPath: '/mnt/dl',
    });
    expect(put.json()).toMatchObject({ remotePath: '/dl/', localPath: '/mnt/dl/' });
    expect((await api('GET', '/remotepathmapping')).json()).toHaveLength(1);
    expect((await h.app.downloads.remotePathMappings.mapper()).toLocal('nas', '/dl/Movie')).toBe('/mnt/dl/Movie');
    expect((await api('DELETE', `/remotepathmapping/${m.id}`)).statusCode).toBe(204);
    expect((await api('GET', `/remotepathmapping/${m.id}`)).statusCode).toBe(404);
  });
});
