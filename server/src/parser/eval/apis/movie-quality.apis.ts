// Evaluator adapters for the quality, revision and movie fixture APIs.
// Each project's naming is applied here, from the record's `source`, never per title.
import type { QualityModifier, QualitySource } from '../../../domain/quality/quality.types.js';
import type { ParsedMovieInfo } from '../../movie/movie.types.js';
import { cleanMovieTitle, parseMoviePath, parseMovieTitle } from '../../movie/movie-parser.js';
import type { DetectionSource, QualityParse } from '../../quality/quality.types.js';
import { parseQuality, qualityFor } from '../../quality/quality-parser.js';
import type { ApiModule, FixtureRecord } from './api.types.js';

const RADARR_SOURCE: Record<QualitySource, string> = {
  unknown: 'UNKNOWN',
  workprint: 'WORKPRINT',
  cam: 'CAM',
  telesync: 'TELESYNC',
  telecine: 'TELECINE',
  dvd: 'DVD',
  television: 'TV',
  web: 'WEBDL',
  webrip: 'WEBRIP',
  bluray: 'BLURAY',
};
const RADARR_MODIFIER: Record<QualityModifier, string> = {
  none: 'NONE',
  remux: 'REMUX',
  brdisk: 'BRDISK',
  rawhd: 'RAWHD',
  screener: 'SCREENER',
  regional: 'REGIONAL',
};
const DETECTION: Record<DetectionSource, string> = { name: 'Name', extension: 'Extension', unknown: 'Unknown' };

function qualityAnswer(q: QualityParse, flavour: 'Sonarr' | 'Radarr'): Record<string, unknown> {
  const def = qualityFor(q, flavour);
  const name = flavour === 'Radarr' ? def.radarrName : (def.sonarrName ?? 'Unknown');
  return {
    quality: name,
    // Radarr reports the catalog entry's fields; qualities without a fixed height keep the parsed one.
    qualitySource: RADARR_SOURCE[def.source],
    resolution: def.resolution || q.resolution,
    modifier: RADARR_MODIFIER[def.modifier],
    version: q.revision.version,
    repack: q.revision.isRepack,
    real: q.revision.real,
    sourceDetection: DETECTION[q.sourceDetection],
    resolutionDetection: DETECTION[q.resolutionDetection],
  };
}

function movieAnswer(m: ParsedMovieInfo | null, flavour: 'Sonarr' | 'Radarr'): Record<string, unknown> | null {
  if (!m) return null;
  return {
    movieTitle: m.movieTitle,
    movieTitles: m.movieTitles,
    movieTitleCleanEquals: m.movieTitle,
    year: m.year,
    edition: m.edition,
    imdbId: m.imdbId,
    tmdbId: m.tmdbId,
    hardcodedSubs: m.hardcodedSubs,
    releaseGroup: m.releaseGroup,
    languages: m.languages,
    quality: qualityAnswer(m.quality, flavour).quality,
  };
}

const isDir = (r: FixtureRecord): boolean => r.params?.isDir === true;

export const apis: ApiModule = {
  adapters: {
    'QualityParser.ParseQuality': (r) => qualityAnswer(parseQuality(r.title), r.source),
    'Parser.ParseMovieTitle': (r) => movieAnswer(parseMovieTitle(r.title, { isDir: isDir(r) }), r.source),
    'Parser.ParseMoviePath': (r) => movieAnswer(parseMoviePath(r.title), r.source),
    CleanMovieTitle: (r) => ({ cleanTitle: cleanMovieTitle(r.title) }),
  },
  normalizers: { movieTitleCleanEquals: cleanMovieTitle },
};
