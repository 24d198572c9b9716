// Gotify against a local fake server: the recorded message request (X-Gotify-Key header, markdown extras), click
// URL and big image extras, Markdown escaping, recorded errors, test() findings and the token kept out of logs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeHttpServer } from '../../../../test/support/fake-http-server.js';
import { systemClock } from '../../../lib/clock.js';
import { AuthError, ProtocolError } from '../../../lib/errors.js';
import type { IntegrationContext } from '../../../providers/integration.js';
import type { NotificationMessage } from '../../../providers/ports/notifier.port.js';
import { gotifyIntegration } from './index.js';
import { renderGotify } from './render.js';
import { gotifySettings } from './settings.js';

const FIXTURES = fileURLToPath(new URL('../../../../../../shared/fixtures/protocols/gotify/', import.meta.url));
const fixtureJson = (name: string) => JSON.parse(readFileSync(`${FIXTURES}${name}`, 'utf8'));
const TOKEN = 'AvKcy9o-yvVhyKd';
const logLines: string[] = [];
const log = { debug: (obj: object, msg?: string) => void logLines.push(`${msg} ${JSON.stringify(obj)}`) };
const ctx = {
  clock: systemClock,
  definitionId: 8,
  definitionName: 'Gotify',
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

const gotify = (overrides: Record<string, unknown> = {}) =>
  gotifyIntegration.create(
    gotifySettings.parse({ serverUrl: `${fake.url}/gotify`, appToken: TOKEN, ...overrides }) as never,
    ctx,
  );

const imported = (overrides: Partial<NotificationMessage> = {}): NotificationMessage => ({
  type: 'download',
  title: 'Imported',
  message: 'Severance - 2x03 - Who Is Alive?',
  mediaTitle: 'Severance',
  payload: {},
  occurredAt: '2025-01-31T04:15:02.000Z',
  instanceName: 'idkarr',
  applicationUrl: '',
  ...overrides,
});

describe('Gotify requests', () => {
  it('an import posts the recorded message with X-Gotify-Key under the server path', async () => {
    fake.fixture('POST', '/gotify/message', 'message-response.json');
    await gotify().send(imported());
    const [req] = fake.requests;
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe('/gotify/message');
    expect(req?.headers['x-gotify-key']).toBe(TOKEN);
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.json()).toEqual(fixtureJson('message-request.json'));
  });

  it('click URL, big image, priority and plain text without markdown', async () => {
    fake.fixture('POST', '/gotify/message', 'message-response.json');
    await gotify({ priority: 8, markdown: false }).send(
      imported({ link: 'https://example.org/s', imageUrl: 'https://example.org/p.jpg', message: 'A *b* [c]' }),
    );
    expect(fake.requests[0]?.json()).toEqual({
      title: 'Imported',
      message: 'A *b* [c]',
      priority: 8,
      extras: {
        'client::notification': { click: { url: 'https://example.org/s' }, bigImageUrl: 'https://example.org/p.jpg' },
      },
    });
  });

  const rows: [string, string][] = [
    ['Severance *Uncut* [2024]', '**Severance** \\*Uncut\\* \\[2024\\]'],
    ['Severance_<script>', '**Severance**\\_\\<script\\>'],
    ['# Not a heading', '\\# Not a heading'],
  ];
  for (const [input, expected] of rows) {
    it(`markdown escapes ${JSON.stringify(input)}`, () => {
      expect(
        renderGotify(imported({ message: input }), { priority: 5, markdown: true, includeImage: true }).message,
      ).toBe(expected);
    });
  }
});

describe('Gotify answers, test() and health', () => {
  it('401 → AuthError → finding on appToken; the token stays out of logs and findings', async () => {
    fake.fixture('POST', '/gotify/message', 'error-401.json', { status: 401 });
    await expect(gotify().send(imported())).rejects.toBeInstanceOf(AuthError);
    const findings = await gotify().test();
    expect(findings).toEqual([
      { field: 'settings.appToken', message: expect.stringContaining('HTTP 401'), severity: 'error' },
    ]);
    expect(logLines.length).toBeGreaterThan(0);
    for (const text of [...logLines, JSON.stringify(findings)]) expect(text).not.toContain(TOKEN);
  });

  it('400 → ProtocolError with the error description', async () => {
    fake.fixture('POST', '/gotify/message', 'error-400-message-missing.json', { status: 400 });
    const err = await gotify()
      .send(imported())
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtocolError);
    expect((err as Error).message).toBe("Gotify /message: Field 'message' is required");
  });

  it('test() posts a manual_test message; a wrong server path is a finding on serverUrl', async () => {
    fake.fixture('POST', '/gotify/message', 'message-response.json');
    expect(await gotify().test()).toEqual([]);
    expect(fake.requests[0]?.json()).toMatchObject({ title: 'Test', message: 'This is a test message from idkarr' });
    expect((await gotify({ serverUrl: `${fake.url}/wrong` }).test())[0]?.field).toBe('settings.serverUrl');
  });

  it('healthCheck GETs /version without the token', async () => {
    fake.fixture('GET', '/gotify/version', 'version.json');
    expect((await gotify().healthCheck()).latencyMs).toBeGreaterThanOrEqual(0);
    expect(fake.requests[0]?.headers['x-gotify-key']).toBeUndefined();
  });

  it('settings: token secret, metadata server refused', () => {
    expect(JSON.stringify(gotifySettings.shape.appToken.meta())).toContain('"secret":true');
    expect(gotifySettings.safeParse({ serverUrl: 'http://metadata.google.internal', appToken: 'x' }).success).toBe(
      false,
    );
  });
});
