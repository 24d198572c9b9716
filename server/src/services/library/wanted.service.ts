// Wanted lists. Missing: monitored items without a file that are available (movies by minimum availability,
// episodes once aired, in monitored series). Cutoff unmet: monitored items whose file's quality is below the
// profile's cutoff. Each page is two queries plus one batched series query; never a query per row.
import type { EpisodeRepository, WantedSortKey } from '../../db/repositories/episode.repository.js';
import type { MovieRepository, MovieSortKey } from '../../db/repositories/movie.repository.js';
import type { QualityProfileRepository } from '../../db/repositories/quality-profile.repository.js';
import type { SeriesRepository } from '../../db/repositories/series.repository.js';
import type { Movie } from '../../domain/library/movie.types.js';
import type { Page, PageRequest } from '../../domain/library/paging.types.js';
import type { Episode, Series } from '../../domain/library/series.types.js';
import { type Clock, systemClock } from '../../lib/clock.js';
import { belowCutoffByProfile } from './wanted-cutoff.rules.js';

export interface WantedEpisode {
  episode: Episode;
  series: Series;
}

/**
 * Items with a file below their profile's cutoff, paged in SQL. `below` maps a quality profile id to the quality
 * ids that do not meet its cutoff (profiles absent from it have nothing below). Implemented by the file tables
 * (movie_files / episode_files, which arrive with importing); until then `noFileTables` answers.
 */
export interface CutoffUnmetSource {
  readonly available: boolean;
  movies(req: PageRequest<MovieSortKey>, below: ReadonlyMap<number, readonly string[]>): Promise<Page<Movie>>;
  episodes(
    req: PageRequest<WantedSortKey>,
    below: ReadonlyMap<number, readonly string[]>,
    now: string,
  ): Promise<Page<Episode>>;
}

const emptyPage = <K extends string>(req: PageRequest<K>) => ({ ...req, totalRecords: 0, records: [] });

/**
 * No file table exists yet: a `movie_file_id`/`episode_file_id` is set but nothing records the file's quality, so
 * no item can be shown to be below its cutoff. Every page is empty.
 */
export const noFileTables: CutoffUnmetSource = {
  available: false,
  movies: async (req) => emptyPage(req),
  episodes: async (req) => emptyPage(req),
};

export interface WantedServiceDeps {
  movies: MovieRepository;
  series: SeriesRepository;
  episodes: EpisodeRepository;
  qualityProfiles: QualityProfileRepository;
  cutoff?: CutoffUnmetSource;
  clock?: Clock;
}

export class WantedService {
  private readonly clock: Clock;
  private readonly cutoff: CutoffUnmetSource;
  constructor(private readonly deps: WantedServiceDeps) {
    this.clock = deps.clock ?? systemClock;
    this.cutoff = deps.cutoff ?? noFileTables;
  }

  private nowIso(): string {
    return new Date(this.clock.now()).toISOString();
  }

  missingMovies(req: PageRequest<MovieSortKey>): Promise<Page<Movie, MovieSortKey>> {
    return this.deps.movies.wantedMissing(req, this.nowIso().slice(0, 10));
  }

  async missingEpisodes(req: PageRequest<WantedSortKey>): Promise<Page<WantedEpisode, WantedSortKey>> {
    const page = await this.deps.episodes.wantedMissing(req, this.nowIso());
    return { ...page, records: await this.withSeries(page.records) };
  }

  async cutoffUnmetMovies(req: PageRequest<MovieSortKey>): Promise<Page<Movie, MovieSortKey>> {
    if (!this.cutoff.available) return emptyPage(req);
    const below = belowCutoffByProfile(await this.deps.qualityProfiles.list());
    if (below.size === 0) return emptyPage(req);
    return { ...(await this.cutoff.movies(req, below)), ...req };
  }

  async cutoffUnmetEpisodes(req: PageRequest<WantedSortKey>): Promise<Page<WantedEpisode, WantedSortKey>> {
    if (!this.cutoff.available) return emptyPage(req);
    const below = belowCutoffByProfile(await this.deps.qualityProfiles.list());
    if (below.size === 0) return emptyPage(req);
    const page = await this.cutoff.episodes(req, below, this.nowIso());
    return { ...page, ...req, records: await this.withSeries(page.records) };
  }

  /** The series of a page's episodes, in one batched query. */
  private async withSeries(episodes: readonly Episode[]): Promise<WantedEpisode[]> {
    const byId = new Map((await this.deps.series.getMany(episodes.map((e) => e.seriesId))).map((s) => [s.id, s]));
    const out: WantedEpisode[] = [];
    for (const episode of episodes) {
      const series = byId.get(episode.seriesId);
      if (series) out.push({ episode, series });
    }
    return out;
  }
}
