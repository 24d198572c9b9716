// Stored records the decision engine reads and the grab/import/failure work writes: blocklist entries and
// pending (delayed) releases.
import type { Protocol } from './decision.types.js';

export interface BlocklistEntry {
  id: number;
  movieId: number | null;
  seriesId: number | null;
  episodeIds: number[];
  sourceTitle: string;
  /** Catalog quality id. */
  quality: string;
  languages: string[];
  customFormats: string[];
  indexerId: number | null;
  indexer: string | null;
  protocol: Protocol;
  guid: string | null;
  torrentInfoHash: string | null;
  /** Bytes; null when unknown. */
  size: number | null;
  publishedDate: string | null;
  /** ISO instant it was blocklisted. */
  date: string;
  message: string | null;
}

export type NewBlocklistEntry = Omit<BlocklistEntry, 'id'>;

export interface PendingRelease {
  id: number;
  movieId: number | null;
  seriesId: number | null;
  episodeIds: number[];
  guid: string;
  indexerId: number | null;
  title: string;
  quality: string;
  revision: { version: number; real: number };
  customFormatScore: number;
  /** The release as the indexer reported it (ReleaseInfo), kept so it can be grabbed when the delay ends. */
  release: unknown;
  /** Why it waits: `delay` (delay profile) or another temporary rejection's name. */
  reason: string;
  added: string;
}

export type NewPendingRelease = Omit<PendingRelease, 'id'>;
