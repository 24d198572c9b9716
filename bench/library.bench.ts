// Library benchmark (issue 4): seeds 20,000 movies and 5,000 series with 250,000 episodes, starts the real server
// (composeApp, in a child process so its RSS is its own) on 127.0.0.1 and measures list pages, one series'
// episodes, a month of calendar, wanted/missing and the unpaginated series and movie lists over loopback; then the
// page measurements and both full lists' first requests again on a throwaway PostgreSQL cluster. Run with
// `npm run bench -- library`.
// Knobs: LIBRARY_BENCH_ROUNDS (timed requests per case, default 60), LIBRARY_BENCH_PG=0 skips PostgreSQL,
// LIBRARY_BENCH_SQLITE=0 skips SQLite (PostgreSQL figures only; no targets are checked then).
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { composeApp } from '../server/src/app/compose.js';
import { loadConfig } from '../server/src/app/config.js';
import { applyServerHeapFlags } from '../server/src/app/heap-flags.js';
import { type Database, openDatabase } from '../server/src/db/database.js';
import { migrate } from '../server/src/db/migrator.js';
import { MovieRepository } from '../server/src/db/repositories/movie.repository.js';
import { SeriesRepository } from '../server/src/db/repositories/series.repository.js';
import { startPostgres } from '../server/test/support/postgres.js';
import {
  get,
  measure,
  measureFn,
  ms,
  print,
  ROUNDS,
  type Row,
  rssMb,
  type Server,
  type Stats,
  startServer,
  verdict,
  WARMUP,
} from './support/library-http.js';
import { type SeedResult, seedLibrary } from './support/library-seed.js';

const SELF = fileURLToPath(import.meta.url);
const PAGE_P95_MS = 25;
const FULL_SERIES_MS = 300;
const RSS_MB = 200;

// ---- parent: seed, start, measure -----------------------------------------------------------------------------
const SORTS = [
  ['title', 'ascending'],
  ['year', 'descending'],
  ['added', 'descending'],
] as const;

/** List pages over HTTP when the routes exist, else repository page() calls in this process (and says so). */
async function pageRows(
  server: Server,
  database: Database,
  totals: { movies: number; series: number },
  failures: string[],
  label: string,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const kind of ['movie', 'series'] as const) {
    const total = kind === 'movie' ? totals.movies : totals.series;
    const last = Math.ceil(total / 100);
    const probe = await get(server.base, `/api/v1/${kind}?page=1&pageSize=1`);
    const viaHttp = probe.status === 200;
    for (const [sortKey, sortDirection] of SORTS) {
      // Pages 1, 50 and the last (the series list has 50 pages: its middle page stands in for 50).
      for (const page of [...new Set([1, last > 50 ? 50 : Math.ceil(last / 2), last])]) {
        const name = `${viaHttp ? 'GET' : 'repo'} /${kind}?pageSize=100&page=${page}&sortKey=${sortKey}&sortDirection=${sortDirection}`;
        let s: Stats;
        if (viaHttp) {
          s = await measure(
            server.base,
            `/api/v1/${kind}?pageSize=100&page=${page}&sortKey=${sortKey}&sortDirection=${sortDirection}`,
          );
        } else {
          const req = { page, pageSize: 100, sortKey, sortDirection } as const;
          const movies = new MovieRepository(database.db);
          const series = new SeriesRepository(database.db);
          s = await measureFn(() => (kind === 'movie' ? movies.page(req) : series.page(req)));
        }
        const ok = s.p95 <= PAGE_P95_MS;
        if (!ok) failures.push(`${label} ${name} p95 ${ms(s.p95)}`);
        rows.push({ name, value: `p50 ${ms(s.p50)}  p95 ${ms(s.p95)}`, verdict: verdict(ok) });
      }
    }
    if (!viaHttp)
      rows.push({
        name: `  (GET /api/v1/${kind} answered ${probe.status}: measured repository page() directly)`,
        value: '',
      });
  }
  return rows;
}

