// Consistent backups of the SQLite database plus config. A backup is one SQLite file made with the online backup
// API (safe while the server writes); config.json is embedded in its key_value table, so one file restores all.
// PostgreSQL deployments use pg_dump instead (README).
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { Database } from '../db/database.js';
import { NotFoundError, ValidationError } from '../lib/errors.js';

export interface BackupInfo {
  name: string;
  path: string;
  size: number;
  time: string;
  type: 'manual' | 'scheduled' | 'update';
}

const NAME = /^idkarr-backup-(manual|scheduled|update)-[\dTZ-]+\.db$/;
const CONFIG_KEY = 'backup.config.json';

export class BackupService {
  readonly dir: string;
  constructor(
    private readonly database: Database,
    private readonly dataDir: string,
    private readonly retention: number,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.dir = join(dataDir, 'backups');
  }

  get supported(): boolean {
    return this.database.dialect === 'sqlite';
  }

  async create(type: BackupInfo['type'] = 'manual'): Promise<BackupInfo> {
    if (!this.database.sqlite)
      throw new ValidationError('backups of PostgreSQL databases are made with pg_dump (see README "Backups")');
    mkdirSync(this.dir, { recursive: true });
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const final = join(this.dir, `idkarr-backup-${type}-${stamp}.db`);
    const tmp = `${final}.partial`;
    await this.database.sqlite.backup(tmp);
    const configFile = join(this.dataDir, 'config.json');
    if (existsSync(configFile)) {
      const copy = new SqliteDatabase(tmp);
      try {
        copy
          .prepare('insert or replace into key_value(key, value) values (?, ?)')
          .run(CONFIG_KEY, readFileSync(configFile, 'utf8'));
      } finally {
        copy.close();
      }
    }
    renameSync(tmp, final);
    this.prune();
    return this.info(basename(final));
  }

  list(): BackupInfo[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((n) => NAME.test(n))
      .map((n) => this.info(n))
      .sort((a, b) => b.time.localeCompare(a.time));
  }

  pathOf(name: string): string {
    if (!NAME.test(name) || !existsSync(join(this.dir, name))) throw new NotFoundError(`no backup named ${name}`);
    return join(this.dir, name);
  }

  delete(name: string): void {
    rmSync(this.pathOf(name));
  }

  private prune(): void {
    const all = this.list();
    for (const b of all.slice(this.retention)) rmSync(b.path, { force: true });
  }

  private info(name: string): BackupInfo {
    const path = join(this.dir, name);
    const st = statSync(path);
    const type = (NAME.exec(name)?.[1] ?? 'manual') as BackupInfo['type'];
    return { name, path, size: st.size, time: st.mtime.toISOString(), type };
  }
}

/**
 * Restores a backup file into a data dir while the server is stopped: the current database is kept beside it as
 * `idkarr.db.before-restore-<stamp>`, never deleted.
 */
export function restoreBackup(
  backupFile: string,
  dataDir: string,
  dbFile = join(dataDir, 'idkarr.db'),
  now = new Date(),
): { previous?: string } {
  if (!existsSync(backupFile)) throw new NotFoundError(`backup file not found: ${backupFile}`);
  const check = new SqliteDatabase(backupFile, { readonly: true, fileMustExist: true });
  let config: string | undefined;
  try {
    const hasMigrations = check
      .prepare("select 1 from sqlite_master where type='table' and name='schema_migrations'")
      .get();
    if (!hasMigrations) throw new ValidationError(`${backupFile} is not an idkarr backup`);
    const row = check.prepare('select value from key_value where key = ?').get(CONFIG_KEY) as
      | { value: string }
      | undefined;
    config = row?.value;
  } finally {
    check.close();
  }
  mkdirSync(dataDir, { recursive: true });
  let previous: string | undefined;
  if (existsSync(dbFile)) {
    previous = `${dbFile}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dbFile, previous);
    for (const ext of ['-wal', '-shm']) if (existsSync(dbFile + ext)) renameSync(dbFile + ext, previous + ext);
  }
  copyFileSync(backupFile, dbFile);
  const restored = new SqliteDatabase(dbFile);
  try {
    restored.prepare('delete from key_value where key = ?').run(CONFIG_KEY);
  } finally {
    restored.close();
  }
  if (config) writeFileSync(join(dataDir, 'config.json'), config, { mode: 0o600 });
  return previous ? { previous } : {};
}
