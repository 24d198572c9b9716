import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorMapper } from './error-mapper.js';
import { fileFor, staticPlugin } from './static.plugin.js';

describe('static plugin (web UI)', () => {
  let root: string;
  let app: FastifyInstance;
  const html = { accept: 'text/html,application/xhtml+xml' };
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'idkarr-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(root, 'assets/index-abc123.js'), 'console.log(1)');
    writeFileSync(join(root, 'favicon.svg'), '<svg/>');
    app = Fastify();
    registerErrorMapper(app);
    app.get('/api/v1/thing', async () => ({ ok: true }));
    await app.register(staticPlugin(root));
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html at / and for client-side routes that ask for HTML', async () => {
    for (const url of ['/', '/movies', '/settings/downloadclients?x=1']) {
      const res = await app.inject({ url, headers: html });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('id="root"');
    }
  });

  it('serves hashed assets with a long cache and other files revalidated', async () => {
    const js = await app.inject({ url: '/assets/index-abc123.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toContain('javascript');
    expect(js.headers['cache-control']).toContain('immutable');
    const icon = await app.inject({ url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('keeps JSON 404s for the API, missing assets and non-HTML requests', async () => {
    expect((await app.inject({ url: '/api/v1/thing' })).json()).toEqual({ ok: true });
    for (const [url, headers] of [
      ['/api/v1/nothing', html],
      ['/api', html],
      ['/assets/missing.js', html],
      ['/movies', { accept: 'application/json' }],
    ] as const) {
      const res = await app.inject({ url, headers });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('never serves files outside the root', async () => {
    writeFileSync(join(root, '..', 'idkarr-secret.txt'), 'secret');
    try {
      for (const url of ['/../idkarr-secret.txt', '/%2e%2e/idkarr-secret.txt', '/assets/..%2f..%2fidkarr-secret.txt']) {
        const res = await app.inject({ url });
        expect(res.statusCode, url).toBe(404);
        expect(res.body).not.toContain('secret"');
      }
      expect(fileFor(root, '/%2e%2e/idkarr-secret.txt')).toBeUndefined();
      expect(fileFor(root, '/assets/%00.js')).toBeUndefined();
      expect(fileFor(root, '/assets')).toBeUndefined();
    } finally {
      rmSync(join(root, '..', 'idkarr-secret.txt'), { force: true });
    }
  });
});
