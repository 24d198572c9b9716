// The file-system operations the import pipeline uses, behind one port so tests can inject failures (EACCES,
// ENOSPC, EXDEV) that a test machine cannot produce on demand. `nodeFs` is the real thing.
import { constants, statSync } from 'node:fs';
import * as fsp from 'node:fs/promises';

export interface FileStat {
  size: number;
  ino: number;
  dev: number;
  isFile: boolean;
  isDirectory: boolean;
  isSymbolicLink: boolean;
  mtimeMs: number;
}

export interface DirEntry {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
  isSymbolicLink: boolean;
}

export interface FsPort {
  stat(path: string): Promise<FileStat>;
  /** stat() that answers null for a missing path instead of throwing (the common case on hot paths). */
  tryStat(path: string): Promise<FileStat | null>;
  lstat(path: string): Promise<FileStat>;
  realpath(path: string): Promise<string>;
  readdir(path: string): Promise<DirEntry[]>;
  mkdir(path: string): Promise<void>;
  link(existing: string, newPath: string): Promise<void>;
  /** Copies to a new file (fails when `to` exists) and fsyncs it. */
  copyFile(from: string, to: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** Makes directory entries (renames, links) durable. */
  fsyncDir(path: string): Promise<void>;
  /** Free bytes for unprivileged users on the file system holding `path`. */
  freeSpace(path: string): Promise<number>;
  canRead(path: string): Promise<boolean>;
  touch(path: string, when: Date): Promise<void>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  rmdir(path: string): Promise<void>;
}

const toStat = (s: import('node:fs').Stats): FileStat => ({
  size: s.size,
  ino: s.ino,
  dev: s.dev,
  isFile: s.isFile(),
  isDirectory: s.isDirectory(),
  isSymbolicLink: s.isSymbolicLink(),
  mtimeMs: s.mtimeMs,
});

export const nodeFs: FsPort = {
  stat: async (p) => toStat(await fsp.stat(p)),
  // statSync with throwIfNoEntry: no Error (and stack trace) per missing path; a stat is microseconds.
  async tryStat(p) {
    try {
      const s = statSync(p, { throwIfNoEntry: false });
      return s ? toStat(s) : null;
    } catch (err) {
      if (errno(err) === 'ENOTDIR') return null;
      throw err;
    }
  },
  lstat: async (p) => toStat(await fsp.lstat(p)),
  realpath: (p) => fsp.realpath(p),
  async readdir(p) {
    const entries = await fsp.readdir(p, { withFileTypes: true });
    return entries.map((e) => ({
      name: e.name,
      isFile: e.isFile(),
      isDirectory: e.isDirectory(),
      isSymbolicLink: e.isSymbolicLink(),
    }));
  },
  async mkdir(p) {
    if (statSync(p, { throwIfNoEntry: false })?.isDirectory()) return;
    await fsp.mkdir(p, { recursive: true });
  },
  link: (a, b) => fsp.link(a, b),
  async copyFile(from, to) {
    await fsp.copyFile(from, to, constants.COPYFILE_EXCL);
    const fh = await fsp.open(to, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  },
  rename: (a, b) => fsp.rename(a, b),
  unlink: (p) => fsp.unlink(p),
  async fsyncDir(p) {
    let fh: fsp.FileHandle | undefined;
    try {
      fh = await fsp.open(p, 'r');
      await fh.sync();
    } catch (err) {
      // Some file systems refuse fsync on a directory (EISDIR/EINVAL/EPERM): nothing more can be done there.
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM' && code !== 'EBADF') throw err;
    } finally {
      await fh?.close();
    }
  },
  async freeSpace(p) {
    const s = await fsp.statfs(p);
    return Number(s.bavail) * Number(s.bsize);
  },
  canRead: (p) =>
    fsp.access(p, constants.R_OK).then(
      () => true,
      () => false,
    ),
  touch: (p, when) => fsp.utimes(p, when, when),
  writeFile: (p, data) => fsp.writeFile(p, data),
  rmdir: (p) => fsp.rmdir(p),
};

export const errno = (err: unknown): string | undefined => (err as NodeJS.ErrnoException | null)?.code;

export async function exists(fs: FsPort, path: string): Promise<boolean> {
  try {
    await fs.lstat(path);
    return true;
  } catch (err) {
    if (errno(err) === 'ENOENT' || errno(err) === 'ENOTDIR') return false;
    throw err;
  }
}

export function statOrNull(fs: FsPort, path: string): Promise<FileStat | null> {
  return fs.tryStat(path);
}

/** One clear sentence for a file-system failure, naming the path and what to do. */
export function describeFsError(err: unknown, action: string, path: string): string {
  const code = errno(err);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `permission denied ${action} ${path}: give the user idkarr runs as (uid ${process.getuid?.() ?? '?'}) read/write access to it`;
    case 'ENOSPC':
      return `disk full ${action} ${path}: free space on that file system (nothing was changed)`;
    case 'EDQUOT':
      return `disk quota exceeded ${action} ${path}`;
    case 'EROFS':
      return `read-only file system ${action} ${path}`;
    case 'ENOENT':
      return `${path} does not exist (${action})`;
    case 'EIO':
      return `I/O error ${action} ${path}: the disk or network share may be failing`;
    case 'EXDEV':
      return `${path} is on another file system (${action})`;
    default:
      return `${action} ${path} failed: ${(err as Error)?.message ?? String(err)}`;
  }
}

/** A file-system failure with its clear message; the pipeline turns it into a blocked reason. */
export class ImportFsError extends Error {
  readonly code: string | undefined;
  constructor(err: unknown, action: string, path: string) {
    super(describeFsError(err, action, path));
    this.name = 'ImportFsError';
    this.code = errno(err);
  }
}
