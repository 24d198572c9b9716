// NZBGet against the real daemon (Debian nzbget) on loopback, with a local NNTP server serving the articles of
// NZBs built from real content: jobs download and complete (or fail) for real.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NzbgetDaemon, startNzbget } from '../../../../test/support/daemons/nzbget.js';
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
import { NzbgetAdapter } from './adapter.js';
import { nzbgetIntegration } from './index.js';
import { mapGroup, mapHistoryStatus, mapQueueStatus } from './mapper.js';
import { nzbgetSettings } from './settings.js';

let nntp: NntpServer;
let nzbget: NzbgetDaemon;
let web: FakeHttpServer;

beforeAll(async () => {
  ({
    nntp,
    web,
    daemon: nzbget,
  } = await startUsenetRig((nntpPort) => startNzbget({ nntpPort, categories: ['movies', 'tv', 'anime'] })));
});
afterAll(() => stopUsenetRig({ nntp, web, daemon: nzbget }));

function adapter(overrides: Record<string, unknown> = {}) {
  const settings = nzbgetSettings.parse({
    host: nzbget.host,
    port: nzbget.port,
    username: nzbget.username,
    password: nzbget.password,
    movieCategory: 'movies',
    tvCategory: 'tv',
    animeCategory: 'anime',
    timeoutSeconds: 10,
    ...overrides,
  });
  return new NzbgetAdapter(settings, systemClock);
}

const waitFor = (client: NzbgetAdapter, id: string, done: (i: DownloadItem) => boolean, ms = 20_000) =>
  waitForItem(client, id, done, { ms });

const settled = (i: DownloadItem) => ['completed', 'failed', 'warning'].includes(i.status);

