import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { Agent } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../clock.js';
import {
  AuthError,
  ConflictError,
  NotFoundError,
  ProtocolError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnreachableError,
} from '../errors.js';
import { HttpClient, IDKARR_VERSION } from './http-client.js';

const RETRY_DATE = 'Wed, 21 Oct 2015 07:28:00 GMT';
const MiB = 1024 * 1024;
let server: Server;
let base: string;
const hits = new Map<string, number>();
const streamed = { bytes: 0, closed: Promise.resolve() };
let slowArrived: () => void = () => {};

function route(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
  const status = /^\/status\/(\d+)$/.exec(url.pathname);
  if (status) {
    res.writeHead(Number(status[1]), { 'content-type': 'text/plain' }).end(`status body ${status[1]}`);
  } else if (url.pathname === '/retry-after-seconds') {
    res.writeHead(429, { 'retry-after': '120' }).end();
  } else if (url.pathname === '/retry-after-date') {
    res.writeHead(429, { 'retry-after': RETRY_DATE }).end();
  } else if (url.pathname === '/slow') {
    slowArrived(); // never answers; the client's timeout must end it
  } else if (url.pathname === '/json') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"n":3}');
  } else if (url.pathname === '/not-json') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('<html>login page</html>');
  } else if (url.pathname === '/latin1') {
    res.writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' }).end(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
  } else if (url.pathname === '/echo') {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body }));
    });
  } else if (url.pathname === '/bad-request-echo') {
    res.writeHead(400).end(`invalid request: ${url.search}`);
  } else if (url.pathname === '/huge-declared') {
    res.writeHead(200, { 'content-length': String(100 * MiB) });
    streamUntilClosed(res, 100 * MiB);
  } else if (url.pathname === '/huge-chunked') {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    streamUntilClosed(res, 512 * MiB);
  } else {
    res.writeHead(500).end('no route');
  }
}

/** Writes with backpressure and counts what the socket accepted, so the test sees how much the client pulled. */
function streamUntilClosed(res: ServerResponse, limit: number): void {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  streamed.bytes = 0;
  streamed.closed = once(res, 'close').then(() => {});
  const pump = () => {
    while (streamed.bytes < limit && !res.destroyed) {
      streamed.bytes += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

beforeAll(async () => {
  server = createServer(route);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => hits.clear());

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

describe('HttpClient status mapping', () => {
  const client = () => new HttpClient({ baseUrl: base, clock: new FakeClock() });
  it.each([
    [401, AuthError],
    [403, AuthError],
    [404, NotFoundError],
    [409, ConflictError],
    [400, ProtocolError],
    [500, ServerError],
    [502, ServerError],
  ])('maps HTTP %i to %s', async (code, kind) => {
    const err = await client()
      .getText(`/status/${code}`)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(kind);
    expect((err as Error).message).toBe(
      `GET ${base}/status/${code}: HTTP ${code}${code < 404 && code > 400 ? ' (check the API key or credentials)' : ''}`,
    );
  });

  it('keeps the status and a body excerpt', async () => {
    const server = await client()
      .getText('/status/503')
      .catch((e: unknown) => e);
    expect((server as ServerError).status).toBe(503);
    const bad = await client()
      .getText('/status/422')
      .catch((e: unknown) => e);
    expect((bad as ProtocolError).excerpt).toBe('status body 422');
  });

  it('returns accepted statuses instead of throwing', async () => {
    const res = await client().getText('/status/409', { acceptStatus: [409] });
    expect([res.status, res.body]).toEqual([409, 'status body 409']);
  });

  it('parses Retry-After in seconds', async () => {
    const err = await client()
      .getText('/retry-after-seconds')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBe(120_000);
  });

  it('parses Retry-After as an HTTP date against the injected clock', async () => {
    const clock = new FakeClock(Date.parse(RETRY_DATE) - 90_000);
    const err = await new HttpClient({ baseUrl: base, clock }).getText('/retry-after-date').catch((e: unknown) => e);
    expect((err as RateLimitedError).retryAfterMs).toBe(90_000);
  });
});

describe('HttpClient transport failures', () => {
  it('times out a response that never comes, on the injected clock', async () => {
    const clock = new FakeClock();
    const arrived = new Promise<void>((r) => (slowArrived = r));
    const pending = new HttpClient({ baseUrl: base, clock, timeoutMs: 5_000 })
      .getText('/slow')
      .catch((e: unknown) => e);
    await arrived;
    await clock.advance(4_999);
    let settled = false;
    void pending.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(settled).toBe(false);
    await clock.advance(1);
    const err = await pending;
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as Error).message).toBe(`GET ${base}/slow: no complete response within 5000 ms`);
  });

  it('maps a refused connection to UnreachableError', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, 'close');
    const err = await new HttpClient({ clock: new FakeClock() }).getText(`http://127.0.0.1:${port}/x`).catch((e) => e);
    expect(err).toBeInstanceOf(UnreachableError);
    expect((err as Error).message).toBe(`GET http://127.0.0.1:${port}/x: connection refused`);
  });

  it('passes a caller abort through unchanged', async () => {
    const ac = new AbortController();
    const arrived = new Promise<void>((r) => (slowArrived = r));
    const pending = new HttpClient({ baseUrl: base, clock: new FakeClock() })
      .getText('/slow', { signal: ac.signal })
      .catch((e: unknown) => e);
    await arrived;
    const reason = new Error('shutting down');
    ac.abort(reason);
    expect(await pending).toBe(reason);
  });
});

