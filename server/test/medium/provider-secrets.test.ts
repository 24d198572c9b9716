// Secrets never leave the server: masked on read, kept on a sentinel round-trip, scrubbed from messages.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthError } from '../../src/lib/errors.js';
import { SECRET_SENTINEL } from '../../src/providers/secrets.js';
import { DIALECTS } from '../support/databases.js';
import { type ProviderHarness, providerHarness, validBody } from '../support/test-doubles/provider-harness.js';

const KEY = 'super-secret-key-123';

describe.each(DIALECTS)('provider secrets (%s)', (dialect) => {
  let h: ProviderHarness;
  const texts: string[] = [];
  beforeEach(async () => {
    h = await providerHarness(dialect);
    texts.length = 0;
  });
  afterEach(async () => {
    await h.close();
  });

  async function call(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
    const res = await h.app.inject({ method, url, ...(payload ? { payload } : {}) });
    texts.push(res.body);
    return res;
  }

  async function storedSettings(id: number) {
    const row = await h.testDb.database.db
      .selectFrom('provider_definitions')
      .select('settings')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return JSON.parse(row.settings);
  }

  it('masks secrets on create, get and list; empty string when none is stored', async () => {
    const created = await call('POST', '/api/v1/notification', validBody());
    expect(created.json().settings).toMatchObject({ apiKey: SECRET_SENTINEL, password: '' });
    const id = created.json().id;
    expect((await call('GET', `/api/v1/notification/${id}`)).json().settings.apiKey).toBe(SECRET_SENTINEL);
    expect((await call('GET', '/api/v1/notification')).json()[0].settings.apiKey).toBe(SECRET_SENTINEL);
    expect((await storedSettings(id)).apiKey).toBe(KEY);
    for (const text of texts) expect(text).not.toContain(KEY);
  });

  it('keeps the stored secret when a PUT carries the sentinel, replaces it when a new value comes', async () => {
    const id = (await call('POST', '/api/v1/indexer', validBody())).json().id;
    const shown = (await call('GET', `/api/v1/indexer/${id}`)).json();
    const roundTrip = await call('PUT', `/api/v1/indexer/${id}`, {
      ...validBody(),
      settings: { ...shown.settings, priority: 7 },
    });
    expect(roundTrip.statusCode).toBe(200);
    const stored = await storedSettings(id);
    expect(stored).toMatchObject({ apiKey: KEY, priority: 7, password: '' });
    // The instance tested before the write saw the real key, not the sentinel.
    expect(h.control.settingsSeen.at(-1)?.apiKey).toBe(KEY);

    await call(
      'PUT',
      `/api/v1/indexer/${id}`,
      validBody({ settings: { ...shown.settings, apiKey: 'rotated-key-456' } }),
    );
    expect((await storedSettings(id)).apiKey).toBe('rotated-key-456');
    for (const text of texts) expect(text).not.toContain('rotated-key-456');
  });

  it('a sentinel without a stored value is not accepted as the secret', async () => {
    const res = await call(
      'POST',
      '/api/v1/indexer',
      validBody({ settings: { url: 'http://x:1', apiKey: SECRET_SENTINEL } }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('settings.apiKey');
  });

  it('POST /test with an id uses the stored secret for the sentinel', async () => {
    const id = (await call('POST', '/api/v1/mediaserver', validBody())).json().id;
    h.control.settingsSeen.length = 0;
    const res = await call('POST', '/api/v1/mediaserver/test', {
      ...validBody(),
      id,
      settings: { url: 'http://localhost:9091', apiKey: SECRET_SENTINEL },
    });
    expect(res.json()).toEqual({ ok: true, findings: [] });
    expect(h.control.settingsSeen).toEqual([expect.objectContaining({ apiKey: KEY })]);
    expect(h.control.contexts.at(-1)?.definitionId).toBe(id);
    expect((await call('POST', '/api/v1/mediaserver/test', { ...validBody(), id: 999 })).statusCode).toBe(404);
  });

  it('scrubs secrets the remote echoes in test messages and errors', async () => {
    h.control.test = { mode: 'throw', error: () => new AuthError(`key ${KEY} rejected`) };
    const thrown = await call('POST', '/api/v1/downloadclient/test', validBody());
    expect(thrown.json().findings[0]).toMatchObject({ field: 'settings.apiKey', message: 'key [redacted] rejected' });
    h.control.test = { mode: 'findings', findings: [{ field: '', message: `bad key ${KEY}`, severity: 'error' }] };
    const saved = await call('POST', '/api/v1/downloadclient', validBody());
    expect(saved.statusCode).toBe(400);
    for (const text of texts) expect(text).not.toContain(KEY);
  });

  it('health messages are scrubbed of the definition secrets', async () => {
    const id = (await call('POST', '/api/v1/importlist', validBody())).json().id;
    h.control.health = { mode: 'throw', error: () => new AuthError(`token ${KEY} expired`) };
    await h.health.checkAll();
    const listed = await call('GET', '/api/v1/importlist');
    expect(listed.json()[0].status).toMatchObject({ health: 'unhealthy', message: 'token [redacted] expired' });
    expect((await h.health.healthIssues())[0]?.message).toBe('token [redacted] expired');
    expect(id).toBeGreaterThan(0);
    for (const text of texts) expect(text).not.toContain(KEY);
  });
});
