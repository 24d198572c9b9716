// Deluge against real deluged + deluge-web on loopback (started here; recipe in shared/docs/real-download-clients.md).
// deluge-web starts disconnected and the daemon without the Label plugin: the adapter connects and enables it.
import { existsSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, tempDir } from '../../../../test/support/daemons/common.js';
import { type DelugeDaemon, startDeluge } from '../../../../test/support/daemons/deluge.js';
import {
  addSeedingSurvivor,
  expectRemovedWithData,
  expectTorrentUrlSeeds,
  torrentIn,
  waitForStatus,
} from '../../../../test/support/daemons/torrent-contract.js';
import { testMagnet } from '../../../../test/support/torrents.js';
import { systemClock } from '../../../lib/clock.js';
import { ConflictError, UnreachableError } from '../../../lib/errors.js';
import { DelugeAdapter } from './adapter.js';
import { DelugeApi } from './api.js';
import { delugeSettings } from './settings.js';

let dl: DelugeDaemon;
let payloadRoot: string;

beforeAll(async () => {
  dl = await startDeluge();
  payloadRoot = tempDir('deluge-payload');
});
afterAll(async () => {
  await dl?.stop();
  if (payloadRoot) rmSync(payloadRoot, { recursive: true, force: true });
});

function client(overrides: Record<string, unknown> = {}) {
  const settings = delugeSettings.parse({ host: '127.0.0.1', port: dl.webPort, password: dl.password, ...overrides });
  return new DelugeAdapter(settings, systemClock);
}

const rawApi = () =>
  new DelugeApi({ baseUrl: `http://127.0.0.1:${dl.webPort}`, password: dl.password, timeoutMs: 5000 });

