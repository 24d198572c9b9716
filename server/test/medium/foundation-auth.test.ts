// Authentication through the composed app on both dialects: what is public, API key (header, query, file,
// environment, regeneration), first-run setup, session cookies, and the failed-login throttle.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AppHarness, startApp } from '../support/app-harness.js';
import { DIALECTS } from '../support/databases.js';

const USER = { username: 'admin', password: 'correct horse battery' };
const PROBLEM = 'application/problem+json; charset=utf-8';

function cookieOf(setCookie: string | string[] | undefined): string {
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  if (!first) throw new Error('no set-cookie header');
  return first.split(';')[0]!;
}

describe.each(DIALECTS)('foundation auth (%s)', (dialect) => {
  let h: AppHarness;
  beforeEach(async () => {
    h = await startApp(dialect);
  });
  afterEach(async () => {
    await h.close();
  });

  const inject = (opts: InjectOptions) => h.app.http.inject(opts);
  const setup = () => inject({ method: 'POST', url: '/api/v1/auth/setup', payload: USER });
  const login = (body: object, headers: Record<string, string> = {}) =>
    inject({ method: 'POST', url: '/api/v1/auth/login', payload: body, headers });

  it('answers /ping without auth', async () => {
    const res = await inject({ method: 'GET', url: '/ping' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'OK' });
    expect((await inject({ method: 'HEAD', url: '/ping' })).statusCode).toBe(200);
  });

  it.each([
    ['GET', '/api/v1/system/status'],
    ['GET', '/api/v1/openapi.json'],
    ['GET', '/api/v1/ws'],
    ['GET', '/api/v1/log'],
    ['GET', '/api/v1/health'],
    ['GET', '/api/v1/auth/apikey'],
    ['POST', '/api/v1/auth/apikey'],
    ['GET', '/api/v1/system/backup'],
    ['GET', '/api/v1/downloadclient'],
    ['GET', '/api/v1/no-such-route'],
    ['GET', '/no-such-page'],
    ['DELETE', '/ping'],
  ])('refuses %s %s without auth with a 401 problem', async (method, url) => {
    const res = await inject({ method: method as 'GET', url });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toBe(PROBLEM);
    expect(res.json()).toEqual({
      type: 'https://idkarr.dev/problems/401',
      title: 'Unauthorized',
      status: 401,
      detail: 'authentication required: send X-Api-Key or log in',
    });
  });

  it('sends browsers asking for a page to the login form', async () => {
    const res = await inject({ method: 'GET', url: '/some/page', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/login?returnUrl=%2Fsome%2Fpage');
    const page = await inject({ method: 'GET', url: '/login' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
  });

  it('accepts the API key in the X-Api-Key header and in ?apikey=, and refuses a wrong key', async () => {
    const key = h.apiKey();
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    const viaHeader = await inject({ method: 'GET', url: '/api/v1/auth/me', headers: { 'x-api-key': key } });
    expect(viaHeader.statusCode).toBe(200);
    expect(viaHeader.json()).toEqual({ kind: 'apiKey', username: null });
    const viaQuery = await inject({ method: 'GET', url: `/api/v1/system/status?apikey=${key}` });
    expect(viaQuery.statusCode).toBe(200);
    const wrong = `${key.slice(0, -1)}${key.endsWith('0') ? '1' : '0'}`;
    expect((await inject({ method: 'GET', url: '/api/v1/auth/me', headers: { 'x-api-key': wrong } })).statusCode).toBe(
      401,
    );
    expect((await inject({ method: 'GET', url: `/api/v1/auth/me?apikey=${wrong}` })).statusCode).toBe(401);
    expect(
      (await inject({ method: 'GET', url: '/api/v1/auth/me', headers: { 'x-api-key': `${key}x` } })).statusCode,
    ).toBe(401);
  });

  it('creates the first user once, then answers 409', async () => {
    const before = await inject({ method: 'GET', url: '/api/v1/auth/setup' });
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({ needsSetup: true });

    const created = await setup();
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ username: 'admin' });
    expect((await inject({ method: 'GET', url: '/api/v1/auth/setup' })).json()).toEqual({ needsSetup: false });

    const again = await inject({
      method: 'POST',
      url: '/api/v1/auth/setup',
      payload: { username: 'evil', password: 'evil-password' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toBe(PROBLEM);
    expect(again.json()).toMatchObject({ status: 409, title: 'Conflict' });
  });

  it('refuses a weak first password with field findings', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/auth/setup',
      payload: { username: 'a b', password: 'short' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['username', 'password']);
    expect((await inject({ method: 'GET', url: '/api/v1/auth/setup' })).json()).toEqual({ needsSetup: true });
  });

  it('stores the password as a scrypt hash, never in plain text', async () => {
    await setup();
    const rows = await sql<{
      username: string;
      password_hash: string;
    }>`select username, password_hash from users`.execute(h.app.database.db);
    expect(rows.rows).toHaveLength(1);
    const hash = rows.rows[0]!.password_hash;
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);
    expect(hash).not.toContain(USER.password);
  });

  it('logs in with a HttpOnly SameSite=Strict cookie that grants access until logout', async () => {
    await setup();
    const res = await login(USER);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ username: 'admin' });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^idkarr_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toContain('Secure');
    const cookie = cookieOf(res.headers['set-cookie']);

    const me = await inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({ kind: 'session', username: 'admin' });
    expect((await inject({ method: 'GET', url: '/api/v1/system/status', headers: { cookie } })).statusCode).toBe(200);
    // The token is stored hashed, not as sent.
    const token = cookie.split('=')[1]!;
    const sessions = await sql<{ id: string }>`select id from sessions`.execute(h.app.database.db);
    expect(sessions.rows.map((r) => r.id)).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
    expect(sessions.rows[0]!.id).not.toBe(token);

    const out = await inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^idkarr_session=;/);
    expect((await inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
    expect(
      (await inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: 'idkarr_session=forged' } }))
        .statusCode,
    ).toBe(401);
  });

  it('changes the password of the session user: findings name the wrong field, the old password stops working', async () => {
    await setup();
    const cookie = cookieOf((await login(USER)).headers['set-cookie']);
    const change = (body: object, headers: Record<string, string> = { cookie }) =>
      inject({ method: 'POST', url: '/api/v1/auth/password', payload: body, headers });

    const wrong = await change({ currentPassword: 'not it at all', newPassword: 'a brand new secret' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ field: 'currentPassword', message: 'is wrong', severity: 'error' }]);
    const short = await change({ currentPassword: USER.password, newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors).toEqual([
      { field: 'newPassword', message: 'must be at least 8 characters', severity: 'error' },
    ]);
    // The API key names no user, so there is no password to change.
    const byKey = await change({ currentPassword: USER.password, newPassword: 'a brand new secret' }, h.authHeaders());
    expect(byKey.statusCode).toBe(400);

    expect((await change({ currentPassword: USER.password, newPassword: 'a brand new secret' })).statusCode).toBe(204);
    expect((await login(USER)).statusCode).toBe(401);
    expect((await login({ ...USER, password: 'a brand new secret' })).statusCode).toBe(200);
  });

  it('answers 401 to a wrong password or an unknown user, without a cookie', async () => {
    await setup();
    for (const body of [
      { username: 'admin', password: 'wrong password' },
      { username: 'nobody', password: USER.password },
    ]) {
      const res = await login(body);
      expect(res.statusCode).toBe(401);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.json()).toEqual({
        type: 'https://idkarr.dev/problems/401',
        title: 'Unauthorized',
        status: 401,
        detail: 'invalid username or password',
      });
    }
  });

  it('throttles after 5 failures: 429 with Retry-After, even with the right password', async () => {
    await setup();
    for (let i = 0; i < 5; i++) expect((await login({ ...USER, password: `wrong-${i}` })).statusCode).toBe(401);
    const res = await login(USER);
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('900');
    expect(res.headers['content-type']).toBe(PROBLEM);
    expect(res.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('does not let a spoofed X-Forwarded-For from an untrusted peer evade the throttle', async () => {
    await setup();
    for (let i = 0; i < 5; i++)
      expect(
        (await login({ ...USER, password: `wrong-${i}` }, { 'x-forwarded-for': `10.0.0.${i + 1}` })).statusCode,
      ).toBe(401);
    for (let i = 0; i < 3; i++) {
      const res = await login(USER, { 'x-forwarded-for': `192.0.2.${i + 1}` });
      expect(res.statusCode).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('counts the API key from IDKARR_API_KEY and refuses to regenerate it', async () => {
    const envKey = 'Env_Key-0123456789abcdef';
    const e = await startApp(dialect, { env: { IDKARR_API_KEY: envKey } });
    try {
      expect(e.app.apiKeyFile).toBe('IDKARR_API_KEY');
      expect(
        (await e.app.http.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { 'x-api-key': envKey } }))
          .statusCode,
      ).toBe(200);
      const regen = await e.app.http.inject({
        method: 'POST',
        url: '/api/v1/auth/apikey',
        headers: { 'x-api-key': envKey },
      });
      expect(regen.statusCode).toBeGreaterThanOrEqual(400);
      expect(regen.headers['content-type']).toBe(PROBLEM);
      expect(
        (await e.app.http.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { 'x-api-key': envKey } }))
          .statusCode,
      ).toBe(200);
    } finally {
      await e.close();
    }
  });

  it('answers 409 with the reason when asked to regenerate an IDKARR_API_KEY key', async () => {
    const envKey = 'Env_Key-0123456789abcdef';
    const e = await startApp(dialect, { env: { IDKARR_API_KEY: envKey } });
    try {
      const regen = await e.app.http.inject({
        method: 'POST',
        url: '/api/v1/auth/apikey',
        headers: { 'x-api-key': envKey },
      });
      expect(regen.statusCode).toBe(409);
      expect(regen.json().detail).toContain('IDKARR_API_KEY');
    } finally {
      await e.close();
    }
  });

  it('stores a generated API key in config.json with mode 0600 and reuses it after a restart', async () => {
    const file = join(h.dataDir, 'config.json');
    expect(h.app.apiKeyFile).toBe(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const key = h.apiKey();
    await h.restart();
    expect(h.apiKey()).toBe(key);
    expect((await inject({ method: 'GET', url: '/api/v1/auth/me', headers: { 'x-api-key': key } })).statusCode).toBe(
      200,
    );
  });

  it('regenerates the API key: the old one stops working, the new one survives a restart', async () => {
    const old = h.apiKey();
    const res = await inject({ method: 'POST', url: '/api/v1/auth/apikey', headers: { 'x-api-key': old } });
    expect(res.statusCode).toBe(200);
    const fresh = res.json().apiKey as string;
    expect(fresh).toMatch(/^[0-9a-f]{32}$/);
    expect(fresh).not.toBe(old);
    expect((await inject({ method: 'GET', url: '/api/v1/auth/me', headers: { 'x-api-key': old } })).statusCode).toBe(
      401,
    );
    const got = await inject({ method: 'GET', url: '/api/v1/auth/apikey', headers: { 'x-api-key': fresh } });
    expect(got.json()).toEqual({ apiKey: fresh });
    await h.restart();
    expect((await inject({ method: 'GET', url: '/api/v1/auth/me', headers: { 'x-api-key': fresh } })).statusCode).toBe(
      200,
    );
    expect((await inject({ method: 'GET', url: '/api/v1/auth/me', headers: { 'x-api-key': old } })).statusCode).toBe(
      401,
    );
  });
});

describe('foundation auth behind a trusted proxy', () => {
  let h: AppHarness;
  beforeEach(async () => {
    h = await startApp('sqlite', { env: { IDKARR_TRUSTED_PROXIES: '127.0.0.1' } });
  });
  afterEach(async () => {
    await h.close();
  });

  it('throttles distinct X-Forwarded-For clients separately', async () => {
    const login = (password: string, xff: string) =>
      h.app.http.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: USER.username, password },
        headers: { 'x-forwarded-for': xff },
      });
    expect((await h.app.http.inject({ method: 'POST', url: '/api/v1/auth/setup', payload: USER })).statusCode).toBe(
      201,
    );
    for (let i = 0; i < 5; i++) expect((await login(`wrong-${i}`, '198.51.100.7')).statusCode).toBe(401);
    expect((await login(USER.password, '198.51.100.7')).statusCode).toBe(429);
    expect((await login(USER.password, '198.51.100.8')).statusCode).toBe(200);
    // The proxy's own address was never the one throttled.
    expect((await login(USER.password, '198.51.100.9')).statusCode).toBe(200);
  });
});
