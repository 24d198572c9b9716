// Join against a local fake API. There is no recorded fixture for Join: the answers below are constructed from the
// public API description (https://joaoapps.com/join/api/ — sendPush parameters) and the response fields read by
// public clients (`success`, `userAuthError`, `errorMessage`, e.g. the pyjoin client's get_devices/send_notification).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeHttpServer } from '../../../../test/support/fake-http-server.js';
import { systemClock } from '../../../lib/clock.js';
import { AuthError, ProtocolError } from '../../../lib/errors.js';
import type { IntegrationContext } from '../../../providers/integration.js';
import type { NotificationMessage } from '../../../providers/ports/notifier.port.js';
import { JoinDeviceError } from './api.js';
import { joinIntegration } from './index.js';
import { joinSettings } from './settings.js';

const KEY = 'b6a2c9d4e8f0a1b2c3d4e5f6a7b8c9d0';
const PATH = '/_ah/api/messaging/v1/sendPush';
const OK = { success: true, userAuthError: false };
const NOT_AUTHENTICATED = { success: false, userAuthError: true, errorMessage: 'User Not Authenticated' };
const NO_DEVICES = { success: false, userAuthError: false, errorMessage: 'No devices to send to' };
const logLines: string[] = [];
const log = { debug: (obj: object, msg?: string) => void logLines.push(`${msg} ${JSON.stringify(obj)}`) };
const ctx = {
  clock: systemClock,
  definitionId: 10,
  definitionName: 'Join',
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

const join = (overrides: Record<string, unknown> = {}) =>
  joinIntegration.create(joinSettings.parse({ baseUrl: fake.url, apiKey: KEY, ...overrides }) as never, ctx);

const grab: NotificationMessage = {
  type: 'grab',
  title: 'Grabbed',
  message: 'Fight Club (1999)',
  imageUrl: 'https://image.tmdb.org/t/p/original/p.jpg',
  link: 'https://www.themoviedb.org/movie/550',
  payload: {
    release: {
      quality: 'Bluray-1080p',
      qualityVersion: 1,
      releaseTitle: 'Fight.Club.1999.1080p.BluRay-GRP',
      indexer: 'x',
      size: 1,
    },
  },
  occurredAt: '2025-01-31T04:15:02.000Z',
  instanceName: 'idkarr',
  applicationUrl: '',
};

describe('Join requests', () => {
  it('a grab GETs sendPush with the key, devices, title, text, icon, url and priority', async () => {
    fake.route('GET', PATH, { json: OK });
    await join({ deviceIds: ['abc123', 'def456'], deviceNames: ['Pixel 8'], priority: 2 }).send(grab);
    const [req] = fake.requests;
    expect(req?.method).toBe('GET');
    expect(req?.path).toBe(PATH);
    expect([...(req?.searchParams ?? [])]).toEqual([
      ['apikey', KEY],
      ['deviceIds', 'abc123,def456'],
      ['deviceNames', 'Pixel 8'],
      ['title', 'Grabbed'],
      ['text', 'Fight Club (1999)\nFight.Club.1999.1080p.BluRay-GRP'],
      ['icon', 'https://image.tmdb.org/t/p/original/p.jpg'],
      ['url', 'https://www.themoviedb.org/movie/550'],
      ['priority', '2'],
    ]);
  });

  it('no devices configured → deviceId=group.all; includeImage=false drops the icon', async () => {
    fake.route('GET', PATH, { json: OK });
    await join({ includeImage: false }).send(grab);
    expect(fake.requests[0]?.query).toMatchObject({ deviceId: 'group.all' });
    expect(fake.requests[0]?.searchParams.has('icon')).toBe(false);
  });
});

describe('Join answers and test()', () => {
  it('not authenticated → AuthError → finding on apiKey; the key is masked in logs and findings', async () => {
    fake.route('GET', PATH, { json: NOT_AUTHENTICATED });
    await expect(join().send(grab)).rejects.toBeInstanceOf(AuthError);
    const findings = await join().test();
    expect(findings).toEqual([
      { field: 'settings.apiKey', message: 'Join sendPush: User Not Authenticated', severity: 'error' },
    ]);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('\n')).not.toContain(KEY);
  });

  it('no devices → JoinDeviceError → finding on deviceIds (or deviceNames)', async () => {
    fake.route('GET', PATH, { json: NO_DEVICES });
    await expect(join().send(grab)).rejects.toBeInstanceOf(JoinDeviceError);
    expect((await join({ deviceIds: ['gone'] }).test())[0]?.field).toBe('settings.deviceIds');
    expect((await join({ deviceNames: ['Old phone'] }).test())[0]?.field).toBe('settings.deviceNames');
  });

  it('test() pushes a manual_test once (no retry of the GET); odd answers → ProtocolError', async () => {
    fake.once('GET', PATH, { json: OK });
    fake.once('GET', PATH, { json: { success: false, errorMessage: 'Something else' } });
    expect(await join().test()).toEqual([]);
    expect(fake.requests[0]?.query).toMatchObject({ title: 'Test', text: 'This is a test message from idkarr' });
    await expect(join().send(grab)).rejects.toBeInstanceOf(ProtocolError);
    expect(fake.requests).toHaveLength(2);
  });

  it('a 500 error page with the key echoed does not leak it', async () => {
    fake.route('GET', PATH, { status: 500, body: `boom apikey=${KEY}` });
    const err = await join()
      .send(grab)
      .catch((e: unknown) => e);
    expect(String(err)).not.toContain(KEY);
    expect(String(err)).toContain('apikey=[redacted]');
  });

  it('healthCheck validates only; settings mark the key secret', async () => {
    expect(await join().healthCheck()).toEqual({ latencyMs: 0 });
    expect(fake.requests).toHaveLength(0);
    expect(JSON.stringify(joinSettings.shape.apiKey.meta())).toContain('"secret":true');
    expect(joinSettings.safeParse({ apiKey: KEY, priority: 3 }).success).toBe(false);
  });
});
