// Grab → queue → completed against a real qbittorrent-nox on loopback, through the composed app on both dialects:
// a fake indexer serves real .torrent files, grabs are recorded (queue entry + grabbed history), never sent twice,
// a client answering "Fails." is an error with nothing recorded, tracking maps the completed output path through a
// remote path mapping (a symlinked folder), and a daemon killed mid-poll leaves the queue as it was until it is back.
import { rmSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MovieRepository } from '../../src/db/repositories/movie.repository.js';
import { ProviderDefinitionRepository } from '../../src/db/repositories/provider-definition.repository.js';
import type { AnyEvent } from '../../src/events/event-bus.js';
import { qbittorrentSettings } from '../../src/integrations/download-clients/qbittorrent/settings.js';
import { type Clock, systemClock } from '../../src/lib/clock.js';
import { ConflictError } from '../../src/lib/errors.js';
import type { ReleaseInfo } from '../../src/providers/ports/indexer.port.js';
import { type AppHarness, startApp } from '../support/app-harness.js';
import { eventually, tempDir } from '../support/daemons/common.js';
import { type QbittorrentDaemon, startQbittorrent } from '../support/daemons/qbittorrent.js';
import { DIALECTS } from '../support/databases.js';
import { FakeHttpServer } from '../support/fake-http-server.js';
import { newMovie } from '../support/library-factories.js';
import { makeTestTorrent, type TestTorrent } from '../support/torrents.js';

let qbt: QbittorrentDaemon;
let payloadRoot: string;
let indexer: Server;
let indexerUrl: string;
const served = new Map<string, Uint8Array>();
const hits = new Map<string, number>();

