// Result shapes of the TV release-title parser.
import type { QualityParse } from '../quality/quality.types.js';

export interface SeriesTitleInfo {
  title: string;
  titleWithoutYear: string;
  /** 0 when the title carries no year. */
  year: number;
  /** Every name the release gives the series (`A / B`, `A AKA B`), in order. */
  allTitles: string[];
}

export interface ParsedEpisodeInfo {
  seriesTitle: string;
  seriesTitleInfo: SeriesTitleInfo;
  /** 0 also means "no season" for absolute-only anime releases. */
  seasonNumber: number;
  episodeNumbers: number[];
  absoluteEpisodeNumbers: number[];
  specialAbsoluteEpisodeNumbers: number[];
  /** `YYYY-MM-DD` for daily shows, else null. */
  airDate: string | null;
  dailyPart: number | null;
  fullSeason: boolean;
  multiSeason: boolean;
  partialSeason: boolean;
  seasonPart: number;
  seasonExtra: boolean;
  special: boolean;
  splitEpisode: boolean;
  /** Could be a special filed under a regular season (see episode-info.util.ts). */
  readonly possibleSpecialEpisode: boolean;
  releaseGroup: string | null;
  releaseHash: string;
  releaseTitle: string;
  languages: string[];
  quality: QualityParse;
}

export type MarkerKind = 'standard' | 'daily' | 'absolute' | 'season' | 'special';

/** What one recogniser found in the working title: where the numbering sits and what it says. */
export interface Marker {
  kind: MarkerKind;
  /** Offsets in the working string; the series title is the text before `start`. */
  start: number;
  end: number;
  season?: number;
  episodes?: number[];
  absolute?: number[];
  specialAbsolute?: number[];
  airDate?: string;
  dailyPart?: number;
  fullSeason?: boolean;
  multiSeason?: boolean;
  partialSeason?: boolean;
  seasonPart?: number;
  seasonExtra?: boolean;
  special?: boolean;
  /** Set when the marker itself supplies the title (bracket-style anime releases). */
  title?: string;
}

export interface ParseOptions {
  /** Reference time for rejecting air dates in the future; defaults to the current time. */
  now?: Date;
}
