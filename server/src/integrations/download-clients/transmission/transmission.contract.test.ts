// Transmission against a real transmission-daemon on loopback (started here; recipe in shared/docs/real-download-clients.md).
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, tempDir } from '../../../../test/support/daemons/common.js';
import {
  addSeedingSurvivor,
  expectRemovedWithData,
  expectTorrentUrlSeeds,
  torrentIn,
  waitForStatus,
} from '../../../../test/support/daemons/torrent-contract.js';
import { startTransmission, type TransmissionDaemon } from '../../../../test/support/daemons/transmission.js';
import { testMagnet } from '../../../../test/support/torrents.js';
import { systemClock } from '../../../lib/clock.js';
import { ConflictError, UnreachableError } from '../../../lib/errors.js';
import { TransmissionAdapter } from './adapter.js';
import { TransmissionApi } from './api.js';
import { transmissionSettings } from './settings.js';

let tr: TransmissionDaemon;
let payloadRoot: string;

beforeAll(async () => {
  tr = await startTransmission();
  payloadRoot = tempDir('tr-payload');
});
afterAll(async () => {
  await tr?.stop();
  if (payloadRoot) rmSync(payloadRoot, { recursive: true, force: true });
});

function client(overrides: Record<string, unknown> = {}) {
  const settings = transmissionSettings.parse({
    host: '127.0.0.1',
    port: tr.port,
    username: tr.username,
    password: tr.password,
    ...overrides,
  });
  return new TransmissionAdapter(settings, systemClock);
}

const rawApi = () =>
  new TransmissionApi({
    rpcUrl: `http://127.0.0.1:${tr.port}/transmission/rpc`,
    username: tr.username,
    password: tr.password,
    timeoutMs: 5000,
  });

