// Backups through the composed app: consistent copies while the database is written, newest-first listing,
// retention, download/delete, restore (CLI-style and staged through the API), and the PostgreSQL refusal.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../src/services/backup.service.js';
import { type AppHarness, startApp } from '../support/app-harness.js';

const USER = { username: 'admin', password: 'correct horse battery' };
const NAME = /^idkarr-backup-manual-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.db$/;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('foundation backups (sqlite)', () => {
  let h: AppHarness;
  const dirs: string[] = [];
  beforeEach(async () => {
    h = await startApp('sqlite', { env: { IDKARR_BACKUP_RETENTION: '3' } });
  });
  afterEach(async () => {
    await h.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  const api = (method: 'GET' | 'POST' | 'DELETE', url: string) =>
    h.app.http.inject({ method, url, headers: h.authHeaders() });
  const createBackup = async () => {
    const res = await api('POST', '/api/v1/system/backup');
    expect(res.statusCode).toBe(201);
    return res.json() as { name: string; size: number; time: string; type: string };
  };
  const backupPath = (name: string) => join(h.dataDir, 'backups', name);
  const tmpDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'idkarr-restore-'));
    dirs.push(d);
    return d;
  };

  it('makes a consistent backup while another loop writes', async () => {
    const db = h.app.database.db;
    let written = 0;
    let stop = false;
    let writeError: unknown;
    const writer = (async () => {
      while (!stop) {
        try {
          await sql`insert into key_value (key, value) values (${`row-${written}`}, ${'x'.repeat(2000)})`.execute(db);
          written++;
        } catch (err) {
          writeError = err;
          return;
        }
        if (written % 20 === 0) await sleep(0);
      }
    })();
    await sleep(50);
    const before = written;
    expect(before).toBeGreaterThan(0);
    const info = await createBackup();
    stop = true;
    await writer;
    expect(writeError).toBeUndefined();
    expect(info).toEqual({
      name: expect.stringMatching(NAME),
      size: expect.any(Number),
      time: expect.any(String),
      type: 'manual',
    });
    expect(info.size).toBeGreaterThan(before * 2000);

    const copy = new SqliteDatabase(backupPath(info.name), { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const keys = new Set(
        (copy.prepare("select key from key_value where key like 'row-%'").all() as { key: string }[]).map((r) => r.key),
      );
      for (let i = 0; i < before; i++) expect(keys.has(`row-${i}`)).toBe(true);
      // config.json travels inside the backup.
      const cfg = copy.prepare("select value from key_value where key = 'backup.config.json'").get() as {
        value: string;
      };
      expect(JSON.parse(cfg.value)).toEqual({ apiKey: h.apiKey() });
    } finally {
      copy.close();
    }
    expect(readdirSync(join(h.dataDir, 'backups')).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('lists newest first and prunes to the retention', async () => {
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      made.push((await createBackup()).name);
      await sleep(15);
    }
    const list = await api('GET', '/api/v1/system/backup');
    expect(list.statusCode).toBe(200);
    const body = list.json() as { name: string; time: string; type: string; size: number }[];
    expect(body.map((b) => b.name)).toEqual(made.slice(2).reverse());
    expect(body.every((b) => b.type === 'manual' && b.size > 0)).toBe(true);
    expect(readdirSync(join(h.dataDir, 'backups')).sort()).toEqual(made.slice(2).sort());
  });

  it('downloads and deletes a backup; refuses names outside the backup folder', async () => {
    const { name } = await createBackup();
    const dl = await api('GET', `/api/v1/system/backup/${name}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/vnd.sqlite3');
    expect(dl.headers['content-disposition']).toBe(`attachment; filename="${name}"`);
    expect(dl.rawPayload.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    expect((await api('GET', '/api/v1/system/backup/idkarr.db')).statusCode).toBe(404);
    expect((await api('GET', '/api/v1/system/backup/..%2Fidkarr.db')).statusCode).toBe(400);
    expect((await api('GET', '/api/v1/system/backup/..')).statusCode).toBe(404);
    expect((await h.app.http.inject({ method: 'GET', url: `/api/v1/system/backup/${name}` })).statusCode).toBe(401);
    expect((await api('DELETE', `/api/v1/system/backup/${name}`)).statusCode).toBe(204);
    expect((await api('GET', `/api/v1/system/backup/${name}`)).statusCode).toBe(404);
    expect((await api('DELETE', `/api/v1/system/backup/${name}`)).statusCode).toBe(404);
  });

  it('restores into a fresh data dir: the user and the API key come back', async () => {
    expect((await h.app.http.inject({ method: 'POST', url: '/api/v1/auth/setup', payload: USER })).statusCode).toBe(
      201,
    );
    const key = h.apiKey();
    const { name } = await createBackup();

    const fresh = tmpDir();
    expect(restoreBackup(backupPath(name), fresh)).toEqual({});
    expect(JSON.parse(readFileSync(join(fresh, 'config.json'), 'utf8'))).toEqual({ apiKey: key });
    const r = await startApp('sqlite', { dataDir: fresh });
    try {
      expect(r.apiKey()).toBe(key);
      expect((await r.app.http.inject({ method: 'GET', url: '/api/v1/auth/setup' })).json()).toEqual({
        needsSetup: false,
      });
      expect((await r.app.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: USER })).statusCode).toBe(
        200,
      );
      // The embedded config row is not left in the restored database.
      const row = await sql`select value from key_value where key = 'backup.config.json'`.execute(r.app.database.db);
      expect(row.rows).toEqual([]);
    } finally {
      await r.close();
    }
  });

  it('keeps the database it replaces beside it as .before-restore-*', async () => {
    expect((await h.app.http.inject({ method: 'POST', url: '/api/v1/auth/setup', payload: USER })).statusCode).toBe(
      201,
    );
    const key = h.apiKey();
    const { name } = await createBackup();

    const other = tmpDir();
    const o = await startApp('sqlite', { dataDir: other });
    const otherKey = o.apiKey();
    await o.close();
    const now = new Date('2031-01-02T03:04:05.006Z');
    const { previous } = restoreBackup(backupPath(name), other, join(other, 'idkarr.db'), now);
    expect(previous).toBe(join(other, 'idkarr.db.before-restore-2031-01-02T03-04-05-006Z'));
    expect(existsSync(previous!)).toBe(true);
    const old = new SqliteDatabase(previous!, { readonly: true });
    try {
      expect(old.prepare('select count(*) as n from users').get()).toEqual({ n: 0 });
    } finally {
      old.close();
    }
    const r = await startApp('sqlite', { dataDir: other });
    try {
      expect(r.apiKey()).toBe(key);
      expect(r.apiKey()).not.toBe(otherKey);
      expect((await r.app.http.inject({ method: 'GET', url: '/api/v1/auth/setup' })).json()).toEqual({
        needsSetup: false,
      });
    } finally {
      await r.close();
    }
  });

  it('refuses to restore a file that is not an idkarr backup', async () => {
    const dir = tmpDir();
    const bogus = join(dir, 'bogus.db');
    new SqliteDatabase(bogus).close();
    expect(() => restoreBackup(bogus, join(dir, 'data'))).toThrow('is not an idkarr backup');
    expect(() => restoreBackup(join(dir, 'missing.db'), join(dir, 'data'))).toThrow('backup file not found');
    expect(existsSync(join(dir, 'data', 'idkarr.db'))).toBe(false);
  });

  it('stages a restore through the API and applies it on the next start', async () => {
    expect((await h.app.http.inject({ method: 'POST', url: '/api/v1/auth/setup', payload: USER })).statusCode).toBe(
      201,
    );
    const key = h.apiKey();
    const { name } = await createBackup();
    // Changes after the backup: a new API key and a new row.
    const regen = await api('POST', '/api/v1/auth/apikey');
    const newKey = regen.json().apiKey as string;
    await sql`insert into key_value (key, value) values ('after-backup', '1')`.execute(h.app.database.db);

    const res = await h.app.http.inject({
      method: 'POST',
      url: `/api/v1/system/backup/${name}/restore`,
      headers: { 'x-api-key': newKey },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      restartRequired: true,
      message: 'the backup will be restored when idkarr next starts',
    });
    expect(existsSync(join(h.dataDir, 'restore-pending.db'))).toBe(true);

    await h.restart();
    expect(existsSync(join(h.dataDir, 'restore-pending.db'))).toBe(false);
    expect(readdirSync(h.dataDir).filter((n) => /^idkarr\.db\.before-restore-[\dTZ-]+$/.test(n))).toHaveLength(1);
    expect(h.apiKey()).toBe(key);
    const after = await sql`select key from key_value where key = 'after-backup'`.execute(h.app.database.db);
    expect(after.rows).toEqual([]);
    expect((await h.app.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: USER })).statusCode).toBe(
      200,
    );
    expect(h.stdout.text).toContain('restored the staged backup');
  });

  it('answers 404 when staging an unknown backup', async () => {
    const res = await api('POST', '/api/v1/system/backup/idkarr-backup-manual-2030-01-01T00-00-00-000Z.db/restore');
    expect(res.statusCode).toBe(404);
    expect(existsSync(join(h.dataDir, 'restore-pending.db'))).toBe(false);
  });
});

describe('foundation backups (postgres)', () => {
  let h: AppHarness;
  beforeEach(async () => {
    h = await startApp('postgres');
  });
  afterEach(async () => {
    await h.close();
  });

  it('refuses to create a backup and points to pg_dump', async () => {
    const res = await h.app.http.inject({ method: 'POST', url: '/api/v1/system/backup', headers: h.authHeaders() });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.json()).toMatchObject({ status: 400, title: 'Bad Request' });
    expect(res.json().detail).toContain('pg_dump');
    const list = await h.app.http.inject({ method: 'GET', url: '/api/v1/system/backup', headers: h.authHeaders() });
    expect(list.json()).toEqual([]);
  });
});
