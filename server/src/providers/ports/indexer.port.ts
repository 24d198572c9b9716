// What an indexer (Newznab, Torznab, Jackett, Prowlarr, HDBits, ...) offers search and RSS sync, in domain shapes.
// Every kind answers the same three questions: what can you search by (capabilities), what is new (fetchRss) and
// what matches this item (search). Wire formats stay inside each integration's folder.
import type { Protocol } from '../integration.js';
import type { IntegrationInstance } from '../ports.js';

export type { Protocol };

/** Newznab/Torznab search functions (`<searching>` in `t=caps`). */
export type SearchMode = 'search' | 'tv-search' | 'movie-search' | 'music-search' | 'audio-search' | 'book-search';

/** Parameters a search function accepts, as Newznab names them (`supportedParams`). */
export type SearchParam =
  | 'q'
  | 'imdbid'
  | 'tmdbid'
  | 'tvdbid'
  | 'tvmazeid'
  | 'rid'
  | 'traktid'
  | 'season'
  | 'ep'
  | 'genre'
  | 'year'
  | (string & {});

export interface SearchModeCaps {
  available: boolean;
  supportedParams: readonly SearchParam[];
}

export interface IndexerCategory {
  id: number;
  name: string;
  subcategories: IndexerCategory[];
}

export interface IndexerCapabilities {
  /** Every search function the indexer listed, available or not. */
  searchModes: Partial<Record<SearchMode, SearchModeCaps>>;
  categories: IndexerCategory[];
  limits: { default: number; max: number };
  retentionDays?: number;
  /** Convenience flags derived from `searchModes`. */
  supportsRawSearch: boolean;
  supportsImdbSearch: boolean;
  supportsTmdbSearch: boolean;
  supportsTvdbSearch: boolean;
  supportsSeasonSearch: boolean;
  supportsEpisodeSearch: boolean;
}

export interface SearchQuery {
  type: 'movie' | 'tv' | 'generic';
  /** Title to search for when no id the indexer understands is known (the caller adds the year for movies). */
  term?: string;
  /** `tt0133093` (with or without the `tt`). */
  imdbId?: string;
  tmdbId?: number;
  tvdbId?: number;
  season?: number;
  episode?: number;
  /** Daily shows: `YYYY-MM-DD`; sent as season=YYYY, ep=MM/DD. */
  airDate?: string;
  /** Anime: the absolute episode number; searched as text with the anime categories. */
  absoluteEpisode?: number;
  /** Newznab category ids; defaults to the definition's categories for the type. */
  categories?: number[];
  /** With `limit`, one page at this offset; without, the indexer is paged until it runs dry. */
  offset?: number;
  limit?: number;
}

export interface FetchRssOptions {
  categories?: number[];
  limit?: number;
}

export interface ReleaseInfo {
  /** Unique per indexer: the feed's guid, else the download URL. */
  guid: string;
  title: string;
  /** Where a client fetches the .torrent/.nzb; for magnet-only releases the magnet URI. */
  downloadUrl: string;
  magnetUrl?: string;
  infoUrl?: string;
  commentsUrl?: string;
  /** The definition's name. */
  indexer: string;
  /** The definition's id (null while testing an unsaved definition). */
  indexerId: number | null;
  /** Which indexer behind an aggregator found it (Jackett's `all` endpoint, Prowlarr). */
  upstreamIndexer?: { id: string; name: string };
  protocol: Protocol;
  /** Bytes; 0 when the indexer did not say. */
  size: number;
  /** ISO 8601. When the feed had no usable date, the time it was fetched. */
  publishDate: string;
  categories: number[];
  seeders?: number;
  peers?: number;
  leechers?: number;
  grabs?: number;
  infoHash?: string;
  /** `tt` + at least 7 digits. */
  imdbId?: string;
  tmdbId?: number;
  tvdbId?: number;
  downloadVolumeFactor?: number;
  uploadVolumeFactor?: number;
  freeleech: boolean;
  internal?: boolean;
  /** Matched to a scene pre-time (Newznab `prematch`/`haspretime`, Prowlarr's `scene` flag). */
  scene?: boolean;
  /** The indexer marks the release nuked (Newznab `nuked`). */
  nuked?: boolean;
  /** Audio languages the indexer lists (Newznab `language`), as it spells them; used when the title names none. */
  languages?: string[];
  minimumRatio?: number;
  /** Seconds. */
  minimumSeedTime?: number;
  /** ISO 8601: when the post reached Usenet. */
  usenetDate?: string;
  posterUrl?: string;
}

/** Per-definition behaviour the search and RSS jobs read; every indexer kind has these settings. */
export interface IndexerOptions {
  enableRss: boolean;
  enableAutomaticSearch: boolean;
  enableInteractiveSearch: boolean;
  /** 1 (highest) to 50; ties in ranking go to the lower number. */
  priority: number;
  /** Torrent indexers only. */
  minimumSeeders?: number;
  /** Handed to the torrent client when a release is grabbed. */
  seedRatio?: number;
  seedTimeMinutes?: number;
}

export interface IndexerPort extends IntegrationInstance {
  readonly protocol: Protocol;
  readonly options: IndexerOptions;
  /** Cached (per definition, with a TTL); the first call fetches them. */
  capabilities(): Promise<IndexerCapabilities>;
  /** The newest releases in the definition's categories. */
  fetchRss(opts?: FetchRssOptions): Promise<ReleaseInfo[]>;
  search(query: SearchQuery): Promise<ReleaseInfo[]>;
}
