// The library benchmark's HTTP side: the server under test in its own process (the built one when the build
// succeeds), sequential timed requests over loopback, percentiles, RSS and the printed tables.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort } from '../../server/test/support/postgres.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const API_KEY = 'library-bench-key-0123456789';
/** Timed requests per case (LIBRARY_BENCH_ROUNDS), each case after WARMUP untimed ones. */
export const ROUNDS = Number(process.env.LIBRARY_BENCH_ROUNDS ?? 60);
export const WARMUP = 5;

export interface Stats {
  p50: number;
  p95: number;
  max: number;
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), max: s[s.length - 1]! };
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;
export const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error('no VmRSS');
  return Number(m[1]) / 1024;
}

export interface Server {
  base: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * How to run the server: the built one (server/dist, what `npm start` runs) when the build succeeds, so RSS is not
 * inflated by the TypeScript loader; otherwise this file under tsx, from source.
 */
function serverCommand(fallbackEntry: string): { args: string[]; what: string } {
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--if-needed'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (build.status !== 0)
    return {
      args: ['--conditions=source', '--import', 'tsx', fallbackEntry, '--serve'],
      what: 'from source under tsx (the build failed, so RSS includes the TypeScript loader)',
    };
  const mod = (file: string) => JSON.stringify(pathToFileURL(join(ROOT, 'server/dist/app', file)).href);
  // The product's own heap flags (what `idkarr serve` applies to itself), before anything else runs.
  const script = [
    `import { applyServerHeapFlags } from ${mod('heap-flags.js')};`,
    "process.stderr.write('heap flags: ' + (applyServerHeapFlags().join(' ') || '(none)') + '\\n');",
    `const { composeApp } = await import(${mod('compose.js')});`,
    `const { loadConfig } = await import(${mod('config.js')});`,
    'const config = loadConfig(process.env);',
    'const app = await composeApp(config, { fileLogs: false });',
    'await app.http.listen({ port: config.port, host: config.bind });',
    "process.stdout.write('READY\\n');",
    'const stop = async () => { await app.stop(); process.exit(0); };',
    "process.once('SIGTERM', () => void stop());",
  ].join('\n');
  return { args: ['--input-type=module', '-e', script], what: 'built (server/dist, composeApp + loadConfig)' };
}
let command: { args: string[]; what: string } | undefined;

/** `fallbackEntry --serve` runs the server from source when the build fails. */
export async function startServer(dataDir: string, fallbackEntry: string, databaseUrl?: string): Promise<Server> {
  const port = await freePort();
  command ??= serverCommand(fallbackEntry);
  process.stdout.write(`starting the server ${command.what}\n`);
  const child = spawn(process.execPath, command.args, {
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('IDKARR_'))),
      IDKARR_DATA_DIR: dataDir,
      IDKARR_PORT: String(port),
      IDKARR_BIND: '127.0.0.1',
      IDKARR_API_KEY: API_KEY,
      IDKARR_LOG_LEVEL: 'warn',
      ...(databaseUrl ? { IDKARR_DATABASE_URL: databaseUrl } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d) => (err += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 120 s\n${err}`)), 120_000);
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('READY')) {
        clearTimeout(timer);
        process.stdout.write(`  ${/heap flags: .*/.exec(err)?.[0] ?? 'heap flags: (not reported)'}\n`);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}\n${err}`));
    });
  });
  return {
    base: `http://127.0.0.1:${port}`,
    child,
    async stop() {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

export async function get(base: string, path: string): Promise<{ status: number; bytes: number; body: string }> {
  const res = await fetch(`${base}${path}`, { headers: { 'x-api-key': API_KEY } });
  const body = await res.text();
  return { status: res.status, bytes: Buffer.byteLength(body), body };
}

/** Sequential requests (one at a time: latency, not throughput); throws on anything but 200. */
export async function measure(base: string, path: string, rounds = ROUNDS): Promise<Stats & { bytes: number }> {
  let bytes = 0;
  for (let i = 0; i < WARMUP; i++) {
    const r = await get(base, path);
    if (r.status !== 200) throw new Error(`GET ${path} → ${r.status}: ${r.body.slice(0, 300)}`);
    bytes = r.bytes;
  }
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    const r = await get(base, path);
    samples.push(performance.now() - t);
    if (r.status !== 200) throw new Error(`GET ${path} → ${r.status}`);
  }
  return { ...stats(samples), bytes };
}

export async function measureFn(fn: () => Promise<unknown>, rounds = ROUNDS): Promise<Stats> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

export interface Row {
  name: string;
  value: string;
  verdict?: string;
}

export function print(title: string, rows: Row[]): void {
  const w = Math.max(...rows.map((r) => r.name.length));
  const v = Math.max(...rows.map((r) => r.value.length));
  process.stdout.write(`\n${title}\n`);
  for (const r of rows) process.stdout.write(`  ${r.name.padEnd(w)}  ${r.value.padEnd(v)}  ${r.verdict ?? ''}\n`);
}
