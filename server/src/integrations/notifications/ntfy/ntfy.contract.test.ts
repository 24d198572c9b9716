// ntfy against a local fake server: the recorded JSON publish request, Bearer and Basic auth headers, attachments,
// recorded 401/403/429 answers, test() findings on the credential in use, health, and secrets kept out of logs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeHttpServer } from '../../../../test/support/fake-http-server.js';
import { systemClock } from '../../../lib/clock.js';
import { AuthError, ProtocolError, RateLimitedError } from '../../../lib/errors.js';
import type { IntegrationContext } from '../../../providers/integration.js';
import type { NotificationMessage } from '../../../providers/ports/notifier.port.js';
import { ntfyIntegration } from './index.js';
import { ntfySettings } from './settings.js';

const FIXTURES = fileURLToPath(new URL('../../../../../../shared/fixtures/protocols/ntfy/', import.meta.url));
const fixtureJson = (name: string) => JSON.parse(readFileSync(`${FIXTURES}${name}`, 'utf8'));
const TOKEN = 'tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2';
const PASSWORD = 'correct horse battery staple';
const logLines: string[] = [];
const log = { debug: (obj: object, msg?: string) => void logLines.push(`${msg} ${JSON.stringify(obj)}`) };
const ctx = {
  clock: systemClock,
  definitionId: 9,
  definitionName: 'ntfy',
  kind: 'notification',
  log,
} as unknown as IntegrationContext;

let fake: FakeHttpServer;
beforeAll(async () => {
  fake = await FakeHttpServer.start({ fixtureRoot: FIXTURES });
});
afterEach(() => {
  fake.reset();
  logLines.length = 0;
});
afterAll(() => fake.close());

const ntfy = (overrides: Record<string, unknown> = {}) =>
  ntfyIntegration.create(
    ntfySettings.parse({ serverUrl: fake.url, topic: 'media-alerts', ...overrides }) as never,
    ctx,
  );

const imported = (overrides: Partial<NotificationMessage> = {}): NotificationMessage => ({
  type: 'download',
  title: 'Imported',
  message: 'Severance - 2x03 - Who Is Alive?',
  link: 'https://www.thetvdb.com/?tab=series&id=371980',
  payload: {},
  occurredAt: '2025-01-31T04:15:02.000Z',
  instanceName: 'idkarr',
  applicationUrl: '',
  ...overrides,
});

describe('ntfy requests', () => {
  it('an import publishes the recorded JSON body to POST / with a Bearer token', async () => {
    fake.fixture('POST', '/', 'publish-response.json');
    await ntfy({ tags: ['tv'], accessToken: TOKEN }).send(imported());
    const [req] = fake.requests;
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe('/');
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req?.json()).toEqual(fixtureJson('publish-json-request.json'));
  });

  it('basic auth, priority 5, attach poster, no tags/click keys when absent', async () => {
    fake.fixture('POST', '/', 'publish-response.json');
    await ntfy({ username: 'phil', password: PASSWORD, priority: 5, includeImage: true }).send(
      imported({ link: undefined, imageUrl: 'https://example.org/p.jpg', message: 'A *b* <c>' }),
    );
    const [req] = fake.requests;
    expect(req?.headers.authorization).toBe(`Basic ${Buffer.from(`phil:${PASSWORD}`).toString('base64')}`);
    expect(req?.json()).toEqual({
      topic: 'media-alerts',
      title: 'Imported',
      message: 'A *b* <c>',
      priority: 5,
      attach: 'https://example.org/p.jpg',
    });
  });

  it('no credentials → no Authorization header; settings refuse priority 6 and token+username', () => {
    expect(ntfySettings.safeParse({ topic: 't', priority: 6 }).success).toBe(false);
    expect(ntfySettings.safeParse({ topic: 't', accessToken: 'tk_x', username: 'u', password: 'p' }).success).toBe(
      false,
    );
    expect(ntfySettings.parse({ topic: 't' }).serverUrl).toBe('https://ntfy.sh');
    expect(JSON.stringify(ntfySettings.shape.accessToken.meta())).toContain('"secret":true');
    expect(JSON.stringify(ntfySettings.shape.password.meta())).toContain('"secret":true');
  });
});

describe('ntfy answers, test() and health', () => {
  it('401 → AuthError, 403 → AuthError, 429 → RateLimitedError, 400 → ProtocolError', async () => {
    fake.once('POST', '/', { status: 401, file: 'error-401-unauthorized.json' });
    fake.once('POST', '/', { status: 403, file: 'error-403-forbidden.json' });
    fake.once('POST', '/', { status: 429, file: 'error-429-too-many-requests.json' });
    fake.once('POST', '/', { status: 400, json: { code: 40009, http: 400, error: 'invalid request: topic invalid' } });
    await expect(ntfy().send(imported())).rejects.toBeInstanceOf(AuthError);
    await expect(ntfy().send(imported())).rejects.toBeInstanceOf(AuthError);
    await expect(ntfy().send(imported())).rejects.toBeInstanceOf(RateLimitedError);
    await expect(ntfy().send(imported())).rejects.toThrow(/ntfy publish: invalid request: topic invalid/);
    expect(fake.requests).toHaveLength(4);
  });

  it('test() sends a manual_test; 403 is a finding on accessToken, or on password with basic auth', async () => {
    fake.once('POST', '/', { file: 'publish-response.json' });
    fake.once('POST', '/', { status: 403, file: 'error-403-forbidden.json' });
    fake.once('POST', '/', { status: 401, file: 'error-401-unauthorized.json' });
    expect(await ntfy().test()).toEqual([]);
    expect(fake.requests[0]?.json()).toMatchObject({ title: 'Test', message: 'This is a test message from idkarr' });
    expect((await ntfy({ accessToken: TOKEN }).test())[0]?.field).toBe('settings.accessToken');
    const basic = await ntfy({ username: 'phil', password: PASSWORD }).test();
    expect(basic[0]?.field).toBe('settings.password');
    expect(logLines.join('\n')).not.toContain(TOKEN);
    expect(JSON.stringify(basic)).not.toContain(PASSWORD);
  });

  it('healthCheck GETs /v1/health', async () => {
    fake.route('GET', '/v1/health', { json: { healthy: true } });
    expect((await ntfy().healthCheck()).latencyMs).toBeGreaterThanOrEqual(0);
    fake.route('GET', '/v1/health', { json: { healthy: false } });
    await expect(ntfy().healthCheck()).rejects.toBeInstanceOf(ProtocolError);
  });
});
