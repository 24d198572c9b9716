// System benchmark: cold start (through `npm start`, as users run it, and of the server binary alone), idle memory,
// and throughput of an authenticated API route.
// Run with `npm run bench -- system`. Knobs: SYSTEM_BENCH_DURATION (s, default 10), SYSTEM_BENCH_CONNECTIONS
// (default 50), SYSTEM_BENCH_IDLE (s before reading RSS, default 5).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  pipelining?: number;
  headers?: Record<string, string>;
}) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DURATION = Number(process.env.SYSTEM_BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.SYSTEM_BENCH_CONNECTIONS ?? 50);
const IDLE_S = Number(process.env.SYSTEM_BENCH_IDLE ?? 5);
const API_KEY = 'bench-key-0123456789abcdef';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function until200(url: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      const res = await fetch(url, { headers: { 'x-api-key': API_KEY } });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) throw new Error(`${url} did not answer 200 in time`);
    await sleep(5);
  }
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error('no VmRSS');
  return Number(m[1]) / 1024;
}

const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--if-needed'], {
  cwd: ROOT,
  stdio: 'inherit',
});
if (build.status !== 0) {
  process.stderr.write('build failed; the system benchmark needs a built server\n');
  process.exit(1);
}

function serverEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  return {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('IDKARR_'))),
    IDKARR_DATA_DIR: dataDir,
    IDKARR_PORT: String(port),
    IDKARR_BIND: '127.0.0.1',
    IDKARR_API_KEY: API_KEY,
    IDKARR_LOG_LEVEL: 'warn',
  };
}

/** `npm start` on a fresh data dir (build up to date) until the first 200 from /ping, then SIGTERM to the group. */
async function npmStartColdStart(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'idkarr-bench-npm-'));
  const npmPort = await freePort();
  const npmCli = process.env.npm_execpath;
  const [cmd, args] = npmCli ? [process.execPath, [npmCli, 'start']] : ['npm', ['start']];
  const t = performance.now();
  // Its own process group, so npm, the shell and the server stop together.
  const child = spawn(cmd, args, { cwd: ROOT, env: serverEnv(dir, npmPort), stdio: 'ignore', detached: true });
  const gone = new Promise((r) => child.on('exit', r));
  try {
    await until200(`http://127.0.0.1:${npmPort}/ping`, t + 60_000);
    return performance.now() - t;
  } finally {
    process.kill(-(child.pid as number), 'SIGTERM');
    await Promise.race([gone, sleep(5_000)]);
    rmSync(dir, { recursive: true, force: true });
  }
}

const npmStartMs = await npmStartColdStart();
const dataDir = mkdtempSync(join(tmpdir(), 'idkarr-bench-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const t0 = performance.now();
const server = spawn(process.execPath, [join(ROOT, 'server/bin/idkarr.js'), 'serve'], {
  cwd: dataDir,
  env: serverEnv(dataDir, port),
  stdio: ['ignore', 'ignore', 'pipe'],
});
let serverErr = '';
server.stderr.on('data', (d) => (serverErr += d));
let exited: number | null | undefined;
const exitedP = new Promise<void>((resolve) =>
  server.on('exit', (code, signal) => {
    exited = code ?? (signal ? -1 : null);
    resolve();
  }),
);

const rows: [string, string][] = [];
let failed = false;
try {
  await until200(`${base}/ping`, t0 + 30_000);
  const pingMs = performance.now() - t0;
  await until200(`${base}/api/v1/system/status`, t0 + 30_000);
  const statusMs = performance.now() - t0;
  rows.push(['npm start (just after a build) → first 200 /ping', `${npmStartMs.toFixed(0)} ms`]);
  rows.push(['server alone: cold start → first 200 /ping', `${pingMs.toFixed(0)} ms`]);
  rows.push(['server alone: cold start → first 200 /api/v1/system/status', `${statusMs.toFixed(0)} ms`]);

  await sleep(IDLE_S * 1000);
  rows.push([`idle RSS after ${IDLE_S} s`, `${rssMb(server.pid!).toFixed(1)} MB`]);

  const opts = {
    url: `${base}/api/v1/system/status`,
    headers: { 'x-api-key': API_KEY },
    connections: CONNECTIONS,
  };
  await autocannon({ ...opts, duration: 2 }); // warm-up (JIT, pools)
  const r = await autocannon({ ...opts, duration: DURATION });
  const bad = r.errors + r.timeouts + r.non2xx;
  rows.push([
    `GET /api/v1/system/status, ${CONNECTIONS} conns, ${DURATION} s`,
    `${r.requests.average.toFixed(0)} req/s`,
  ]);
  rows.push(['  latency p50 / p99 / max', `${r.latency.p50} / ${r.latency.p99} / ${r.latency.max} ms`]);
  rows.push(['  requests (2xx / errors+timeouts+non-2xx)', `${r['2xx']} / ${bad}`]);
  rows.push(['RSS after load', `${rssMb(server.pid!).toFixed(1)} MB`]);
  if (bad > 0) failed = true;
} catch (err) {
  failed = true;
  process.stderr.write(`system bench failed: ${(err as Error).message}\n${serverErr}`);
} finally {
  const tStop = performance.now();
  if (exited === undefined) server.kill('SIGTERM');
  await Promise.race([exitedP, sleep(5_000)]);
  if (exited === undefined) {
    rows.push(['shutdown on SIGTERM', 'did not exit within 5 s (killed)']);
    server.kill('SIGKILL');
    await exitedP;
  } else rows.push(['shutdown on SIGTERM', `exit ${exited} in ${(performance.now() - tStop).toFixed(0)} ms`]);
  rmSync(dataDir, { recursive: true, force: true });
}

const width = Math.max(...rows.map(([k]) => k.length));
process.stdout.write(`node ${process.versions.node}, ${availableParallelism()} cores\n`);
for (const [k, v] of rows) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
process.exit(failed ? 1 : 0);
