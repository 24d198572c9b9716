// The migrator on both dialects: a fresh database migrates, a database from a newer idkarr is refused, and
// SQLite is backed up before pending migrations change an existing database.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import type { Migration } from '../../src/db/migrations/helpers.js';
import { migrations as shipped } from '../../src/db/migrations/index.js';
import { DatabaseNewerError, migrate } from '../../src/db/migrator.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';

const extra = (name: string, table: string): Migration => ({
  name,
  async up(db) {
    await db.schema.createTable(table).addColumn('x', 'integer').execute();
  },
});

describe.each(DIALECTS)('migrator (%s)', (dialect) => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });

  it('migrates a fresh database and is idempotent', async () => {
    t = await createTestDatabase(dialect, { migrate: false });
    const first = await migrate(t.database);
    expect(first).toEqual({ applied: shipped.map((m) => m.name), backupFile: undefined });
    const names = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(t.database.db);
    expect(names.rows.map((r) => r.name)).toEqual(shipped.map((m) => m.name));
    for (const table of ['users', 'sessions', 'key_value', 'provider_definitions'])
      await sql`select count(*) from ${sql.table(table)}`.execute(t.database.db);
    expect(await migrate(t.database)).toEqual({ applied: [], backupFile: undefined });
  });

  it('applies only the pending migrations, in order', async () => {
    t = await createTestDatabase(dialect);
    const r = await migrate(t.database, {
      migrations: [...shipped, extra('9001-a', 'extra_a'), extra('9002-b', 'extra_b')],
    });
    expect(r.applied).toEqual(['9001-a', '9002-b']);
    await sql`insert into extra_b (x) values (1)`.execute(t.database.db);
  });

  it('refuses a database that has a migration it does not know', async () => {
    t = await createTestDatabase(dialect);
    await sql`insert into schema_migrations (name, applied_at) values ('9999-from-the-future', '2030-01-01T00:00:00Z')`.execute(
      t.database.db,
    );
    const err = await migrate(t.database).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseNewerError);
    expect((err as Error).message).toBe(
      'the database was migrated by a newer idkarr (unknown migrations: 9999-from-the-future); upgrade idkarr or restore a backup',
    );
  });

  it('rolls back a failing migration and records nothing', async () => {
    t = await createTestDatabase(dialect);
    const broken: Migration = {
      name: '9003-broken',
      async up(db) {
        await db.schema.createTable('half_done').addColumn('x', 'integer').execute();
        throw new Error('boom');
      },
    };
    await expect(migrate(t.database, { migrations: [...shipped, broken] })).rejects.toThrow('boom');
    const names = await sql<{ name: string }>`select name from schema_migrations`.execute(t.database.db);
    expect(names.rows.map((r) => r.name)).not.toContain('9003-broken');
  });
});

describe('migrator backups (sqlite)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('backs up an existing database before applying a new migration', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idkarr-mig-'));
    dirs.push(dir);
    const backupDir = join(dir, 'backups');
    const database = await openDatabase({ kind: 'sqlite', file: join(dir, 'idkarr.db') });
    try {
      // A fresh database has nothing to lose: no backup.
      expect(
        (await migrate(database, { backupDir, migrations: [extra('0001-a', 'tbl_a')] })).backupFile,
      ).toBeUndefined();
      expect(existsSync(backupDir)).toBe(false);
      await sql`insert into tbl_a (x) values (42)`.execute(database.db);

      const now = () => new Date('2031-02-03T04:05:06.789Z');
      const r = await migrate(database, {
        backupDir,
        now,
        migrations: [extra('0001-a', 'tbl_a'), extra('0002-b', 'tbl_b')],
      });
      expect(r.applied).toEqual(['0002-b']);
      expect(r.backupFile).toBe(join(backupDir, 'pre-migration-2031-02-03T04-05-06-789Z.db'));
      expect(readdirSync(backupDir)).toEqual(['pre-migration-2031-02-03T04-05-06-789Z.db']);

      const copy = new SqliteDatabase(r.backupFile!, { readonly: true });
      try {
        expect(copy.prepare('select x from tbl_a').all()).toEqual([{ x: 42 }]);
        expect(copy.prepare("select name from sqlite_master where name = 'tbl_b'").get()).toBeUndefined();
        expect(copy.prepare('select name from schema_migrations').all()).toEqual([{ name: '0001-a' }]);
      } finally {
        copy.close();
      }
      // Nothing pending: no new backup.
      expect(
        (await migrate(database, { backupDir, migrations: [extra('0001-a', 'tbl_a'), extra('0002-b', 'tbl_b')] }))
          .backupFile,
      ).toBeUndefined();
      // (opening the copy above left its -wal/-shm beside it)
      expect(readdirSync(backupDir).filter((n) => n.endsWith('.db'))).toHaveLength(1);
    } finally {
      await database.close();
    }
  });
});
