// Assembles the public ParsedEpisodeInfo from the chosen marker.
import type { QualityParse } from '../quality/quality.types.js';
import type { Marker, ParsedEpisodeInfo } from './episode-info.types.js';
import { seriesTitleInfo } from './series-title.util.js';

export interface EpisodeInfoParts {
  marker: Marker;
  seriesTitle: string;
  allTitles: string[];
  releaseTitle: string;
  releaseGroup: string | null;
  releaseHash: string;
  languages: string[];
  quality: QualityParse;
}

/**
 * A release may be a special filed under a regular season: flagged as special, or numbered in
 * season 0 without an absolute number. Computed on read so edits to the fields stay consistent.
 */
export function isPossibleSpecial(info: Omit<ParsedEpisodeInfo, 'possibleSpecialEpisode'>): boolean {
  if (info.fullSeason) return false;
  if (info.special) return true;
  return (
    info.seasonNumber === 0 &&
    info.episodeNumbers.length > 0 &&
    info.absoluteEpisodeNumbers.length === 0 &&
    info.airDate === null
  );
}

/**
 * The `possibleSpecialEpisode` getter, taken once from a literal so every result gets the same own,
 * enumerable accessor: an object literal with a getter is several times slower to create than one
 * defineProperty with a shared descriptor.
 */
const POSSIBLE_SPECIAL = Object.getOwnPropertyDescriptor(
  {
    get possibleSpecialEpisode(): boolean {
      return isPossibleSpecial(this as unknown as Omit<ParsedEpisodeInfo, 'possibleSpecialEpisode'>);
    },
  },
  'possibleSpecialEpisode',
)!;

export function buildEpisodeInfo(p: EpisodeInfoParts): ParsedEpisodeInfo {
  const m = p.marker;
  const info = {
    seriesTitle: p.seriesTitle,
    seriesTitleInfo: seriesTitleInfo(p.seriesTitle, p.allTitles),
    seasonNumber: m.season ?? (m.kind === 'daily' ? 0 : m.kind === 'absolute' || m.kind === 'special' ? 0 : 1),
    episodeNumbers: m.episodes ?? [],
    absoluteEpisodeNumbers: m.absolute ?? [],
    specialAbsoluteEpisodeNumbers: m.specialAbsolute ?? [],
    airDate: m.airDate ?? null,
    dailyPart: m.dailyPart ?? null,
    fullSeason: m.fullSeason === true,
    multiSeason: m.multiSeason === true,
    partialSeason: m.partialSeason === true,
    seasonPart: m.seasonPart ?? 0,
    seasonExtra: m.seasonExtra === true,
    special: m.special === true,
    splitEpisode: false,
    releaseGroup: p.releaseGroup,
    releaseHash: p.releaseHash,
    releaseTitle: p.releaseTitle,
    languages: p.languages,
    quality: p.quality,
  };
  return Object.defineProperty(info, 'possibleSpecialEpisode', POSSIBLE_SPECIAL) as ParsedEpisodeInfo;
}
