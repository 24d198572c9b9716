// What the decision engine needs from other parts of idkarr, as small ports. The download-client work implements
// QueueLookup, the import work MediaFileLookup, the indexer framework IndexerLookup; until then the engine runs
// with empty defaults (nothing queued, file qualities unknown, indexers at default priority).
import type { IndexerInfo, QualityStanding, Rejection } from '../../domain/decisions/decision.types.js';

export interface QueueItem extends QualityStanding {
  movieId: number | null;
  episodeIds: number[];
}

export interface QueueLookup {
  /** Queue items (downloading or waiting to import) for any of these movies/episodes. */
  forItems(items: { movieIds: readonly number[]; episodeIds: readonly number[] }): Promise<QueueItem[]>;
}

export interface MediaFileLookup {
  /** Quality standing of movie files by file id. */
  movieFiles(ids: readonly number[]): Promise<Map<number, QualityStanding>>;
  episodeFiles(ids: readonly number[]): Promise<Map<number, QualityStanding>>;
}

export interface IndexerLookup {
  get(ids: readonly number[]): Promise<Map<number, IndexerInfo>>;
}

export const EMPTY_QUEUE: QueueLookup = { forItems: async () => [] };
export const NO_FILE_INFO: MediaFileLookup = { movieFiles: async () => new Map(), episodeFiles: async () => new Map() };
export const NO_INDEXER_INFO: IndexerLookup = { get: async () => new Map() };

/** Per-evaluation verdicts on release groups (the scene-group reputation work implements it). */
export interface ReleaseGroupJudge {
  /** A rejection for a release by `group` wanted by quality profile `profileId`, or null. */
  rejection(group: string | null, profileId: number): Rejection | null;
  /** Ranking preference among otherwise tied releases: higher first; 0 = none. */
  preference(group: string | null, profileId: number): number;
}

export interface ReleaseGroupPolicy {
  /** Called once per evaluation with the groups and quality profiles of the matched releases. */
  prepare(batch: { groups: readonly string[]; profileIds: readonly number[] }): Promise<ReleaseGroupJudge>;
}

export const NO_GROUP_JUDGE: ReleaseGroupJudge = { rejection: () => null, preference: () => 0 };
export const NO_GROUP_POLICY: ReleaseGroupPolicy = { prepare: async () => NO_GROUP_JUDGE };
