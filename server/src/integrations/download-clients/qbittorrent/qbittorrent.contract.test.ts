// qBittorrent against a real qbittorrent-nox on loopback (started here; recipe in shared/docs/real-download-clients.md).
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, tempDir } from '../../../../test/support/daemons/common.js';
import { type QbittorrentDaemon, startQbittorrent } from '../../../../test/support/daemons/qbittorrent.js';
import { expectRemovedWithData, torrentIn, waitForStatus } from '../../../../test/support/daemons/torrent-contract.js';
import { serveTorrent, testMagnet } from '../../../../test/support/torrents.js';
import { systemClock } from '../../../lib/clock.js';
import { ConflictError, UnreachableError } from '../../../lib/errors.js';
import { QbittorrentAdapter } from './adapter.js';
import { QbittorrentApi } from './api.js';
import { qbittorrentSettings } from './settings.js';

let qbt: QbittorrentDaemon;
let payloadRoot: string;

beforeAll(async () => {
  qbt = await startQbittorrent();
  payloadRoot = tempDir('qbt-payload');
});
afterAll(async () => {
  await qbt?.stop();
  if (payloadRoot) (await import('node:fs')).rmSync(payloadRoot, { recursive: true, force: true });
});

function client(overrides: Record<string, unknown> = {}) {
  const settings = qbittorrentSettings.parse({
    host: '127.0.0.1',
    port: qbt.port,
    username: qbt.username,
    password: qbt.password,
    movieCategory: 'radarr',
    tvCategory: 'tv-sonarr',
    animeCategory: 'anime-sonarr',
    ...overrides,
  });
  return new QbittorrentAdapter(settings, systemClock);
}

const rawApi = () =>
  new QbittorrentApi({
    baseUrl: `http://127.0.0.1:${qbt.port}`,
    username: qbt.username,
    password: qbt.password,
    timeoutMs: 5000,
  });

