// rTorrent against a real rtorrent behind lighttpd's SCGI bridge on loopback (started here; recipe in
// shared/docs/real-download-clients.md).
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/support/daemons/common.js';
import { type RtorrentDaemon, startRtorrent } from '../../../../test/support/daemons/rtorrent.js';
import {
  expectRemovedWithData,
  expectTorrentUrlSeeds,
  torrentIn,
  waitForStatus,
} from '../../../../test/support/daemons/torrent-contract.js';
import { testMagnet } from '../../../../test/support/torrents.js';
import { systemClock } from '../../../lib/clock.js';
import { ProtocolError, UnreachableError } from '../../../lib/errors.js';
import { RtorrentAdapter } from './adapter.js';
import { RtorrentApi } from './api.js';
import { rtorrentSettings } from './settings.js';

let rt: RtorrentDaemon;
let payloadRoot: string;

beforeAll(async () => {
  rt = await startRtorrent();
  payloadRoot = tempDir('rt-payload');
});
afterAll(async () => {
  await rt?.stop();
  if (payloadRoot) rmSync(payloadRoot, { recursive: true, force: true });
});

function client(overrides: Record<string, unknown> = {}) {
  const settings = rtorrentSettings.parse({
    host: '127.0.0.1',
    port: rt.port,
    username: rt.username,
    password: rt.password,
    ...overrides,
  });
  return new RtorrentAdapter(settings, systemClock);
}

const rawApi = () =>
  new RtorrentApi({
    url: `http://127.0.0.1:${rt.port}/RPC2`,
    username: rt.username,
    password: rt.password,
    timeoutMs: 5000,
  });

