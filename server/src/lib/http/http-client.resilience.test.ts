import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../clock.js';
import { ServerError } from '../errors.js';
import { CircuitBreaker, CircuitOpenError } from '../resilience/circuit-breaker.js';
import { RateLimiterRegistry } from '../resilience/rate-limiter.js';
import { HttpClient } from './http-client.js';

// How HttpClient composes retry, circuit breaker and rate limiter, against a real loopback server.
let server: Server;
let base: string;
const hits = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/always-503') res.writeHead(503).end('down');
    else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => hits.clear());

describe('HttpClient composition', () => {
  /** Advances the fake clock in steps while real I/O runs, until the promise settles. */
  async function drive<T>(clock: FakeClock, p: Promise<T>, stepMs = 1_000): Promise<T> {
    let done = false;
    p.then(
      () => (done = true),
      () => (done = true),
    );
    while (!done) {
      await new Promise((r) => setTimeout(r, 2));
      await clock.advance(stepMs);
    }
    return p;
  }

  it('retries idempotent requests and gives up with the last error', async () => {
    const clock = new FakeClock();
    const client = new HttpClient({ baseUrl: base, clock, retry: { maxAttempts: 3, baseDelayMs: 1_000, jitter: 0 } });
    const err = await drive(
      clock,
      client.getText('/always-503').catch((e: unknown) => e),
    );
    expect(err).toBeInstanceOf(ServerError);
    expect(hits.get('/always-503')).toBe(3);
  });

  it('does not retry a POST unless asked', async () => {
    const clock = new FakeClock();
    const client = new HttpClient({ baseUrl: base, clock, retry: { maxAttempts: 3, baseDelayMs: 1_000 } });
    await drive(
      clock,
      client.postForm('/always-503', { a: '1' }).catch(() => {}),
    );
    expect(hits.get('/always-503')).toBe(1);
  });

  it('an opening circuit stops the retries and short-circuits later calls', async () => {
    const clock = new FakeClock();
    const circuitBreaker = new CircuitBreaker({ name: 'test-indexer', failureThreshold: 2, clock });
    const client = new HttpClient({
      baseUrl: base,
      clock,
      circuitBreaker,
      retry: { maxAttempts: 5, baseDelayMs: 1_000 },
    });
    const err = await drive(
      clock,
      client.getText('/always-503').catch((e: unknown) => e),
    );
    expect(err).toBeInstanceOf(CircuitOpenError);
    expect((err as Error).message).toBe('circuit open for test-indexer');
    expect(hits.get('/always-503')).toBe(2);
    await expect(client.getText('/json')).rejects.toBeInstanceOf(CircuitOpenError);
    expect(hits.get('/json')).toBeUndefined();
  });

  it('clients of one host share the registry bucket', async () => {
    const clock = new FakeClock();
    const rateLimiter = new RateLimiterRegistry({ capacity: 1, intervalMs: 10_000 }, clock);
    const a = new HttpClient({ baseUrl: base, clock, rateLimiter });
    const b = new HttpClient({ baseUrl: base, clock, rateLimiter });
    await a.getText('/json');
    const second = b.getText('/json');
    await new Promise((r) => setTimeout(r, 20));
    expect(hits.get('/json')).toBe(1);
    await clock.advance(10_000);
    await second;
    expect(hits.get('/json')).toBe(2);
  });
});
