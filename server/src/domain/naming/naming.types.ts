// Naming configuration and the plain inputs the file-name builder reads. Field names follow Sonarr (series side)
// and Radarr (movie side) so the later /api/v3 surfaces map one to one.

/** How several episodes in one file are numbered (Sonarr's multi-episode styles). */
export const MULTI_EPISODE_STYLES = ['extend', 'duplicate', 'repeat', 'scene', 'range', 'prefixedRange'] as const;
export type MultiEpisodeStyle = (typeof MULTI_EPISODE_STYLES)[number];

/** What a `:` in a title becomes. */
export const COLON_REPLACEMENTS = ['delete', 'dash', 'spaceDash', 'spaceDashSpace', 'smart'] as const;
export type ColonReplacement = (typeof COLON_REPLACEMENTS)[number];

export interface SeriesNamingConfig {
  renameEpisodes: boolean;
  /** Replace illegal characters (`\ / * ? " < > |`) with look-alikes; when false they are deleted. */
  replaceIllegalCharacters: boolean;
  colonReplacementFormat: ColonReplacement;
  multiEpisodeStyle: MultiEpisodeStyle;
  standardEpisodeFormat: string;
  dailyEpisodeFormat: string;
  animeEpisodeFormat: string;
  seriesFolderFormat: string;
  seasonFolderFormat: string;
  specialsFolderFormat: string;
}

export interface MovieNamingConfig {
  renameMovies: boolean;
  replaceIllegalCharacters: boolean;
  colonReplacementFormat: ColonReplacement;
  standardMovieFormat: string;
  movieFolderFormat: string;
}

export interface NamingConfig {
  series: SeriesNamingConfig;
  movie: MovieNamingConfig;
}

export const NAMING_MEDIA_TYPES = ['series', 'movie'] as const;
export type NamingMediaType = (typeof NAMING_MEDIA_TYPES)[number];

/** The series fields naming reads (a library `Series` fits). */
export interface NamingSeries {
  title: string;
  /** 0 = unknown. */
  year: number;
  tvdbId: number | null;
  tmdbId: number | null;
  imdbId: string | null;
  seriesType: 'standard' | 'daily' | 'anime';
  /** Whether episodes live in season folders (Sonarr's seasonFolder); default true. */
  seasonFolder?: boolean;
}

/** The episode fields naming reads (a library `Episode` fits). */
export interface NamingEpisode {
  seasonNumber: number;
  episodeNumber: number;
  absoluteEpisodeNumber: number | null;
  title: string | null;
  /** `YYYY-MM-DD`. */
  airDate: string | null;
}

/** The movie fields naming reads (a library `Movie` fits). */
export interface NamingMovie {
  title: string;
  originalTitle: string | null;
  /** 0 = unknown. */
  year: number;
  tmdbId: number;
  imdbId: string | null;
  certification?: string | null;
  collection?: { title: string } | null;
}

export interface NamingRevision {
  version: number;
  real: number;
  isRepack: boolean;
}

/** What the prober/parser knows about the file's streams; every field optional, empty tokens when unknown. */
export interface NamingMediaInfo {
  videoCodec?: string | null;
  videoBitDepth?: number | null;
  /** `HDR`, empty for SDR. */
  videoDynamicRange?: string | null;
  /** `HDR10`, `DV HDR10`, `HLG`… */
  videoDynamicRangeType?: string | null;
  audioCodec?: string | null;
  /** Channel count as a layout number: 2, 5.1, 7.1. */
  audioChannels?: number | null;
  /** ISO 639 codes or names as the prober gave them. */
  audioLanguages?: string[] | null;
  subtitleLanguages?: string[] | null;
}

/** The file being named: a plain object so the import pipeline can build it from anything it knows. */
export interface NamingFileInfo {
  /** Quality catalog id (`webdl-1080p`) or a display name (`WEBDL-1080p`). */
  quality?: string | null;
  revision?: Partial<NamingRevision> | null;
  releaseGroup?: string | null;
  /** Names of the custom formats to show in `{Custom Formats}` (already filtered by includeInRename). */
  customFormats?: string[] | null;
  mediaInfo?: NamingMediaInfo | null;
  /** The release (scene) name: `{Original Title}`. */
  originalTitle?: string | null;
  /** The file's name as downloaded, without directory and extension: `{Original Filename}`; kept when renaming is off. */
  originalFileName?: string | null;
  /** Movie edition (`Director's Cut`). */
  edition?: string | null;
  /** `.mkv` or `mkv`. */
  extension: string;
}
