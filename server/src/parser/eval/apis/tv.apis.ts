// Adapters for the TV side of the fixtures: Parser.ParseTitle / ParsePath / ParseSeriesName,
// CleanSeriesTitle, NormalizeEpisodeTitle and the scene checks.
import { cleanSeriesTitle } from '../../clean/clean-series-title.util.js';
import { parsePath } from '../../path/parse-path.parser.js';
import { qualityNameFor } from '../../quality/quality-parser.js';
import { getSceneTitle, isSceneTitle, type SceneFlavour } from '../../scene/scene-title.checker.js';
import type { ParsedEpisodeInfo } from '../../tv/episode-info.types.js';
import { parseEpisodeTitle } from '../../tv/episode-title.parser.js';
import { normalizeEpisodeTitle, parseSeriesName } from '../../tv/series-name.parser.js';
import type { ApiModule, FixtureRecord } from './api.types.js';

/** Sonarr's scene check parses episodes, Radarr's movies. */
const sceneFlavour = (r: FixtureRecord): SceneFlavour => (r.source === 'Radarr' ? 'movie' : 'tv');

const detection = (d: string): string => d.charAt(0).toUpperCase() + d.slice(1);

export function episodeInfoToExpectShape(
  info: ParsedEpisodeInfo,
  source: 'Sonarr' | 'Radarr',
): Record<string, unknown> {
  return {
    parsed: true,
    seriesTitle: info.seriesTitle,
    seriesTitleInfo: { ...info.seriesTitleInfo },
    seasonNumber: info.seasonNumber,
    episodeNumbers: info.episodeNumbers,
    absoluteEpisodeNumbers: info.absoluteEpisodeNumbers,
    specialAbsoluteEpisodeNumbers: info.specialAbsoluteEpisodeNumbers,
    airDate: info.airDate,
    dailyPart: info.dailyPart,
    fullSeason: info.fullSeason,
    multiSeason: info.multiSeason,
    partialSeason: info.partialSeason,
    seasonPart: info.seasonPart,
    seasonExtra: info.seasonExtra,
    special: info.special,
    splitEpisode: info.splitEpisode,
    possibleSpecialEpisode: info.possibleSpecialEpisode,
    releaseGroup: info.releaseGroup,
    releaseHash: info.releaseHash,
    releaseTitle: info.releaseTitle,
    languages: info.languages,
    quality: qualityNameFor(info.quality, source),
    sourceDetection: detection(info.quality.sourceDetection),
    resolutionDetection: detection(info.quality.resolutionDetection),
  };
}

const episodeAdapter =
  (parse: (title: string) => ParsedEpisodeInfo | null) =>
  (r: FixtureRecord): Record<string, unknown> | null => {
    const info = parse(r.title);
    return info ? episodeInfoToExpectShape(info, r.source) : null;
  };

export const apis: ApiModule = {
  adapters: {
    'Parser.ParseTitle': episodeAdapter((t) => parseEpisodeTitle(t)),
    'Parser.ParsePath': episodeAdapter((t) => parsePath(t)),
    'Parser.ParseSeriesName': (r) => ({ seriesNameCleanEquals: parseSeriesName(r.title) }),
    CleanSeriesTitle: (r) => ({ cleanTitle: cleanSeriesTitle(r.title) }),
    'Parser.NormalizeEpisodeTitle': (r) => ({ normalizedEpisodeTitle: normalizeEpisodeTitle(r.title) }),
    'SceneChecker.IsSceneTitle': (r) => ({ isSceneTitle: isSceneTitle(r.title, sceneFlavour(r)) }),
    'SceneChecker.GetSceneTitle': (r) => ({ sceneTitle: getSceneTitle(r.title, sceneFlavour(r)) }),
  },
  normalizers: { seriesNameCleanEquals: cleanSeriesTitle },
};
