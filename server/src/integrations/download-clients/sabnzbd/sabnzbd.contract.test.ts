// SABnzbd against the real daemon (Debian sabnzbdplus) on loopback, with a local NNTP server serving the
// articles of NZBs built from real content, so jobs download, post-process and complete (or fail) for real.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SabnzbdDaemon, startSabnzbd } from '../../../../test/support/daemons/sabnzbd.js';
import {
  nzbFile,
  startUsenetRig,
  stopUsenetRig,
  waitForItem,
} from '../../../../test/support/daemons/usenet-contract.js';
import type { FakeHttpServer } from '../../../../test/support/fake-http-server.js';
import type { NntpServer } from '../../../../test/support/nntp-server.js';
import { buildNzb } from '../../../../test/support/nzb.js';
import { systemClock } from '../../../lib/clock.js';
import { AuthError, UnreachableError } from '../../../lib/errors.js';
import type { DownloadItem, DownloadStatus } from '../../../providers/ports/download-client.port.js';
import { errorToFindings } from '../../../providers/test-findings.js';
import { SabnzbdAdapter } from './adapter.js';
import { sabnzbdIntegration } from './index.js';
import { mapHistorySlot, mapHistoryStatus, mapQueueStatus, parseTimeLeft } from './mapper.js';
import { sabnzbdSettings } from './settings.js';

let nntp: NntpServer;
let sab: SabnzbdDaemon;
let web: FakeHttpServer;

beforeAll(async () => {
  ({
    nntp,
    web,
    daemon: sab,
  } = await startUsenetRig((nntpPort) => startSabnzbd({ nntpPort, categories: ['movies', 'tv', 'anime'] })));
});
afterAll(() => stopUsenetRig({ nntp, web, daemon: sab }));

function adapter(overrides: Record<string, unknown> = {}) {
  const settings = sabnzbdSettings.parse({
    host: sab.host,
    port: sab.port,
    apiKey: sab.apiKey,
    movieCategory: 'movies',
    tvCategory: 'tv',
    animeCategory: 'anime',
    timeoutSeconds: 10,
    ...overrides,
  });
  return new SabnzbdAdapter(settings, systemClock);
}

const waitFor = (client: SabnzbdAdapter, id: string, done: (item: DownloadItem) => boolean, ms = 20_000) =>
  waitForItem(client, id, done, { ms, intervalMs: 200 });

