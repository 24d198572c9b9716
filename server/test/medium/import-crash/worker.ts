// Crash-test worker: imports the movies of a trial plan through the real MediaImporter + FileTransactionRunner
// against a real SQLite database and real folders. IDKARR_CRASH_AT="<n>:<step>" SIGKILLs this process at the
// n-th time the runner reaches <step> (n counts from 1); without it the parent kills at a random moment.
import { readFileSync } from 'node:fs';
import { openDatabase } from '../../../src/db/database.js';
import { ImportJournalRepository } from '../../../src/db/repositories/import-journal.repository.js';
import { MediaFileRepository } from '../../../src/db/repositories/media-file.repository.js';
import { MovieRepository } from '../../../src/db/repositories/movie.repository.js';
import { NamingConfigRepository } from '../../../src/db/repositories/naming-config.repository.js';
import { systemClock } from '../../../src/lib/clock.js';
import { createLogger } from '../../../src/lib/logger.js';
import { FileTransactionRunner } from '../../../src/services/import/file-transaction.js';
import { nodeFs } from '../../../src/services/import/fs-port.js';
import { DEFAULT_IMPORT_SETTINGS, type ImportCandidate } from '../../../src/services/import/import.types.js';
import { MediaImporter } from '../../../src/services/import/media-importer.js';
import type { TrialPlan } from './fixture.js';

const plan = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as TrialPlan;
const crashAt = process.env.IDKARR_CRASH_AT;
const [crashCount, crashStep] = crashAt
  ? [Number(crashAt.split(':')[0]), crashAt.split(':').slice(1).join(':')]
  : [0, ''];
const seen = new Map<string, number>();

const database = await openDatabase({ kind: 'sqlite', file: plan.dbFile });
const { logger } = await createLogger({ level: 'silent' });
const runner = new FileTransactionRunner({
  db: database.db,
  journal: new ImportJournalRepository(database.db),
  fs: nodeFs,
  clock: systemClock,
  log: logger,
  hook: (step) => {
    const n = (seen.get(step) ?? 0) + 1;
    seen.set(step, n);
    if (step === crashStep && n === crashCount) process.kill(process.pid, 'SIGKILL');
  },
});
const files = new MediaFileRepository(database.db);
const importer = new MediaImporter({ db: database.db, runner, files, clock: systemClock });
const movies = new MovieRepository(database.db);
const naming = await new NamingConfigRepository(database.db).get();
const settings = { ...DEFAULT_IMPORT_SETTINGS, recycleBin: plan.recycleBin };
process.stdout.write('ready\n');
for (const item of plan.items) {
  const movie = await movies.get(item.movieId);
  if (!movie) throw new Error(`movie ${item.movieId} missing`);
  const existing = await files.movieFilesFor([movie.id]);
  const candidate: ImportCandidate = {
    path: item.source,
    size: Buffer.byteLength(readFileSync(item.source)),
    relativePath: item.source,
    target: { kind: 'movie', movieId: movie.id },
    quality: { quality: 'bluray-1080p', revision: { version: 1, real: 0 } },
    languages: ['English'],
    releaseGroup: 'NEW',
    sceneName: null,
    edition: null,
    extras: item.subtitle ? [{ source: item.subtitle, kind: 'subtitle', language: 'en', suffix: '.en.srt' }] : [],
    rejections: [],
  };
  await importer.importFile(candidate, { kind: 'movie', movie, existing }, { mode: plan.mode, naming, settings });
}
await database.close();
process.stdout.write('finished\n');
