// Where library items live on disk: the folder name an added item gets, the root-folder check adding and editing
// do (known to idkarr, exists, writable), and the guard that keeps "delete with files" inside a root folder.
import { realpath, rm } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import type { RootFolderRepository } from '../../db/repositories/root-folder.repository.js';
import { ValidationError } from '../../lib/errors.js';
import { type FolderProbe, nodeFolderProbe, normalizeFolderPath } from './root-folder.service.js';

/**
 * A folder name safe on Windows, macOS and Linux shares, the way Sonarr/Radarr clean file names: a colon becomes
 * " -" (or "-" before a non-space), other reserved characters go, runs of spaces collapse, no leading/trailing
 * dots or spaces. Never empty.
 */
export function cleanFolderName(name: string): string {
  const cleaned = name
    .replace(/: /g, ' - ')
    .replace(/:/g, '-')
    .replace(/[\\/]/g, '+')
    .replace(/[*?"<>|]/g, '')
    .replace(/\s+/g, ' ')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must go
    .replace(/[\u0000-\u001f]/g, '')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return cleaned === '' ? 'Unknown' : cleaned;
}

/** "Title (Year)", or "Title" when the year is unknown (0). */
export function itemFolderName(title: string, year: number): string {
  const withYear = year > 0 && !title.includes(`(${year})`) ? `${title} (${year})` : title;
  return cleanFolderName(withYear);
}

/** True when `child` is strictly below `parent` (both absolute); `..` segments cannot escape. */
export function isStrictlyInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

export interface LibraryPathsDeps {
  rootFolders: Pick<RootFolderRepository, 'list' | 'findByPath'>;
  probe?: FolderProbe;
}

export class LibraryPaths {
  private readonly probe: FolderProbe;

  constructor(private readonly deps: LibraryPathsDeps) {
    this.probe = deps.probe ?? nodeFolderProbe;
  }

  /** The root folder as stored, or a 400 naming the path (unknown, missing, not a folder, not writable). */
  async requireRootFolder(rawPath: string, field = 'rootFolderPath'): Promise<string> {
    const path = normalizeFolderPath(rawPath);
    const invalid = (message: string) => new ValidationError(message, [{ field, message, severity: 'error' }]);
    if (!isAbsolute(path)) throw invalid(`root folder "${rawPath}" must be an absolute path`);
    if (!(await this.deps.rootFolders.findByPath(path)))
      throw invalid(`"${path}" is not a root folder; add it under /rootfolder first`);
    const found = await this.probe.inspect(path);
    if (!found.exists) throw invalid(`root folder "${path}" does not exist`);
    if (!found.isDirectory) throw invalid(`root folder "${path}" is not a folder`);
    if (!found.writable) throw invalid(`root folder "${path}" is not writable by idkarr`);
    return path;
  }

  /** The known root folder an item path sits in (the deepest one), if any. */
  async rootFolderOf(path: string): Promise<string | undefined> {
    const roots = (await this.deps.rootFolders.list()).map((r) => r.path);
    return roots.filter((r) => isStrictlyInside(r, path)).sort((a, b) => b.length - a.length)[0];
  }

  itemPath(rootFolderPath: string, title: string, year: number): string {
    return join(rootFolderPath, itemFolderName(title, year));
  }

  /** The same folder name under another root folder (editor root-folder change; nothing moves on disk). */
  underRoot(rootFolderPath: string, itemPath: string): string {
    return join(rootFolderPath, basename(itemPath));
  }

  /**
   * Removes an item's folder, only when it is strictly inside a known root folder, also after resolving symlinks
   * (a folder that is a link out of the root is refused). A folder already gone is fine. Returns whether it existed.
   */
  async deleteItemFolder(path: string): Promise<boolean> {
    const root = await this.rootFolderOf(normalizeFolderPath(path));
    const refuse = (why: string) =>
      new ValidationError(`refusing to delete "${path}": ${why}`, [
        { field: 'deleteFiles', message: why, severity: 'error' },
      ]);
    if (!root) throw refuse('it is not inside a root folder');
    let real: string;
    try {
      real = await realpath(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
    const realRoot = await realpath(root).catch(() => root);
    if (!isStrictlyInside(realRoot, real)) throw refuse('it resolves to a place outside its root folder');
    await rm(real, { recursive: true, force: true });
    return true;
  }
}
