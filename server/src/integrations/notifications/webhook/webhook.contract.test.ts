// Webhook against a local capture server: the exact request (method, path, auth headers, JSON body) per event,
// error mapping (429 + Retry-After, 5xx), a 10 MB answer that must not be read whole, and link-local refusal.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeHttpServer } from '../../../../test/support/fake-http-server.js';
import { type Clock, systemClock } from '../../../lib/clock.js';
import { RateLimitedError, ServerError, ValidationError } from '../../../lib/errors.js';
import { silentLogger } from '../../../lib/logger.js';
import type { IntegrationContext } from '../../../providers/integration.js';
import type { MediaFileInfo, ReleaseInfo } from '../../../providers/ports/notifier.port.js';
import { parseSettings, secretFields } from '../../../providers/settings-schema.js';
import {
  downloadMessage,
  grabMessage,
  healthIssueMessage,
  type MessageContext,
  TEST_EPISODE,
  TEST_SERIES,
} from '../../../services/notifications/messages.js';
import { WebhookNotifier } from './adapter.js';
import { webhook } from './index.js';
import { type WebhookSettings, webhookSettings } from './settings.js';

const CTX: MessageContext = {
  instanceName: 'idkarr-test',
  applicationUrl: 'http://nas:7979',
  occurredAt: '2030-01-01T00:00:00.000Z',
};
const SERIES = {
  id: 7,
  title: 'Breaking Bad',
  titleSlug: 'breaking-bad',
  path: '/tv/Breaking Bad',
  tvdbId: 81189,
  imdbId: 'tt0903747',
  type: 'standard',
  year: 2008,
};
const EPISODES = [
  { id: 11, episodeNumber: 1, seasonNumber: 1, title: 'Pilot', airDate: '2008-01-20' },
  { id: 12, episodeNumber: 2, seasonNumber: 1, title: "Cat's in the Bag..." },
];
const RELEASE: ReleaseInfo = {
  quality: 'Bluray-1080p',
  qualityVersion: 1,
  releaseGroup: 'DEMAND',
  releaseTitle: 'Breaking.Bad.S01E01E02.1080p.BluRay.x264-DEMAND',
  indexer: 'NZBgeek',
  size: 4294967296,
};
const FILE: MediaFileInfo = {
  id: 99,
  relativePath: 'Season 01/Breaking.Bad.S01E01-E02.BluRay.1080p.mkv',
  path: '/tv/Breaking Bad/Season 01/Breaking.Bad.S01E01-E02.BluRay.1080p.mkv',
  quality: 'Bluray-1080p',
  qualityVersion: 1,
  releaseGroup: 'DEMAND',
  sceneName: 'Breaking.Bad.S01E01E02.1080p.BluRay.x264-DEMAND',
  size: 4294967296,
  dateAdded: '2030-01-01T00:00:00.000Z',
};

function context(clock: Clock = systemClock): IntegrationContext {
  return { log: silentLogger(), clock, kind: 'notification', definitionId: 1, definitionName: 'hook' };
}

function notifier(settings: Record<string, unknown>, opts: { timeoutMs?: number } = {}): WebhookNotifier {
  return new WebhookNotifier(parseSettings(webhookSettings, settings) as never, context(), opts);
}

