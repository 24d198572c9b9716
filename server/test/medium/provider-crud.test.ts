// Provider definitions over HTTP on both dialects: schema, CRUD, validation findings, test-before-save.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthError, UnreachableError } from '../../src/lib/errors.js';
import { DIALECTS } from '../support/databases.js';
import { type ProviderHarness, providerHarness, validBody } from '../support/test-doubles/provider-harness.js';

describe.each(DIALECTS)('provider CRUD (%s)', (dialect) => {
  let h: ProviderHarness;
  beforeEach(async () => {
    h = await providerHarness(dialect);
  });
  afterEach(async () => {
    await h.close();
  });

  const post = (body: unknown, query = '') =>
    h.app.inject({ method: 'POST', url: `/api/v1/downloadclient${query}`, payload: body as object });
  const put = (id: number, body: unknown, query = '') =>
    h.app.inject({ method: 'PUT', url: `/api/v1/downloadclient/${id}${query}`, payload: body as object });

  it('describes each implementation with JSON Schema fields, meta and defaults', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/indexer/schema' });
    expect(res.statusCode).toBe(200);
    const [impl] = res.json();
    expect(impl).toMatchObject({
      implementation: 'test-double',
      name: 'Test double (indexer)',
      description: 'A controllable fake for tests',
      protocol: 'torrent',
      capabilities: ['testing'],
    });
    // Secrets (apiKey, password) have no published defaults.
    expect(impl.defaults).toEqual({ priority: 25 });
    expect(impl.fields.type).toBe('object');
    expect(impl.fields.required).toEqual(['url', 'apiKey']);
    expect(impl.fields.properties.url).toMatchObject({
      type: 'string',
      label: 'URL',
      help: 'Where the service listens',
      order: 1,
    });
    expect(impl.fields.properties.apiKey).toMatchObject({ secret: true, label: 'API key' });
    expect(impl.fields.properties.priority).toMatchObject({ advanced: true, default: 25, minimum: 1, maximum: 50 });
    // A secret's default is never published.
    expect(impl.fields.properties.password).not.toHaveProperty('default');
    const notification = (await h.app.inject({ method: 'GET', url: '/api/v1/notification/schema' })).json();
    expect(notification[0].protocol).toBeNull();
  });

  it('creates, lists, reads, updates and deletes', async () => {
    const created = await post(validBody());
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      implementation: 'test-double',
      name: 'Main',
      enabled: true,
      tags: [1, 2],
      status: null,
    });
    expect(body.settings).toMatchObject({ url: 'http://localhost:9091', priority: 10, password: '' });

    const list = (await h.app.inject({ method: 'GET', url: '/api/v1/downloadclient' })).json();
    expect(list.map((d: { id: number }) => d.id)).toEqual([body.id]);
    // Kinds are separate namespaces.
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/indexer' })).json()).toEqual([]);
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/indexer/${body.id}` })).statusCode).toBe(404);

    const updated = await put(body.id, validBody({ name: 'Renamed', enabled: false, tags: [] }));
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ id: body.id, name: 'Renamed', enabled: false, tags: [] });
    const read = await h.app.inject({ method: 'GET', url: `/api/v1/downloadclient/${body.id}` });
    expect(read.json().name).toBe('Renamed');

    const events = h.events.filter((e) => e.type === 'provider.changed').map((e) => e.data);
    expect(events).toEqual([
      { kind: 'downloadclient', id: body.id, action: 'created' },
      { kind: 'downloadclient', id: body.id, action: 'updated' },
    ]);

    expect((await h.app.inject({ method: 'DELETE', url: `/api/v1/downloadclient/${body.id}` })).statusCode).toBe(204);
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/downloadclient/${body.id}` })).statusCode).toBe(404);
    expect(await h.definitionRepo.get(body.id)).toBeUndefined();
  });

  it('answers 404 for unknown ids, 409 for duplicate names, 400 for unknown implementations', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/downloadclient/999' })).statusCode).toBe(404);
    expect((await put(999, validBody())).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'DELETE', url: '/api/v1/downloadclient/999' })).statusCode).toBe(404);

    const first = (await post(validBody())).json();
    const dup = await post(validBody());
    expect(dup.statusCode).toBe(409);
    const other = (await post(validBody({ name: 'Other' }))).json();
    expect((await put(other.id, validBody({ name: 'Main' }))).statusCode).toBe(409);
    // Same name in another kind is fine.
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/indexer', payload: validBody() })).statusCode).toBe(201);
    expect((await put(first.id, validBody())).statusCode).toBe(200);

    const unknown = await post(validBody({ implementation: 'nope', name: 'X' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ field: 'implementation', severity: 'error' })]);
  });

  it('reports settings validation failures on settings.<field> and writes nothing', async () => {
    const res = await post(validBody({ settings: { url: 'not a url', priority: 99 } }));
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(['settings.apiKey', 'settings.priority', 'settings.url']);
    expect(await h.definitionRepo.list()).toEqual([]);
    expect(h.control.testCalls).toBe(0);
    const badBody = await post({ ...validBody(), name: '' });
    expect(badBody.statusCode).toBe(400);
    expect(badBody.json().errors[0].field).toBe('body.name');
  });

  it('blocks a save when test() reports an error and keeps the old definition', async () => {
    const saved = (await post(validBody())).json();
    const before = await h.definitionRepo.get(saved.id);
    h.control.test = {
      mode: 'findings',
      findings: [{ field: 'settings.url', message: 'no such host', severity: 'error' }],
    };
    const res = await put(
      saved.id,
      validBody({ name: 'Changed', settings: { url: 'http://other:1', apiKey: 'new-key' } }),
      '?forceSave=true',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'settings.url', message: 'no such host', severity: 'error' }]);
    expect(await h.definitionRepo.get(saved.id)).toEqual(before);
    expect((await post(validBody({ name: 'Second' }))).statusCode).toBe(400);
    expect(await h.definitionRepo.list()).toHaveLength(1);
  });

  it('turns thrown taxonomy errors into findings on the field the implementation names', async () => {
    h.control.test = { mode: 'throw', error: () => new AuthError('401 from remote') };
    const auth = await post(validBody());
    expect(auth.statusCode).toBe(400);
    expect(auth.json().errors).toEqual([{ field: 'settings.apiKey', message: '401 from remote', severity: 'error' }]);
    h.control.test = { mode: 'throw', error: () => new UnreachableError('connection refused') };
    expect((await post(validBody())).json().errors[0].field).toBe('settings.url');
    h.control.test = { mode: 'throw', error: () => new Error('boom: internal detail') };
    const unexpected = (await post(validBody())).json();
    expect(unexpected.errors[0]).toMatchObject({ field: '', severity: 'error' });
    expect(JSON.stringify(unexpected)).not.toContain('internal detail');
    expect(await h.definitionRepo.list()).toEqual([]);
    // Every test instance is disposed again.
    expect(h.control.disposed).toBe(h.control.created);
  });

  it('blocks warnings unless forceSave, and skips the test for disabled definitions', async () => {
    h.control.test = {
      mode: 'findings',
      findings: [{ field: 'settings.priority', message: 'unusual', severity: 'warning' }],
    };
    const blocked = await post(validBody());
    expect(blocked.statusCode).toBe(400);
    expect(blocked.json().errors[0]).toMatchObject({ severity: 'warning' });
    expect(blocked.json().detail).toContain('forceSave');
    expect(await h.definitionRepo.list()).toEqual([]);
    expect((await post(validBody(), '?forceSave=true')).statusCode).toBe(201);

    h.control.test = { mode: 'throw', error: () => new AuthError('denied') };
    const calls = h.control.testCalls;
    expect((await post(validBody({ name: 'Parked', enabled: false }))).statusCode).toBe(201);
    expect(h.control.testCalls).toBe(calls);
  });

  it('POST /test answers 200 with findings and never saves', async () => {
    h.control.test = { mode: 'findings', findings: [{ field: '', message: 'old version', severity: 'warning' }] };
    const warn = await h.app.inject({ method: 'POST', url: '/api/v1/downloadclient/test', payload: validBody() });
    expect(warn.statusCode).toBe(200);
    expect(warn.json()).toEqual({ ok: true, findings: [{ field: '', message: 'old version', severity: 'warning' }] });
    h.control.test = { mode: 'throw', error: () => new AuthError('bad key') };
    const auth = await h.app.inject({ method: 'POST', url: '/api/v1/downloadclient/test', payload: validBody() });
    expect(auth.json()).toEqual({
      ok: false,
      findings: [{ field: 'settings.apiKey', message: 'bad key', severity: 'error' }],
    });
    const invalid = await h.app.inject({
      method: 'POST',
      url: '/api/v1/downloadclient/test',
      payload: validBody({ settings: {} }),
    });
    expect(invalid.statusCode).toBe(200);
    expect(invalid.json().ok).toBe(false);
    expect(
      invalid
        .json()
        .findings.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['settings.apiKey', 'settings.url']);
    expect(await h.definitionRepo.list()).toEqual([]);
  });
});
