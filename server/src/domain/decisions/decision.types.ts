// Shapes the decision specifications work on. One `Candidate` per parsed and matched release; one
// `DecisionContext` per evaluation with everything looked up in batches beforehand, so specs are pure and cheap.

import type { Revision } from '../../parser/index.js';
import type { CustomFormat } from '../custom-formats/custom-format.types.js';
import type { Movie } from '../library/movie.types.js';
import type { QualityDefinitionRecord, QualityProfile } from '../library/quality-profile.types.js';
import type { Episode, Series } from '../library/series.types.js';
import type { QualityDefinition } from '../quality/quality.types.js';

export type Protocol = 'usenet' | 'torrent';
export type RejectionType = 'permanent' | 'temporary';

export interface Rejection {
  reason: string;
  type: RejectionType;
}

/** The release fields specs read (a subset of the indexer port's ReleaseInfo). */
export interface ReleaseFacts {
  guid: string;
  title: string;
  indexerId: number | null;
  indexer: string;
  protocol: Protocol;
  /** Bytes; 0 = unknown. */
  size: number;
  publishDate: string;
  usenetDate?: string;
  seeders?: number;
  infoHash?: string;
}

/** A file on disk (or a queued/pending download) the candidate is compared with. */
export interface QualityStanding {
  quality: string;
  revision: Pick<Revision, 'version' | 'real'>;
  customFormatScore: number;
}

export interface MovieTarget {
  kind: 'movie';
  movie: Movie;
}

export interface EpisodeTarget {
  kind: 'episode';
  series: Series;
  /** The episodes the release covers (a season pack: every episode of the season). */
  episodes: Episode[];
  fullSeason: boolean;
  seasonNumber: number;
}

export type Target = MovieTarget | EpisodeTarget;

export interface IndexerInfo {
  id: number;
  name: string;
  /** 1 (highest) … 50. */
  priority: number;
  minimumSeeders?: number;
  tags: number[];
  /** Usenet retention the indexer reported, days. */
  retentionDays?: number;
}

export interface DelayProfile {
  id: number;
  /** Lower comes first when choosing a profile for an item by tags. */
  order: number;
  enableUsenet: boolean;
  enableTorrent: boolean;
  preferredProtocol: Protocol;
  usenetDelay: number;
  torrentDelay: number;
  bypassIfHighestQuality: boolean;
  /** Empty = the default profile (applies to everything). */
  tags: number[];
}

export interface ReleaseProfile {
  id: number;
  name: string;
  enabled: boolean;
  /** A release must contain at least one of these (when any); plain text or `/regex/flags`. */
  required: string[];
  /** A release must contain none of these. */
  ignored: string[];
  /** 0 = every indexer. */
  indexerId: number;
  /** Empty = every item. */
  tags: number[];
}

export interface Candidate {
  release: ReleaseFacts;
  quality: QualityDefinition;
  revision: Pick<Revision, 'version' | 'real'>;
  languages: readonly string[];
  target: Target;
  profile: QualityProfile;
  customFormats: readonly CustomFormat[];
  customFormatScore: number;
  indexer: IndexerInfo | undefined;
  delayProfile: DelayProfile | undefined;
  /** Minutes since the release was posted (usenet date when known). */
  ageMinutes: number;
}

export interface SearchContext {
  /** Interactive or explicitly requested: skips monitored, availability and delay checks (as Sonarr/Radarr). */
  userInvoked?: boolean;
  movieIds?: number[];
  seriesId?: number;
  seasonNumber?: number;
  episodeIds?: number[];
}

export interface DecisionSettings {
  /** Usenet retention in days; 0 = unlimited. */
  retentionDays: number;
  /** Usenet releases younger than this wait (temporary rejection); 0 = off. */
  minimumAgeMinutes: number;
  /** Any release bigger than this is refused; 0 = unlimited. */
  maximumSizeMb: number;
}

export const DEFAULT_DECISION_SETTINGS: DecisionSettings = { retentionDays: 0, minimumAgeMinutes: 0, maximumSizeMb: 0 };

/** Language wanted by a profile: a language name, `Any` or `Original`. */
export type WantedLanguage = string;

export interface DecisionContext {
  /** Epoch milliseconds. */
  now: number;
  /** `YYYY-MM-DD` (UTC) of `now`. */
  today: string;
  settings: DecisionSettings;
  search: SearchContext | undefined;
  sizes: ReadonlyMap<string, QualityDefinitionRecord>;
  releaseProfiles: readonly CompiledReleaseProfile[];
  movieFiles: ReadonlyMap<number, QualityStanding>;
  episodeFiles: ReadonlyMap<number, QualityStanding>;
  queueByMovie: ReadonlyMap<number, readonly QualityStanding[]>;
  queueByEpisode: ReadonlyMap<number, readonly QualityStanding[]>;
  pendingByMovie: ReadonlyMap<number, readonly PendingStanding[]>;
  pendingByEpisode: ReadonlyMap<number, readonly PendingStanding[]>;
  blocklist: BlocklistIndex;
  /** Language wanted by a profile id (`Any` when not set). */
  wantedLanguage(profileId: number): WantedLanguage;
  /** The item's original language, when known. */
  originalLanguage(target: Target): string | undefined;
}

export interface PendingStanding extends QualityStanding {
  guid: string;
  indexerId: number | null;
}

export interface BlocklistIndex {
  guids: ReadonlySet<string>;
  infoHashes: ReadonlySet<string>;
  /** `indexerId|lower-cased title`. */
  titles: ReadonlySet<string>;
}

export interface CompiledTerm {
  source: string;
  test(title: string): boolean;
}

export interface CompiledReleaseProfile {
  profile: ReleaseProfile;
  required: CompiledTerm[];
  ignored: CompiledTerm[];
}

export type Specification = (c: Candidate, ctx: DecisionContext) => Rejection | null;