describe('Deluge (real deluged + deluge-web)', () => {
  it('test() connects deluge-web to the daemon, enables the Label plugin and creates the labels', async () => {
    const raw = rawApi();
    expect(await raw.connected()).toBe(false);
    expect(await client().test()).toEqual([]);
    expect(await raw.connected()).toBe(true);
    expect(await raw.call<string[]>('core.get_enabled_plugins')).toContain('Label');
    expect(await raw.call<string[]>('label.get_labels')).toEqual(expect.arrayContaining(['radarr', 'tv-sonarr']));
    expect((await client().healthCheck()).latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('test() against the wrong path is an error finding on urlBase', async () => {
    expect(await client({ urlBase: '/nope' }).test()).toEqual([
      expect.objectContaining({ field: 'settings.urlBase', severity: 'error' }),
    ]);
  });

  it('test() with a wrong password is an error finding on the password', async () => {
    const findings = await client({ password: 'wrong-password' }).test();
    expect(findings).toEqual([expect.objectContaining({ field: 'settings.password', severity: 'error' })]);
    expect(await client().test()).toEqual([]);
  });

  it('settings refuse labels the Label plugin would reject', () => {
    expect(delugeSettings.safeParse({ tvCategory: 'TV-Sonarr' }).success).toBe(false);
  });

  it('adds a magnet with the label and lists it as downloading; a duplicate is a conflict', async () => {
    const magnet = testMagnet('Some.Show.S01E01.720p.HDTV-GRP');
    const d = client();
    const { downloadId } = await d.add({
      title: 'Some.Show.S01E01',
      mediaType: 'tv',
      source: { kind: 'magnet', uri: magnet.uri },
    });
    expect(downloadId).toBe(magnet.infoHash);
    const listed = (await d.list()).find((i) => i.downloadId === downloadId);
    expect(listed).toMatchObject({ category: 'tv-sonarr', status: 'downloading', rawStatus: 'Downloading' });
    // Nobody else is on loopback: zero sources, reported as numbers so the no-sources rule can act on them.
    expect(listed).toMatchObject({ seeds: 0, peers: 0 });
    await expect(
      d.add({ title: 'x', mediaType: 'tv', source: { kind: 'magnet', uri: magnet.uri } }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it('pause and resume change the status; set category relabels', async () => {
    const magnet = testMagnet('Paused.Movie.2021.1080p.WEB-DL-GRP');
    const d = client({ addPaused: true });
    const { downloadId } = await d.add({
      title: 'Paused.Movie',
      mediaType: 'movie',
      source: { kind: 'magnet', uri: magnet.uri },
    });
    expect(await d.get(downloadId)).toMatchObject({ status: 'paused', rawStatus: 'Paused', category: 'radarr' });
    await d.resume(downloadId);
    await waitForStatus(d, downloadId, 'downloading');
    await d.pause(downloadId);
    await waitForStatus(d, downloadId, 'paused');
    await d.setCategory(downloadId, 'tv-sonarr');
    expect((await d.get(downloadId))?.category).toBe('tv-sonarr');
    await d.setCategory(downloadId, 'someone-else');
    expect((await d.get(downloadId))?.category).toBe('someone-else');
    expect((await d.list()).map((i) => i.downloadId)).not.toContain(downloadId);
  });

  it('reports a .torrent whose content is already on disk as completed with the real path; remove deletes the data', async () => {
    const t = torrentIn(payloadRoot, 'movies', 'Real.Movie.2020.1080p.BluRay.x264-GRP');
    const d = client();
    expect(await d.completedOutputPath(t.infoHash)).toBeNull();
    const { downloadId } = await d.add({
      title: t.name,
      mediaType: 'movie',
      source: { kind: 'torrentFile', data: t.data, fileName: `${t.name}.torrent` },
      savePath: t.saveDir,
      seedRatio: 3,
    });
    expect(downloadId).toBe(t.infoHash);
    const done = await waitForStatus(d, downloadId, 'seeding');
    expect(done).toMatchObject({ progress: 1, remainingSize: 0, category: 'radarr', outputPath: t.contentPath });
    expect(done).toMatchObject({ seeds: expect.any(Number), peers: expect.any(Number) });
    expect(await d.completedOutputPath(downloadId)).toBe(t.contentPath);
    expect(existsSync(t.contentPath)).toBe(true);
    const raw = await rawApi().call<Record<string, { stop_at_ratio: boolean; stop_ratio: number }>>(
      'core.get_torrents_status',
      [{ id: [downloadId.toLowerCase()] }, ['stop_at_ratio', 'stop_ratio']],
    );
    expect(raw[downloadId.toLowerCase()]).toEqual({ stop_at_ratio: true, stop_ratio: 3 });

    await d.pause(downloadId);
    expect(await waitForStatus(d, downloadId, 'completed')).toMatchObject({
      rawStatus: 'Paused',
    });
    expect(await d.completedOutputPath(downloadId)).toBe(t.contentPath);

    await expectRemovedWithData(d, downloadId, t);
  });

  it('adds from a torrent URL and reaches the completed state', async () => {
    await expectTorrentUrlSeeds(client(), payloadRoot);
  });

  it('a stopped daemon behind a live deluge-web is an UnreachableError; after a restart the client reconnects', async () => {
    const d = client();
    const { downloadId, tt: survivor } = await addSeedingSurvivor(d, payloadRoot);
    await dl.killDaemon();
    await expect(d.list()).rejects.toBeInstanceOf(UnreachableError);
    await expect(d.healthCheck()).rejects.toBeInstanceOf(UnreachableError);
    expect(await client().test()).toEqual([expect.objectContaining({ field: 'settings.host', severity: 'error' })]);

    await dl.restartDaemon();
    // deluge-web lost its daemon connection; the same adapter connects it again on the next call.
    expect(
      await eventually(
        'back after the restart',
        () => d.get(downloadId),
        (i) => i !== null,
      ),
    ).toMatchObject({
      downloadId,
      category: 'radarr',
      outputPath: survivor.contentPath,
    });
    expect(await rawApi().connected()).toBe(true);
  });
});
