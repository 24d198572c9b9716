// Opens the database for either dialect. SQLite: WAL, busy_timeout 5 s, foreign keys on.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../app/config.js';
import { registerSqliteJsonFunctions } from './repositories/json-text.sql.js';
import type { DB } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** The raw SQLite handle (online backup API); undefined on PostgreSQL. */
  sqlite: SqliteDatabase.Database | undefined;
  close(): Promise<void>;
}

// pg returns int8/numeric as strings; our ids and counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export class DatabaseOpenError extends Error {}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'sqlite') {
    mkdirSync(dirname(config.file), { recursive: true });
    let handle: SqliteDatabase.Database;
    try {
      handle = new SqliteDatabase(config.file);
      handle.pragma('journal_mode = WAL');
      handle.pragma('busy_timeout = 5000');
      handle.pragma('foreign_keys = ON');
      handle.pragma('synchronous = NORMAL');
      registerSqliteJsonFunctions(handle);
    } catch (err) {
      throw new DatabaseOpenError(`cannot open SQLite database ${config.file}: ${(err as Error).message}`);
    }
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: handle }) });
    return { db, dialect: 'sqlite', sqlite: handle, close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: config.url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client error must not crash the process; the next query reports the problem.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (err) {
    await db.destroy().catch(() => {});
    throw new DatabaseOpenError(
      `cannot connect to PostgreSQL at ${safePgTarget(config.url)}: ${(err as Error).message}`,
    );
  }
  return { db, dialect: 'postgres', sqlite: undefined, close: () => db.destroy() };
}

/** host:port/db without credentials, for messages. */
export function safePgTarget(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return '(unparsable URL)';
  }
}
