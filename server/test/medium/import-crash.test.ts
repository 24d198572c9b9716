// Crash safety for real (issue 7 item 7): a child process (node + tsx running import-crash/worker.ts) imports
// upgrades for 3 movies against a real SQLite database and real folders and is SIGKILLed — at an injected step
// (every step of the file transaction, first/second/third operation) or after a random delay. After each kill the
// journal is replayed in this process and the real disk is checked: for every movie the old or the new file is in
// place with the right content (sha256), nothing is lost, no temp files remain, the DB matches the disk.
// IMPORT_CRASH_TRIALS raises the trial count (default 60).
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrator.js';
import { ImportJournalRepository } from '../../src/db/repositories/import-journal.repository.js';
import { systemClock } from '../../src/lib/clock.js';
import { createLogger } from '../../src/lib/logger.js';
import { FileTransactionRunner } from '../../src/services/import/file-transaction.js';
import { nodeFs } from '../../src/services/import/fs-port.js';
import type { TransferMode } from '../../src/services/import/import.types.js';
import { checkTrial, seedTrial, type TrialPlan } from './import-crash/fixture.js';

const WORKER = fileURLToPath(new URL('./import-crash/worker.ts', import.meta.url));
const TRIALS = Number(process.env.IMPORT_CRASH_TRIALS ?? 60);
const STEPS = [
  'intent',
  'transferred:0',
  'transferred:1',
  'staged',
  'backedUp',
  'placed:0',
  'placed:1',
  'committed',
  'replacedRemoved',
  'sourcesRemoved',
  'done',
];
const MODES: TransferMode[] = ['hardlink', 'copy', 'move'];

let base: string;
let template: string;

function runWorker(planFile: string, env: Record<string, string>, killAfterMs: number | null) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', WORKER, planFile], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (killAfterMs !== null && out.includes('ready')) {
        const t = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        child.on('exit', () => clearTimeout(t));
        killAfterMs = null;
      }
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('exit', (code, signal) => resolve({ code, signal, out, err }));
  });
}

async function recover(dbFile: string) {
  const database = await openDatabase({ kind: 'sqlite', file: dbFile });
  const { logger } = await createLogger({ level: 'silent' });
  const runner = new FileTransactionRunner({
    db: database.db,
    journal: new ImportJournalRepository(database.db),
    fs: nodeFs,
    clock: systemClock,
    log: logger,
  });
  return { database, summary: await runner.recover() };
}

async function prepareTrial(
  i: number,
  mode: TransferMode,
  recycle: boolean,
): Promise<{ dir: string; plan: TrialPlan; planFile: string }> {
  const dir = join(base, `trial-${i}`);
  const dbFile = join(dir, 'idkarr.db');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dir, { recursive: true });
  copyFileSync(template, dbFile);
  const database = await openDatabase({ kind: 'sqlite', file: dbFile });
  const plan = await seedTrial(database, dir, { count: 3, mode, recycle });
  await database.close();
  plan.dbFile = dbFile;
  const planFile = join(dir, 'plan.json');
  writeFileSync(planFile, JSON.stringify(plan));
  return { dir, plan, planFile };
}

describe('import crash safety (real child process, SIGKILL, real files)', () => {
  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'idkarr-crash-'));
    template = join(base, 'template.db');
    const database = await openDatabase({ kind: 'sqlite', file: template });
    await migrate(database);
    await database.db.selectFrom('quality_profiles').select('id').executeTakeFirstOrThrow();
    await database.close();
  });
  afterAll(() => {
    rmSync(base, { recursive: true, force: true });
  });

  it('the checker fails on a state recovery has not fixed yet (so the trials can fail)', async () => {
    const { plan, planFile } = await prepareTrial(-1, 'copy', false);
    const r = await runWorker(planFile, { IDKARR_CRASH_AT: '1:backedUp' }, null);
    expect(r.signal).toBe('SIGKILL');
    const database = await openDatabase({ kind: 'sqlite', file: plan.dbFile });
    const before = await checkTrial(database, plan);
    await database.close();
    expect(before.problems.join('\n')).toMatch(/temp files left|unfinished journal rows/);
    const { database: after } = await recover(plan.dbFile);
    expect((await checkTrial(after, plan)).problems).toEqual([]);
    await after.close();
  }, 60_000);

  it(`loses no file over ${TRIALS} kill -9 trials`, async () => {
    const tally = { trials: 0, killed: 0, finished: 0, rolledBack: 0, rolledForward: 0, imported: 0, kept: 0 };
    const failures: string[] = [];
    for (let i = 0; i < TRIALS; i++) {
      const mode = MODES[i % MODES.length] as TransferMode;
      const recycle = i % 2 === 0;
      const { plan, planFile } = await prepareTrial(i, mode, recycle);
      // Three quarters at an injected step (cycling through steps and operations), a quarter at a random moment.
      const injected = i % 4 !== 3;
      const step = STEPS[Math.floor(i / 1) % STEPS.length] as string;
      const occurrence = (Math.floor(i / STEPS.length) % 3) + 1;
      const env: Record<string, string> = injected ? { IDKARR_CRASH_AT: `${occurrence}:${step}` } : {};
      const r = await runWorker(planFile, env, injected ? null : Math.floor(Math.random() * 60));
      tally.trials++;
      if (r.signal === 'SIGKILL') tally.killed++;
      else if (r.code === 0) tally.finished++;
      else failures.push(`trial ${i}: worker failed (${r.code}): ${r.err.slice(0, 500)}`);
      const { database, summary } = await recover(plan.dbFile);
      tally.rolledBack += summary.rolledBack;
      tally.rolledForward += summary.rolledForward;
      if (summary.failed.length) failures.push(`trial ${i}: recovery failed ${JSON.stringify(summary.failed)}`);
      const check = await checkTrial(database, plan);
      await database.close();
      tally.imported += check.imported;
      tally.kept += check.kept;
      for (const p of check.problems)
        failures.push(`trial ${i} (${mode}, ${injected ? `${occurrence}:${step}` : 'random'}): ${p}`);
    }
    process.stdout.write(`import crash trials: ${JSON.stringify(tally)}\n`);
    expect(failures).toEqual([]);
    expect(tally.trials).toBe(TRIALS);
    expect(tally.killed).toBeGreaterThanOrEqual(Math.floor(TRIALS / 2));
    // Both directions of recovery were exercised.
    expect(tally.rolledBack).toBeGreaterThan(0);
    expect(tally.rolledForward).toBeGreaterThan(0);
  }, 900_000);
});
