// Crash-safe file operations (issue 7 item 7). Every import and rename runs as one journalled operation:
//
//   1. intent    journal row (pending) naming every path: sources, destinations, temp names, backups
//   2. stage     each source → `<dest dir>/.idkarr-<op>-<n>.partial` (hardlink, or copy + fsync); the temp's inode
//                is journalled, so recovery can tell "our new file" from anything else
//   3. backup    a library file sitting at a destination is hardlinked to `.idkarr-<op>-<n>.old` beside it
//   4. place     rename(temp, destination): atomic; directory fsync
//   5. commit    one DB transaction: the caller's writes (file row, item link, history) + journal `committed`
//   6. clean up  only now, after verifying every destination (exists, size): replaced files go to the recycle
//                bin or are deleted, backups dropped, sources deleted for move/rename; journal `done`
//
// Recovery (at start, and right after a failure before commit) replays each unfinished row: `committed` rows roll
// forward (clean-up again, idempotent); `pending` rows roll back (backups renamed over destinations, our placed
// files unlinked by inode, temp files removed). Sources are never touched before commit, so at every instant
// either the old or the new file is in place, and the database agrees with the disk.
import { randomBytes } from 'node:crypto';
import { basename, dirname, extname, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { ImportJournalRepository, JournalRow } from '../../db/repositories/import-journal.repository.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import { errno, type FsPort, ImportFsError, statOrNull } from './fs-port.js';
import type { TransferMode } from './import.types.js';

export interface TransferSpec {
  source: string;
  destination: string;
}

/** A library file the operation replaces; removed (recycled or deleted) only after commit. */
export interface ReplacedSpec {
  path: string;
  /** Recycle bin path to move it to; null = delete. */
  recycleTo: string | null;
}

export interface FileOperation {
  kind: 'import' | 'rename';
  mode: TransferMode;
  transfers: TransferSpec[];
  replaced: ReplacedSpec[];
}

export interface JournalTransfer extends TransferSpec {
  temp: string;
  /** Set when a library file sat at `destination`: its backup beside it. */
  backup: string | null;
  ino: number | null;
  size: number | null;
}

export interface JournalPlan {
  transfers: JournalTransfer[];
  replaced: ReplacedSpec[];
  /** Delete the sources after commit (move mode, renames). */
  deleteSources: boolean;
}

export interface RunResult<T> {
  result: T;
  opId: string;
  /** Hardlinks were asked for (or tried for a move) and the file system refused: the file was copied. */
  fellBackToCopy: boolean;
  /** Clean-up problems after a successful commit (the import stands; the journal retries at start). */
  cleanupErrors: string[];
}

export interface RecoverySummary {
  rolledForward: number;
  rolledBack: number;
  failed: Array<{ opId: string; message: string }>;
}

/** Test seam: called at every step (crash tests kill the process here). */
export type StepHook = (step: string, opId: string) => void;

export interface FileTransactionDeps {
  db: Kysely<DB>;
  journal: ImportJournalRepository;
  fs: FsPort;
  clock: Clock;
  log: Logger;
  hook?: StepHook;
}

const TEMP_PREFIX = '.idkarr-';

export function isTempName(name: string): boolean {
  return name.startsWith(TEMP_PREFIX) && (name.endsWith('.partial') || name.endsWith('.old'));
}

export class FileTransactionRunner {
  constructor(private readonly deps: FileTransactionDeps) {}

  private now(): string {
    return new Date(this.deps.clock.now()).toISOString();
  }

  private step(step: string, opId: string): void {
    this.deps.hook?.(step, opId);
  }

  /**
   * Runs one operation; `commit` gets the transaction the journal's `committed` mark is written in. Throws
   * ImportFsError (already rolled back) when a file step fails before commit.
   */
  async run<T>(op: FileOperation, commit: (trx: Kysely<DB>) => Promise<T>): Promise<RunResult<T>> {
    const { fs, journal } = this.deps;
    const opId = randomBytes(8).toString('hex');
    const replacedPaths = new Set(op.replaced.map((r) => r.path));
    const plan: JournalPlan = {
      transfers: op.transfers.map((t, i) => ({
        ...t,
        temp: join(dirname(t.destination), `${TEMP_PREFIX}${opId}-${i}.partial`),
        backup: replacedPaths.has(t.destination)
          ? join(dirname(t.destination), `${TEMP_PREFIX}${opId}-${i}.old`)
          : null,
        ino: null,
        size: null,
      })),
      replaced: op.replaced.filter((r) => !op.transfers.some((t) => t.destination === r.path)),
      deleteSources: op.mode === 'move' || op.kind === 'rename',
    };
    // A replaced file sitting at a destination is handled through its backup.
    for (const t of plan.transfers) {
      if (!t.backup) continue;
      const r = op.replaced.find((x) => x.path === t.destination);
      plan.replaced.push({ path: t.backup, recycleTo: r?.recycleTo ?? null });
    }
    // Destinations must be free unless they are files this operation replaces.
    for (const t of plan.transfers) {
      if (t.backup) continue;
      if (await statOrNull(fs, t.destination).catch(() => null))
        throw new ImportFsError(
          Object.assign(new Error('exists'), { code: 'EEXIST' }),
          'importing to',
          `${t.destination} (a file idkarr does not know is already there; rescan the item or move that file away)`,
        );
    }
    const first = plan.transfers[0];
    await journal.insert<JournalPlan>({
      opId,
      kind: op.kind,
      state: 'pending',
      step: 'intent',
      mode: op.mode,
      source: first?.source ?? '',
      destination: first?.destination ?? '',
      plan,
      created: this.now(),
    });
    this.step('intent', opId);

    let fellBackToCopy = false;
    let copied = false;
    let result: T;
    try {
      for (const [i, t] of plan.transfers.entries()) {
        const dir = dirname(t.destination);
        await fs.mkdir(dir).catch((err) => {
          throw new ImportFsError(err, 'creating folder', dir);
        });
        const wasCopied = await this.stage(op.mode, t.source, t.temp);
        copied ||= wasCopied;
        fellBackToCopy ||= wasCopied && op.mode !== 'copy';
        this.step(`transferred:${i}`, opId);
        const s = await fs.tryStat(t.temp);
        if (!s) throw new ImportFsError(Object.assign(new Error('vanished'), { code: 'ENOENT' }), 'staging', t.temp);
        const src = wasCopied ? await fs.stat(t.source) : s;
        if (s.size !== src.size)
          throw new ImportFsError(
            Object.assign(new Error('short copy'), { code: 'EIO' }),
            `copying (${s.size} of ${src.size} bytes)`,
            t.source,
          );
        t.ino = s.ino;
        t.size = s.size;
      }
      await journal.update(opId, { step: 'staged', plan }, this.now());
      this.step('staged', opId);
      for (const t of plan.transfers) {
        if (!t.backup) continue;
        await this.backup(t.destination, t.backup);
      }
      this.step('backedUp', opId);
      for (const [i, t] of plan.transfers.entries()) {
        await fs.rename(t.temp, t.destination).catch((err) => {
          throw new ImportFsError(err, 'moving into place', t.destination);
        });
        this.step(`placed:${i}`, opId);
      }
      // Copied data is fsynced before the rename; the directory too, so the renamed entry survives a power cut.
      // Hardlinks and renames are metadata only: against a crash of idkarr itself (kill -9) the journal and the
      // WAL ordering are what count, and power-loss durability follows the database's own (synchronous=NORMAL).
      if (copied) for (const dir of new Set(plan.transfers.map((t) => dirname(t.destination)))) await fs.fsyncDir(dir);
      result = await this.deps.db.transaction().execute(async (trx) => {
        const r = await commit(trx);
        await journal.update(opId, { state: 'committed', step: 'committed' }, this.now(), trx);
        return r;
      });
    } catch (err) {
      try {
        await this.rollBack(plan);
        await journal.update(opId, { state: 'rolledBack', step: 'rolledBack' }, this.now());
      } catch (rollbackErr) {
        // Left pending: start-up recovery tries again.
        this.deps.log.error({ err: rollbackErr, opId }, 'import roll-back failed; recovery retries at start');
      }
      throw err;
    }
    this.step('committed', opId);
    const cleanupErrors = await this.cleanUp(plan, opId);
    if (!cleanupErrors.length) await journal.update(opId, { state: 'done', step: 'done' }, this.now());
    this.step('done', opId);
    return { result, opId, fellBackToCopy, cleanupErrors };
  }

  /** Source → temp. Returns true when the data was copied (not linked). */
  private async stage(mode: TransferMode, source: string, temp: string): Promise<boolean> {
    const { fs } = this.deps;
    if (mode !== 'copy') {
      try {
        await fs.link(source, temp);
        return false;
      } catch (err) {
        const code = errno(err);
        // EXDEV: other file system; EPERM/ENOTSUP/EMLINK: links not possible there. Anything else is real.
        if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK' && code !== 'EOPNOTSUPP')
          throw new ImportFsError(err, 'hardlinking', source);
      }
    }
    try {
      await fs.copyFile(source, temp);
    } catch (err) {
      await fs.unlink(temp).catch(() => undefined);
      throw new ImportFsError(err, 'copying', source);
    }
    return true;
  }

  private async backup(path: string, backup: string): Promise<void> {
    const { fs } = this.deps;
    try {
      await fs.link(path, backup);
    } catch (err) {
      const code = errno(err);
      if (code === 'ENOENT') return; // nothing there any more: nothing to keep
      try {
        await fs.copyFile(path, backup);
      } catch (copyErr) {
        throw new ImportFsError(copyErr ?? err, 'keeping a copy of', path);
      }
    }
  }

  /** Undo of a pending operation: old files back in place, our files and temp files gone. Idempotent. */
  private async rollBack(plan: JournalPlan): Promise<void> {
    const { fs } = this.deps;
    for (const t of [...plan.transfers].reverse()) {
      const dest = await statOrNull(fs, t.destination);
      const ours = dest !== null && t.ino !== null && dest.ino === t.ino && t.destination !== t.source;
      const backup = t.backup ? await statOrNull(fs, t.backup) : null;
      if (t.backup && backup) {
        if (ours || dest === null) await fs.rename(t.backup, t.destination);
        else await fs.unlink(t.backup);
      } else if (ours) {
        await fs.unlink(t.destination);
      }
      if (await statOrNull(fs, t.temp)) await fs.unlink(t.temp);
    }
    for (const dir of new Set(plan.transfers.map((t) => dirname(t.destination)))) {
      await fs.fsyncDir(dir).catch(() => undefined);
    }
  }

  /** After commit: verify destinations, then recycle/delete replaced files, backups and (move) sources. */
  private async cleanUp(plan: JournalPlan, opId: string, recovering = false): Promise<string[]> {
    const { fs } = this.deps;
    const errors: string[] = [];
    for (const t of plan.transfers) {
      if (recovering && (await statOrNull(fs, t.temp))) {
        // Committed with the temp still there cannot happen (rename precedes commit); be tidy anyway.
        if (!(await statOrNull(fs, t.destination))) await fs.rename(t.temp, t.destination);
        else await fs.unlink(t.temp);
      }
      const dest = await statOrNull(fs, t.destination);
      if (!dest || (t.size !== null && dest.size !== t.size)) {
        errors.push(`${t.destination} is not in place after import (expected ${t.size} bytes); nothing was deleted`);
      }
    }
    if (errors.length) {
      this.deps.log.error({ opId, errors }, 'import verification failed; replaced files and sources kept');
      return errors;
    }
    for (const r of plan.replaced) {
      try {
        if (!(await statOrNull(fs, r.path))) continue;
        if (r.recycleTo) await this.recycle(r.path, r.recycleTo);
        else await fs.unlink(r.path);
      } catch (err) {
        errors.push(new ImportFsError(err, r.recycleTo ? 'recycling' : 'deleting', r.path).message);
      }
    }
    this.step('replacedRemoved', opId);
    if (plan.deleteSources) {
      for (const t of plan.transfers) {
        if (t.source === t.destination) continue;
        try {
          const src = await statOrNull(fs, t.source);
          if (src) await fs.unlink(t.source);
        } catch (err) {
          errors.push(new ImportFsError(err, 'deleting the source', t.source).message);
        }
      }
    }
    this.step('sourcesRemoved', opId);
    return errors;
  }

  private async recycle(path: string, target: string): Promise<void> {
    const { fs } = this.deps;
    await fs.mkdir(dirname(target));
    let to = target;
    for (let n = 1; await statOrNull(fs, to); n++) {
      const ext = extname(target);
      to = join(dirname(target), `${basename(target, ext)} (${n})${ext}`);
    }
    try {
      await fs.rename(path, to);
    } catch (err) {
      if (errno(err) !== 'EXDEV') throw err;
      await fs.copyFile(path, to);
      await fs.unlink(path);
    }
    await fs.touch(to, new Date(this.deps.clock.now())).catch(() => undefined);
  }

  /** Replays the journal: committed operations roll forward, pending ones roll back. */
  async recover(): Promise<RecoverySummary> {
    const summary: RecoverySummary = { rolledForward: 0, rolledBack: 0, failed: [] };
    const rows = await this.deps.journal.unfinished<JournalPlan>();
    for (const row of rows) {
      try {
        await this.recoverOne(row);
        if (row.state === 'committed') summary.rolledForward++;
        else summary.rolledBack++;
      } catch (err) {
        summary.failed.push({ opId: row.opId, message: (err as Error).message });
        this.deps.log.error({ err, opId: row.opId }, 'journal recovery failed for an operation');
      }
    }
    if (rows.length) this.deps.log.info({ ...summary }, 'import journal replayed');
    return summary;
  }

  private async recoverOne(row: JournalRow<JournalPlan>): Promise<void> {
    if (row.state === 'committed') {
      const errors = await this.cleanUp(row.plan, row.opId, true);
      if (errors.length) throw new Error(errors.join('; '));
      await this.deps.journal.update(row.opId, { state: 'done', step: 'recovered' }, this.now());
      return;
    }
    await this.rollBack(row.plan);
    await this.deps.journal.update(row.opId, { state: 'rolledBack', step: 'recovered' }, this.now());
  }
}