describe('rTorrent (real rtorrent behind lighttpd)', () => {
  it('test() passes (version, d.multicall2) and the health check answers', async () => {
    expect(await client().test()).toEqual([]);
    expect(await rawApi().call('system.client_version')).toBe('0.9.8');
    expect((await client().healthCheck()).latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('test() against the wrong path is an error finding on xmlRpcPath', async () => {
    expect(await client({ xmlRpcPath: 'nope' }).test()).toEqual([
      expect.objectContaining({ field: 'settings.xmlRpcPath', severity: 'error' }),
    ]);
  });

  it('test() with a wrong password is an error finding on the password', async () => {
    const findings = await client({ password: 'wrong-password' }).test();
    expect(findings).toEqual([expect.objectContaining({ field: 'settings.password', severity: 'error' })]);
  });

  it('adds a magnet with the label and lists it as downloading (upper-case hash, HASH.meta name)', async () => {
    const magnet = testMagnet('Some.Show.S01E01.720p.HDTV-GRP');
    const r = client();
    const { downloadId } = await r.add({
      title: 'Some.Show.S01E01',
      mediaType: 'tv',
      source: { kind: 'magnet', uri: magnet.uri },
    });
    expect(downloadId).toBe(magnet.infoHash);
    const listed = (await r.list()).find((i) => i.downloadId === downloadId);
    expect(listed).toMatchObject({
      category: 'tv-sonarr',
      status: 'downloading',
      rawStatus: 'started',
      title: `${downloadId}.meta`,
      // Nobody else is on loopback: zero sources, as numbers so the no-sources rule can act on them.
      seeds: 0,
      peers: 0,
    });
    expect(await r.get(downloadId)).toMatchObject({ category: 'tv-sonarr', status: 'downloading', seeds: 0, peers: 0 });
  });

  it('a trackerless magnet that rTorrent silently drops is an error, not a success', async () => {
    const hash = randomBytes(20).toString('hex');
    await expect(
      client().add({
        title: 'x',
        mediaType: 'movie',
        source: { kind: 'magnet', uri: `magnet:?xt=urn:btih:${hash}&dn=x` },
      }),
    ).rejects.toBeInstanceOf(ProtocolError);
    expect(await client().get(hash)).toBeNull();
  });

  it('adds stopped, then resume and pause change the status; set category and priority', async () => {
    const magnet = testMagnet('Paused.Movie.2021.1080p.WEB-DL-GRP');
    const r = client({ addStopped: true });
    const { downloadId } = await r.add({
      title: 'Paused.Movie',
      mediaType: 'movie',
      source: { kind: 'magnet', uri: magnet.uri },
      priority: 'high',
    });
    expect(await r.get(downloadId)).toMatchObject({ status: 'paused', rawStatus: 'stopped', category: 'radarr' });
    expect(await rawApi().call('d.priority', [downloadId])).toBe(3);
    await r.resume(downloadId);
    expect(await r.get(downloadId)).toMatchObject({ status: 'downloading' });
    await r.pause(downloadId);
    expect(await r.get(downloadId)).toMatchObject({ status: 'paused' });
    await r.setPriority(downloadId, 'low');
    expect(await rawApi().call('d.priority', [downloadId])).toBe(1);
    await r.setCategory(downloadId, 'tv-sonarr');
    expect((await r.get(downloadId))?.category).toBe('tv-sonarr');
    await r.setCategory(downloadId, 'someone-else');
    expect((await r.list()).map((i) => i.downloadId)).not.toContain(downloadId);
    expect(await client({ movieCategory: '', tvCategory: '', animeCategory: '' }).list()).toEqual(
      expect.arrayContaining([expect.objectContaining({ downloadId, category: 'someone-else' })]),
    );
  });

  it('reports a .torrent whose content is already on disk as completed with the real path; remove deletes the data', async () => {
    const t = torrentIn(payloadRoot, 'movies dir', 'Real.Movie.2020.1080p.BluRay.x264-GRP');
    const r = client();
    expect(await r.completedOutputPath(t.infoHash)).toBeNull();
    const { downloadId } = await r.add({
      title: t.name,
      mediaType: 'movie',
      source: { kind: 'torrentFile', data: t.data },
      savePath: t.saveDir,
    });
    expect(downloadId).toBe(t.infoHash);
    const done = await waitForStatus(r, downloadId, 'seeding');
    expect(done).toMatchObject({
      progress: 1,
      remainingSize: 0,
      category: 'radarr',
      title: t.name,
      outputPath: t.contentPath,
      seeds: expect.any(Number),
      peers: expect.any(Number),
    });
    expect(await r.completedOutputPath(downloadId)).toBe(t.contentPath);
    expect(existsSync(t.contentPath)).toBe(true);

    await r.pause(downloadId);
    expect(await r.get(downloadId)).toMatchObject({
      status: 'completed',
      rawStatus: 'stopped,complete',
      canMoveFiles: true,
    });
    expect(await r.completedOutputPath(downloadId)).toBe(t.contentPath);

    await expectRemovedWithData(r, downloadId, t);
    expect(existsSync(t.saveDir)).toBe(true); // only the payload, not the folder it was saved in
  });

  it('remove without data leaves the files', async () => {
    const t = torrentIn(payloadRoot, 'keep', 'Kept.Show.S02E03.720p.WEB-GRP');
    const r = client();
    const { downloadId } = await r.add({
      title: t.name,
      mediaType: 'tv',
      source: { kind: 'torrentFile', data: t.data },
      savePath: t.saveDir,
    });
    await waitForStatus(r, downloadId, 'seeding');
    await r.remove(downloadId, false);
    expect(await r.get(downloadId)).toBeNull();
    expect(existsSync(t.files[0]!)).toBe(true);
  });

  it('adds from a torrent URL and reaches the completed state', async () => {
    await expectTorrentUrlSeeds(client(), payloadRoot);
  });

  it('a stopped rtorrent behind a live bridge is an UnreachableError; after a restart its torrents are back', async () => {
    const r = client();
    const magnet = testMagnet('Survivor.Movie.2018.720p.BluRay-GRP');
    const { downloadId } = await r.add({
      title: 'Survivor',
      mediaType: 'movie',
      source: { kind: 'magnet', uri: magnet.uri },
    });
    await rt.killRtorrent();
    await expect(r.list()).rejects.toBeInstanceOf(UnreachableError);
    await expect(r.healthCheck()).rejects.toBeInstanceOf(UnreachableError);
    expect(await client().test()).toEqual([expect.objectContaining({ field: 'settings.host', severity: 'error' })]);

    await rt.restartRtorrent();
    expect(await r.get(downloadId)).toMatchObject({ downloadId, category: 'radarr' });
  });
});
