// Pushover against a local fake API: the exact form body per priority (emergency adds retry/expire), sound, devices
// and link; recorded success/error answers; test() findings on the field Pushover names; keys kept out of logs/errors.
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeHttpServer } from '../../../../test/support/fake-http-server.js';
import { systemClock } from '../../../lib/clock.js';
import { ProtocolError, RateLimitedError } from '../../../lib/errors.js';
import type { IntegrationContext } from '../../../providers/integration.js';
import type { NotificationMessage } from '../../../providers/ports/notifier.port.js';
import { PushoverAuthError } from './api.js';
import { pushoverIntegration } from './index.js';
import { pushoverSettings } from './settings.js';

const FIXTURES = fileURLToPath(new URL('../../../../../../shared/fixtures/protocols/pushover/', import.meta.url));
const TOKEN = 'azGDORePK8gMaC0QOYAMyEEuzJnyUi';
const USER = 'uQiRzpo4DXghDmr9QzzfQu27cmVRsG';
const logLines: string[] = [];
const log = { debug: (obj: object, msg?: string) => void logLines.push(`${msg} ${JSON.stringify(obj)}`) };
const ctx = {
  clock: systemClock,
  definitionId: 7,
  definitionName: 'Pushover',
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

const pushover = (overrides: Record<string, unknown> = {}) =>
  pushoverIntegration.create(
    pushoverSettings.parse({ baseUrl: fake.url, apiToken: TOKEN, userKey: USER, ...overrides }) as never,
    ctx,
  );

const grab = (overrides: Partial<NotificationMessage> = {}): NotificationMessage => ({
  type: 'grab',
  title: 'Grabbed',
  message: 'Fight Club (1999)',
  quality: 'Bluray-1080p',
  link: 'https://www.themoviedb.org/movie/550',
  payload: {
    release: {
      quality: 'Bluray-1080p',
      qualityVersion: 1,
      releaseTitle: 'Fight.Club.1999.1080p.BluRay.x264-GRP',
      indexer: 'x',
      size: 1,
    },
  },
  occurredAt: '2025-01-31T04:15:02.000Z',
  instanceName: 'idkarr',
  applicationUrl: '',
  ...overrides,
});

describe('Pushover requests', () => {
  it('a grab posts the exact form to /1/messages.json', async () => {
    fake.fixture('POST', '/1/messages.json', 'messages-success.json');
    await pushover({ sound: 'cosmic', devices: ['iphone', 'pixel8'], priority: 1 }).send(grab());
    const [req] = fake.requests;
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe('/1/messages.json');
    expect(req?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(req?.body).toBe(
      `token=${TOKEN}&user=${USER}&title=Grabbed&message=Fight+Club+%281999%29%0AFight.Club.1999.1080p.BluRay.x264-GRP%0AQuality%3A+Bluray-1080p` +
        '&priority=1&sound=cosmic&device=iphone%2Cpixel8&url=https%3A%2F%2Fwww.themoviedb.org%2Fmovie%2F550&url_title=Details&timestamp=1738296902',
    );
  });

  it('emergency priority adds retry and expire (answer with a receipt)', async () => {
    fake.fixture('POST', '/1/messages.json', 'messages-success-emergency-receipt.json');
    await pushover({ priority: 2, retry: 120, expire: 7200 }).send(grab({ link: undefined }));
    const form = new URLSearchParams(fake.requests[0]?.body);
    expect(Object.fromEntries(form)).toMatchObject({ priority: '2', retry: '120', expire: '7200' });
    expect(form.has('url')).toBe(false);
    expect(form.has('device')).toBe(false);
  });

  it('settings: priority outside −2…2, expire over 10800 and retry < 30 are refused; keys are secret', () => {
    const base = { apiToken: TOKEN, userKey: USER };
    expect(pushoverSettings.safeParse({ ...base, priority: 3 }).success).toBe(false);
    expect(pushoverSettings.safeParse({ ...base, priority: 2, expire: 20_000 }).success).toBe(false);
    expect(pushoverSettings.safeParse({ ...base, priority: 2, retry: 10 }).success).toBe(false);
    expect(JSON.stringify(pushoverSettings.shape.apiToken.meta())).toContain('"secret":true');
    expect(JSON.stringify(pushoverSettings.shape.userKey.meta())).toContain('"secret":true');
  });

  it('titles and messages are clipped to 250 / 1024 characters', async () => {
    fake.fixture('POST', '/1/messages.json', 'messages-success.json');
    await pushover().send(grab({ title: 'T'.repeat(300), message: 'M'.repeat(2000), payload: {} }));
    const form = new URLSearchParams(fake.requests[0]?.body);
    expect(form.get('title')?.length).toBe(250);
    expect(form.get('message')?.length).toBe(1024);
  });
});

describe('Pushover answers and test()', () => {
  it('invalid token → PushoverAuthError(token) → finding on apiToken', async () => {
    fake.fixture('POST', '/1/messages.json', 'messages-error-invalid-token.json', { status: 400 });
    await expect(pushover().send(grab())).rejects.toMatchObject({ parameter: 'token' });
    expect(await pushover().test()).toEqual([
      {
        field: 'settings.apiToken',
        message: 'Pushover /1/messages.json: application token is invalid',
        severity: 'error',
      },
    ]);
  });

  it('invalid user → finding on userKey; the test message is a manual_test', async () => {
    fake.fixture('POST', '/1/messages.json', 'messages-error-invalid-user.json', { status: 400 });
    const findings = await pushover().test();
    expect(findings).toEqual([
      {
        field: 'settings.userKey',
        message: 'Pushover /1/messages.json: user identifier is invalid',
        severity: 'error',
      },
    ]);
    expect(new URLSearchParams(fake.requests[0]?.body).get('title')).toBe('Test');
  });

  it('an invalid device → finding on devices', async () => {
    fake.route('POST', '/1/messages.json', {
      status: 400,
      json: { device: 'invalid', errors: ['device name is not valid for user'], status: 0, request: 'r' },
    });
    expect((await pushover({ devices: ['tablet'] }).test())[0]?.field).toBe('settings.devices');
  });

  it('success → no findings; 429 → RateLimitedError; other 400 → ProtocolError', async () => {
    fake.once('POST', '/1/messages.json', { file: 'messages-success.json' });
    fake.once('POST', '/1/messages.json', { status: 429, retryAfter: 60, json: { status: 0, errors: ['limit'] } });
    fake.once('POST', '/1/messages.json', { status: 400, json: { status: 0, errors: ['message cannot be blank'] } });
    expect(await pushover().test()).toEqual([]);
    const limited = await pushover()
      .send(grab())
      .catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).retryAfterMs).toBe(60_000);
    await expect(pushover().send(grab())).rejects.toBeInstanceOf(ProtocolError);
  });

  it('healthCheck validates the user key with users/validate.json', async () => {
    fake.fixture('POST', '/1/users/validate.json', 'users-validate-success.json');
    expect((await pushover().healthCheck()).latencyMs).toBeGreaterThanOrEqual(0);
    expect(fake.requests[0]?.body).toBe(`token=${TOKEN}&user=${USER}`);
    fake.reset();
    fake.fixture('POST', '/1/users/validate.json', 'messages-error-invalid-user.json', { status: 400 });
    await expect(pushover().healthCheck()).rejects.toBeInstanceOf(PushoverAuthError);
  });

  it('keys never appear in logs, errors or findings', async () => {
    fake.once('POST', '/1/messages.json', { status: 500, body: `oops ${TOKEN} ${USER}` });
    fake.once('POST', '/1/messages.json', { status: 400, body: `not json ${TOKEN}` });
    fake.once('POST', '/1/messages.json', { status: 400, file: 'messages-error-invalid-token.json' });
    const errors = [
      await pushover()
        .send(grab())
        .catch((e: unknown) => e),
      await pushover()
        .send(grab())
        .catch((e: unknown) => e),
    ];
    const findings = await pushover().test();
    expect(logLines.length).toBeGreaterThan(0);
    const excerpts = errors.map((e) => (e as ProtocolError).excerpt ?? '');
    for (const text of [...errors.map(String), ...excerpts, ...logLines, JSON.stringify(findings)]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(USER);
    }
  });
});
