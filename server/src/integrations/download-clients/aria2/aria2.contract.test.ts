// aria2 against the real aria2c (Debian aria2) on loopback: direct links from a local HTTP server download for
// real, a .torrent whose data is already in place verifies to completed, magnets sit at metadata offline.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Aria2Daemon, startAria2 } from '../../../../test/support/daemons/aria2.js';
import { waitForItem } from '../../../../test/support/daemons/usenet-contract.js';
import { FakeHttpServer } from '../../../../test/support/fake-http-server.js';
import { makeTestTorrent, testMagnet } from '../../../../test/support/torrents.js';
import { systemClock } from '../../../lib/clock.js';
import { AuthError, UnreachableError, ValidationError } from '../../../lib/errors.js';
import type { DownloadItem, DownloadStatus } from '../../../providers/ports/download-client.port.js';
import { errorToFindings } from '../../../providers/test-findings.js';
import { Aria2Adapter } from './adapter.js';
import { aria2Integration } from './index.js';
import { mapStatus } from './mapper.js';
import { aria2Settings } from './settings.js';

let aria2: Aria2Daemon;
let web: FakeHttpServer;

beforeAll(async () => {
  web = await FakeHttpServer.start();
  aria2 = await startAria2();
});

afterAll(async () => {
  await aria2?.stop();
  await web?.close();
});

function adapter(overrides: Record<string, unknown> = {}) {
  const settings = aria2Settings.parse({
    host: aria2.host,
    port: aria2.port,
    secret: aria2.secret,
    movieCategory: 'movies',
    tvCategory: 'tv',
    animeCategory: 'anime',
    timeoutSeconds: 10,
    ...overrides,
  });
  return new Aria2Adapter(settings, systemClock);
}

const waitFor = (client: Aria2Adapter, id: string, done: (i: DownloadItem) => boolean, ms = 15_000) =>
  waitForItem(client, id, done, { ms, intervalMs: 100, noun: 'download' });

