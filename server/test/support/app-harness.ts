// Starts the real composed app (composeApp) on a throwaway data dir, over SQLite or a fresh PostgreSQL database,
// with stdout captured. For full-stack tests through `app.http.inject` or a real listening socket.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { inject } from 'vitest';
import { type App, type ComposeOptions, composeApp } from '../../src/app/compose.js';
import { type AppConfig, loadConfig } from '../../src/app/config.js';
import type { DialectName } from './databases.js';

/** Collects everything the logger writes to "stdout". */
export class CapturedStream extends Writable {
  readonly chunks: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.chunks.push(chunk.toString('utf8'));
    done();
  }
  get text(): string {
    return this.chunks.join('');
  }
}

export interface AppHarness {
  dialect: DialectName;
  app: App;
  config: AppConfig;
  dataDir: string;
  /** Everything the app logged to its stdout stream, across restarts. */
  stdout: CapturedStream;
  apiKey(): string;
  /** `{ 'x-api-key': key }` for inject. */
  authHeaders(): Record<string, string>;
  /** Stops the app and composes a new one on the same data dir and database (a server restart). */
  restart(): Promise<App>;
  /** Stops the app and removes the data dir and database. Safe to call twice. */
  close(): Promise<void>;
}

export interface StartAppOptions {
  /** Extra IDKARR_* variables (IDKARR_DATA_DIR and IDKARR_DATABASE_URL are provided). */
  env?: Record<string, string>;
  /** Use this data dir instead of a fresh one (not removed on close). */
  dataDir?: string;
  compose?: Omit<ComposeOptions, 'logStream' | 'fileLogs'>;
}

let counter = 0;

async function createPgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const baseUrl = inject('pgUrl');
  if (!baseUrl) throw new Error('PostgreSQL is required (global setup did not provide one)');
  const name = `idkarr_app_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: baseUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export async function startApp(dialect: DialectName, opts: StartAppOptions = {}): Promise<AppHarness> {
  const ownDir = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'idkarr-app-'));
  const pgDb = dialect === 'postgres' ? await createPgDatabase() : undefined;
  const config = loadConfig({
    IDKARR_DATA_DIR: dataDir,
    IDKARR_LOG_LEVEL: 'info',
    ...(pgDb ? { IDKARR_DATABASE_URL: pgDb.url } : {}),
    ...opts.env,
  });
  const stdout = new CapturedStream();
  const compose = () => composeApp(config, { ...opts.compose, logStream: stdout, fileLogs: false });
  let app: App;
  try {
    app = await compose();
  } catch (err) {
    await pgDb?.drop();
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  let closed = false;
  const h: AppHarness = {
    dialect,
    get app() {
      return app;
    },
    config,
    dataDir,
    stdout,
    apiKey: () => app.auth.apiKey,
    authHeaders: () => ({ 'x-api-key': app.auth.apiKey }),
    async restart() {
      await app.stop();
      app = await compose();
      return app;
    },
    async close() {
      if (closed) return;
      closed = true;
      await app.stop().catch(() => {});
      await pgDb?.drop();
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return h;
}