describe('webhook contract', () => {
  let fake: FakeHttpServer;
  const open: WebhookNotifier[] = [];
  const make = (settings: Record<string, unknown>, opts: { timeoutMs?: number } = {}) => {
    const n = notifier(settings, opts);
    open.push(n);
    return n;
  };
  beforeAll(async () => {
    fake = await FakeHttpServer.start();
  });
  afterEach(async () => {
    fake.reset();
    for (const n of open.splice(0)) await n.dispose();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('POSTs the exact Grab payload with bearer auth', async () => {
    fake.route('POST', '/hook', { status: 200, json: { ok: true } });
    const n = make({ url: `${fake.url}/hook`, authType: 'bearer', bearerToken: 'tok-123' });
    await n.send(
      grabMessage(CTX, {
        subject: { series: SERIES, episodes: EPISODES },
        release: RELEASE,
        downloadClient: 'SABnzbd',
        downloadClientType: 'sabnzbd',
        downloadId: 'SABnzbd_nzo_abc123',
      }),
    );
    const [req] = fake.requestsTo('/hook');
    expect(req?.method).toBe('POST');
    expect(req?.headers.authorization).toBe('Bearer tok-123');
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.headers['user-agent']).toMatch(/^idkarr\//);
    expect(req?.body).toBe(
      JSON.stringify({
        eventType: 'Grab',
        instanceName: 'idkarr-test',
        applicationUrl: 'http://nas:7979',
        series: SERIES,
        episodes: EPISODES,
        release: RELEASE,
        downloadClient: 'SABnzbd',
        downloadClientType: 'sabnzbd',
        downloadId: 'SABnzbd_nzo_abc123',
      }),
    );
  });

  it('PUTs the exact Download (upgrade) payload for a movie with basic auth', async () => {
    fake.route('PUT', '/in/radarr', { status: 204 });
    const n = make({
      url: `${fake.url}/in/radarr`,
      method: 'PUT',
      authType: 'basic',
      username: 'me',
      password: 'p@ss:word',
    });
    const movie = { id: 3, title: 'Fight Club', year: 1999, folderPath: '/movies/Fight Club (1999)', tmdbId: 550 };
    const old = { ...FILE, id: 98, quality: 'DVD', relativePath: 'old.avi', path: '/movies/Fight Club (1999)/old.avi' };
    await n.send(
      downloadMessage(CTX, {
        subject: { movie },
        file: FILE,
        replacedFiles: [old],
        downloadClient: 'qBittorrent',
        downloadClientType: 'qbittorrent',
        downloadId: 'ABCDEF',
      }),
    );
    const [req] = fake.requestsTo('/in/radarr');
    expect(req?.method).toBe('PUT');
    expect(req?.headers.authorization).toBe(`Basic ${Buffer.from('me:p@ss:word').toString('base64')}`);
    expect(req?.json()).toEqual({
      eventType: 'Download',
      instanceName: 'idkarr-test',
      applicationUrl: 'http://nas:7979',
      movie,
      movieFile: FILE,
      isUpgrade: true,
      downloadClient: 'qBittorrent',
      downloadClientType: 'qbittorrent',
      downloadId: 'ABCDEF',
      deletedFiles: [old],
    });
  });

  it('sends the Health payload with a custom auth header', async () => {
    fake.route('POST', '/h', { status: 200, body: 'thanks' });
    const n = make({ url: `${fake.url}/h`, authType: 'header', headerName: 'X-Hook-Key', headerValue: 'k-777' });
    await n.send(
      healthIssueMessage(CTX, {
        level: 'error',
        message: 'qBittorrent: connection refused',
        source: 'downloadclient:1',
        wikiUrl: '/settings/downloadclient/1',
      }),
    );
    const [req] = fake.requestsTo('/h');
    expect(req?.headers['x-hook-key']).toBe('k-777');
    expect(req?.headers.authorization).toBeUndefined();
    expect(req?.body).toBe(
      JSON.stringify({
        eventType: 'Health',
        instanceName: 'idkarr-test',
        applicationUrl: 'http://nas:7979',
        level: 'error',
        message: 'qBittorrent: connection refused',
        type: 'downloadclient:1',
        wikiUrl: '/settings/downloadclient/1',
      }),
    );
  });

  it('test() sends a Test event and reports no findings', async () => {
    fake.route('POST', '/t', { status: 200 });
    const n = make({ url: `${fake.url}/t` });
    expect(await n.test()).toEqual([]);
    const body = fake.requestsTo('/t')[0]?.json<Record<string, unknown>>();
    expect(body).toMatchObject({ eventType: 'Test', series: TEST_SERIES, episodes: [TEST_EPISODE] });
  });

  it('maps 429 with Retry-After and 5xx to retryable taxonomy errors, secrets masked', async () => {
    fake.once('POST', '/r', { status: 429, retryAfter: 7 });
    fake.once('POST', '/r', { status: 503, body: 'down; token tok-secret-9 leaked' });
    const n = make({ url: `${fake.url}/r`, authType: 'bearer', bearerToken: 'tok-secret-9' });
    const msg = healthIssueMessage(CTX, { level: 'error', message: 'x', source: 's' });
    const first = await n.send(msg).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(RateLimitedError);
    expect((first as RateLimitedError).retryAfterMs).toBe(7000);
    const second = await n.send(msg).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(ServerError);
    expect(String((second as Error).message)).not.toContain('tok-secret-9');
  });

  it('does not read a 10 MB answer whole: the connection is cut after a small excerpt', async () => {
    const TOTAL = 10 * 1024 * 1024;
    const CHUNK = 64 * 1024;
    let written = 0;
    let closedEarly = false;
    const server: Server = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(TOTAL) });
      const timer = setInterval(() => {
        if (written >= TOTAL || res.destroyed) return clearInterval(timer);
        res.write(Buffer.alloc(CHUNK, 0x61));
        written += CHUNK;
        if (written >= TOTAL) res.end();
      }, 5);
      res.on('close', () => {
        clearInterval(timer);
        if (written < TOTAL) closedEarly = true;
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const { port } = server.address() as AddressInfo;
      const n = make({ url: `http://127.0.0.1:${port}/big` });
      const result = await n.deliver(healthIssueMessage(CTX, { level: 'error', message: 'x', source: 's' }));
      expect(result.report.status).toBe(200);
      expect(result.report.response.length).toBeLessThanOrEqual(512);
      await new Promise((r) => setTimeout(r, 100));
      expect(closedEarly).toBe(true);
      expect(written).toBeLessThan(2 * 1024 * 1024);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('times out a target that never answers (30 s by default, shortened here)', async () => {
    fake.route('POST', '/slow', { status: 200, delayMs: 2000 });
    const n = make({ url: `${fake.url}/slow` }, { timeoutMs: 200 });
    await expect(n.send(healthIssueMessage(CTX, { level: 'error', message: 'x', source: 's' }))).rejects.toMatchObject({
      name: 'TimeoutError',
    });
  });

  it('refuses link-local and metadata targets: at save (settings finding) and at send (resolved address)', async () => {
    const err = (() => {
      try {
        parseSettings(webhookSettings, { url: 'http://169.254.169.254/latest/meta-data/' });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).findings).toEqual([
      expect.objectContaining({
        field: 'settings.url',
        severity: 'error',
        message: expect.stringContaining('metadata'),
      }),
    ]);
    expect(() => parseSettings(webhookSettings, { url: 'http://[fe80::1]/x' })).toThrow(ValidationError);
    // LAN targets are fine.
    expect(parseSettings(webhookSettings, { url: 'http://192.168.1.20:8123/api/webhook/x' })).toMatchObject({
      method: 'POST',
    });
    // A definition saved with the opt-out, then sent: the opt-out is honoured...
    expect(() => parseSettings(webhookSettings, { url: 'http://169.254.1.1/', allowLinkLocal: true })).not.toThrow();
    // ...and without it the notifier refuses at send time too, before any connection.
    const n = new WebhookNotifier(
      {
        ...(parseSettings(webhookSettings, { url: 'http://192.168.1.20/' }) as WebhookSettings),
        url: 'http://169.254.169.254/',
      },
      context(),
    );
    open.push(n);
    const sent = await n.send(healthIssueMessage(CTX, { level: 'error', message: 'x', source: 's' })).catch((e) => e);
    expect(sent).toBeInstanceOf(ValidationError);
    expect(await n.test()).toEqual([
      expect.objectContaining({ field: 'settings.url', message: expect.stringContaining('169.254.169.254') }),
    ]);
  });

  it('validates auth fields and is registered with secrets marked', () => {
    expect(() => parseSettings(webhookSettings, { url: 'http://x/', authType: 'bearer' })).toThrow(ValidationError);
    expect(() =>
      parseSettings(webhookSettings, { url: 'http://x/', authType: 'header', headerName: 'bad name' }),
    ).toThrow(ValidationError);
    expect(webhook.id).toBe('webhook');
    expect(secretFields(webhookSettings).sort()).toEqual(['bearerToken', 'headerValue', 'password']);
  });
});
