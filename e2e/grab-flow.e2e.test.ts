// The grab flow in the browser, against real torrents: Settings → Indexers adds a Torznab indexer (a local fake
// listing the releases) and Settings → Download clients a real qbittorrent-nox, each tested before saving; the
// movie's interactive search lists an accepted and a rejected release and grabs the accepted one; Activity → Queue
// then shows the real download's progress rising over the WebSocket until it is imported. The content comes from
// a second qbittorrent-nox seeding on loopback (support/torrent-loop), and the downloader is rate-limited so the
// transfer lasts long enough to watch. The three tests are one journey and run in order.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, serveTmdb, TMDB_KEY } from '../server/test/medium/library-api.support.js';
import type { FeedItem } from '../server/test/medium/search-support.js';
import { FakeHttpServer } from '../server/test/support/fake-http-server.js';
import { type Browser, launchBrowser, loginWithApi } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';
import { limitDownloadRate, serveTorznab, startTorrentLoop, type TorrentLoop } from './support/torrent-loop.js';

const ACCEPTED = { guid: 'fight-club-grp', name: 'Fight.Club.1999.1080p.BluRay.x264-GRP', sizeBytes: 8 * 1024 * 1024 };
const REJECTED = 'Fight.Club.1999.720p.HDTV.x264-OTHER';
/** 8 MiB at 256 KiB/s: about 30 s of transfer in many steps, so a slow box still sees it mid-way. */
const RATE = 256 * 1024;
const TIMEOUT = { timeout: 60_000 };

