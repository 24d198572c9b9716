// What the import pipeline and RenameFiles call: the stored naming settings applied to one file. Reads the
// settings once per call; callers naming many files read them once with `config()` and use the pure builders.
import type { NamingConfigRepository } from '../../db/repositories/naming-config.repository.js';
import {
  buildEpisodeRelativePath,
  buildMovieFolder,
  buildMovieRelativePath,
  buildSeasonFolder,
  buildSeriesFolder,
} from '../../domain/naming/file-name-builder.js';
import type {
  NamingConfig,
  NamingEpisode,
  NamingFileInfo,
  NamingMovie,
  NamingSeries,
} from '../../domain/naming/naming.types.js';

export class FileNamingService {
  constructor(private readonly deps: { config: Pick<NamingConfigRepository, 'get'> }) {}

  config(): Promise<NamingConfig> {
    return this.deps.config.get();
  }

  /** `Season 01/Series - S01E01 - Title.mkv`, relative to the series folder. */
  async episodePath(series: NamingSeries, episodes: readonly NamingEpisode[], file: NamingFileInfo): Promise<string> {
    return buildEpisodeRelativePath((await this.config()).series, series, episodes, file);
  }

  /** `Movie (2010) Bluray-1080p.mkv`, relative to the movie folder. */
  async moviePath(movie: NamingMovie, file: NamingFileInfo): Promise<string> {
    return buildMovieRelativePath((await this.config()).movie, movie, file);
  }

  async seriesFolder(series: NamingSeries): Promise<string> {
    return buildSeriesFolder((await this.config()).series, series);
  }

  async seasonFolder(series: NamingSeries, seasonNumber: number): Promise<string> {
    return buildSeasonFolder((await this.config()).series, series, seasonNumber);
  }

  async movieFolder(movie: NamingMovie): Promise<string> {
    return buildMovieFolder((await this.config()).movie, movie);
  }
}
