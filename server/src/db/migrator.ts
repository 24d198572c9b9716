// Applies the migration list in order, each in its own transaction. Refuses to run when the database has
// migrations this code does not know (it was written by a newer idkarr), and backs up SQLite before changing it.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Database } from './database.js';
import type { Migration, MigrationDb } from './migrations/helpers.js';
import { migrations as defaultMigrations } from './migrations/index.js';

export class DatabaseNewerError extends Error {}

export interface MigrateResult {
  applied: string[];
  backupFile: string | undefined;
}

export async function migrate(
  database: Database,
  opts: { backupDir?: string; migrations?: Migration[]; now?: () => Date } = {},
): Promise<MigrateResult> {
  const list = opts.migrations ?? defaultMigrations;
  const db = database.db as unknown as MigrationDb;
  await db.schema
    .createTable('schema_migrations')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  const rows = await db.selectFrom('schema_migrations').select('name').execute();
  const done = new Set(rows.map((r) => r.name as string));
  const known = new Set(list.map((m) => m.name));
  const unknown = [...done].filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new DatabaseNewerError(
      `the database was migrated by a newer idkarr (unknown migrations: ${unknown.join(', ')}); upgrade idkarr or restore a backup`,
    );
  }
  const pending = list.filter((m) => !done.has(m.name));
  let backupFile: string | undefined;
  if (pending.length > 0 && done.size > 0 && database.sqlite && opts.backupDir) {
    mkdirSync(opts.backupDir, { recursive: true });
    const stamp = (opts.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    backupFile = join(opts.backupDir, `pre-migration-${stamp}.db`);
    if (!existsSync(backupFile)) await database.sqlite.backup(backupFile);
  }
  for (const m of pending) {
    await db.transaction().execute(async (trx) => {
      await m.up(trx, database.dialect);
      await trx
        .insertInto('schema_migrations')
        .values({ name: m.name, applied_at: new Date().toISOString() })
        .execute();
    });
  }
  return { applied: pending.map((m) => m.name), backupFile };
}

/** Drops everything (tests only). */
export async function resetDatabase(database: Database): Promise<void> {
  if (database.dialect === 'postgres') {
    await sql`drop schema public cascade`.execute(database.db);
    await sql`create schema public`.execute(database.db);
  }
}
