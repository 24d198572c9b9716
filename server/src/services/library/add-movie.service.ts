// POST /movie: checks what the user chose (profile, tags, root folder) and that the movie is new, fetches its
// metadata, files it under "Root/Title (Year)" (or at an existing folder the request names: library import) and
// stores it with its alternative titles in one transaction. The disk scan on `movie.added` links files already there.
// `movie.added` goes out after the commit; `searchForMovie` queues a MoviesSearch once that command exists.
import type { MovieRepository } from '../../db/repositories/movie.repository.js';
import type { QualityProfileRepository } from '../../db/repositories/quality-profile.repository.js';
import type { TagRepository } from '../../db/repositories/tag.repository.js';
import type { MinimumAvailability, Movie } from '../../domain/library/movie.types.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import type { LibraryPaths } from './add-path.service.js';
import type { ExistingFolders } from './existing-folder.service.js';
import type { MetadataGateway } from './metadata-gateway.js';
import { checkProfileAndTags } from './movie.service.js';
import { movieAlternativeTitles, movieMetadataFields, todayUtc } from './movie-metadata.service.js';

export interface AddMovieRequest {
  tmdbId: number;
  qualityProfileId: number;
  /** Where new folders go; optional when `path` names the item's existing folder. */
  rootFolderPath?: string | undefined;
  /** An existing folder inside a root folder (library import) instead of a new "Root/Title (Year)". */
  path?: string | undefined;
  monitored: boolean;
  minimumAvailability: MinimumAvailability;
  tags: number[];
  addOptions: { searchForMovie: boolean };
}

/** Queues follow-up commands (searches) when they are registered; later issues add them. */
export interface CommandStarter {
  has(name: string): boolean;
  enqueue(name: string, body: Record<string, unknown>): Promise<unknown>;
}

export interface AddMovieServiceDeps {
  movies: MovieRepository;
  qualityProfiles: Pick<QualityProfileRepository, 'get'>;
  tags: Pick<TagRepository, 'list'>;
  paths: LibraryPaths;
  folders: Pick<ExistingFolders, 'require'>;
  gateway: MetadataGateway;
  commands: CommandStarter;
  events: EventBus;
  clock: Clock;
  log: Pick<Logger, 'info' | 'warn'>;
}

export const MOVIE_SEARCH_COMMAND = 'MoviesSearch';

export function describeMovie(m: Pick<Movie, 'id' | 'title' | 'year' | 'tmdbId'>): string {
  return `"${m.title}${m.year ? ` (${m.year})` : ''}" (movie ${m.id}, tmdbId ${m.tmdbId})`;
}

/**
 * Where an added item goes: the existing folder the request names, or its root folder (the folder name follows from
 * the metadata). Shared with series.
 */
export async function itemPlace(
  deps: { paths: Pick<LibraryPaths, 'requireRootFolder'>; folders: Pick<ExistingFolders, 'require'> },
  req: { rootFolderPath?: string | undefined; path?: string | undefined },
): Promise<{ rootFolderPath: string; path?: string }> {
  if (req.path !== undefined) return deps.folders.require(req.path, req.rootFolderPath);
  if (req.rootFolderPath === undefined) {
    const message = 'rootFolderPath (or path, an existing folder inside a root folder) is required';
    throw new ValidationError(message, [{ field: 'rootFolderPath', message, severity: 'error' }]);
  }
  return { rootFolderPath: await deps.paths.requireRootFolder(req.rootFolderPath) };
}

export class AddMovieService {
  constructor(private readonly deps: AddMovieServiceDeps) {}

  async add(req: AddMovieRequest): Promise<Movie> {
    const { deps } = this;
    await checkProfileAndTags(deps, req);
    const place = await itemPlace(deps, req);
    await this.requireNew(req.tmdbId);
    const metadata = await deps.gateway
      .call('getMovie', (p) => p.getMovie(req.tmdbId))
      .catch((err: unknown) => {
        if (err instanceof NotFoundError) throw new NotFoundError(`no movie with tmdbId ${req.tmdbId} is known`);
        throw err;
      });
    const now = deps.clock.now();
    const fields = movieMetadataFields(metadata, todayUtc(now));
    const movie = await deps.movies.transaction(async (repo) => {
      // Checked again inside the transaction: a concurrent add of the same movie ends as a 409 either way.
      await this.requireNew(req.tmdbId, repo);
      const saved = await repo.insert({
        ...fields,
        minimumAvailability: req.minimumAvailability,
        monitored: req.monitored,
        qualityProfileId: req.qualityProfileId,
        rootFolderPath: place.rootFolderPath,
        path: place.path ?? deps.paths.itemPath(place.rootFolderPath, fields.title, fields.year),
        tags: [...new Set(req.tags)],
        ratings: {},
        added: new Date(now).toISOString(),
        lastInfoSync: new Date(now).toISOString(),
        movieFileId: null,
      });
      await repo.replaceAlternativeTitles(saved.id, movieAlternativeTitles(metadata));
      return saved;
    });
    deps.log.info({ movieId: movie.id, tmdbId: movie.tmdbId }, 'movie added');
    deps.events.emit('movie.added', { movie });
    if (req.addOptions.searchForMovie) await this.search(movie);
    return movie;
  }

  private async requireNew(tmdbId: number, repo: Pick<MovieRepository, 'findByTmdbId'> = this.deps.movies) {
    const existing = await repo.findByTmdbId(tmdbId);
    if (existing) throw new ConflictError(`${describeMovie(existing)} is already in the library`);
  }

  private async search(movie: Movie): Promise<void> {
    if (!this.deps.commands.has(MOVIE_SEARCH_COMMAND)) {
      this.deps.log.warn({ movieId: movie.id }, 'searchForMovie asked, but no movie search is available yet');
      return;
    }
    await this.deps.commands.enqueue(MOVIE_SEARCH_COMMAND, { movieIds: [movie.id] });
  }
}