beforeAll(async () => {
  qbt = await startQbittorrent();
  payloadRoot = tempDir('dl-payload');
  indexer = createServer((req, res) => {
    const name = (req.url ?? '/').slice(1);
    hits.set(name, (hits.get(name) ?? 0) + 1);
    const data = served.get(name);
    if (!data) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/x-bittorrent' }).end(Buffer.from(data));
  });
  await new Promise<void>((r) => indexer.listen(0, '127.0.0.1', r));
  const addr = indexer.address();
  indexerUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(async () => {
  await new Promise((r) => indexer?.close(r));
  await qbt?.stop();
  if (payloadRoot) rmSync(payloadRoot, { recursive: true, force: true });
});

function release(name: string, torrent: TestTorrent, over: Partial<ReleaseInfo> = {}): ReleaseInfo {
  served.set(`${name}.torrent`, torrent.data);
  return {
    guid: `${indexerUrl}/details/${name}`,
    title: torrent.name,
    downloadUrl: `${indexerUrl}/${name}.torrent`,
    indexer: 'Fake Torznab',
    indexerId: null,
    protocol: 'torrent',
    size: 300 * 1024,
    publishDate: new Date().toISOString(),
    categories: [2000],
    freeleech: false,
    minimumRatio: 1.5,
    minimumSeedTime: 7200,
    ...over,
  };
}

/** The torrents qBittorrent has for these hashes, asked directly (logged in). */
async function qbtTorrents(hash: string): Promise<Array<{ category: string; ratio_limit: number }>> {
  const r = await fetch(`http://127.0.0.1:${qbt.port}/api/v2/auth/login`, {
    method: 'POST',
    body: new URLSearchParams({ username: qbt.username, password: qbt.password }),
  });
  const sid = /SID=([^;]+)/.exec(r.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const list = await fetch(`http://127.0.0.1:${qbt.port}/api/v2/torrents/info?hashes=${hash.toLowerCase()}`, {
    headers: { cookie: `SID=${sid}` },
  });
  return (await list.json()) as Array<{ category: string; ratio_limit: number }>;
}

const AFTER_COMPLETION = ['completed', 'importPending', 'importBlocked', 'imported'];
const quality = { quality: 'bluray-1080p', revision: { version: 1, real: 0 } };

describe.each(DIALECTS)('downloads with a real qBittorrent (%s)', (dialect) => {
  let h: AppHarness;
  let offset = 0;
  const clock: Clock = { now: () => Date.now() + offset, sleep: systemClock.sleep };
  let movieId: number;
  let clientId: number;
  let events: AnyEvent[];
  let linkDir: string;
  const category = `radarr-${dialect}`;
  const api = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
    h.app.http.inject({
      method,
      url: `/api/v1${url}`,
      headers: h.authHeaders(),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  beforeAll(async () => {
    h = await startApp(dialect, { env: { IDKARR_LOG_LEVEL: 'warn' }, compose: { clock } });
    events = [];
    h.app.events.onAny((e) => events.push(e));
    const created = await api('POST', '/downloadclient', {
      implementation: 'qbittorrent',
      name: 'qBittorrent',
      enabled: true,
      tags: [],
      settings: {
        host: '127.0.0.1',
        port: qbt.port,
        username: qbt.username,
        password: qbt.password,
        movieCategory: category,
        tvCategory: `tv-${dialect}`,
        animeCategory: `anime-${dialect}`,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    clientId = created.json<{ id: number }>().id;
    movieId = (await new MovieRepository(h.app.database.db).insert(newMovie(1))).id;
    linkDir = join(payloadRoot, `local-view-${dialect}`);
    symlinkSync(qbt.downloadDir, linkDir);
  });
  afterAll(async () => h?.close());

  const tracked = () => h.app.database.db.selectFrom('tracked_downloads').selectAll().orderBy('id').execute();
  const history = () => h.app.database.db.selectFrom('history').selectAll().orderBy('id').execute();

  it('grabs a release from the indexer link: added with the category, queue entry + grabbed history, event', async () => {
    const t = makeTestTorrent({
      saveDir: join(payloadRoot, `elsewhere-${dialect}`),
      torrentDir: join(payloadRoot, 'torrents'),
      name: `Movie.One.2001.1080p.BluRay.x264-${dialect.toUpperCase()}`,
    });
    const result = await h.app.downloads.grab.grab({ release: release(`one-${dialect}`, t), movieId, quality });
    expect(result.downloadClient).toEqual({ id: clientId, name: 'qBittorrent' });
    expect(result.trackedDownload).toMatchObject({
      downloadId: t.infoHash,
      status: 'grabbed',
      movieId,
      mediaType: 'movie',
      seedRatio: 1.5,
      seedTimeMinutes: 120,
    });
    const rows = await tracked();
    expect(rows).toHaveLength(1);
    const hist = await history();
    expect(hist).toHaveLength(1);
    expect(hist[0]).toMatchObject({ event_type: 'grabbed', movie_id: movieId, download_id: t.infoHash });
    expect(JSON.parse(hist[0]?.data ?? '{}')).toMatchObject({ downloadClient: 'qBittorrent', indexer: 'Fake Torznab' });
    const grabbed = events.find((e) => e.type === 'download.grabbed');
    expect(grabbed?.data).toMatchObject({
      downloadClient: { name: 'qBittorrent' },
      trackedDownload: { id: rows[0]?.id },
    });
    const listed = await eventually(
      'torrent listed by qBittorrent',
      () => qbtTorrents(t.infoHash),
      (list) => list.length === 1,
    );
    expect(listed[0]).toMatchObject({ category, ratio_limit: 1.5 });
  });

  it('never sends the same release twice: again → conflict; two at once → exactly one add', async () => {
    const again = await tracked();
    const t = makeTestTorrent({
      saveDir: join(payloadRoot, `elsewhere-${dialect}`),
      torrentDir: join(payloadRoot, 'torrents'),
      name: `Movie.Two.2002.1080p.BluRay.x264-${dialect.toUpperCase()}`,
    });
    const two = release(`two-${dialect}`, t);
    const results = await Promise.allSettled([
      h.app.downloads.grab.grab({ release: two, movieId, quality }),
      h.app.downloads.grab.grab({ release: two, movieId, quality }),
      h.app.downloads.grab.grab({ release: { ...two, guid: `${two.guid}-mirror` }, movieId, quality }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected'))
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    // Same guid again later, and the same torrent under another guid: both refused.
    await expect(h.app.downloads.grab.grab({ release: two, movieId, quality })).rejects.toBeInstanceOf(ConflictError);
    await expect(
      h.app.downloads.grab.grab({ release: { ...two, guid: 'another-guid' }, movieId, quality }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await tracked()).length).toBe(again.length + 1);
    expect((await history()).filter((r) => r.event_type === 'grabbed')).toHaveLength(2);
  });

  it('a client answering "Fails." is an error and nothing is recorded', async () => {
    const fake = await FakeHttpServer.start();
    try {
      fake.route('POST', '/api/v2/auth/login', () => ({
        status: 200,
        body: 'Ok.',
        headers: { 'set-cookie': 'SID=abc; path=/' },
      }));
      fake.route('GET', '/api/v2/torrents/categories', () => ({
        status: 200,
        json: { [category]: { name: category, savePath: '' } },
      }));
      fake.route('POST', '/api/v2/torrents/categories', () => ({
        status: 200,
        json: { [category]: { name: category, savePath: '' } },
      }));
      fake.route('POST', '/api/v2/torrents/add', () => ({ status: 200, body: 'Fails.' }));
      fake.route('GET', '/api/v2/torrents/info', () => ({ status: 200, json: [] }));
      fake.route('POST', '/api/v2/torrents/info', () => ({ status: 200, json: [] }));
      const def = await new ProviderDefinitionRepository(h.app.database.db).insert(
        'downloadclient',
        {
          implementation: 'qbittorrent',
          name: 'Refusing qBittorrent',
          enabled: true,
          tags: [],
          settings: qbittorrentSettings.parse({
            host: '127.0.0.1',
            port: Number(new URL(fake.url).port),
            username: 'a',
            password: 'b',
            movieCategory: category,
          }),
        },
        new Date().toISOString(),
      );
      const t = makeTestTorrent({
        saveDir: join(payloadRoot, `elsewhere-${dialect}`),
        torrentDir: join(payloadRoot, 'torrents'),
        name: `Movie.Three.2003.1080p.BluRay.x264-${dialect.toUpperCase()}`,
      });
      const before = { tracked: (await tracked()).length, history: (await history()).length };
      try {
        await expect(
          h.app.downloads.grab.grab({
            release: release(`three-${dialect}`, t),
            movieId,
            quality,
            downloadClientId: def.id,
          }),
        ).rejects.toThrow(/Fails/);
      } finally {
        await h.app.database.db.deleteFrom('provider_definitions').where('id', '=', def.id).execute();
      }
      expect(fake.requests.some((r) => r.path === '/api/v2/torrents/add')).toBe(true);
      expect({ tracked: (await tracked()).length, history: (await history()).length }).toEqual(before);
    } finally {
      await fake.close();
    }
  });

  it('tracks a completed download and maps its output path through a remote path mapping', async () => {
    const mapping = await api('POST', '/remotepathmapping', {
      host: '127.0.0.1',
      remotePath: qbt.downloadDir,
      localPath: linkDir,
    });
    expect(mapping.statusCode, mapping.body).toBe(201);
    // Content already in the client's download folder: qBittorrent checks it and finishes at once.
    const t = makeTestTorrent({
      saveDir: qbt.downloadDir,
      torrentDir: join(payloadRoot, 'torrents'),
      name: `Movie.Four.2004.1080p.BluRay.x264-${dialect.toUpperCase()}`,
    });
    const { trackedDownload } = await h.app.downloads.grab.grab({
      release: release(`four-${dialect}`, t),
      movieId,
      quality,
    });
    const done = await eventually(
      'the download completes and is tracked as completed',
      async () => {
        await h.app.downloads.tracker.refresh();
        return h.app.database.db
          .selectFrom('tracked_downloads')
          .selectAll()
          .where('id', '=', trackedDownload.id)
          .executeTakeFirstOrThrow();
      },
      // The import work (issue 7) picks completed downloads up from download.completed and moves them on.
      (row) => AFTER_COMPLETION.includes(row.status),
      30_000,
    );
    expect(done.output_path).toBe(join(linkDir, t.name));
    expect(Number(done.progress)).toBe(1);
    expect(events.filter((e) => e.type === 'download.completed')).toHaveLength(1);
    // The not-yet-complete grab from the first test is downloading.
    const rows = await tracked();
    expect(rows[0]?.status).toBe('downloading');
    // The queue API shows both with the client's name and the movie.
    const queue = (await api('GET', '/queue?pageSize=10')).json<{
      totalRecords: number;
      records: Array<Record<string, unknown>>;
    }>();
    expect(queue.totalRecords).toBe(3);
    const four = queue.records.find((r) => r.id === trackedDownload.id);
    expect(four).toMatchObject({
      downloadClient: 'qBittorrent',
      progress: 100,
      sizeleft: 0,
      outputPath: join(linkDir, t.name),
      movie: { id: movieId },
    });
    expect(AFTER_COMPLETION).toContain(four?.trackedDownloadState);
    expect(events.some((e) => e.type === 'queue.updated')).toBe(true);
  });

  it('a daemon killed mid-poll: entries kept, health names the client; restarted → resumed', async () => {
    // What the tracker owns; the import work may change status/messages of completed entries meanwhile.
    const owned = async () =>
      (await tracked()).map((r) => ({
        id: r.id,
        progress: r.progress,
        remaining: r.remaining_size,
        clientStatus: r.client_status,
        outputPath: r.output_path,
        lastSeen: r.last_seen,
      }));
    await h.app.downloads.tracker.refresh();
    const before = await owned();
    let summary: Awaited<ReturnType<typeof h.app.downloads.tracker.refresh>>;
    let during: Awaited<ReturnType<typeof owned>>;
    let issue: { message: string; source: string } | undefined;
    let count: number;
    try {
      const polling = h.app.downloads.tracker.refresh();
      await qbt.kill();
      await polling.catch(() => undefined); // whichever way the race went, the next poll sees it down
      summary = await h.app.downloads.tracker.refresh();
      during = await owned();
      const health = (await api('GET', '/health')).json<Array<{ message: string; source: string }>>();
      issue = health.find((i) => i.source === 'downloads');
      count = (await api('GET', '/queue/status')).json<{ count: number }>().count;
    } finally {
      await qbt.restart();
    }
    expect(summary.unavailable).toEqual(['qBittorrent']);
    expect(during).toEqual(before);
    expect(issue?.message).toMatch(/^Download client qBittorrent is unavailable: /);
    expect(count).toBe(3);

    offset += 20 * 60_000; // past the provider backoff the failures earned
    const back = await h.app.downloads.tracker.refresh();
    expect(back.unavailable).toEqual([]);
    expect(back.items).toBeGreaterThanOrEqual(3);
    const after = await owned();
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
    // Seen again (lastSeen refreshed: 20 minutes passed).
    expect(after.every((r, i) => r.lastSeen !== null && r.lastSeen !== before[i]?.lastSeen)).toBe(true);
    const healthAfter = (await api('GET', '/health')).json<Array<{ source: string; message: string }>>();
    expect(healthAfter.filter((i) => i.source === 'downloads' && /unavailable/.test(i.message))).toEqual([]);
  });

  it('DELETE /queue/:id removes from the client', async () => {
    const [first] = await tracked();
    const res = await api('DELETE', `/queue/${first?.id}?removeFromClient=true`);
    expect(res.statusCode, res.body).toBe(204);
    const gone = await eventually(
      'torrent removed from qBittorrent',
      () => qbtTorrents(first?.download_id ?? ''),
      (l) => l.length === 0,
    );
    expect(gone).toEqual([]);
    expect((await tracked()).find((r) => r.id === first?.id)?.status).toBe('removed');
  });
});
