// Builders for the decision unit tables: a valid candidate and context; each row overrides what it is about.
import { newMovie, newSeries } from '../../../test/support/library-factories.js';
import type { Movie } from '../library/movie.types.js';
import type { QualityProfile } from '../library/quality-profile.types.js';
import type { Episode, Series } from '../library/series.types.js';
import { qualityById } from '../quality/quality-catalog.js';
import type { Candidate, DecisionContext, DelayProfile, ReleaseFacts, Target } from './decision.types.js';

export const NOW = Date.parse('2025-06-01T12:00:00Z');

export const PROFILE: QualityProfile = {
  id: 1,
  name: 'HD',
  upgradeAllowed: true,
  cutoff: 'bluray-1080p',
  items: [
    { quality: 'sdtv', allowed: false },
    { quality: 'hdtv-720p', allowed: true },
    {
      name: 'WEB 1080p',
      allowed: true,
      items: [
        { quality: 'webrip-1080p', allowed: true },
        { quality: 'webdl-1080p', allowed: true },
      ],
    },
    { quality: 'bluray-1080p', allowed: true },
    { quality: 'remux-1080p', allowed: true },
  ],
  minFormatScore: 0,
  cutoffFormatScore: 100,
  formatItems: [],
};

export function movie(over: Partial<Movie> = {}): Movie {
  return { id: 1, ...newMovie(1, { runtime: 100, ...over }), ...(over.id ? { id: over.id } : {}) };
}

export function series(over: Partial<Series> = {}): Series {
  return { id: 1, ...newSeries(1, over), ...(over.id ? { id: over.id } : {}) };
}

export function episode(n: number, over: Partial<Episode> = {}): Episode {
  return {
    id: n,
    seriesId: 1,
    tvdbId: null,
    tmdbId: null,
    seasonNumber: 1,
    episodeNumber: n,
    absoluteEpisodeNumber: null,
    sceneSeasonNumber: null,
    sceneEpisodeNumber: null,
    sceneAbsoluteEpisodeNumber: null,
    title: null,
    overview: null,
    airDate: '2025-01-01',
    airDateUtc: '2025-01-01T02:00:00Z',
    runtime: 45,
    monitored: true,
    episodeFileId: null,
    unverifiedSceneNumbering: false,
    ...over,
  };
}

export function release(over: Partial<ReleaseFacts> = {}): ReleaseFacts {
  return {
    guid: 'g1',
    title: 'Movie.0001.2001.1080p.BluRay.x264-GRP',
    indexerId: 1,
    indexer: 'Idx',
    protocol: 'torrent',
    size: 10_000 * 1024 * 1024,
    publishDate: new Date(NOW - 3 * 3600_000).toISOString(),
    seeders: 50,
    ...over,
  };
}

export const DELAY: DelayProfile = {
  id: 1,
  order: 1,
  enableUsenet: true,
  enableTorrent: true,
  preferredProtocol: 'usenet',
  usenetDelay: 0,
  torrentDelay: 0,
  bypassIfHighestQuality: false,
  tags: [],
};

export interface CandidateOver extends Partial<Omit<Candidate, 'release' | 'quality'>> {
  release?: Partial<ReleaseFacts>;
  quality?: string;
}

export function candidate(over: CandidateOver = {}): Candidate {
  const { release: r, quality, ...rest } = over;
  const target: Target = over.target ?? { kind: 'movie', movie: movie() };
  return {
    release: release(r),
    quality: qualityById(quality ?? 'bluray-1080p')!,
    revision: { version: 1, real: 0 },
    languages: ['English'],
    profile: PROFILE,
    customFormats: [],
    customFormatScore: 0,
    indexer: { id: 1, name: 'Idx', priority: 25, tags: [] },
    delayProfile: DELAY,
    ageMinutes: 180,
    ...rest,
    target,
  };
}

export function context(over: Partial<DecisionContext> = {}): DecisionContext {
  return {
    now: NOW,
    today: new Date(NOW).toISOString().slice(0, 10),
    settings: { retentionDays: 0, minimumAgeMinutes: 0, maximumSizeMb: 0 },
    search: undefined,
    sizes: new Map(),
    releaseProfiles: [],
    movieFiles: new Map(),
    episodeFiles: new Map(),
    queueByMovie: new Map(),
    queueByEpisode: new Map(),
    pendingByMovie: new Map(),
    pendingByEpisode: new Map(),
    blocklist: { guids: new Set(), infoHashes: new Set(), titles: new Set() },
    wantedLanguage: () => 'Any',
    originalLanguage: () => undefined,
    ...over,
  };
}
