// Movies in the library: list (paged or all), read, edit, bulk edit and delete. Pages are one movie query plus one
// batched alternative-title query; the whole list is JSON text the database writes, a slice at a time. Events go
// out after the write committed.
import type { MovieFilter, MovieRepository, MovieSortKey } from '../../db/repositories/movie.repository.js';
import type { QualityProfileRepository } from '../../db/repositories/quality-profile.repository.js';
import type { TagRepository } from '../../db/repositories/tag.repository.js';
import type { AlternativeTitle, MinimumAvailability, Movie } from '../../domain/library/movie.types.js';
import { isMovieAvailable } from '../../domain/library/movie-availability.rules.js';
import type { Page, PageRequest } from '../../domain/library/paging.types.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import type { LibraryPaths } from './add-path.service.js';
import { jsonSlices } from './json-slices.js';
import { todayUtc } from './movie-metadata.service.js';
import { normalizeFolderPath } from './root-folder.service.js';

export interface MovieView extends Movie {
  alternateTitles: AlternativeTitle[];
  hasFile: boolean;
  isAvailable: boolean;
  /** Bytes of the movie's files; the file table arrives with imports. */
  sizeOnDisk: number;
}

export interface MovieEdit {
  monitored?: boolean;
  qualityProfileId?: number;
  minimumAvailability?: MinimumAvailability;
  tags?: number[];
  /** A new folder for the movie; files are not moved. */
  path?: string;
}

export type ApplyTags = 'add' | 'remove' | 'replace';

export interface MovieEditorEdit {
  movieIds: number[];
  monitored?: boolean;
  qualityProfileId?: number;
  minimumAvailability?: MinimumAvailability;
  /** Moves the movies' records to this root folder (same folder names); files are not moved. */
  rootFolderPath?: string;
  tags?: number[];
  applyTags?: ApplyTags;
}

export interface MovieServiceDeps {
  movies: MovieRepository;
  qualityProfiles: Pick<QualityProfileRepository, 'get'>;
  tags: Pick<TagRepository, 'list'>;
  paths: LibraryPaths;
  events: EventBus;
  clock: Clock;
  log: Pick<Logger, 'info' | 'warn'>;
}

export function applyTagEdit(current: readonly number[], tags: readonly number[], mode: ApplyTags): number[] {
  if (mode === 'replace') return [...new Set(tags)];
  if (mode === 'remove') return current.filter((t) => !tags.includes(t));
  return [...new Set([...current, ...tags])];
}

/** Shared by movies and series: a profile and tags that exist, else a 400 naming the field. */
export async function checkProfileAndTags(
  deps: { qualityProfiles: Pick<QualityProfileRepository, 'get'>; tags: Pick<TagRepository, 'list'> },
  edit: { qualityProfileId?: number | undefined; tags?: readonly number[] | undefined },
): Promise<void> {
  if (edit.qualityProfileId !== undefined && !(await deps.qualityProfiles.get(edit.qualityProfileId))) {
    const message = `quality profile ${edit.qualityProfileId} does not exist`;
    throw new ValidationError(message, [{ field: 'qualityProfileId', message, severity: 'error' }]);
  }
  if (edit.tags?.length) {
    const known = new Set((await deps.tags.list()).map((t) => t.id));
    const unknown = edit.tags.filter((t) => !known.has(t));
    if (unknown.length) {
      const message = `unknown tag ids: ${unknown.join(', ')}`;
      throw new ValidationError(message, [{ field: 'tags', message, severity: 'error' }]);
    }
  }
}

/**
 * Shared by movies and series: the folder an edit moves the item to and its root folder, or undefined when the
 * path is not given or unchanged; a folder outside every root folder is a 400 naming `path`.
 */
export async function movedPlace(
  paths: Pick<LibraryPaths, 'rootFolderOf'>,
  requested: string | undefined,
  current: string,
): Promise<{ path: string; rootFolderPath: string } | undefined> {
  if (requested === undefined || normalizeFolderPath(requested) === current) return undefined;
  const path = normalizeFolderPath(requested);
  const root = await paths.rootFolderOf(path);
  if (!root) {
    const message = `"${path}" is not inside a root folder`;
    throw new ValidationError(message, [{ field: 'path', message, severity: 'error' }]);
  }
  return { path, rootFolderPath: root };
}

export class MovieService {
  constructor(private readonly deps: MovieServiceDeps) {}

  async list(filter: MovieFilter = {}): Promise<MovieView[]> {
    return this.views(await this.deps.movies.list(filter));
  }

  /**
   * The same list as `list` as JSON text, `size` movies at a time, each movie built by the database (what the
   * unpaginated GET /movie streams): no movie objects in Node, one slice's strings in memory at a time.
   */
  async *listJson(filter: MovieFilter = {}, size = 500): AsyncGenerator<string[]> {
    // One day for the whole list, as `views` uses for one call.
    const today = todayUtc(this.deps.clock.now());
    yield* jsonSlices((after) => this.deps.movies.listJsonAfter(filter, size, today, after), size);
  }

  async page(req: PageRequest<MovieSortKey>, filter: MovieFilter = {}): Promise<Page<MovieView, MovieSortKey>> {
    const page = await this.deps.movies.page(req, filter);
    return { ...page, records: await this.views(page.records) };
  }

  async byTmdbId(tmdbId: number): Promise<MovieView[]> {
    const movie = await this.deps.movies.findByTmdbId(tmdbId);
    return movie ? this.views([movie]) : [];
  }