describe.sequential('Grab flow with a real download client', () => {
  let fake: FakeHttpServer;
  let loop: TorrentLoop;
  let server: RunningServer;
  let browser: Browser;
  let root: string;
  let movieId: number;
  let feed: FeedItem[] = [];
  /** Event types the page received on its WebSocket. */
  const wsEvents: string[] = [];

  beforeAll(async () => {
    [fake, loop] = await Promise.all([FakeHttpServer.start({ fixtureRoot: FIXTURES }), startTorrentLoop([ACCEPTED])]);
    await limitDownloadRate(loop.downloader, RATE);
    serveTmdb(fake);
    serveTorznab(fake, '/tz', () => feed, loop.releases);
    server = await startServer({ env: { IDKARR_TMDB_API_KEY: TMDB_KEY, IDKARR_TMDB_URL: `${fake.url}/3` } });

    // Library settings the flow needs but does not exercise: a root folder, a profile taking Bluray-1080p only,
    // no minimum size (the payload is a few MB), imports from the downloader's folder without the sample check.
    root = mkdtempSync(join(tmpdir(), 'idkarr-e2e-root-'));
    await server.api('POST', '/rootfolder', { path: root });
    const profile = await server.api<{ id: number }>('POST', '/qualityprofile', {
      name: 'E2E HD',
      upgradeAllowed: false,
      cutoff: 'bluray-1080p',
      items: [{ quality: 'bluray-1080p', allowed: true }],
      minFormatScore: 0,
      cutoffFormatScore: 0,
      formatItems: [],
    });
    const defs = await server.api<Array<{ id: number; quality: { id: string } }>>('GET', '/qualitydefinition');
    const bluray = defs.find((d) => d.quality.id === 'bluray-1080p');
    await server.api('PUT', `/qualitydefinition/${bluray?.id}`, { minSize: 0, preferredSize: 0, maxSize: null });
    const mm = await server.api<Record<string, unknown>>('GET', '/config/mediamanagement');
    await server.api('PUT', '/config/mediamanagement', {
      ...mm,
      downloadFolders: [loop.downloader.downloadDir],
      skipSampleCheck: true,
      minimumFreeSpaceMb: 0,
    });
    const movie = await server.api<{ id: number }>('POST', '/movie', {
      tmdbId: 550,
      qualityProfileId: profile.id,
      rootFolderPath: root,
      minimumAvailability: 'announced',
      monitored: true,
    });
    movieId = movie.id;

    browser = await launchBrowser();
    browser.page.on('websocket', (ws) =>
      ws.on('framereceived', ({ payload }) => {
        try {
          wsEvents.push((JSON.parse(String(payload)) as { type: string }).type);
        } catch {
          // not an event
        }
      }),
    );
    await loginWithApi(browser, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await Promise.all([loop?.close(), fake?.close()]);
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('adds a Torznab indexer and a qBittorrent client in Settings, each tested before saving', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/settings/indexers`);
    await page.getByRole('heading', { name: 'Indexers', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('button', { name: /^Torznab/ }).click();
    const indexer = page.getByRole('dialog', { name: 'Add Torznab' });
    await indexer.getByLabel('Name', { exact: true }).fill('Fake Torznab');
    await indexer.getByLabel('URL', { exact: true }).fill(`${fake.url}/tz`);
    await indexer.getByLabel('API key', { exact: true }).fill('secret-key');
    await indexer.getByRole('button', { name: 'Test' }).click();
    await indexer.getByText('Test passed.').waitFor(TIMEOUT);
    expect(fake.requestsTo('/tz/api').map((r) => r.query.t)).toEqual(expect.arrayContaining(['caps', 'search']));
    await browser.screenshot('grab-flow-indexer-tested');
    await indexer.getByRole('button', { name: 'Save' }).click();
    await indexer.waitFor({ state: 'detached', ...TIMEOUT });
    await page.getByTestId('provider-card').filter({ hasText: 'Fake Torznab' }).getByText('Enabled').waitFor();

    await page.goto(`${server.url}/settings/downloadclients`);
    await page.getByRole('heading', { name: 'Download Clients', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('button', { name: /^qBittorrent/ }).click();
    const client = page.getByRole('dialog', { name: 'Add qBittorrent' });
    await client.getByLabel('Name', { exact: true }).fill('Real qBittorrent');
    await client.getByLabel('Host', { exact: true }).fill('127.0.0.1');
    await client.getByLabel('Port', { exact: true }).fill(String(loop.downloader.port));
    await client.getByLabel('Username', { exact: true }).fill(loop.downloader.username);
    await client.getByLabel('Password', { exact: true }).fill(loop.downloader.password);
    await client.getByRole('button', { name: 'Test' }).click();
    await client.getByText('Test passed.').waitFor(TIMEOUT);
    await browser.screenshot('grab-flow-client-tested');
    await client.getByRole('button', { name: 'Save' }).click();
    await client.waitFor({ state: 'detached', ...TIMEOUT });
    await page.getByTestId('provider-card').filter({ hasText: 'Real qBittorrent' }).getByText('Enabled').waitFor();
    await browser.screenshot('grab-flow-providers-saved');

    const indexers = await server.api<Array<{ name: string; settings: Record<string, unknown> }>>('GET', '/indexer');
    expect(indexers).toEqual([
      expect.objectContaining({
        name: 'Fake Torznab',
        settings: expect.objectContaining({ baseUrl: `${fake.url}/tz`, apiKey: '********' }),
      }),
    ]);
    const clients = await server.api<Array<{ name: string; settings: Record<string, unknown> }>>(
      'GET',
      '/downloadclient',
    );
    expect(clients).toEqual([
      expect.objectContaining({
        name: 'Real qBittorrent',
        settings: expect.objectContaining({ port: loop.downloader.port, password: '********' }),
      }),
    ]);
  });

  it("lists the indexer's releases in the movie's interactive search and grabs the accepted one", async () => {
    const { page } = browser;
    const release = loop.releases.get(ACCEPTED.guid)!;
    feed = [
      { title: ACCEPTED.name, guid: ACCEPTED.guid, size: release.size, seeders: 1, peers: 1, category: 2040 },
      { title: REJECTED, guid: 'fight-club-other', size: 1_400_000_000, seeders: 12, peers: 15, category: 2040 },
    ];
    await page.goto(`${server.url}/movie/${movieId}`);
    await page.getByRole('heading', { name: 'Fight Club', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Interactive search' }).click();
    const dialog = page.getByRole('dialog', { name: 'Interactive search' });
    const table = dialog.getByRole('table', { name: 'Releases' });
    await table.waitFor(TIMEOUT);

    const accepted = table.getByRole('row').filter({ hasText: ACCEPTED.name });
    const rejected = table.getByRole('row').filter({ hasText: REJECTED });
    await expect.poll(() => table.getByRole('row').count()).toBe(3); // header + 2
    const cells = async (row: typeof accepted) => (await row.getByRole('cell').allInnerTexts()).map((t) => t.trim());
    // Title, quality, size, age, seeders, indexer, score, rejections.
    const [, quality, size, , seeders, indexerName, , reasons] = await cells(accepted);
    expect({ quality, size, seeders, indexerName, reasons }).toEqual({
      quality: 'Bluray-1080p',
      size: '8.0 MB',
      seeders: '1 / 0',
      indexerName: 'Fake Torznab',
      reasons: '—',
    });
    const rejectedCells = await cells(rejected);
    expect(rejectedCells[1]).toBe('HDTV-720p');
    expect(rejectedCells[5]).toBe('Fake Torznab');
    expect(rejectedCells[7]).toBe('Quality HDTV-720p is not wanted in profile E2E HD');
    // Every column fits in the dialog: the rejections and the grab button are not cut off at its edge.
    const grab = accepted.getByRole('button', { name: `Grab ${ACCEPTED.name}` });
    const [dialogBox, grabBox] = await Promise.all([dialog.boundingBox(), grab.boundingBox()]);
    expect(grabBox!.x + grabBox!.width).toBeLessThanOrEqual(dialogBox!.x + dialogBox!.width);
    await browser.screenshot('grab-flow-interactive-search');

    await grab.click();
    await dialog.getByRole('status').filter({ hasText: 'Sent to Real qBittorrent' }).waitFor(TIMEOUT);
    await expect(grab.innerText()).resolves.toBe('Grabbed');
    await expect(grab.isDisabled()).resolves.toBe(true);
    await browser.screenshot('grab-flow-grabbed');
    expect(fake.requestsTo(`/tz/dl/${ACCEPTED.guid}.torrent`)).toHaveLength(1);
    const queue = await server.api<{ records: Array<{ title: string; downloadClient: string }> }>('GET', '/queue');
    expect(queue.records).toEqual([
      expect.objectContaining({ title: ACCEPTED.name, downloadClient: 'Real qBittorrent' }),
    ]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows the download progress rising live on Activity → Queue until the movie is imported', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/activity`);
    await page.getByRole('heading', { name: 'Activity', level: 1 }).waitFor();
    const bar = page.getByRole('progressbar', { name: `${ACCEPTED.name} progress` });
    await bar.waitFor(TIMEOUT);
    const row = page.getByTestId('queue-row').filter({ hasText: ACCEPTED.name });
    await expect
      .poll(async () => (await row.getByRole('cell').allInnerTexts()).slice(1, 3).map((t) => t.trim()))
      .toEqual([ACCEPTED.name, 'Bluray-1080p']);
    // A reload would also show new values; this marker survives only if the page never reloads.
    await page.evaluate(() => Object.assign(globalThis, { __sameDocument: true }));
    const eventsBefore = wsEvents.length;

    // The scheduler polls download clients once a minute; the spec runs the same command every second instead
    // (the server folds a repeat into the queued one). The page itself never polls: what changes on it comes
    // from queue.updated events on its WebSocket.
    let ticking = true;
    const ticker = (async () => {
      while (ticking) {
        await server.api('POST', '/command', { name: 'RefreshMonitoredDownloads' }).catch(() => {});
        await new Promise((r) => setTimeout(r, 1000));
      }
    })();
    try {
      const progress = async (): Promise<number | null> =>
        (await bar.count()) === 0 ? null : bar.evaluate((el) => (el as unknown as { value: number }).value);
      // First a value strictly between 0 and 100, then a larger one, both on the same row of the same page.
      let partial = 0;
      await expect
        .poll(
          async () => {
            partial = (await progress()) ?? 0;
            return partial > 0 && partial < 100;
          },
          { timeout: 90_000, interval: 200 },
        )
        .toBe(true);
      const partialText = await page.getByTestId('queue-progress').innerText();
      expect(partialText).toBe(`${partial.toFixed(1)}%`);
      await browser.screenshot('grab-flow-queue-progress');
      await expect
        .poll(async () => (await progress()) ?? 0, { timeout: 90_000, interval: 200 })
        .toBeGreaterThan(partial);

      // Completed, imported, gone from the queue; history and the movie's page show the import.
      await page
        .getByText('The queue is empty.')
        .waitFor({ timeout: 120_000 })
        .catch(async (err: Error) => {
          const queue = await server.api('GET', '/queue').catch(String);
          throw new Error(`${err.message}\nqueue: ${JSON.stringify(queue).slice(0, 2000)}`);
        });
    } finally {
      ticking = false;
      await ticker;
    }
    expect(await page.evaluate(() => (globalThis as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(wsEvents.slice(eventsBefore).filter((t) => t === 'queue.updated').length).toBeGreaterThanOrEqual(2);
    await browser.screenshot('grab-flow-queue-empty');

    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByRole('table', { name: 'History' });
    await history.getByRole('row').filter({ hasText: 'downloadFolderImported' }).waitFor(TIMEOUT);
    await expect(history.getByRole('row').filter({ hasText: 'grabbed' }).innerText()).resolves.toContain(ACCEPTED.name);
    // Quality shows as its title, as on the queue, not as the id.
    await history
      .getByRole('row')
      .filter({ hasText: 'downloadFolderImported' })
      .getByText('Bluray-1080p', { exact: true })
      .waitFor();
    await browser.screenshot('grab-flow-history-imported');

    const files = await server.api<Array<{ size: number }>>('GET', `/moviefile?movieId=${movieId}`);
    expect(files).toEqual([expect.objectContaining({ size: ACCEPTED.sizeBytes })]);
    await page.goto(`${server.url}/movie/${movieId}`);
    await page.getByRole('table', { name: 'Files' }).getByRole('row').nth(1).waitFor(TIMEOUT);
    await page.getByRole('table', { name: 'Files' }).getByText('Bluray-1080p', { exact: true }).waitFor();
    await page.getByText('Downloaded', { exact: true }).waitFor();
  }, 300_000);
});