describe('aria2 test() and errors', () => {
  it('passes with the right secret', async () => {
    expect(await adapter().test()).toEqual([]);
    expect((await adapter().healthCheck()).latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('reports a wrong secret on the secret field', async () => {
    const err = await adapter({ secret: 'wrong-secret-value' })
      .test()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    const findings = errorToFindings(aria2Integration, err, ['wrong-secret-value']);
    expect(findings).toEqual([expect.objectContaining({ field: 'settings.secret', severity: 'error' })]);
  });

  it('refuses NZBs', async () => {
    await expect(
      adapter().add({
        title: 'x',
        mediaType: 'movie',
        source: { kind: 'nzbUrl', url: 'http://127.0.0.1/x.nzb' },
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('aria2 downloads', () => {
  it('downloads a direct link to completed in the category folder; the output path is the real file', async () => {
    const content = randomBytes(1024 * 1024);
    web.route('GET', '/files/some.movie.2020.1080p.mkv', { body: content });
    const client = adapter();
    const { downloadId } = await client.add({
      title: 'Some.Movie.2020.1080p.BluRay.x264-GRP',
      mediaType: 'movie',
      source: { kind: 'torrentUrl', url: `${web.url}/files/some.movie.2020.1080p.mkv` },
    });
    expect(downloadId).toMatch(/^[0-9a-f]{16}$/);
    const done = await waitFor(client, downloadId, (i) => i.status === 'completed' || i.status === 'failed');
    expect(done).toMatchObject({ status: 'completed', rawStatus: 'complete', category: 'movies', progress: 1 });
    const path = await client.completedOutputPath(downloadId);
    expect(path).toBe(join(aria2.downloadDir, 'movies', 'some.movie.2020.1080p.mkv'));
    expect(Buffer.compare(readFileSync(path!), content)).toBe(0);
    expect((await client.list()).map((i) => i.downloadId)).toContain(downloadId);
  });

  it('a link that answers 404 ends failed with aria2’s message', async () => {
    const client = adapter();
    const { downloadId } = await client.add({
      title: 'Gone',
      mediaType: 'tv',
      source: { kind: 'torrentUrl', url: `${web.url}/files/gone.mkv` },
    });
    const failed = await waitFor(client, downloadId, (i) => i.status === 'failed' || i.status === 'completed');
    expect(failed).toMatchObject({ status: 'failed', rawStatus: 'error', category: 'tv', outputPath: null });
    expect(failed.message).toBeTruthy();
    await client.remove(downloadId, false);
    expect(await client.get(downloadId)).toBeNull();
  });

  it('verifies a .torrent whose data is in place to completed, id = info-hash, path = the payload', async () => {
    const torrent = makeTestTorrent({
      saveDir: join(aria2.downloadDir, 'tv'),
      torrentDir: join(aria2.dir, 'torrents'),
      name: 'Some.Show.S01E01.720p.HDTV.x264-GRP',
    });
    const client = adapter();
    const { downloadId } = await client.add({
      title: torrent.name,
      mediaType: 'tv',
      seedTimeMinutes: 0,
      source: { kind: 'torrentFile', data: torrent.data, fileName: `${torrent.name}.torrent` },
    });
    expect(downloadId).toBe(torrent.infoHash);
    const done = await waitFor(client, downloadId, (i) => i.status === 'completed' || i.status === 'seeding');
    expect(done).toMatchObject({ title: torrent.name, category: 'tv', progress: 1 });
    expect(await client.completedOutputPath(downloadId)).toBe(torrent.contentPath);
    await client.remove(downloadId, false);
    expect(await client.get(downloadId)).toBeNull();
    // Without deleteData the payload stays.
    for (const f of torrent.files) expect(existsSync(f)).toBe(true);
  });

  it('remove with data deletes the torrent’s files and its emptied folder, nothing else in the directory', async () => {
    const saveDir = join(aria2.downloadDir, 'movies');
    const torrent = makeTestTorrent({
      saveDir,
      torrentDir: join(aria2.dir, 'torrents'),
      name: 'Deleted.Movie.2021.1080p.BluRay.x264-GRP',
    });
    // Neighbours aria2 does not list: another download's file in the same category folder must survive.
    const neighbour = join(saveDir, 'neighbour.mkv');
    writeFileSync(neighbour, 'not part of the download');
    const client = adapter();
    const { downloadId } = await client.add({
      title: torrent.name,
      mediaType: 'movie',
      source: { kind: 'torrentFile', data: torrent.data, fileName: `${torrent.name}.torrent` },
    });
    await waitFor(client, downloadId, (i) => i.status === 'completed' || i.status === 'seeding');
    await client.remove(downloadId, true);
    expect(await client.get(downloadId)).toBeNull();
    for (const f of torrent.files) expect(existsSync(f)).toBe(false);
    expect(existsSync(torrent.contentPath)).toBe(false);
    expect(existsSync(saveDir)).toBe(true);
    expect(existsSync(neighbour)).toBe(true);
    expect(existsSync(torrent.torrentFile)).toBe(true);
  });

  it('remove with data deletes a direct download’s file; without, it stays', async () => {
    web.route('GET', '/files/kept.mkv', { body: randomBytes(64 * 1024) });
    web.route('GET', '/files/dropped.mkv', { body: randomBytes(64 * 1024) });
    const client = adapter();
    const kept = await client.add({
      title: 'kept',
      mediaType: 'tv',
      source: { kind: 'torrentUrl', url: `${web.url}/files/kept.mkv` },
    });
    const dropped = await client.add({
      title: 'dropped',
      mediaType: 'tv',
      source: { kind: 'torrentUrl', url: `${web.url}/files/dropped.mkv` },
    });
    for (const { downloadId } of [kept, dropped]) await waitFor(client, downloadId, (i) => i.status === 'completed');
    const keptPath = (await client.completedOutputPath(kept.downloadId))!;
    const droppedPath = (await client.completedOutputPath(dropped.downloadId))!;
    await client.remove(kept.downloadId, false);
    await client.remove(dropped.downloadId, true);
    expect(existsSync(keptPath)).toBe(true);
    expect(existsSync(droppedPath)).toBe(false);
    expect(existsSync(join(aria2.downloadDir, 'tv'))).toBe(true);
  });

  it('adds a magnet (id = info-hash), pauses, resumes, changes category and removes it', async () => {
    const magnet = testMagnet('Other.Show.S02E03.1080p.WEB.h264-GRP');
    const client = adapter();
    const { downloadId } = await client.add({
      title: 'Other.Show.S02E03.1080p.WEB.h264-GRP',
      mediaType: 'tv',
      source: { kind: 'magnet', uri: magnet.uri },
    });
    expect(downloadId).toBe(magnet.infoHash);
    const listed = (await client.list()).find((i) => i.downloadId === downloadId);
    expect(listed).toMatchObject({ status: 'downloading', rawStatus: 'active', category: 'tv', totalSize: 0 });

    await client.pause(downloadId);
    expect(await client.get(downloadId)).toMatchObject({ status: 'paused', rawStatus: 'paused' });
    await client.setCategory(downloadId, 'anime');
    expect((await client.get(downloadId))?.category).toBe('anime');
    await client.setPriority(downloadId, 'high');
    await client.resume(downloadId);
    expect(['downloading', 'queued']).toContain((await client.get(downloadId))?.status);

    await client.remove(downloadId, true);
    expect(await client.get(downloadId)).toBeNull();
    expect((await client.list()).some((i) => i.downloadId === downloadId)).toBe(false);
  });

  it('adds paused', async () => {
    const magnet = testMagnet('Paused.Movie.2019.720p.BluRay.x264-GRP');
    const client = adapter();
    const { downloadId } = await client.add({
      title: 'Paused.Movie.2019',
      mediaType: 'movie',
      paused: true,
      source: { kind: 'magnet', uri: magnet.uri },
    });
    expect(await client.get(downloadId)).toMatchObject({ status: 'paused', category: 'movies' });
    await client.remove(downloadId, false);
  });

  it('a stopped daemon is UnreachableError', async () => {
    const client = adapter();
    await aria2.kill();
    await expect(client.healthCheck()).rejects.toBeInstanceOf(UnreachableError);
    await expect(client.list()).rejects.toBeInstanceOf(UnreachableError);
  });
});

describe('aria2 status map', () => {
  it.each<[string, Record<string, string>, DownloadStatus]>([
    ['active', {}, 'downloading'],
    ['active', { infoHash: 'ab', totalLength: '10', completedLength: '10' }, 'seeding'],
    ['active', { seeder: 'true' }, 'seeding'],
    ['active', { totalLength: '10', completedLength: '10' }, 'downloading'],
    ['waiting', {}, 'queued'],
    ['paused', {}, 'paused'],
    ['error', {}, 'failed'],
    ['complete', {}, 'completed'],
    ['removed', {}, 'failed'],
    ['other', {}, 'unknown'],
  ])('%s %j → %s', (status, extra, expected) => {
    expect(mapStatus({ status, ...extra })).toBe(expected);
  });
});
