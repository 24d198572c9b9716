// POST /api/v1/history/failed/:id through the composed app on both dialects: the user marks a grab failed → the
// tracked download is failed with a `downloadFailed` history record, the release is blocklisted, and a search for
// the same items is queued (MoviesSearch for a movie, EpisodeSearch for episodes) — the behaviour with the default
// settings. Unknown or untracked history records answer 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EpisodeRepository } from '../../src/db/repositories/episode.repository.js';
import { HistoryRepository } from '../../src/db/repositories/history.repository.js';
import { MovieRepository } from '../../src/db/repositories/movie.repository.js';
import { ProviderDefinitionRepository } from '../../src/db/repositories/provider-definition.repository.js';
import { SeriesRepository } from '../../src/db/repositories/series.repository.js';
import { TrackedDownloadRepository } from '../../src/db/repositories/tracked-download.repository.js';
import { qbittorrentSettings } from '../../src/integrations/download-clients/qbittorrent/settings.js';
import type { NewTrackedDownload, TrackedDownload } from '../../src/services/downloads/download.types.js';
import { type AppHarness, startApp } from '../support/app-harness.js';
import { DIALECTS } from '../support/databases.js';
import { episodeMeta, newMovie, newSeries } from '../support/library-factories.js';

const quality = { quality: 'bluray-1080p', revision: { version: 1, real: 0 } };

function download(n: number, clientId: number, over: Partial<NewTrackedDownload>): NewTrackedDownload {
  const added = new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString();
  return {
    downloadClientId: clientId,
    downloadId: `FAILHASH${n}`,
    protocol: 'torrent',
    title: `Release.${n}.1080p.BluRay.x264-GRP`,
    indexer: 'Fake Indexer',
    indexerId: null,
    guid: `fail-guid-${n}`,
    infoHash: `failhash${n}`,
    size: 1_000_000,
    remainingSize: 500_000,
    progress: 0.5,
    etaSeconds: 60,
    clientStatus: 'downloading',
    quality,
    languages: ['english'],
    release: {
      guid: `fail-guid-${n}`,
      infoHash: `failhash${n}`,
      releaseGroup: 'GRP',
      customFormatScore: 0,
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
    lastProgress: 500_000,
    seedRatio: null,
    seedTimeMinutes: null,
    importAttempts: 0,
    ...over,
  };
}

describe.each(DIALECTS)('POST /history/failed/:id (%s)', (dialect) => {
  let h: AppHarness;
  let clientId: number;
  let tracked: TrackedDownloadRepository;
  let history: HistoryRepository;
  let movieId: number;
  let seriesId: number;
  let episodeIds: number[];
  const api = (method: 'GET' | 'POST', url: string) =>
    h.app.http.inject({ method, url: `/api/v1${url}`, headers: h.authHeaders() });

  beforeAll(async () => {
    h = await startApp(dialect, { env: { IDKARR_LOG_LEVEL: 'warn' } });
    const db = h.app.database.db;
    // Nothing listens on port 1: removing the download from the client fails, which must not stop the rest.
    clientId = (
      await new ProviderDefinitionRepository(db).insert(
        'downloadclient',
        {
          implementation: 'qbittorrent',
          name: 'Local qBittorrent',
          enabled: true,
          tags: [],
          settings: qbittorrentSettings.parse({ host: '127.0.0.1', port: 1 }),
        },
        new Date().toISOString(),
      )
    ).id;
    movieId = (await new MovieRepository(db).insert(newMovie(1))).id;
    seriesId = (await new SeriesRepository(db).insert(newSeries(1))).id;
    const episodes = new EpisodeRepository(db);
    await episodes.upsertMany(seriesId, [
      { ...episodeMeta(1, 1), monitored: true },
      { ...episodeMeta(1, 2), monitored: true },
    ]);
    episodeIds = (await episodes.listBySeries(seriesId)).map((e) => e.id);
    tracked = new TrackedDownloadRepository(db);
    history = new HistoryRepository(db);
  });
  afterAll(async () => h?.close());

  /** A tracked download and the `grabbed` history record the user would click. */
  async function grabbed(t: TrackedDownload): Promise<number> {
    const [record] = await history.insertMany(
      (t.episodeIds.length ? t.episodeIds : [null]).map((episodeId) => ({
        eventType: 'grabbed' as const,
        date: t.added,
        sourceTitle: t.title,
        quality,
        languages: ['english'],
        customFormatScore: 0,
        movieId: t.movieId,
        seriesId: t.seriesId,
        episodeId,
        downloadId: t.downloadId,
        data: { indexer: t.indexer, guid: t.guid },
      })),
    );
    return record!.id;
  }
  const commands = async (name: string) =>
    ((await api('GET', '/command?limit=1000')).json() as { name: string; body: unknown; trigger: string }[]).filter(
      (c) => c.name === name,
    );

  it('a movie grab: failed + history, blocklisted, MoviesSearch queued for the movie', async () => {
    const t = await tracked.insert(download(1, clientId, { movieId }));
    const historyId = await grabbed(t);

    const res = await api('POST', `/history/failed/${historyId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ trackedDownloadId: t.id });

    expect((await tracked.get(t.id))?.status).toBe('failed');
    const failed = (await api('GET', `/history?movieId=${movieId}&eventType=downloadFailed`)).json();
    expect(failed.records).toEqual([
      expect.objectContaining({
        sourceTitle: t.title,
        downloadId: t.downloadId,
        data: expect.objectContaining({ reason: 'marked as failed by the user' }),
      }),
    ]);
    const blocklist = (await api('GET', '/blocklist?pageSize=100')).json();
    expect(blocklist.records).toEqual([expect.objectContaining({ sourceTitle: t.title, movieId })]);
    await expect
      .poll(() => commands('MoviesSearch'), { timeout: 10_000, interval: 50 })
      .toEqual([expect.objectContaining({ body: { movieIds: [movieId] }, trigger: 'system' })]);
  });

  it('an episode grab: one failed record per episode, blocklisted, EpisodeSearch queued for its episodes', async () => {
    const t = await tracked.insert(download(2, clientId, { mediaType: 'tv', seriesId, episodeIds }));
    const historyId = await grabbed(t);

    expect((await api('POST', `/history/failed/${historyId}`)).statusCode).toBe(200);
    const failed = (await api('GET', `/history?seriesId=${seriesId}&eventType=downloadFailed`)).json();
    expect(failed.records.map((r: { episodeId: number }) => r.episodeId).sort()).toEqual([...episodeIds].sort());
    const blocklist = (await api('GET', '/blocklist?pageSize=100')).json();
    expect(blocklist.records).toContainEqual(expect.objectContaining({ sourceTitle: t.title, seriesId }));
    await expect
      .poll(() => commands('EpisodeSearch'), { timeout: 10_000, interval: 50 })
      .toEqual([expect.objectContaining({ body: { episodeIds }, trigger: 'system' })]);
  });

  it('404 for an unknown history record and for one whose download is not tracked', async () => {
    expect((await api('POST', '/history/failed/999999')).statusCode).toBe(404);
    const [orphan] = await history.insertMany([
      {
        eventType: 'grabbed',
        date: new Date().toISOString(),
        sourceTitle: 'Orphan.Release.1080p-GRP',
        quality,
        languages: [],
        customFormatScore: 0,
        movieId,
        seriesId: null,
        episodeId: null,
        downloadId: 'NOT-TRACKED',
        data: {},
      },
    ]);
    const res = await api('POST', `/history/failed/${orphan!.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toMatch(/not tracked/);
  });
});
