// Library import: adding a movie or series at a folder that already exists inside a root folder (instead of a new
// "Root/Title (Year)" folder). The folder must be a real folder inside a known root folder, also after resolving
// symlinks (so "delete with files" can never reach outside it), and no other movie or series may own it, hold it or
// sit in it.
import { realpath } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { MovieRepository } from '../../db/repositories/movie.repository.js';
import type { SeriesRepository } from '../../db/repositories/series.repository.js';
import { ConflictError, ValidationError } from '../../lib/errors.js';
import { isStrictlyInside, type LibraryPaths } from './add-path.service.js';
import { type FolderProbe, nodeFolderProbe, normalizeFolderPath } from './root-folder.service.js';

export interface ExistingFolderDeps {
  paths: Pick<LibraryPaths, 'rootFolderOf' | 'requireRootFolder'>;
  movies: Pick<MovieRepository, 'findByPath' | 'pathsInRootFolders'>;
  series: Pick<SeriesRepository, 'findByPath' | 'pathsInRootFolders'>;
  probe?: FolderProbe;
}

export interface ItemPlace {
  path: string;
  rootFolderPath: string;
}

const FIELD = 'path';

function invalid(message: string): ValidationError {
  return new ValidationError(message, [{ field: FIELD, message, severity: 'error' }]);
}

export class ExistingFolders {
  private readonly probe: FolderProbe;

  constructor(private readonly deps: ExistingFolderDeps) {
    this.probe = deps.probe ?? nodeFolderProbe;
  }

  /**
   * The folder and its root folder, or a 400 naming `path` (relative, outside every root folder, not the root folder
   * the request also named, missing, not a folder, a link out of its root) or a 409 naming the item that owns it.
   */
  async require(rawPath: string, rawRootFolderPath?: string): Promise<ItemPlace> {
    const path = normalizeFolderPath(rawPath);
    if (!isAbsolute(path)) throw invalid(`"${rawPath}" must be an absolute path`);
    const root = await this.deps.paths.rootFolderOf(path);
    if (!root) throw invalid(`"${path}" is not inside a root folder; add its root folder under /rootfolder first`);
    if (rawRootFolderPath !== undefined && normalizeFolderPath(rawRootFolderPath) !== root)
      throw invalid(`"${path}" is inside root folder "${root}", not "${rawRootFolderPath}"`);
    await this.deps.paths.requireRootFolder(root, 'rootFolderPath');
    const found = await this.probe.inspect(path);
    if (!found.exists) throw invalid(`folder "${path}" does not exist`);
    if (!found.isDirectory) throw invalid(`"${path}" is not a folder`);
    const [realFolder, realRoot] = await Promise.all([realpath(path), realpath(root)]);
    if (!isStrictlyInside(realRoot, realFolder))
      throw invalid(`"${path}" resolves to "${realFolder}", outside its root folder "${root}"`);
    await this.requireUnused(path);
    await this.requireNotNested(path, root);
    return { path, rootFolderPath: root };
  }

  private async requireUnused(path: string): Promise<void> {
    const movie = await this.deps.movies.findByPath(path);
    const owner = movie
      ? `movie "${movie.title}" (${movie.id})`
      : await this.deps.series.findByPath(path).then((s) => (s ? `series "${s.title}" (${s.id})` : undefined));
    if (!owner) return;
    const message = `"${path}" is already the folder of ${owner}`;
    throw new ConflictError(message, [{ field: FIELD, message, severity: 'error' }]);
  }

  /** One item's folder inside another's would let "delete with files" of the outer one take the inner one's files. */
  private async requireNotNested(path: string, root: string): Promise<void> {
    const used = [
      ...(await this.deps.movies.pathsInRootFolders([root])),
      ...(await this.deps.series.pathsInRootFolders([root])),
    ];
    const outer = used.find((p) => isStrictlyInside(p, path));
    const inner = used.find((p) => isStrictlyInside(path, p));
    if (!outer && !inner) return;
    const message = outer
      ? `"${path}" is inside "${outer}", the folder of another movie or series`
      : `"${path}" holds "${inner}", the folder of another movie or series`;
    throw new ConflictError(message, [{ field: FIELD, message, severity: 'error' }]);
  }
}