describe('NZBGet test() and errors', () => {
  it('passes with the right credentials and existing categories', async () => {
    expect(await adapter().test()).toEqual([]);
    expect((await adapter().healthCheck()).latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('reports a wrong password on the password field', async () => {
    const err = await adapter({ password: 'not-the-password' })
      .test()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    const findings = errorToFindings(nzbgetIntegration, err, ['not-the-password']);
    expect(findings).toEqual([expect.objectContaining({ field: 'settings.password', severity: 'error' })]);
  });

  it('reports a category NZBGet does not have on that field', async () => {
    const findings = await adapter({ movieCategory: 'films' }).test();
    expect(findings).toEqual([expect.objectContaining({ field: 'settings.movieCategory', severity: 'error' })]);
  });
});

describe('NZBGet jobs', () => {
  it('downloads an appended NZB to completed; the output path holds the real file', async () => {
    const content = randomBytes(300_000);
    const nzb = buildNzb('Some.Movie.2020.1080p.BluRay.x264-GRP', [{ name: 'some.movie.2020.1080p.mkv', content }]);
    nntp.add(nzb.articles);
    const client = adapter();
    const { downloadId } = await client.add({
      title: nzb.title,
      mediaType: 'movie',
      source: nzbFile(nzb.xml, 'x.nzb'),
    });
    expect(downloadId).toMatch(/^\d+$/);
    const listed = (await client.list()).find((i) => i.downloadId === downloadId);
    expect(listed).toMatchObject({ title: nzb.title, category: 'movies' });

    const done = await waitFor(client, downloadId, settled);
    expect(done).toMatchObject({ status: 'completed', category: 'movies', progress: 1 });
    expect(done.rawStatus).toMatch(/^SUCCESS\//);
    const path = await client.completedOutputPath(downloadId);
    expect(path).toBe(join(nzbget.destDir, 'movies', nzb.title));
    expect(Buffer.compare(readFileSync(join(path!, 'some.movie.2020.1080p.mkv')), content)).toBe(0);
  });

  it('adds an NZB by URL; a job whose articles are missing ends failed', async () => {
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
    const failed = await waitFor(client, downloadId, settled);
    expect(failed).toMatchObject({ status: 'failed', category: 'tv', outputPath: null });
    expect(failed.rawStatus).toMatch(/^(FAILURE|DELETED)\//);
    expect(failed.message).toContain(failed.rawStatus);
    expect(await client.completedOutputPath(downloadId)).toBeNull();
    expect(web.requestsTo('/nzb/other.nzb')).toHaveLength(1);
  });

  it('a URL that cannot be fetched ends FAILURE/FETCH', async () => {
    const client = adapter();
    const { downloadId } = await client.add({
      title: 'Missing.Show.S01E02',
      mediaType: 'anime',
      source: { kind: 'nzbUrl', url: `${web.url}/nzb/missing.nzb` },
    });
    const failed = await waitFor(client, downloadId, settled);
    expect(failed).toMatchObject({ status: 'failed', rawStatus: 'FAILURE/FETCH', category: 'anime' });
  });

  it('adds paused, and removes a job without touching history', async () => {
    const nzb = buildNzb('Paused.Show.S02E01', [{ name: 'p.mkv', content: randomBytes(50_000) }]);
    nntp.add(nzb.articles);
    const client = adapter();
    const { downloadId } = await client.add({
      title: nzb.title,
      mediaType: 'tv',
      paused: true,
      source: nzbFile(nzb.xml, 'p.nzb'),
    });
    expect(await client.get(downloadId)).toMatchObject({ status: 'paused', rawStatus: 'PAUSED', category: 'tv' });
    await client.remove(downloadId, false);
    expect(await client.get(downloadId)).toBeNull();
  });

  it('pauses, resumes, changes category and priority, and removes a downloading job with its data', async () => {
    const nzb = buildNzb(
      'Slow.Movie.2021.720p.WEB.x264-GRP',
      [
        { name: 'first.bin', content: randomBytes(40_000) },
        { name: 'second.bin', content: randomBytes(150_000) },
      ],
      64 * 1024,
    );
    const second = nzb.articles.filter((a) => a.messageId.includes('.f1.')).map((a) => a.messageId);
    expect(second).toHaveLength(3);
    nntp.add(nzb.articles);
    nntp.hold(second); // the second file's articles wait: the job stays downloading
    const client = adapter();
    const { downloadId } = await client.add({
      title: nzb.title,
      mediaType: 'movie',
      source: nzbFile(nzb.xml, 's.nzb'),
    });
    const jobDir = join(nzbget.interDir, `${nzb.title}.#${downloadId}`);
    await waitFor(
      client,
      downloadId,
      (i) => i.status === 'downloading' && existsSync(jobDir) && readdirSync(jobDir).length > 0,
    );

    await client.pause(downloadId);
    nntp.release(); // articles in flight finish; the rest stays paused
    const paused = await waitFor(client, downloadId, (i) => i.status === 'paused', 10_000);
    expect(paused).toMatchObject({ rawStatus: 'PAUSED', category: 'movies' });
    expect(paused.remainingSize).toBeGreaterThan(0);

    nntp.hold(second);
    await client.resume(downloadId);
    const resumed = await waitFor(client, downloadId, (i) => i.status !== 'paused', 5000);
    expect(['queued', 'downloading']).toContain(resumed.status);

    await client.setCategory(downloadId, 'tv');
    expect((await client.get(downloadId))?.category).toBe('tv');
    await client.setPriority(downloadId, 'high');

    await client.remove(downloadId, true);
    expect(await client.get(downloadId)).toBeNull();
    await expect.poll(() => existsSync(jobDir), { timeout: 5000 }).toBe(false);
    nntp.release();
  });

  it('a stopped daemon is UnreachableError', async () => {
    const client = adapter();
    await nzbget.kill();
    await expect(client.healthCheck()).rejects.toBeInstanceOf(UnreachableError);
    await expect(client.list()).rejects.toBeInstanceOf(UnreachableError);
  });
});

describe('NZBGet status map', () => {
  it.each<[string, DownloadStatus]>([
    ['QUEUED', 'queued'],
    ['PAUSED', 'paused'],
    ['DOWNLOADING', 'downloading'],
    ['FETCHING', 'queued'],
    ['PP_QUEUED', 'downloading'],
    ['REPAIRING', 'checking'],
    ['UNPACKING', 'downloading'],
    ['PP_FINISHED', 'downloading'],
    ['NEW_STATE', 'unknown'],
  ])('queue %s → %s', (raw, status) => expect(mapQueueStatus(raw)).toBe(status));

  it.each<[string, DownloadStatus]>([
    ['SUCCESS/ALL', 'completed'],
    ['SUCCESS/HEALTH', 'completed'],
    ['WARNING/SCRIPT', 'completed'],
    ['WARNING/DAMAGED', 'warning'],
    ['WARNING/REPAIRABLE', 'warning'],
    ['FAILURE/HEALTH', 'failed'],
    ['FAILURE/FETCH', 'failed'],
    ['FAILURE/UNPACK', 'failed'],
    ['DELETED/MANUAL', 'failed'],
    ['DELETED/DUPE', 'failed'],
  ])('history %s → %s', (raw, status) => expect(mapHistoryStatus(raw)).toBe(status));

  it('a QUEUED group whose remaining size is all paused is paused; sizes combine Hi/Lo', () => {
    const g = {
      NZBID: 3,
      NZBName: 'x',
      Status: 'QUEUED',
      Category: '',
      FileSizeLo: 0,
      FileSizeHi: 1,
      RemainingSizeLo: 100,
      RemainingSizeHi: 0,
      PausedSizeLo: 100,
      PausedSizeHi: 0,
    };
    expect(mapGroup(g, 0)).toMatchObject({ status: 'paused', totalSize: 2 ** 32, remainingSize: 100, category: null });
  });
});
