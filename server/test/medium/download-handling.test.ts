// Download handling settings (GET/PUT /api/v1/config/downloadclient) on both dialects through the composed app,
// and what they change: a qBittorrent (fake WebAPI) torrent without sources is failed after the configured time,
// blocklisted, and searched again (MoviesSearch queued) only while "redownload failed" is on; a user's
// remove-and-blocklist follows the same setting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MovieRepository } from '../../src/db/repositories/movie.repository.js';
import { ProviderDefinitionRepository } from '../../src/db/repositories/provider-definition.repository.js';
import { TrackedDownloadRepository } from '../../src/db/repositories/tracked-download.repository.js';
import type { AnyEvent } from '../../src/events/event-bus.js';
import type { QbTorrent } from '../../src/integrations/download-clients/qbittorrent/mapper.js';
import { qbittorrentSettings } from '../../src/integrations/download-clients/qbittorrent/settings.js';
import { FakeClock } from '../../src/lib/clock.js';
import { type AppHarness, startApp } from '../support/app-harness.js';
import { eventually } from '../support/daemons/common.js';
import { DIALECTS } from '../support/databases.js';
import { FakeHttpServer } from '../support/fake-http-server.js';
import { newMovie } from '../support/library-factories.js';
import { trackedDownload } from '../support/tracked-download-factory.js';

const T0 = Date.parse('2026-03-01T00:00:00Z');
const DEFAULTS = { stalledMinutes: 60, stalledNoProgress: true, stalledNoAvailability: true, redownloadFailed: true };