/** The unpaginated GET /movie: one cold request, then 10 timed after the warm-up; figures only. */
async function fullMovieListRow(server: Server): Promise<Row> {
  const t = performance.now();
  const first = await get(server.base, '/api/v1/movie');
  const cold = performance.now() - t;
  if (first.status !== 200) return { name: 'GET /movie (all)', value: `not measured: answered ${first.status}` };
  const count = (JSON.parse(first.body) as unknown[]).length;
  const s = await measure(server.base, '/api/v1/movie', 10);
  return {
    name: `GET /movie (all ${count}, ${(first.bytes / 1024 / 1024).toFixed(1)} MiB)`,
    value: `first ${ms(cold)}  p50 ${ms(s.p50)}  p95 ${ms(s.p95)}`,
  };
}

async function runSqlite(failures: string[]): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'idkarr-library-bench-'));
  try {
    const database = await openDatabase({ kind: 'sqlite', file: join(dataDir, 'idkarr.db') });
    await migrate(database);
    const seed = await seedLibrary(database.db);
    await database.close();
    printSeed('SQLite', seed);

    const server = await startServer(dataDir, SELF);
    const reader = await openDatabase({ kind: 'sqlite', file: join(dataDir, 'idkarr.db') });
    try {
      const rssAtStart = rssMb(server.child.pid!);
      const rows = await pageRows(server, reader, seed, failures, 'sqlite');
      const rssAfterPages = rssMb(server.child.pid!);
      const today = new Date();
      const start = today.toISOString().slice(0, 10);
      const end = new Date(today.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
      const extra: Array<[string, string]> = [
        [`GET /episode?seriesId=${seed.bigSeriesId} (500 episodes)`, `/api/v1/episode?seriesId=${seed.bigSeriesId}`],
        [`GET /calendar?start=${start}&end=${end}`, `/api/v1/calendar?start=${start}&end=${end}`],
        ['GET /wanted/missing?pageSize=100 (episodes)', '/api/v1/wanted/missing?pageSize=100'],
        ['GET /wanted/missing?type=movie&pageSize=100', '/api/v1/wanted/missing?type=movie&pageSize=100'],
      ];
      for (const [name, path] of extra) {
        try {
          const s = await measure(server.base, path);
          rows.push({ name, value: `p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  (${(s.bytes / 1024).toFixed(0)} KiB)` });
        } catch (err) {
          rows.push({ name, value: `not measured: ${(err as Error).message.split('\n')[0]}` });
        }
      }
      const cal = JSON.parse((await get(server.base, `/api/v1/calendar?start=${start}&end=${end}`)).body);
      rows.push({
        name: '  calendar month holds',
        value: `${cal.movies?.length ?? '?'} movie releases, ${cal.episodes?.length ?? '?'} episodes`,
      });

      const rssBeforeFull = rssMb(server.child.pid!);
      // The unpaginated series list: one cold request first, then repeated ones.
      const t = performance.now();
      const first = await get(server.base, '/api/v1/series');
      const cold = performance.now() - t;
      if (first.status === 200) {
        const count = (JSON.parse(first.body) as unknown[]).length;
        const s = await measure(server.base, '/api/v1/series', 10);
        const ok = cold <= FULL_SERIES_MS && s.p95 <= FULL_SERIES_MS;
        if (!ok) failures.push(`sqlite full series list ${ms(cold)} / p95 ${ms(s.p95)}`);
        rows.push({
          name: `GET /series (all ${count}, ${(first.bytes / 1024 / 1024).toFixed(1)} MiB)`,
          value: `first ${ms(cold)}  p50 ${ms(s.p50)}  p95 ${ms(s.p95)}`,
          verdict: verdict(ok),
        });
      } else {
        const s = await measureFn(() => new SeriesRepository(reader.db).list(), 10);
        const ok = s.p95 <= FULL_SERIES_MS;
        if (!ok) failures.push(`sqlite full series list (repo) p95 ${ms(s.p95)}`);
        rows.push({
          name: `repo SeriesRepository.list() (GET /series answered ${first.status})`,
          value: `p50 ${ms(s.p50)}  p95 ${ms(s.p95)}`,
          verdict: verdict(ok),
        });
      }

      // The unpaginated movie list (no target yet): a cold request, repeated ones, and the RSS they leave.
      const rssBeforeMovies = rssMb(server.child.pid!);
      rows.push(await fullMovieListRow(server));

      const rss = rssMb(server.child.pid!);
      const rssOk = rss <= RSS_MB;
      if (!rssOk) failures.push(`server RSS ${rss.toFixed(0)} MB`);
      rows.push({
        name: 'server RSS: started / after pages / before full series list / after it',
        value: [rssAtStart, rssAfterPages, rssBeforeFull, rssBeforeMovies].map((r) => r.toFixed(1)).join(' / ') + ' MB',
      });
      rows.push({ name: 'server RSS after all of it (VmRSS)', value: `${rss.toFixed(1)} MB`, verdict: verdict(rssOk) });
      print(
        `SQLite (${ROUNDS} timed requests per case after ${WARMUP} warm-up; targets: page p95 ≤ ${PAGE_P95_MS} ms, full series list ≤ ${FULL_SERIES_MS} ms, RSS ≤ ${RSS_MB} MB)`,
        rows,
      );
    } finally {
      await reader.close();
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function runPostgres(): Promise<void> {
  const cluster = await startPostgres();
  const dataDir = mkdtempSync(join(tmpdir(), 'idkarr-library-bench-pg-'));
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('create database idkarr_library_bench');
    await admin.end();
    const url = new URL(cluster.url);
    url.pathname = '/idkarr_library_bench';
    const database = await openDatabase({ kind: 'postgres', url: url.toString() });
    try {
      await migrate(database);
      const seed = await seedLibrary(database.db);
      // Fresh tables: statistics for the planner and a set visibility map (index-only scans), as autovacuum would
      // produce shortly after a real import.
      await sql`vacuum analyze`.execute(database.db);
      printSeed('PostgreSQL', seed);
      const server = await startServer(dataDir, SELF, url.toString());
      try {
        // Shown with verdicts for comparison; the targets are SQLite's (the default database), so not counted.
        const rows = await pageRows(server, database, seed, [], 'postgres');
        const t = performance.now();
        const first = await get(server.base, '/api/v1/series');
        if (first.status === 200)
          rows.push({ name: 'GET /series (all, first request)', value: ms(performance.now() - t) });
        const tm = performance.now();
        const movies = await get(server.base, '/api/v1/movie');
        if (movies.status === 200)
          rows.push({ name: 'GET /movie (all, first request)', value: ms(performance.now() - tm) });
        rows.push({ name: 'server RSS (VmRSS)', value: `${rssMb(server.child.pid!).toFixed(1)} MB` });
        print(`PostgreSQL (${ROUNDS} timed requests per case after ${WARMUP} warm-up)`, rows);
      } finally {
        await server.stop();
      }
    } finally {
      await database.close();
    }
  } finally {
    await cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function printSeed(dialect: string, s: SeedResult): void {
  process.stdout.write(
    `\n${dialect}: seeded ${s.movies} movies, ${s.series} series, ${s.episodes} episodes, ${s.seasons} seasons, ` +
      `${s.alternativeTitles} alternative titles, ${s.tags} tags in ${(s.ms / 1000).toFixed(1)} s\n`,
  );
}

async function main(): Promise<void> {
  // Latency figures only mean something on a quiet machine: the load average is printed before and after.
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  process.stdout.write(`node ${process.versions.node}, ${availableParallelism()} cores, load average ${load()}\n`);
  const failures: string[] = [];
  if (process.env.LIBRARY_BENCH_SQLITE !== '0') await runSqlite(failures);
  if (process.env.LIBRARY_BENCH_PG !== '0') await runPostgres();
  process.stdout.write(`\nload average at the end: ${load()}\n`);
  if (failures.length) {
    process.stdout.write(`\nFAILED targets:\n${failures.map((f) => `  ${f}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write('\nall targets met\n');
  process.exit(0);
}

// ---- child: the server under test ---------------------------------------------------------------------------
async function serve(): Promise<void> {
  process.stderr.write(`heap flags: ${applyServerHeapFlags().join(' ') || '(none)'}\n`);
  const config = loadConfig(process.env);
  const app = await composeApp(config, { fileLogs: false });
  await app.http.listen({ port: config.port, host: config.bind });
  process.stdout.write('READY\n');
  const stop = async () => {
    await app.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

if (process.argv.includes('--serve')) await serve();
else await main();