describe('Transmission (real transmission-daemon)', () => {
  it('test() passes against RPC 16 with labels', async () => {
    expect(await client().test()).toEqual([]);
    expect((await rawApi().session())['rpc-version']).toBeGreaterThanOrEqual(16);
    expect((await client().healthCheck()).latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('test() against the wrong path is an error finding on urlBase', async () => {
    expect(await client({ urlBase: '/nope/' }).test()).toEqual([
      expect.objectContaining({ field: 'settings.urlBase', severity: 'error' }),
    ]);
  });

  it('test() with a wrong password is an error finding on the password (one attempt, no lockout)', async () => {
    const findings = await client({ password: 'wrong-password' }).test();
    expect(findings).toEqual([expect.objectContaining({ field: 'settings.password', severity: 'error' })]);
    expect(await client().test()).toEqual([]);
  });

  it('adds a magnet into <download dir>/<category> with the label and lists it as downloading', async () => {
    const magnet = testMagnet('Some.Show.S01E01.720p.HDTV-GRP');
    const t = client();
    const { downloadId } = await t.add({
      title: 'Some.Show.S01E01',
      mediaType: 'tv',
      source: { kind: 'magnet', uri: magnet.uri },
    });
    expect(downloadId).toBe(magnet.infoHash);
    const listed = (await t.list()).find((i) => i.downloadId === downloadId);
    expect(listed).toMatchObject({ category: 'tv-sonarr', status: 'downloading', rawStatus: 'downloading' });
    const [raw] = await rawApi().torrents([downloadId]);
    expect(raw).toMatchObject({ labels: ['tv-sonarr'], downloadDir: join(tr.downloadDir, 'tv-sonarr') });
    // A duplicate is reported by Transmission as "torrent-duplicate": an error for the caller.
    await expect(
      t.add({ title: 'x', mediaType: 'tv', source: { kind: 'magnet', uri: magnet.uri } }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it('pause and resume change the status; priority maps to bandwidthPriority', async () => {
    const magnet = testMagnet('Paused.Movie.2021.1080p.WEB-DL-GRP');
    const t = client({ addPaused: true });
    const { downloadId } = await t.add({
      title: 'Paused.Movie',
      mediaType: 'movie',
      source: { kind: 'magnet', uri: magnet.uri },
    });
    expect(await t.get(downloadId)).toMatchObject({ status: 'paused', rawStatus: 'stopped', category: 'radarr' });
    await t.resume(downloadId);
    await waitForStatus(t, downloadId, 'downloading');
    await t.pause(downloadId);
    await waitForStatus(t, downloadId, 'paused');
    await t.setPriority(downloadId, 'high');
    const [raw] = await rawApi()
      .call<{ torrents: { bandwidthPriority: number }[] }>('torrent-get', {
        ids: [downloadId.toLowerCase()],
        fields: ['bandwidthPriority'],
      })
      .then((r) => r.torrents);
    expect(raw?.bandwidthPriority).toBe(1);
  });

  it('sets the category (label); items outside its categories are not listed', async () => {
    const magnet = testMagnet('Cat.Movie.2019.720p.BluRay-GRP');
    const t = client();
    const { downloadId } = await t.add({
      title: 'Cat.Movie',
      mediaType: 'movie',
      source: { kind: 'magnet', uri: magnet.uri },
    });
    await t.setCategory(downloadId, 'tv-sonarr');
    expect((await t.get(downloadId))?.category).toBe('tv-sonarr');
    await t.setCategory(downloadId, 'somebody-else');
    expect((await t.get(downloadId))?.category).toBe('somebody-else');
    expect((await t.list()).map((i) => i.downloadId)).not.toContain(downloadId);
  });

  it('renews a stale session id (409) transparently', async () => {
    const t = client();
    await t.list();
    const api = (t as unknown as { api: { sessionId: string } }).api;
    api.sessionId = 'stale-session-id';
    await expect(t.list()).resolves.toBeInstanceOf(Array);
    expect(api.sessionId).not.toBe('stale-session-id');
  });

  it('reports a .torrent whose content is already on disk as completed with the real path; remove deletes the data', async () => {
    const tt = torrentIn(payloadRoot, 'movies', 'Real.Movie.2020.1080p.BluRay.x264-GRP');
    const t = client();
    expect(await t.completedOutputPath(tt.infoHash)).toBeNull();
    const { downloadId } = await t.add({
      title: tt.name,
      mediaType: 'movie',
      source: { kind: 'torrentFile', data: tt.data },
      savePath: tt.saveDir,
      seedRatio: 2,
      seedTimeMinutes: 30,
    });
    expect(downloadId).toBe(tt.infoHash);
    const done = await waitForStatus(t, downloadId, 'seeding');
    expect(done).toMatchObject({ progress: 1, remainingSize: 0, category: 'radarr', outputPath: tt.contentPath });
    expect(await t.completedOutputPath(downloadId)).toBe(tt.contentPath);
    expect(existsSync(tt.contentPath)).toBe(true);
    const raw = await rawApi().call<{ torrents: Record<string, number>[] }>('torrent-get', {
      ids: [downloadId.toLowerCase()],
      fields: ['seedRatioLimit', 'seedRatioMode', 'seedIdleLimit', 'seedIdleMode'],
    });
    expect(raw.torrents[0]).toEqual({ seedRatioLimit: 2, seedRatioMode: 1, seedIdleLimit: 30, seedIdleMode: 1 });

    await t.pause(downloadId);
    expect(await waitForStatus(t, downloadId, 'completed')).toMatchObject({ rawStatus: 'stopped' });
    expect(await t.completedOutputPath(downloadId)).toBe(tt.contentPath);

    await expectRemovedWithData(t, downloadId, tt);
  });

  it('adds from a torrent URL and reaches the completed state', async () => {
    await expectTorrentUrlSeeds(client(), payloadRoot);
  });

  it('a stopped daemon is an UnreachableError and test() points at the host; after a restart the same client works', async () => {
    const t = client();
    const { downloadId, tt: survivor } = await addSeedingSurvivor(t, payloadRoot);
    await tr.kill();
    await expect(t.list()).rejects.toBeInstanceOf(UnreachableError);
    await expect(t.healthCheck()).rejects.toBeInstanceOf(UnreachableError);
    expect(await client().test()).toEqual([expect.objectContaining({ field: 'settings.host', severity: 'error' })]);

    await tr.restart();
    const api = (t as unknown as { api: { sessionId: string } }).api;
    const stale = api.sessionId;
    expect(
      await eventually(
        'back after the restart',
        () => t.get(downloadId),
        (i) => i !== null,
      ),
    ).toMatchObject({
      downloadId,
      category: 'radarr',
      outputPath: survivor.contentPath,
    });
    expect(api.sessionId).not.toBe(stale);
  });
});