describe('SABnzbd test() and errors', () => {
  it('passes with the right key and existing categories', async () => {
    expect(await adapter().test()).toEqual([]);
    expect((await adapter().healthCheck()).latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('reports a wrong API key on the apiKey field', async () => {
    const err = await adapter({ apiKey: 'wrongwrongwrongwrongwrongwrong00' })
      .test()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    const findings = errorToFindings(sabnzbdIntegration, err, ['wrongwrongwrongwrongwrongwrong00']);
    expect(findings).toEqual([expect.objectContaining({ field: 'settings.apiKey', severity: 'error' })]);
    expect(findings[0]?.message).not.toContain('wrongwrongwrongwrongwrongwrong00');
  });

  it('reports a category SABnzbd does not have on that field', async () => {
    const findings = await adapter({ tvCategory: 'no-such-cat' }).test();
    expect(findings).toEqual([expect.objectContaining({ field: 'settings.tvCategory', severity: 'error' })]);
  });
});

describe('SABnzbd jobs', () => {
  it('downloads an uploaded NZB to completed; the output path is the real file', async () => {
    const content = randomBytes(300_000);
    const nzb = buildNzb('Some.Movie.2020.1080p.BluRay.x264-GRP', [{ name: 'some.movie.2020.1080p.mkv', content }]);
    nntp.add(nzb.articles);
    const client = adapter();
    const { downloadId } = await client.add({
      title: nzb.title,
      mediaType: 'movie',
      source: nzbFile(nzb.xml, 'Some.Movie.nzb'),
    });
    expect(downloadId).toMatch(/^SABnzbd_nzo_/);
    const listed = (await client.list()).find((i) => i.downloadId === downloadId);
    expect(listed).toMatchObject({ title: nzb.title, category: 'movies' });
    expect(['queued', 'downloading', 'checking', 'completed']).toContain(listed?.status);

    const done = await waitFor(
      client,
      downloadId,
      (i) => i.status !== 'downloading' && i.status !== 'queued' && i.status !== 'checking',
    );
    expect(done).toMatchObject({ status: 'completed', rawStatus: 'Completed', category: 'movies', progress: 1 });
    const path = await client.completedOutputPath(downloadId);
    expect(path).toBe(join(sab.completeDir, 'movies', nzb.title, 'some.movie.2020.1080p.mkv'));
    expect(Buffer.compare(readFileSync(path!), content)).toBe(0);
    expect(nntp.fetched).toEqual(expect.arrayContaining(nzb.articles.map((a) => a.messageId)));
  });

  it('adds an NZB by URL; a job whose articles are missing ends failed with SABnzbd’s message', async () => {
    const nzb = buildNzb('Other.Show.S01E01.720p.HDTV.x264-GRP', [
      { name: 'other.show.s01e01.mkv', content: randomBytes(100_000) },
    ]); // articles never given to the NNTP server
    web.route('GET', '/nzb/other.nzb', { body: nzb.xml, headers: { 'content-type': 'application/x-nzb' } });
    const client = adapter();
    const { downloadId } = await client.add({
      title: nzb.title,
      mediaType: 'tv',
      source: { kind: 'nzbUrl', url: `${web.url}/nzb/other.nzb` },
    });
    const failed = await waitFor(client, downloadId, (i) => i.status === 'failed' || i.status === 'completed');
    expect(failed).toMatchObject({ status: 'failed', rawStatus: 'Failed', category: 'tv', outputPath: null });
    expect(failed.message).toBeTruthy();
    expect(await client.completedOutputPath(downloadId)).toBeNull();
    expect(web.requestsTo('/nzb/other.nzb')).toHaveLength(1);
  });

  it('a URL that cannot be fetched ends failed', async () => {
    const client = adapter();
    const { downloadId } = await client.add({
      title: 'Missing.Show.S01E02.720p.HDTV.x264-GRP',
      mediaType: 'anime',
      source: { kind: 'nzbUrl', url: `${web.url}/nzb/does-not-exist.nzb` },
    });
    const failed = await waitFor(client, downloadId, (i) => i.status === 'failed');
    expect(failed.category).toBe('anime');
    expect(failed.message).toMatch(/URL Fetching failed|not on server|404/i);
  });

  it('pauses, resumes, changes category and priority, and removes a queued job with its data', async () => {
    const nzb = buildNzb('Slow.Movie.2021.720p.WEB.x264-GRP', [
      { name: 'slow.movie.mkv', content: randomBytes(200_000) },
    ]);
    nntp.add(nzb.articles);
    nntp.hold(nzb.articles.map((a) => a.messageId)); // keeps the job downloading while resumed
    const client = adapter();
    const { downloadId } = await client.add({
      title: nzb.title,
      mediaType: 'movie',
      paused: true,
      source: nzbFile(nzb.xml, 'slow.nzb'),
    });
    expect(await client.get(downloadId)).toMatchObject({ status: 'paused', rawStatus: 'Paused', category: 'movies' });

    await client.resume(downloadId);
    const resumed = await waitFor(client, downloadId, (i) => i.status !== 'paused', 5000);
    expect(['queued', 'downloading']).toContain(resumed.status);

    await client.pause(downloadId);
    expect((await client.get(downloadId))?.status).toBe('paused');

    await client.setCategory(downloadId, 'tv');
    expect((await client.get(downloadId))?.category).toBe('tv');
    await client.setPriority(downloadId, 'high');

    const jobDir = join(sab.incompleteDir, nzb.title);
    expect(existsSync(jobDir)).toBe(true);
    await client.remove(downloadId, true);
    expect(await client.get(downloadId)).toBeNull();
    expect(existsSync(jobDir)).toBe(false);
    nntp.release();
  });

  it('a stopped daemon is UnreachableError', async () => {
    const client = adapter();
    await sab.kill();
    await expect(client.healthCheck()).rejects.toBeInstanceOf(UnreachableError);
    await expect(client.list()).rejects.toBeInstanceOf(UnreachableError);
  });
});

describe('SABnzbd status map', () => {
  it.each<[string, boolean, DownloadStatus]>([
    ['Downloading', false, 'downloading'],
    ['Queued', false, 'queued'],
    ['Queued', true, 'paused'],
    ['Paused', false, 'paused'],
    ['Grabbing', false, 'queued'],
    ['Propagating', false, 'queued'],
    ['Checking', false, 'checking'],
    ['Whatever', false, 'unknown'],
  ])('queue %s (queue paused %s) → %s', (raw, paused, status) => {
    expect(mapQueueStatus(raw, paused)).toBe(status);
  });

  it.each<[string, DownloadStatus]>([
    ['Completed', 'completed'],
    ['Failed', 'failed'],
    ['Queued', 'downloading'],
    ['Extracting', 'downloading'],
    ['Moving', 'downloading'],
    ['Verifying', 'checking'],
    ['Repairing', 'checking'],
  ])('history %s → %s', (raw, status) => {
    expect(mapHistoryStatus(raw)).toBe(status);
  });

  it('holds back "Completed" until SABnzbd reports where the payload is', () => {
    const slot = { nzo_id: 'a', name: 'x', status: 'Completed', category: 'tv', bytes: 5 };
    expect(mapHistorySlot({ ...slot, storage: '' }).status).toBe('downloading');
    expect(mapHistorySlot({ ...slot, storage: '/c/tv/x' })).toMatchObject({
      status: 'completed',
      outputPath: '/c/tv/x',
    });
  });

  it('parses time left', () => {
    expect(parseTimeLeft('0:00:00')).toBeNull();
    expect(parseTimeLeft('1:02:03')).toBe(3723);
    expect(parseTimeLeft('1:00:00:05')).toBe(86405);
  });
});
