// System surface of the composed app on both dialects: status, OpenAPI, the log API (with redaction), health,
// the WebSocket event stream, and the provider framework reachable through the real composition root.
import type { AddressInfo } from 'node:net';
import { arch, platform } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { VERSION } from '../../src/app/version.js';
import { type AppHarness, startApp } from '../support/app-harness.js';
import { DIALECTS } from '../support/databases.js';
import { IntegrationTestDoubleControl, testDoubleRegistry } from '../support/test-doubles/integration.test-double.js';

describe.each(DIALECTS)('foundation system (%s)', (dialect) => {
  let h: AppHarness;
  const control = new IntegrationTestDoubleControl();
  beforeEach(async () => {
    h = await startApp(dialect, { compose: { registry: testDoubleRegistry(control) } });
  });
  afterEach(async () => {
    await h.close();
  });
  const get = (url: string) => h.app.http.inject({ method: 'GET', url, headers: h.authHeaders() });

  it('reports status', async () => {
    const before = Date.now();
    const res = await get('/api/v1/system/status');
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s).toEqual({
      appName: 'idkarr',
      version: VERSION,
      startTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      uptimeSeconds: expect.any(Number),
      databaseType: dialect,
      dataDir: h.dataDir,
      osName: platform(),
      osVersion: expect.any(String),
      arch: arch(),
      runtimeName: 'node',
      runtimeVersion: process.versions.node,
      pid: process.pid,
    });
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
    expect(Date.parse(s.startTime)).toBeLessThanOrEqual(before);
    expect(Date.now() - Date.parse(s.startTime)).toBeLessThan(60_000);
    expect(s.uptimeSeconds).toBeGreaterThanOrEqual(0);
  });

  it('shows the host settings from the environment, read-only', async () => {
    const res = await get('/api/v1/config/host');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      port: h.config.port,
      bindAddress: h.config.bind,
      logLevel: 'info',
      backupRetention: h.config.backupRetention,
      trustedProxies: [],
      source: 'environment',
    });
    const put = await h.app.http.inject({
      method: 'PUT',
      url: '/api/v1/config/host',
      headers: h.authHeaders(),
      payload: { logLevel: 'debug' },
    });
    expect(put.statusCode).toBe(404);
  });

  it('publishes an OpenAPI 3 document describing the API', async () => {
    const res = await get('/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info).toMatchObject({ title: 'idkarr API', version: VERSION });
    expect(doc.components.securitySchemes.apiKey).toEqual({ type: 'apiKey', in: 'header', name: 'X-Api-Key' });
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/system/status',
        '/api/v1/health',
        '/api/v1/log',
        '/api/v1/auth/login',
        '/api/v1/indexer',
      ]),
    );
    const status = doc.paths['/api/v1/system/status'].get;
    expect(status.responses['200'].content['application/json'].schema.properties).toHaveProperty('databaseType');
    // Hidden routes stay hidden.
    expect(doc.paths).not.toHaveProperty('/api/v1/ws');
    expect(doc.paths).not.toHaveProperty('/api/v1/openapi.json');
  });

  it('answers health with an array', async () => {
    const res = await get('/api/v1/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([]);
  });

  it('pages the log newest first, with secrets redacted in the API and on stdout', async () => {
    const key = h.apiKey();
    const log = h.app.logger.child({ module: 'probe' });
    for (let i = 1; i <= 5; i++) log.info({ seq: i }, `probe ${i}`);
    log.warn(
      {
        apiKey: 'SECRET-APIKEY-1',
        password: 'SECRET-PASSWORD-1',
        settings: { nested: { token: 'SECRET-TOKEN-1' } },
        url: `http://indexer.local/api?t=search&apikey=SECRET-URLKEY-1&q=dune`,
      },
      'probe secrets',
    );
    // A request authenticated via ?apikey= is logged (debug) with the key redacted.
    expect((await h.app.http.inject({ method: 'GET', url: `/api/v1/health?apikey=${key}` })).statusCode).toBe(200);

    const page1 = await get('/api/v1/log?page=1&pageSize=3');
    expect(page1.statusCode).toBe(200);
    const body = page1.json();
    expect(body.page).toBe(1);
    expect(body.pageSize).toBe(3);
    expect(body.records).toHaveLength(3);
    expect(body.totalRecords).toBeGreaterThanOrEqual(7);
    const times = body.records.map((r: { time: string }) => Date.parse(r.time));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const probes = (await get('/api/v1/log?pageSize=1000'))
      .json()
      .records.filter((r: { module?: string }) => r.module === 'probe');
    expect(probes.map((r: { message: string }) => r.message)).toEqual([
      'probe secrets',
      'probe 5',
      'probe 4',
      'probe 3',
      'probe 2',
      'probe 1',
    ]);
    expect(probes[0]).toMatchObject({
      level: 'warn',
      fields: {
        apiKey: '[redacted]',
        password: '[redacted]',
        settings: { nested: { token: '[redacted]' } },
        url: 'http://indexer.local/api?t=[redacted]&apikey=[redacted]&q=dune',
      },
    });
    const warnOnly = (await get('/api/v1/log?level=warn&pageSize=1000')).json();
    expect(warnOnly.records.every((r: { level: string }) => r.level === 'warn')).toBe(true);
    const page2 = (await get('/api/v1/log?page=2&pageSize=3')).json();
    expect(page2.page).toBe(2);
    expect(page2.records).toHaveLength(3);

    const everything = `${JSON.stringify((await get('/api/v1/log?pageSize=1000')).json())}\n${h.stdout.text}`;
    expect(h.stdout.text).toContain('probe secrets');
    for (const secret of ['SECRET-APIKEY-1', 'SECRET-PASSWORD-1', 'SECRET-TOKEN-1', 'SECRET-URLKEY-1', key])
      expect(everything).not.toContain(secret);
  });

  it('refuses a log page size over 1000', async () => {
    const res = await get('/api/v1/log?pageSize=1001');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['querystring.pageSize']);
  });

  // redactUrl throws on a malformed escape (see redact.test.ts); the request path must still answer.
  it('survives a malformed percent escape in the query', async () => {
    const res = await h.app.http.inject({ method: 'GET', url: `/ping?%zz=1&apikey=${h.apiKey()}` });
    expect(res.statusCode).toBe(200);
    expect((await get('/api/v1/system/status')).statusCode).toBe(200);
  });

  it('serves the provider framework from the registry it was given', async () => {
    const schema = await get('/api/v1/downloadclient/schema');
    expect(schema.statusCode).toBe(200);
    expect(schema.json().map((i: { implementation: string }) => i.implementation)).toEqual(['test-double']);
    const created = await h.app.http.inject({
      method: 'POST',
      url: '/api/v1/downloadclient',
      headers: h.authHeaders(),
      payload: {
        implementation: 'test-double',
        name: 'Main',
        enabled: true,
        tags: [],
        settings: { url: 'http://localhost:9091', apiKey: 'provider-secret-1' },
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    expect(created.body).not.toContain('provider-secret-1');
    const list = await get('/api/v1/downloadclient');
    expect(list.json().map((d: { id: number; name: string }) => [d.id, d.name])).toEqual([[id, 'Main']]);
    const del = await h.app.http.inject({
      method: 'DELETE',
      url: `/api/v1/downloadclient/${id}`,
      headers: h.authHeaders(),
    });
    expect(del.statusCode).toBeLessThan(300);
    expect((await get(`/api/v1/downloadclient/${id}`)).statusCode).toBe(404);
    for (const url of [
      '/api/v1/downloadclient',
      '/api/v1/downloadclient/schema',
      '/api/v1/indexer',
      `/api/v1/notification/${id}`,
    ])
      expect((await h.app.http.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect(
      (await h.app.http.inject({ method: 'POST', url: '/api/v1/indexer', payload: { implementation: 'test-double' } }))
        .statusCode,
    ).toBe(401);
  });
});

describe.each(DIALECTS)('foundation WebSocket (%s)', (dialect) => {
  let h: AppHarness;
  let base: string;
  beforeEach(async () => {
    h = await startApp(dialect);
    await h.app.http.listen({ host: '127.0.0.1', port: 0 });
    base = `ws://127.0.0.1:${(h.app.http.server.address() as AddressInfo).port}/api/v1/ws`;
  });
  afterEach(async () => {
    await h.close();
  });

  it('rejects a connection without auth with 401', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(base);
      ws.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        ws.terminate();
      });
      ws.on('open', () => reject(new Error('opened without auth')));
      ws.on('error', () => {});
    });
    expect(status).toBe(401);
    const wrong = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${base}?apikey=wrong-key-0123456789`);
      ws.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        ws.terminate();
      });
      ws.on('error', () => {});
    });
    expect(wrong).toBe(401);
  });

  it('with ?apikey= sends connected, then bus events', async () => {
    const ws = new WebSocket(`${base}?apikey=${h.apiKey()}`);
    const messages: unknown[] = [];
    const got = (n: number) =>
      new Promise<void>((resolve, reject) => {
        const check = () => (messages.length >= n ? resolve() : setTimeout(check, 10));
        ws.on('error', reject);
        check();
      });
    ws.on('message', (data) => messages.push(JSON.parse(String(data))));
    try {
      await got(1);
      expect(messages[0]).toEqual({ type: 'connected', data: {} });
      h.app.events.emit('health.changed', { source: 'indexer:Main', status: 'unhealthy', message: 'down' });
      await got(2);
      expect(messages[1]).toEqual({
        type: 'health.changed',
        data: { source: 'indexer:Main', status: 'unhealthy', message: 'down' },
      });
    } finally {
      ws.close();
    }
  });

  it('accepts a session cookie', async () => {
    const user = { username: 'admin', password: 'correct horse battery' };
    await h.app.http.inject({ method: 'POST', url: '/api/v1/auth/setup', payload: user });
    const login = await h.app.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: user });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const ws = new WebSocket(base, { headers: { cookie } });
    const first = await new Promise<unknown>((resolve, reject) => {
      ws.on('message', (d) => resolve(JSON.parse(String(d))));
      ws.on('unexpected-response', (_q, r) => reject(new Error(`status ${r.statusCode}`)));
    });
    ws.close();
    expect(first).toEqual({ type: 'connected', data: {} });
  });
});
