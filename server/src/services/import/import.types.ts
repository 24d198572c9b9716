// Shapes of the import workflow (issue 7): library files, extra files, the journal, import settings and the
// decisions the pipeline makes about each candidate file. Repositories convert rows to these.
import type { QualityModel } from '../downloads/download.types.js';

export type TransferMode = 'hardlink' | 'copy' | 'move';

export interface MediaInfo {
  videoCodec?: string | null;
  audioCodec?: string | null;
  audioChannels?: number | null;
  runtimeSeconds?: number | null;
  [key: string]: unknown;
}

interface FileCommon {
  id: number;
  /** Absolute path on disk (unique). */
  path: string;
  /** Path relative to the movie/series folder. */
  relativePath: string;
  size: number;
  quality: QualityModel;
  languages: string[];
  releaseGroup: string | null;
  sceneName: string | null;
  /** Where the file was imported from (download path), for "already imported" checks. */
  originalPath: string | null;
  mediaInfo: MediaInfo | null;
  indexerFlags: number;
  dateAdded: string;
}

export interface MovieFile extends FileCommon {
  movieId: number;
  edition: string | null;
}

export interface EpisodeFile extends FileCommon {
  seriesId: number;
  seasonNumber: number;
  /** Episodes linked to this file (episodes.episode_file_id). */
  episodeIds: number[];
}

export type NewMovieFile = Omit<MovieFile, 'id'>;
export type NewEpisodeFile = Omit<EpisodeFile, 'id'>;

export type ExtraKind = 'subtitle' | 'nfo';

export interface ExtraFile {
  id: number;
  mediaType: 'movie' | 'episode';
  movieFileId: number | null;
  episodeFileId: number | null;
  path: string;
  relativePath: string;
  kind: ExtraKind;
  language: string | null;
  dateAdded: string;
}

export type NewExtraFile = Omit<ExtraFile, 'id'>;

/** Settings of the media management page (stored in key_value as JSON). */
export interface ImportSettings {
  /** Torrents: hardlink instead of copy (seeding continues). */
  copyUsingHardlinks: boolean;
  /** Rename files with the naming formats on import (the naming config's rename switches also apply). */
  importExtraFiles: boolean;
  /** Import `.nfo` files next to the video. */
  importNfo: boolean;
  /** Extensions (without dot) of extra files that follow the video. */
  extraFileExtensions: string[];
  /** Absolute folder replaced files go to; empty = delete them (after the new file is verified). */
  recycleBin: string;
  /** Recycle bin entries older than this many days are deleted by RecycleBinCleanup; 0 = never. */
  recycleBinCleanupDays: number;
  /** Free space to keep on the destination after an import, in MB. */
  minimumFreeSpaceMb: number;
  /** Folders downloads may be imported from (besides remote path mapping local paths). Empty = any. */
  downloadFolders: string[];
  /** Skip sample detection entirely. */
  skipSampleCheck: boolean;
}

export const DEFAULT_IMPORT_SETTINGS: ImportSettings = {
  copyUsingHardlinks: true,
  importExtraFiles: true,
  importNfo: false,
  extraFileExtensions: ['srt', 'ass', 'ssa', 'sub', 'idx', 'vtt', 'sup'],
  recycleBin: '',
  recycleBinCleanupDays: 7,
  minimumFreeSpaceMb: 100,
  downloadFolders: [],
  skipSampleCheck: false,
};

/** Why a candidate file is not imported. `permanent` = it will never import as is; `temporary` = may later. */
export interface ImportRejection {
  reason: string;
  type: 'permanent' | 'temporary';
}

export interface ExtraCandidate {
  source: string;
  kind: ExtraKind;
  language: string | null;
  /** Suffix after the video's base name: `.en.forced.srt`, `.nfo`. */
  suffix: string;
}

export type ImportTarget =
  | { kind: 'movie'; movieId: number }
  | { kind: 'episode'; seriesId: number; seasonNumber: number; episodeIds: number[] };

/** One file the pipeline looked at, with what it would be imported as, and why not (rejections). */
export interface ImportCandidate {
  path: string;
  size: number;
  /** Path relative to the folder being imported (display). */
  relativePath: string;
  target: ImportTarget | null;
  quality: QualityModel;
  languages: string[];
  releaseGroup: string | null;
  sceneName: string | null;
  edition: string | null;
  extras: ExtraCandidate[];
  rejections: ImportRejection[];
}

/** The result of importing one candidate. */
export interface ImportOutcome {
  path: string;
  imported: boolean;
  destination: string | null;
  fileId: number | null;
  mode: TransferMode | null;
  /** Hardlink failed (EXDEV) and the file was copied instead. */
  fellBackToCopy: boolean;
  rejections: ImportRejection[];
}