  async get(id: number): Promise<MovieView> {
    return (await this.views([await this.require(id)]))[0]!;
  }

  async require(id: number): Promise<Movie> {
    const movie = await this.deps.movies.get(id);
    if (!movie) throw new NotFoundError(`movie ${id} not found`);
    return movie;
  }

  async views(movies: readonly Movie[]): Promise<MovieView[]> {
    const titles = await this.deps.movies.alternativeTitlesFor(movies.map((m) => m.id));
    const today = todayUtc(this.deps.clock.now());
    return movies.map((m) => ({
      ...m,
      alternateTitles: titles.get(m.id) ?? [],
      hasFile: m.movieFileId !== null,
      isAvailable: isMovieAvailable(m, today),
      sizeOnDisk: 0,
    }));
  }

  async update(id: number, edit: MovieEdit): Promise<MovieView> {
    const movie = await this.require(id);
    await checkProfileAndTags(this.deps, edit);
    const place = await movedPlace(this.deps.paths, edit.path, movie.path);
    const next: Movie = {
      ...movie,
      ...(edit.monitored === undefined ? {} : { monitored: edit.monitored }),
      ...(edit.qualityProfileId === undefined ? {} : { qualityProfileId: edit.qualityProfileId }),
      ...(edit.minimumAvailability === undefined ? {} : { minimumAvailability: edit.minimumAvailability }),
      ...(edit.tags === undefined ? {} : { tags: [...new Set(edit.tags)] }),
      ...place,
    };
    const { id: _id, ...row } = next;
    const saved = await this.deps.movies.update(id, row);
    if (!saved) throw new NotFoundError(`movie ${id} not found`);
    this.deps.events.emit('movie.updated', { movie: saved });
    return (await this.views([saved]))[0]!;
  }

  /** Bulk edit (the movie editor): one statement per distinct outcome, not per movie, except for folder changes. */
  async edit(edit: MovieEditorEdit): Promise<MovieView[]> {
    const ids = [...new Set(edit.movieIds)];
    const found = await this.deps.movies.getMany(ids);
    const missing = ids.filter((id) => !found.some((m) => m.id === id));
    if (missing.length) throw new NotFoundError(`movies not found: ${missing.join(', ')}`);
    await checkProfileAndTags(this.deps, edit);
    const root =
      edit.rootFolderPath === undefined ? undefined : await this.deps.paths.requireRootFolder(edit.rootFolderPath);
    await this.deps.movies.transaction(async (repo) => {
      await repo.updateMany(ids, {
        ...(edit.monitored === undefined ? {} : { monitored: edit.monitored }),
        ...(edit.qualityProfileId === undefined ? {} : { qualityProfileId: edit.qualityProfileId }),
        ...(edit.minimumAvailability === undefined ? {} : { minimumAvailability: edit.minimumAvailability }),
      });
      if (edit.tags !== undefined) {
        // Movies that end up with the same tag list share one statement.
        const groups = new Map<string, number[]>();
        for (const m of found) {
          const key = JSON.stringify(applyTagEdit(m.tags, edit.tags, edit.applyTags ?? 'add'));
          groups.set(key, [...(groups.get(key) ?? []), m.id]);
        }
        for (const [key, groupIds] of groups) await repo.updateMany(groupIds, { tags: JSON.parse(key) as number[] });
      }
      if (root !== undefined) {
        // Each movie keeps its folder name under the new root; nothing on disk moves.
        for (const m of await repo.getMany(ids)) {
          const { id, ...row } = m;
          await repo.update(id, { ...row, rootFolderPath: root, path: this.deps.paths.underRoot(root, m.path) });
        }
      }
    });
    const saved = await this.deps.movies.getMany(ids);
    for (const movie of saved) this.deps.events.emit('movie.updated', { movie });
    return this.views(saved);
  }

  async delete(id: number, opts: { deleteFiles: boolean }): Promise<void> {
    const movie = await this.require(id);
    await this.deleteOne(movie, opts.deleteFiles);
  }

  async deleteMany(ids: readonly number[], opts: { deleteFiles: boolean }): Promise<number> {
    const found = await this.deps.movies.getMany(ids);
    // Check every folder before deleting anything, so a refused one leaves the whole batch untouched.
    if (opts.deleteFiles) {
      for (const m of found) {
        if (!(await this.deps.paths.rootFolderOf(m.path)))
          throw new ValidationError(`refusing to delete "${m.path}": it is not inside a root folder`, [
            { field: 'deleteFiles', message: `"${m.path}" is not inside a root folder`, severity: 'error' },
          ]);
      }
    }
    for (const m of found) await this.deleteOne(m, opts.deleteFiles);
    return found.length;
  }

  private async deleteOne(movie: Movie, deleteFiles: boolean): Promise<void> {
    // Files first: if the disk refuses, the movie stays in the library and the user can retry.
    if (deleteFiles) await this.deps.paths.deleteItemFolder(movie.path);
    await this.deps.movies.delete(movie.id);
    this.deps.log.info({ movieId: movie.id, deleteFiles }, 'movie deleted');
    this.deps.events.emit('movie.deleted', {
      id: movie.id,
      title: movie.title,
      path: movie.path,
      tmdbId: movie.tmdbId,
      deletedFiles: deleteFiles,
      movie,
    });
  }
}
