// Apprise API against a local fake server. No recorded fixture exists for Apprise: requests and answers are
// constructed from the Apprise API README (github.com/caronc/apprise-api: POST /notify/ with `urls`, POST
// /notify/{KEY}; fields title, body, type info|success|warning|failure, format text|markdown|html, tag; 424 when
// notifications failed) and checked here field by field.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeHttpServer } from '../../../../test/support/fake-http-server.js';
import { systemClock } from '../../../lib/clock.js';
import { AuthError, NotFoundError, ProtocolError } from '../../../lib/errors.js';
import type { IntegrationContext } from '../../../providers/integration.js';
import type { NotificationMessage } from '../../../providers/ports/notifier.port.js';
import { appriseIntegration } from './index.js';
import { renderApprise } from './render.js';
import { appriseSettings } from './settings.js';

const URLS =
  'tgram://7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/-1001234567890, pover://uQiRzpo4DXghDmr9@azGDORePK8gMaC0Q';
const PASSWORD = 'apprise-secret-pw';
const logLines: string[] = [];
const log = { debug: (obj: object, msg?: string) => void logLines.push(`${msg} ${JSON.stringify(obj)}`) };
const ctx = {
  clock: systemClock,
  definitionId: 11,
  definitionName: 'Apprise',
  kind: 'notification',
  log,
} as unknown as IntegrationContext;

let fake: FakeHttpServer;
beforeAll(async () => {
  fake = await FakeHttpServer.start();
});
afterEach(() => {
  fake.reset();
  logLines.length = 0;
});
afterAll(() => fake.close());

const apprise = (overrides: Record<string, unknown> = {}) =>
  appriseIntegration.create(appriseSettings.parse({ serverUrl: `${fake.url}/apprise`, ...overrides }) as never, ctx);

const health: NotificationMessage = {
  type: 'health_issue',
  title: 'Health Check Failure',
  message: 'Indexer <Nyaa> is *down*',
  link: 'https://wiki.example/health#indexers',
  payload: {},
  occurredAt: '2025-01-31T04:15:02.000Z',
  instanceName: 'idkarr',
  applicationUrl: '',
};

describe('Apprise requests', () => {
  it('stateless: POST /notify/ with urls, title, body, type from the event, format', async () => {
    fake.route('POST', '/apprise/notify/', { status: 200, body: '' });
    await apprise({ statelessUrls: URLS }).send(health);
    const [req] = fake.requests;
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe('/apprise/notify/');
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.json()).toEqual({
      urls: URLS,
      title: 'Health Check Failure',
      body: 'Indexer <Nyaa> is *down*\nhttps://wiki.example/health#indexers',
      type: 'failure',
      format: 'text',
    });
  });

  it('config key with tags and markdown: POST /notify/{KEY}, tags ORed, body escaped', async () => {
    fake.route('POST', '/apprise/notify/media', { status: 200, body: '' });
    await apprise({
      configKey: 'media',
      tags: ['tv', 'alerts'],
      format: 'markdown',
      username: 'u',
      password: PASSWORD,
    }).send(health);
    const [req] = fake.requests;
    expect(req?.path).toBe('/apprise/notify/media');
    expect(req?.headers.authorization).toBe(`Basic ${Buffer.from(`u:${PASSWORD}`).toString('base64')}`);
    expect(req?.json()).toEqual({
      title: 'Health Check Failure',
      body: 'Indexer \\<Nyaa\\> is \\*down\\*  \n[Details](<https://wiki.example/health#indexers>)',
      type: 'failure',
      format: 'markdown',
      tag: 'tv,alerts',
    });
  });

  it('html format escapes user data', () => {
    expect(renderApprise(health, { format: 'html', tags: [], statelessUrls: 'x' }).body).toBe(
      'Indexer &lt;Nyaa&gt; is *down*<br><a href="https://wiki.example/health#indexers">Details</a>',
    );
  });

  it('event → type', () => {
    const type = (t: NotificationMessage['type']) =>
      renderApprise({ ...health, type: t }, { format: 'text', tags: [], statelessUrls: '' }).type;
    expect([type('download'), type('grab'), type('movie_delete'), type('health_issue'), type('manual_test')]).toEqual([
      'success',
      'info',
      'warning',
      'failure',
      'info',
    ]);
  });

  it('settings: exactly one of key and URLs; URLs and password are secret', () => {
    expect(appriseSettings.safeParse({ serverUrl: 'http://a:8000' }).success).toBe(false);
    expect(appriseSettings.safeParse({ serverUrl: 'http://a:8000', configKey: 'k', statelessUrls: URLS }).success).toBe(
      false,
    );
    expect(JSON.stringify(appriseSettings.shape.statelessUrls.meta())).toContain('"secret":true');
    expect(JSON.stringify(appriseSettings.shape.password.meta())).toContain('"secret":true');
  });
});

describe('Apprise answers and test()', () => {
  it('424 → ProtocolError, finding on statelessUrls; the URLs never show in messages or logs', async () => {
    fake.route('POST', '/apprise/notify/', { status: 424, body: `failed: ${URLS}` });
    await expect(apprise({ statelessUrls: URLS }).send(health)).rejects.toBeInstanceOf(ProtocolError);
    const findings = await apprise({ statelessUrls: URLS }).test();
    expect(findings[0]).toMatchObject({ field: 'settings.statelessUrls', severity: 'error' });
    for (const text of [JSON.stringify(findings), ...logLines]) {
      expect(text).not.toContain('AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw');
      expect(text).not.toContain('azGDORePK8gMaC0Q');
    }
  });

  it('204 for a key → NotFoundError → finding on configKey', async () => {
    fake.route('POST', '/apprise/notify/missing', { status: 204 });
    await expect(apprise({ configKey: 'missing' }).send(health)).rejects.toBeInstanceOf(NotFoundError);
    expect((await apprise({ configKey: 'missing' }).test())[0]?.field).toBe('settings.configKey');
  });

  it('401 → AuthError → finding on password', async () => {
    fake.route('POST', '/apprise/notify/media', { status: 401, body: 'Unauthorized' });
    await expect(apprise({ configKey: 'media' }).send(health)).rejects.toBeInstanceOf(AuthError);
    const findings = await apprise({ configKey: 'media', username: 'u', password: PASSWORD }).test();
    expect(findings[0]?.field).toBe('settings.password');
    expect(JSON.stringify(findings)).not.toContain(PASSWORD);
  });

  it('test() sends a manual_test notification; healthCheck validates only', async () => {
    fake.route('POST', '/apprise/notify/media', { status: 200, body: '' });
    expect(await apprise({ configKey: 'media' }).test()).toEqual([]);
    expect(fake.requests[0]?.json()).toMatchObject({
      title: 'Test',
      body: 'This is a test message from idkarr',
      type: 'info',
    });
    expect(await apprise({ configKey: 'media' }).healthCheck()).toEqual({ latencyMs: 0 });
    expect(fake.requests).toHaveLength(1);
  });
});
