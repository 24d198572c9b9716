// Remove with data for aria2, which has no RPC for it: idkarr deletes the files aria2 listed for the download
// (plus aria2's own `.aria2` control file), then the directories they leave empty. Everything is confined strictly
// inside the download's `dir` after resolving symlinks, so a crafted file list can never reach outside it, and
// the `dir` itself (a category folder others share) is never removed. Only meaningful when idkarr sees the same
// filesystem as aria2; paths it cannot see are skipped.
import { lstat, realpath, rmdir, unlink } from 'node:fs/promises';
import { posix } from 'node:path';
import type { Aria2Status } from './api.js';

export interface DeleteFilesResult {
  deleted: string[];
  skipped: string[];
}

const strictlyInside = (root: string, path: string) =>
  path !== root && path.startsWith(root === '/' ? '/' : `${root}/`);

const code = (err: unknown) => (err as NodeJS.ErrnoException)?.code;

async function realOrNull(path: string): Promise<string | null> {
  try {
    return await realpath(path);
  } catch (err) {
    if (code(err) === 'ENOENT' || code(err) === 'ENOTDIR') return null;
    throw err;
  }
}

/** The paths aria2 wrote for this download: its files and the control file beside the payload. */
export function candidatePaths(s: Aria2Status): string[] {
  const out = (s.files ?? []).map((f) => f.path).filter((p): p is string => !!p && posix.isAbsolute(p));
  const name = s.bittorrent?.info?.name;
  if (name && s.dir) out.push(`${posix.join(s.dir, name)}.aria2`);
  else for (const p of [...out]) out.push(`${p}.aria2`);
  return out;
}

export async function deleteDownloadFiles(s: Aria2Status): Promise<DeleteFilesResult> {
  const result: DeleteFilesResult = { deleted: [], skipped: [] };
  if (!s.dir || !posix.isAbsolute(s.dir)) return result;
  const root = await realOrNull(s.dir);
  if (!root) return result;
  const parents = new Set<string>();
  for (const candidate of candidatePaths(s)) {
    const resolved = posix.resolve(candidate);
    // The parent's real path, so a symlinked folder inside dir cannot lead outside it; the file itself is
    // lstat'ed, so a symlink named like a payload file is unlinked, never followed.
    const parent = await realOrNull(posix.dirname(resolved));
    const path = parent ? posix.join(parent, posix.basename(resolved)) : null;
    if (!path || !strictlyInside(root, path)) {
      result.skipped.push(candidate);
      continue;
    }
    const stat = await lstat(path).catch((err: unknown) => {
      if (code(err) === 'ENOENT') return null;
      throw err;
    });
    if (!stat || stat.isDirectory()) continue;
    await unlink(path);
    result.deleted.push(path);
    parents.add(posix.dirname(path));
  }
  // Deepest first; rmdir only removes empty folders, so anything else left there keeps its folder.
  const dirs = new Set<string>();
  for (const p of parents) for (let d = p; strictlyInside(root, d); d = posix.dirname(d)) dirs.add(d);
  for (const d of [...dirs].sort((a, b) => b.split('/').length - a.split('/').length)) {
    await rmdir(d).catch((err: unknown) => {
      if (!['ENOTEMPTY', 'EEXIST', 'ENOENT'].includes(code(err) ?? '')) throw err;
    });
  }
  return result;
}
