// The composed idkarr server (composeApp) on a throwaway SQLite data dir and a free loopback port, serving the built
// web/dist. For the e2e tier and the UI benchmark.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { type App, composeApp } from '../../server/src/app/compose.js';
import { loadConfig } from '../../server/src/app/config.js';

export interface RunningServer {
  app: App;
  url: string;
  dataDir: string;
  apiKey: string;
  /** Calls the API with the API key; throws on a non-2xx answer. */
  api<T>(method: string, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

class Sink extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.lines.push(chunk.toString('utf8'));
    if (this.lines.length > 2000) this.lines.splice(0, 1000);
    done();
  }
}

export interface StartServerOptions {
  logLevel?: string;
  /** Start the command queue, scheduler and health checks like `idkarr serve` does (default true). */
  background?: boolean;
  /** Extra environment for loadConfig (e.g. IDKARR_TMDB_URL pointing at a fake server). */
  env?: Record<string, string>;
}

export async function startServer(opts: StartServerOptions = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'idkarr-e2e-'));
  const config = loadConfig({ IDKARR_DATA_DIR: dataDir, IDKARR_LOG_LEVEL: opts.logLevel ?? 'warn', ...opts.env });
  const app = await composeApp(config, { logStream: new Sink(), fileLogs: false });
  if (opts.background !== false) await app.startBackground();
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.http.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const apiKey = app.auth.apiKey;
  return {
    app,
    url,
    dataDir,
    apiKey,
    async api<T>(method: string, path: string, body?: unknown): Promise<T> {
      const res = await fetch(`${url}/api/v1${path}`, {
        method,
        headers: { 'x-api-key': apiKey, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
    async close() {
      await app.stop().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
