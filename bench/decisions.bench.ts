// Decision-engine benchmark (issue 5): 1,000 releases built from the shared fixture titles through parse + match +
// decide against the synthetic library (20,000 movies, 5,000 series, 250,000 episodes) on SQLite, no network.
// Target: ≤ 250 ms for the whole batch. Reports per-stage times (median of the timed rounds) and memory.
// Run with `npm run bench -- decisions`. Knobs: DECISIONS_BENCH_ROUNDS (default 15), DECISIONS_BENCH_RELEASES.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../server/src/db/database.js';
import { migrate } from '../server/src/db/migrator.js';
import { BlocklistRepository } from '../server/src/db/repositories/blocklist.repository.js';
import { CustomFormatRepository } from '../server/src/db/repositories/custom-format.repository.js';
import { DecisionLookupRepository } from '../server/src/db/repositories/decision-lookup.repository.js';
import { DelayProfileRepository } from '../server/src/db/repositories/delay-profile.repository.js';
import { PendingReleaseRepository } from '../server/src/db/repositories/pending-release.repository.js';
import { QualityDefinitionRepository } from '../server/src/db/repositories/quality-definition.repository.js';
import { QualityProfileRepository } from '../server/src/db/repositories/quality-profile.repository.js';
import { ReleaseProfileRepository } from '../server/src/db/repositories/release-profile.repository.js';
import { readTrashFormat } from '../server/src/domain/custom-formats/custom-format.codec.js';
import type { IndexerInfo } from '../server/src/domain/decisions/decision.types.js';
import { DecisionEngine, type EvaluationTimings } from '../server/src/services/decisions/decision-engine.service.js';
import { seedDecisionFixture } from './support/decision-seed.js';
import { seedLibrary } from './support/library-seed.js';

const FIXTURES = fileURLToPath(new URL('../../shared/fixtures/release-titles', import.meta.url));
const TRASH = fileURLToPath(
  new URL('../server/src/domain/custom-formats/fixtures/trash-formats.json', import.meta.url),
);
const ROUNDS = Number(process.env.DECISIONS_BENCH_ROUNDS ?? 15);
const COUNT = Number(process.env.DECISIONS_BENCH_RELEASES ?? 1000);
const WARMUP = 3;
const TARGET_MS = 250;
const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
const out = (line: string) => process.stdout.write(`${line}\n`);

const dir = mkdtempSync(join(tmpdir(), 'idkarr-decisions-bench-'));
const database = await openDatabase({ kind: 'sqlite', file: join(dir, 'bench.db') });
try {
  await migrate(database);
  const db = database.db;
  const now = new Date();
  const seeded = await seedLibrary(db, { now });
  const profiles = new QualityProfileRepository(db);
  const allProfiles = await profiles.list();
  const formats = new CustomFormatRepository(db);
  const trash = JSON.parse(readFileSync(TRASH, 'utf8')) as unknown[];
  const formatIds: number[] = [];
  for (const json of trash) {
    const r = readTrashFormat(json);
    if (r.ok) formatIds.push((await formats.insert(r.format)).id);
  }
  const profile = allProfiles[allProfiles.length - 1]!;
  await profiles.update(profile.id, {
    ...profile,
    formatItems: formatIds.map((format, i) => ({ format, score: (i % 2 ? -1 : 1) * 10 * (i + 1) })),
  });
  await new ReleaseProfileRepository(db).insert({
    name: 'bench',
    enabled: true,
    required: [],
    ignored: ['/\\b(HDCAM|TS|CAM)\\b/', 'KORSUB'],
    indexerId: 0,
    tags: [],
  });
  const fixture = await seedDecisionFixture(db, FIXTURES, { count: COUNT, now, profileId: profile.id });
  out(
    `library: ${seeded.movies} movies, ${seeded.series} series, ${seeded.episodes} episodes (seeded in ${(seeded.ms / 1000).toFixed(1)} s)` +
      ` + fixture overlay ${fixture.movies} movies, ${fixture.series} series, ${fixture.episodes} episodes`,
  );

  const indexers = new Map<number, IndexerInfo>(
    [1, 2, 3, 4, 5].map((id) => [id, { id, name: `Indexer ${id}`, priority: id * 5, tags: [], minimumSeeders: 1 }]),
  );
  const engine = new DecisionEngine({
    library: new DecisionLookupRepository(db),
    profiles,
    qualityDefinitions: new QualityDefinitionRepository(db),
    customFormats: formats,
    releaseProfiles: new ReleaseProfileRepository(db),
    delayProfiles: new DelayProfileRepository(db),
    blocklist: new BlocklistRepository(db),
    pending: new PendingReleaseRepository(db),
    indexers: { get: async () => indexers },
    clock: () => now,
  });

  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < WARMUP; i++) await engine.evaluate(fixture.releases);
  gc?.();
  const totals: number[] = [];
  const stages: EvaluationTimings[] = [];
  let peakHeapDelta = 0;
  let peakRss = 0;
  let last: Awaited<ReturnType<DecisionEngine['evaluate']>> = [];
  for (let i = 0; i < ROUNDS; i++) {
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    last = await engine.evaluate(fixture.releases);
    totals.push(performance.now() - t0);
    stages.push(engine.lastTimings);
    const m = process.memoryUsage();
    peakHeapDelta = Math.max(peakHeapDelta, m.heapUsed - heapBefore);
    peakRss = Math.max(peakRss, m.rss);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const total = median(totals);
  const accepted = last.filter((d) => d.accepted).length;
  const matched = last.filter((d) => d.movie || d.series).length;
  const reasons = new Map<string, number>();
  for (const d of last) {
    for (const r of d.rejections) {
      const key = r.reason
        .replace(/\d+/g, 'N')
        .replace(/\(.*\)/, '(…)')
        .slice(0, 60);
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
    }
  }
  out(
    `releases: ${fixture.releases.length}; matched ${matched}, accepted ${accepted}, rejected ${fixture.releases.length - accepted}`,
  );
  out('top rejection reasons:');
  for (const [k, v] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 8)) out(`  ${String(v).padStart(4)}  ${k}`);
  out(
    `stages (median of ${ROUNDS}): parse ${median(stages.map((s) => s.parseMs)).toFixed(1)} ms, ` +
      `match ${median(stages.map((s) => s.matchMs)).toFixed(1)} ms, decide ${median(stages.map((s) => s.decideMs)).toFixed(1)} ms`,
  );
  out(`memory: heap growth per evaluation ≤ ${mb(Math.max(0, peakHeapDelta))} MB, peak RSS ${mb(peakRss)} MB`);
  out(
    `total: median ${total.toFixed(1)} ms, min ${Math.min(...totals).toFixed(1)} ms, max ${Math.max(...totals).toFixed(1)} ms (target ≤ ${TARGET_MS} ms)`,
  );
  out(total <= TARGET_MS ? 'PASS' : 'FAIL');
  if (total > TARGET_MS) process.exitCode = 1;
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
