// Loads what a notification says about a library item (movie, or series with the episodes concerned), with its
// tags (which decide the tagged notification definitions that hear of it) and poster. One query for the item and
// one batched query for its episodes.
import type { Kysely } from 'kysely';
import { EpisodeRepository } from '../../db/repositories/episode.repository.js';
import { MovieRepository } from '../../db/repositories/movie.repository.js';
import { SeriesRepository } from '../../db/repositories/series.repository.js';
import type { DB } from '../../db/schema.js';
import type { Episode } from '../../domain/library/series.types.js';
import type { EpisodeInfo } from '../../providers/ports/notifier.port.js';
import { type MediaSubject, movieInfo, posterUrl, seriesInfo } from './messages.js';

export interface LibrarySubject {
  subject: MediaSubject;
  tags: number[];
  imageUrl?: string;
}

export interface SubjectRef {
  movieId: number | null;
  seriesId: number | null;
  episodeIds: readonly number[];
}

export function episodeInfo(e: Episode): EpisodeInfo {
  return {
    id: e.id,
    episodeNumber: e.episodeNumber,
    seasonNumber: e.seasonNumber,
    title: e.title ?? '',
    ...(e.airDate ? { airDate: e.airDate } : {}),
    ...(e.airDateUtc ? { airDateUtc: e.airDateUtc } : {}),
    ...(e.overview ? { overview: e.overview } : {}),
  };
}

/** A loader; it answers undefined when the item is gone. */
export function librarySubjectLoader(db: Kysely<DB>): (ref: SubjectRef) => Promise<LibrarySubject | undefined> {
  const movies = new MovieRepository(db);
  const series = new SeriesRepository(db);
  const episodes = new EpisodeRepository(db);
  return async (ref) => {
    if (ref.movieId !== null) {
      const movie = await movies.get(ref.movieId);
      if (!movie) return undefined;
      const imageUrl = posterUrl(movie);
      return { subject: { movie: movieInfo(movie) }, tags: movie.tags, ...(imageUrl ? { imageUrl } : {}) };
    }
    if (ref.seriesId === null) return undefined;
    const [s, eps] = await Promise.all([
      series.get(ref.seriesId),
      ref.episodeIds.length ? episodes.getMany(ref.episodeIds) : Promise.resolve([]),
    ]);
    if (!s) return undefined;
    const imageUrl = posterUrl(s);
    return {
      subject: { series: seriesInfo(s), episodes: eps.map(episodeInfo) },
      tags: s.tags,
      ...(imageUrl ? { imageUrl } : {}),
    };
  };
}