describe('HttpClient body cap', () => {
  it('rejects a declared oversize body without reading it', async () => {
    const client = new HttpClient({ baseUrl: base, clock: new FakeClock(), maxBodyBytes: MiB });
    const err = await client.request({ path: '/huge-declared' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtocolError);
    expect((err as Error).message).toBe(
      `GET ${base}/huge-declared: response of ${100 * MiB} bytes exceeds the ${MiB}-byte limit`,
    );
    await streamed.closed;
    expect(streamed.bytes).toBeLessThan(16 * MiB);
  });

  it('stops reading a chunked body once past the cap', async () => {
    const client = new HttpClient({ baseUrl: base, clock: new FakeClock(), maxBodyBytes: MiB });
    const err = await client.request({ path: '/huge-chunked' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtocolError);
    expect((err as Error).message).toBe(`GET ${base}/huge-chunked: response body exceeds the ${MiB}-byte limit`);
    await streamed.closed;
    // Socket buffers hold a few MiB at most; 512 MiB were on offer.
    expect(streamed.bytes).toBeLessThan(16 * MiB);
  });
});

describe('HttpClient helpers', () => {
  it('getJson parses JSON; invalid JSON is a ProtocolError with an excerpt', async () => {
    const client = new HttpClient({ baseUrl: base, clock: new FakeClock() });
    const res = await client.getJson<{ ok: boolean; n: number }>('/json');
    expect([res.status, res.body]).toEqual([200, { ok: true, n: 3 }]);
    expect(res.headers.get('content-type')).toBe('application/json');
    const err = await client.getJson('/not-json').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtocolError);
    expect((err as ProtocolError).excerpt).toBe('<html>login page</html>');
    expect((err as Error).message).toBe(`${base}/not-json: response is not valid JSON`);
  });

  it('decodes the declared charset', async () => {
    const res = await new HttpClient({ baseUrl: base, clock: new FakeClock() }).getText('/latin1');
    expect(res.body).toBe('café');
  });

  it('sends default headers, user agent, basic auth, query and bodies under a base path', async () => {
    const client = new HttpClient({
      baseUrl: `${base}/echo-prefix/..`,
      clock: new FakeClock(),
      headers: { 'X-Custom': 'yes' },
      basicAuth: { username: 'admin', password: 'hunter22' },
    });
    type Echo = { method: string; url: string; headers: Record<string, string>; body: string };
    const get = await client.getJson<Echo>('/echo', { query: { a: 1, skip: undefined, ids: [1, 2] } });
    expect(get.body.method).toBe('GET');
    expect(get.body.url).toBe('/echo?a=1&ids=1&ids=2');
    expect(get.body.headers['user-agent']).toBe(`idkarr/${IDKARR_VERSION}`);
    expect(IDKARR_VERSION).toMatch(/^\d+\.\d+\.\d+/);
    expect(get.body.headers['x-custom']).toBe('yes');
    expect(get.body.headers.authorization).toBe(`Basic ${Buffer.from('admin:hunter22').toString('base64')}`);
    const json = await client.postJson<Echo>('/echo', { x: [1] });
    expect([json.body.method, json.body.headers['content-type'], json.body.body]).toEqual([
      'POST',
      'application/json',
      '{"x":[1]}',
    ]);
    const form = await client.postForm('/echo', { name: 'a b', pass: 'p&q' });
    const echoed = JSON.parse(form.body) as Echo;
    expect(echoed.body).toBe('name=a+b&pass=p%26q');
    expect(echoed.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8');
  });

  it('turns credentials in the URL into basic auth', async () => {
    const client = new HttpClient({ clock: new FakeClock() });
    const res = await client.getJson<{ headers: Record<string, string> }>(
      base.replace('//', '//u%40x:p%3Aw@') + '/echo',
    );
    expect(res.body.headers.authorization).toBe(`Basic ${Buffer.from('u@x:p:w').toString('base64')}`);
  });

  it('sends through the given undici dispatcher', async () => {
    let dispatched = 0;
    class CountingAgent extends Agent {
      override dispatch(...args: Parameters<Agent['dispatch']>): boolean {
        dispatched++;
        return super.dispatch(...args);
      }
    }
    const dispatcher = new CountingAgent();
    const res = await new HttpClient({ baseUrl: base, clock: new FakeClock(), dispatcher }).getText('/json');
    expect(res.status).toBe(200);
    expect(dispatched).toBe(1);
    await dispatcher.close();
  });
});

describe('HttpClient logging', () => {
  it('logs method, redacted URL and status with secrets and auth headers removed', async () => {
    const { logger, lines } = capture();
    const client = new HttpClient({
      baseUrl: base,
      clock: new FakeClock(),
      logger,
      headers: { 'X-Api-Key': 'S3CRETKEY' },
      basicAuth: { username: 'admin', password: 'hunter22' },
      secrets: ['S3CRETKEY'],
    });
    await client.getText('/json', { query: { apikey: 'S3CRETKEY', t: 'search', q: 'ubuntu' } });
    const err = await client.getText('/status/404', { query: { passkey: 'PK998877' } }).catch((e: unknown) => e);
    const out = lines.join('');
    expect(out).not.toContain('S3CRETKEY');
    expect(out).not.toContain('PK998877');
    expect(out).not.toContain(Buffer.from('admin:hunter22').toString('base64'));
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map((r) => [r.msg, r.url, r.status])).toEqual([
      ['http response', `${base}/json?apikey=[redacted]&t=[redacted]&q=ubuntu`, 200],
      ['http request failed', `${base}/status/404?passkey=[redacted]`, undefined],
    ]);
    const loggedHeaders = records[0]!.headers as Record<string, string>;
    expect(loggedHeaders['x-api-key']).toBe('[redacted]');
    expect(loggedHeaders.authorization).toBe('[redacted]');
    expect(loggedHeaders['user-agent']).toBe(`idkarr/${IDKARR_VERSION}`);
    expect((err as Error).message).toBe(`GET ${base}/status/404?passkey=[redacted]: HTTP 404`);
  });

  it('masks known secrets in error excerpts that echo the request', async () => {
    const client = new HttpClient({ baseUrl: base, clock: new FakeClock(), secrets: ['S3CRETKEY'] });
    const err = await client.getText('/bad-request-echo', { query: { apikey: 'S3CRETKEY' } }).catch((e: unknown) => e);
    expect((err as ProtocolError).excerpt).toBe('invalid request: ?apikey=[redacted]');
  });
});
