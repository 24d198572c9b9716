// Runs a suite against both dialects: a fresh SQLite file and a fresh PostgreSQL database per suite.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrator.js';

export type DialectName = 'sqlite' | 'postgres';
export const DIALECTS: DialectName[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  database: Database;
  cleanup(): Promise<void>;
}

let counter = 0;

export async function createTestDatabase(
  dialect: DialectName,
  opts: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'idkarr-db-'));
    const database = await openDatabase({ kind: 'sqlite', file: join(dir, 'test.db') });
    if (opts.migrate !== false) await migrate(database);
    return {
      database,
      cleanup: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const baseUrl = inject('pgUrl');
  if (!baseUrl) throw new Error('PostgreSQL is required for repository tests (global setup did not provide one)');
  const name = `idkarr_t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  if (opts.migrate !== false) await migrate(database);
  return {
    database,
    cleanup: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: baseUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export function pgUrlFor(dbName: string): string {
  const url = new URL(inject('pgUrl'));
  url.pathname = `/${dbName}`;
  return url.toString();
}
