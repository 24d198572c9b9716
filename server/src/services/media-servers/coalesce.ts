// Which folders to rescan for a batch of changed paths: the folder containing each changed entry (a file's
// folder; for a deleted folder, its parent), without duplicates and without folders inside another folder of the
// set (a media server's folder scan is recursive). Plain string work on idkarr's own paths; no file system access.
import { isWindowsPath, isWithin, normaliseServerPath } from '../../integrations/media-servers/common/path-mapping.js';

/** The folder containing `path`; a root stays itself. */
export function containingFolder(path: string): string {
  const p = normaliseServerPath(path);
  const sep = isWindowsPath(p) ? '\\' : '/';
  const cut = p.lastIndexOf(sep);
  if (cut < 0) return p;
  if (cut === 0) return sep; // `/file` → `/`
  const parent = p.slice(0, cut);
  return /^[a-zA-Z]:$/.test(parent) ? `${parent}\\` : parent; // `D:\file` → `D:\`
}

/** Removes duplicates and folders that lie inside another folder of the list; sorted for stable requests. */
export function minimalFolders(folders: Iterable<string>): string[] {
  const unique = [...new Set([...folders].map(normaliseServerPath))].sort(
    (a, b) => a.length - b.length || (a < b ? -1 : 1),
  );
  const kept: string[] = [];
  for (const folder of unique) if (!kept.some((k) => isWithin(k, folder))) kept.push(folder);
  return kept.sort();
}

export function foldersToRescan(paths: Iterable<string>): string[] {
  const folders: string[] = [];
  for (const p of paths) if (typeof p === 'string' && p.trim() !== '') folders.push(containingFolder(p));
  return minimalFolders(folders);
}
