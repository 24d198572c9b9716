// The calendar: movie releases (cinema, digital, physical) and episode air times in a window, for the API and the
// iCal feed. Three queries whatever the window holds: movies, episodes, then their series in one batch.
import type { EpisodeRepository } from '../../db/repositories/episode.repository.js';
import type { MovieRepository } from '../../db/repositories/movie.repository.js';
import type { SeriesRepository } from '../../db/repositories/series.repository.js';
import type { Movie } from '../../domain/library/movie.types.js';
import type { Episode, Series } from '../../domain/library/series.types.js';
import { type Clock, systemClock } from '../../lib/clock.js';
import { type CalendarWindow, windowDays } from './calendar-range.js';

export const MOVIE_RELEASE_TYPES = ['inCinemas', 'digitalRelease', 'physicalRelease'] as const;
export type MovieReleaseType = (typeof MOVIE_RELEASE_TYPES)[number];

/** One release of a movie inside the window; a movie with two releases in it appears twice. */
export interface CalendarMovieEntry {
  releaseType: MovieReleaseType;
  /** `YYYY-MM-DD` */
  releaseDate: string;
  movie: Movie;
}

export interface CalendarEpisodeEntry {
  episode: Episode;
  series: Series;
}

export interface CalendarOptions {
  includeUnmonitored?: boolean;
  /** Only items (movies, or episodes of series) carrying at least one of these tags; empty/undefined = all. */
  tags?: readonly number[];
}

export interface CalendarResult {
  window: CalendarWindow;
  movies: CalendarMovieEntry[];
  episodes: CalendarEpisodeEntry[];
}

export interface CalendarServiceDeps {
  movies: MovieRepository;
  series: SeriesRepository;
  episodes: EpisodeRepository;
  clock?: Clock;
}

const hasAnyTag = (itemTags: readonly number[], wanted: ReadonlySet<number>) => itemTags.some((t) => wanted.has(t));

/** Which of a movie's release days fall in [startDay, endDay], earliest first. */
export function movieReleasesIn(movie: Movie, startDay: string, endDay: string): CalendarMovieEntry[] {
  const out: CalendarMovieEntry[] = [];
  for (const releaseType of MOVIE_RELEASE_TYPES) {
    const day = movie[releaseType];
    if (day !== null && day >= startDay && day <= endDay) out.push({ releaseType, releaseDate: day, movie });
  }
  return out;
}

export class CalendarService {
  private readonly clock: Clock;
  constructor(private readonly deps: CalendarServiceDeps) {
    this.clock = deps.clock ?? systemClock;
  }

  now(): Date {
    return new Date(this.clock.now());
  }

  async entries(window: CalendarWindow, opts: CalendarOptions = {}): Promise<CalendarResult> {
    const { startDay, endDay } = windowDays(window);
    const includeUnmonitored = opts.includeUnmonitored ?? false;
    const [movies, episodes] = await Promise.all([
      this.deps.movies.calendar(startDay, endDay, { includeUnmonitored }),
      this.deps.episodes.calendar(window.start.toISOString(), window.end.toISOString(), { includeUnmonitored }),
    ]);
    const tags = opts.tags?.length ? new Set(opts.tags) : undefined;

    const movieEntries = movies
      .filter((m) => !tags || hasAnyTag(m.tags, tags))
      .flatMap((m) => movieReleasesIn(m, startDay, endDay))
      .sort(
        (a, b) =>
          a.releaseDate.localeCompare(b.releaseDate) ||
          a.movie.sortTitle.localeCompare(b.movie.sortTitle) ||
          a.movie.id - b.movie.id ||
          MOVIE_RELEASE_TYPES.indexOf(a.releaseType) - MOVIE_RELEASE_TYPES.indexOf(b.releaseType),
      );

    const seriesById = new Map(
      (await this.deps.series.getMany(episodes.map((e) => e.seriesId))).map((s) => [s.id, s] as const),
    );
    const episodeEntries: CalendarEpisodeEntry[] = [];
    for (const episode of episodes) {
      const series = seriesById.get(episode.seriesId);
      if (!series || (tags && !hasAnyTag(series.tags, tags))) continue;
      episodeEntries.push({ episode, series });
    }
    return { window, movies: movieEntries, episodes: episodeEntries };
  }
}