describe('qBittorrent (real qbittorrent-nox)', () => {
  it('test() passes, reports nothing and creates the missing categories', async () => {
    expect(Object.keys(await rawApi().categories())).not.toContain('anime-sonarr');
    expect(await client().test()).toEqual([]);
    expect(Object.keys(await rawApi().categories())).toEqual(
      expect.arrayContaining(['radarr', 'tv-sonarr', 'anime-sonarr']),
    );
    expect((await client().healthCheck()).latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('test() against the wrong path is an error finding on urlBase', async () => {
    expect(await client({ urlBase: '/nope' }).test()).toEqual([
      expect.objectContaining({ field: 'settings.urlBase', severity: 'error' }),
    ]);
  });

  it('test() with a wrong password is an error finding on the password, and does not lock the account', async () => {
    const findings = await client({ password: 'wrong-password' }).test();
    expect(findings).toEqual([expect.objectContaining({ field: 'settings.password', severity: 'error' })]);
    expect(findings[0]?.message).not.toContain('wrong-password');
    expect(await client().test()).toEqual([]);
  });

  it('adds a magnet with the media type category and lists it as downloading (metaDL)', async () => {
    const magnet = testMagnet('Some.Show.S01E01.720p.HDTV-GRP');
    const qb = client();
    const { downloadId } = await qb.add({
      title: 'Some.Show.S01E01',
      mediaType: 'tv',
      source: { kind: 'magnet', uri: magnet.uri },
    });
    expect(downloadId).toBe(magnet.infoHash);
    const item = await eventually(
      'listed',
      () => qb.list(),
      (l) => l.some((i) => i.downloadId === downloadId),
    );
    expect(item.find((i) => i.downloadId === downloadId)).toMatchObject({
      category: 'tv-sonarr',
      status: 'downloading',
      title: 'Some.Show.S01E01.720p.HDTV-GRP',
    });
    expect(['metaDL', 'stalledDL', 'queuedDL']).toContain((await qb.get(downloadId))?.rawStatus);
    // qBittorrent answers "Fails." to a duplicate: an error, never a silent success.
    await expect(
      qb.add({ title: 'x', mediaType: 'tv', source: { kind: 'magnet', uri: magnet.uri } }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it('adds paused when the initial state is pause, then resume and pause change the status', async () => {
    const magnet = testMagnet('Paused.Movie.2021.1080p.WEB-DL-GRP');
    const qb = client({ initialState: 'pause' });
    const { downloadId } = await qb.add({
      title: 'Paused.Movie',
      mediaType: 'movie',
      source: { kind: 'magnet', uri: magnet.uri },
    });
    expect(await waitForStatus(qb, downloadId, 'paused')).toMatchObject({
      category: 'radarr',
      rawStatus: 'pausedDL',
    });
    await qb.resume(downloadId);
    await eventually(
      'resumed',
      () => qb.get(downloadId),
      (i) => i?.status === 'downloading' || i?.status === 'queued',
    );
    await qb.pause(downloadId);
    await waitForStatus(qb, downloadId, 'paused');
  });

  it('sets a category, creating it when missing, and the post-import category', async () => {
    const magnet = testMagnet('Cat.Movie.2019.720p.BluRay-GRP');
    const qb = client({ postImportCategory: 'radarr-imported' });
    const { downloadId } = await qb.add({
      title: 'Cat.Movie',
      mediaType: 'movie',
      source: { kind: 'magnet', uri: magnet.uri },
    });
    await qb.setCategory(downloadId, 'tv-sonarr');
    expect((await qb.get(downloadId))?.category).toBe('tv-sonarr');
    await qb.setCategory(downloadId, 'brand-new-category');
    expect((await qb.get(downloadId))?.category).toBe('brand-new-category');
    await qb.markImported(downloadId);
    expect((await qb.get(downloadId))?.category).toBe('radarr-imported');
    // The post-import category is one of this definition's categories, so the item stays listed.
    expect((await qb.list()).map((i) => i.downloadId)).toContain(downloadId);
  });

  it('logs in again once when the session is no longer valid (403)', async () => {
    const qb = client();
    await qb.list();
    const api = (qb as unknown as { api: { sid: string | null } }).api;
    expect(api.sid).toMatch(/\w+/);
    api.sid = 'expired-session-id';
    await expect(qb.list()).resolves.toBeInstanceOf(Array);
    expect(api.sid).not.toBe('expired-session-id');
  });

  it('reports a .torrent whose content is already on disk as completed, with the real output path; remove deletes it', async () => {
    const t = torrentIn(payloadRoot, 'movies', 'Real.Movie.2020.1080p.BluRay.x264-GRP');
    const qb = client();
    expect(await qb.completedOutputPath(t.infoHash)).toBeNull();
    const { downloadId } = await qb.add({
      title: t.name,
      mediaType: 'movie',
      source: { kind: 'torrentFile', data: t.data, fileName: `${t.name}.torrent` },
      savePath: t.saveDir,
      seedRatio: 1.5,
      seedTimeMinutes: 90,
    });
    expect(downloadId).toBe(t.infoHash);
    const done = await waitForStatus(qb, downloadId, 'seeding');
    expect(done).toMatchObject({ progress: 1, remainingSize: 0, category: 'radarr', outputPath: t.contentPath });
    expect(await qb.completedOutputPath(downloadId)).toBe(t.contentPath);
    expect(existsSync(t.contentPath)).toBe(true);
    const [raw] = await rawApi().torrents({ hashes: [downloadId] });
    expect(raw).toMatchObject({ ratio_limit: 1.5, seeding_time_limit: 90 });

    await qb.pause(downloadId);
    const stopped = await waitForStatus(qb, downloadId, 'completed');
    expect(stopped).toMatchObject({ rawStatus: 'pausedUP', canMoveFiles: true });
    expect(await qb.completedOutputPath(downloadId)).toBe(t.contentPath);

    await expectRemovedWithData(qb, downloadId, t);
  });

  it('adds from a torrent URL with force start, sequential order and first/last piece priority', async () => {
    const t = torrentIn(payloadRoot, 'url', 'Url.Show.S03E04.1080p.WEB-GRP');
    const served = await serveTorrent(t.data);
    try {
      const qb = client({ initialState: 'force_start', sequentialDownload: true, firstAndLastPiecePriority: true });
      const { downloadId } = await qb.add({
        title: t.name,
        mediaType: 'anime',
        source: { kind: 'torrentUrl', url: served.url },
        savePath: t.saveDir,
      });
      expect(downloadId).toBe(t.infoHash);
      const [raw] = await rawApi().torrents({ hashes: [downloadId] });
      expect(raw).toMatchObject({ category: 'anime-sonarr' });
      expect(raw as unknown as Record<string, unknown>).toMatchObject({
        force_start: true,
        seq_dl: true,
        f_l_piece_prio: true,
      });
      await eventually(
        'forcedUP after the check',
        () => qb.get(downloadId),
        (i) => i?.rawStatus === 'forcedUP',
      );
      expect((await qb.get(downloadId))?.status).toBe('seeding');
    } finally {
      await served.close();
    }
  });

  it('remove without data leaves the files', async () => {
    const t = torrentIn(payloadRoot, 'keep', 'Kept.Show.S02E03.720p.WEB-GRP');
    const qb = client();
    const { downloadId } = await qb.add({
      title: t.name,
      mediaType: 'tv',
      source: { kind: 'torrentFile', data: t.data },
      savePath: t.saveDir,
    });
    await waitForStatus(qb, downloadId, 'seeding');
    await qb.remove(downloadId, false);
    await eventually(
      'gone',
      () => qb.get(downloadId),
      (i) => i === null,
    );
    expect(existsSync(t.files[0]!)).toBe(true);
  });

  it('a stopped daemon is an UnreachableError and test() points at the host; after a restart the same client logs in again', async () => {
    const qb = client();
    const magnet = testMagnet('Survivor.Movie.2018.720p.BluRay-GRP');
    const { downloadId } = await qb.add({
      title: 'Survivor',
      mediaType: 'movie',
      source: { kind: 'magnet', uri: magnet.uri },
    });
    await qbt.kill();
    await expect(qb.list()).rejects.toBeInstanceOf(UnreachableError);
    await expect(qb.healthCheck()).rejects.toBeInstanceOf(UnreachableError);
    expect(await client().test()).toEqual([expect.objectContaining({ field: 'settings.host', severity: 'error' })]);

    await qbt.restart();
    const api = (qb as unknown as { api: { sid: string | null } }).api;
    const staleSid = api.sid;
    // The old session died with the process: the next call gets 403, logs in once more and succeeds.
    expect(await qb.get(downloadId)).toMatchObject({ downloadId, category: 'radarr' });
    expect(api.sid).not.toBe(staleSid);
  });
});
