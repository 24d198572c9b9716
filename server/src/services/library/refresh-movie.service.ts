// Refreshes one movie's metadata: provider fields and alternative titles change, the user's fields (monitoring,
// profile, minimum availability, path, tags, file link) never do. A movie TMDB no longer knows is marked `deleted`.
import type { MovieRepository } from '../../db/repositories/movie.repository.js';
import type { Movie } from '../../domain/library/movie.types.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { NotFoundError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import type { MetadataGateway } from './metadata-gateway.js';
import { movieAlternativeTitles, movieMetadataFields, todayUtc } from './movie-metadata.service.js';

export interface RefreshMovieServiceDeps {
  movies: MovieRepository;
  gateway: MetadataGateway;
  events: EventBus;
  clock: Clock;
  log: Pick<Logger, 'warn'>;
}

export class RefreshMovieService {
  constructor(private readonly deps: RefreshMovieServiceDeps) {}

  async refresh(movie: Movie): Promise<Movie | undefined> {
    const { deps } = this;
    const now = deps.clock.now();
    const lastInfoSync = new Date(now).toISOString();
    const { id, ...current } = movie;
    let saved: Movie | undefined;
    try {
      const metadata = await deps.gateway.call('getMovie', (p) => p.getMovie(movie.tmdbId));
      saved = await deps.movies.transaction(async (repo) => {
        const row = await repo.update(id, {
          ...current,
          ...movieMetadataFields(metadata, todayUtc(now)),
          lastInfoSync,
        });
        if (row) await repo.replaceAlternativeTitles(id, movieAlternativeTitles(metadata));
        return row;
      });
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
      deps.log.warn({ movieId: id, tmdbId: movie.tmdbId }, 'TMDB no longer knows this movie; marked deleted');
      saved = await deps.movies.update(id, { ...current, status: 'deleted', lastInfoSync });
    }
    // Gone from the library while we asked the provider: nothing to announce.
    if (saved) deps.events.emit('movie.updated', { movie: saved });
    return saved;
  }
}
