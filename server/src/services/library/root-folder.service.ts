// Root folders: where movies and series live on disk. Adding one checks the folder exists and is writable (so a
// typo fails now, not at the first import); listing reports what the disk says right now: reachable or not, free
// space, and the subfolders no movie or series claims yet (candidates for a library import).
import { constants } from 'node:fs';
import { access, readdir, stat, statfs } from 'node:fs/promises';
import { isAbsolute, join, normalize, sep } from 'node:path';
import type { MovieRepository } from '../../db/repositories/movie.repository.js';
import type { RootFolderRepository } from '../../db/repositories/root-folder.repository.js';
import type { SeriesRepository } from '../../db/repositories/series.repository.js';
import type { RootFolder, RootFolderView } from '../../domain/library/library-config.types.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';

/** The file system as root folders see it; tests substitute it (a root user can write anywhere). */
export interface FolderProbe {
  inspect(path: string): Promise<{ exists: boolean; isDirectory: boolean; writable: boolean }>;
  space(path: string): Promise<{ free: number; total: number } | null>;
  /** Names of the directories directly inside `path`, hidden ones excluded. */
  subfolders(path: string): Promise<string[]>;
}

export const nodeFolderProbe: FolderProbe = {
  async inspect(path) {
    try {
      const s = await stat(path);
      const writable = await access(path, constants.W_OK).then(
        () => true,
        () => false,
      );
      return { exists: true, isDirectory: s.isDirectory(), writable };
    } catch {
      return { exists: false, isDirectory: false, writable: false };
    }
  },
  async space(path) {
    try {
      const s = await statfs(path);
      return { free: s.bavail * s.bsize, total: s.blocks * s.bsize };
    } catch {
      return null;
    }
  },
  async subfolders(path) {
    const entries = await readdir(path, { withFileTypes: true });
    return entries
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  },
};

export interface RootFolderServiceDeps {
  rootFolders: RootFolderRepository;
  movies: MovieRepository;
  series: SeriesRepository;
  probe?: FolderProbe;
}

/** One spelling per folder: normalised, without a trailing separator (except the file-system root). */
export function normalizeFolderPath(path: string): string {
  const n = normalize(path.trim());
  return n.length > 1 && n.endsWith(sep) ? n.slice(0, -1) : n;
}

export class RootFolderService {
  private readonly probe: FolderProbe;

  constructor(private readonly deps: RootFolderServiceDeps) {
    this.probe = deps.probe ?? nodeFolderProbe;
  }

  async list(): Promise<RootFolderView[]> {
    return this.views(await this.deps.rootFolders.list());
  }

  async get(id: number): Promise<RootFolderView> {
    const folder = await this.deps.rootFolders.get(id);
    if (!folder) throw new NotFoundError(`root folder ${id} not found`);
    return (await this.views([folder]))[0]!;
  }

  async add(rawPath: string): Promise<RootFolderView> {
    const path = normalizeFolderPath(rawPath);
    const invalid = (message: string) => new ValidationError(message, [{ field: 'path', message, severity: 'error' }]);
    if (!isAbsolute(path)) throw invalid(`path "${rawPath}" must be absolute`);
    const found = await this.probe.inspect(path);
    if (!found.exists) throw invalid(`folder "${path}" does not exist`);
    if (!found.isDirectory) throw invalid(`"${path}" is not a folder`);
    if (!found.writable) throw invalid(`folder "${path}" is not writable by idkarr`);
    const folder = await this.deps.rootFolders.insert(path);
    return (await this.views([folder]))[0]!;
  }

  /** Forgets the folder only: movies and series filed under it and the files on disk stay as they are. */
  async delete(id: number): Promise<void> {
    if (!(await this.deps.rootFolders.delete(id))) throw new NotFoundError(`root folder ${id} not found`);
  }

  private async views(folders: RootFolder[]): Promise<RootFolderView[]> {
    const roots = folders.map((f) => f.path);
    // Two queries for all folders together, whatever their number.
    const used = new Set([
      ...(await this.deps.movies.pathsInRootFolders(roots)),
      ...(await this.deps.series.pathsInRootFolders(roots)),
    ]);
    return Promise.all(
      folders.map(async (folder): Promise<RootFolderView> => {
        const found = await this.probe.inspect(folder.path);
        const accessible = found.exists && found.isDirectory;
        const space = accessible ? await this.probe.space(folder.path) : null;
        const names = accessible ? await this.probe.subfolders(folder.path).catch(() => []) : [];
        const unmappedFolders = names
          .map((name) => ({ name, path: join(folder.path, name) }))
          .filter((f) => !used.has(f.path));
        return {
          ...folder,
          accessible,
          freeSpace: space?.free ?? null,
          totalSpace: space?.total ?? null,
          unmappedFolders,
        };
      }),
    );
  }
}