describe.each(DIALECTS)('download handling (%s)', (dialect) => {
  let h: AppHarness;
  let fake: FakeHttpServer;
  let clock: FakeClock;
  let clientId: number;
  let movieIds: number[];
  let events: AnyEvent[];
  let torrents: QbTorrent[] = [];
  const api = (method: 'GET' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    h.app.http.inject({
      method,
      url: `/api/v1${url}`,
      headers: h.authHeaders(),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const searches = async () =>
    ((await api('GET', '/command?limit=1000')).json() as Array<{ name: string; body: { movieIds?: number[] } }>)
      .filter((c) => c.name === 'MoviesSearch')
      .flatMap((c) => c.body.movieIds ?? []);
  const track = async (n: number, movieId: number) =>
    new TrackedDownloadRepository(h.app.database.db).insert(
      trackedDownload(n, {
        downloadClientId: clientId,
        movieId,
        added: new Date(clock.now()).toISOString(),
        lastSeen: new Date(clock.now()).toISOString(),
        lastProgressAt: new Date(clock.now()).toISOString(),
      }),
    );
  const sourceless = (n: number): QbTorrent => ({
    hash: trackedDownload(n).downloadId.toLowerCase(),
    name: trackedDownload(n).title,
    state: 'downloading',
    category: 'radarr',
    progress: 0.5,
    size: 1_000_000,
    amount_left: 500_000,
    num_seeds: 0,
    num_leechs: 0,
  });
  const failedEvent = (n: number) =>
    events.find(
      (e) => e.type === 'download.failed' && e.data.trackedDownload.downloadId === trackedDownload(n).downloadId,
    );

  beforeAll(async () => {
    fake = await FakeHttpServer.start();
    fake.route('POST', '/api/v2/auth/login', { body: 'Ok.', headers: { 'set-cookie': 'SID=test; path=/' } });
    fake.route('GET', '/api/v2/torrents/info', () => ({ json: torrents }));
    clock = new FakeClock(T0);
    h = await startApp(dialect, { env: { IDKARR_LOG_LEVEL: 'warn' }, compose: { clock } });
    events = [];
    h.app.events.onAny((e) => events.push(e));
    const db = h.app.database.db;
    const url = new URL(fake.url);
    clientId = (
      await new ProviderDefinitionRepository(db).insert(
        'downloadclient',
        {
          implementation: 'qbittorrent',
          name: 'Fake qBittorrent',
          enabled: true,
          tags: [],
          settings: qbittorrentSettings.parse({
            host: url.hostname,
            port: Number(url.port),
            movieCategory: 'radarr',
            removeFailedDownloads: false,
          }),
        },
        new Date(T0).toISOString(),
      )
    ).id;
    const movies = new MovieRepository(db);
    movieIds = [];
    for (const n of [1, 2, 3, 4]) movieIds.push((await movies.insert(newMovie(n))).id);
  });

  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });

  it('GET answers the defaults; PUT merges, validates each field and persists across a restart', async () => {
    expect((await api('GET', '/config/downloadclient')).json()).toEqual(DEFAULTS);
    for (const [body, field, reason] of [
      [{ stalledMinutes: 0 }, 'body.stalledMinutes', /at least 1 minute/],
      [{ stalledMinutes: 20_000 }, 'body.stalledMinutes', /at most 10080/],
      [{ stalledMinutes: 1.5 }, 'body.stalledMinutes', /int/i],
      [{ redownloadFailed: 'yes' }, 'body.redownloadFailed', /boolean/],
      [{ bogus: true }, 'body', /bogus/],
    ] as const) {
      const res = await api('PUT', '/config/downloadclient', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const errors = res.json().errors as Array<{ field: string; message: string }>;
      expect(errors.find((e) => e.field === field)?.message, res.body).toMatch(reason);
    }
    const put = await api('PUT', '/config/downloadclient', { stalledMinutes: 45, redownloadFailed: false });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({ ...DEFAULTS, stalledMinutes: 45, redownloadFailed: false });
    await h.restart();
    expect((await api('GET', '/config/downloadclient')).json()).toEqual({
      ...DEFAULTS,
      stalledMinutes: 45,
      redownloadFailed: false,
    });
    events = [];
    h.app.events.onAny((e) => events.push(e));
    expect((await api('PUT', '/config/downloadclient', DEFAULTS)).json()).toEqual(DEFAULTS);
  });

  it('a torrent without seeds or peers for the configured time fails, is blocklisted and searched again', async () => {
    // Only the availability rule, so the verdict cannot come from the progress timer.
    await api('PUT', '/config/downloadclient', { stalledMinutes: 30, stalledNoProgress: false });
    const t = await track(11, movieIds[0] as number);
    torrents = [sourceless(11)];
    await h.app.downloads.tracker.refresh();
    await clock.advance(29 * 60_000);
    expect((await h.app.downloads.tracker.refresh()).failed).toBe(0);
    await clock.advance(2 * 60_000);
    expect((await h.app.downloads.tracker.refresh()).failed).toBe(1);
    expect(failedEvent(11)?.data).toMatchObject({
      searchAgain: true,
      reason: expect.stringMatching(/no seeds or peers connected for 31 minutes/),
    });
    expect((await new TrackedDownloadRepository(h.app.database.db).get(t.id))?.status).toBe('failed');
    const blocked = await h.app.database.db.selectFrom('blocklist').select('guid').execute();
    expect(blocked.map((b) => b.guid)).toContain('guid-11');
    await eventually('MoviesSearch queued', searches, (ids) => ids.includes(movieIds[0] as number));
  });

  it('with "redownload failed" off the stalled download is failed but not searched again', async () => {
    await api('PUT', '/config/downloadclient', { stalledMinutes: 30, redownloadFailed: false });
    await track(12, movieIds[1] as number);
    torrents = [sourceless(12)];
    await h.app.downloads.tracker.refresh();
    await clock.advance(31 * 60_000);
    expect((await h.app.downloads.tracker.refresh()).failed).toBe(1);
    expect(failedEvent(12)?.data).toMatchObject({ searchAgain: false });
    // The search work enqueues synchronously on the event, so nothing queued by now means none was asked for.
    expect(await searches()).not.toContain(movieIds[1]);
    await api('PUT', '/config/downloadclient', { redownloadFailed: true });
  });

  it('with both stalled rules off nothing fails however long it waits', async () => {
    await api('PUT', '/config/downloadclient', { stalledNoProgress: false, stalledNoAvailability: false });
    await track(13, movieIds[2] as number);
    torrents = [sourceless(13)];
    await h.app.downloads.tracker.refresh();
    await clock.advance(24 * 60 * 60_000);
    expect((await h.app.downloads.tracker.refresh()).failed).toBe(0);
    await api('PUT', '/config/downloadclient', DEFAULTS);
  });

  it('a user’s remove-and-blocklist searches again per the setting; skipRedownload always vetoes', async () => {
    const a = await track(14, movieIds[3] as number);
    await api('PUT', '/config/downloadclient', { redownloadFailed: false });
    expect((await api('DELETE', `/queue/${a.id}?removeFromClient=false&blocklist=true`)).statusCode).toBe(204);
    expect(failedEvent(14)?.data).toMatchObject({ searchAgain: false });
    await api('PUT', '/config/downloadclient', { redownloadFailed: true });
    const b = await track(15, movieIds[3] as number);
    expect((await api('DELETE', `/queue/${b.id}?removeFromClient=false&blocklist=true`)).statusCode).toBe(204);
    expect(failedEvent(15)?.data).toMatchObject({ searchAgain: true });
    await eventually('MoviesSearch queued', searches, (ids) => ids.includes(movieIds[3] as number));
    const c = await track(16, movieIds[3] as number);
    const skip = await api('DELETE', `/queue/${c.id}?removeFromClient=false&blocklist=true&skipRedownload=true`);
    expect(skip.statusCode).toBe(204);
    expect(failedEvent(16)?.data).toMatchObject({ searchAgain: false });
  });
});
