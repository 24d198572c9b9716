// The media server port (spec: "Media Server Interface"): Plex, Jellyfin and Emby. The main use is asking the
// server to rescan just the folders idkarr changed (import, upgrade, rename, delete); the rest (libraries for the
// settings form, refreshing a library or an item, metadata, users, watch history) is here for later features.
// Paths handed to the port are idkarr's own (local) paths; each adapter applies its path mappings.
import type { IntegrationInstance } from '../ports.js';

export type MediaLibraryType = 'movie' | 'tv' | 'music' | 'other';

export interface MediaServerInfo {
  /** The server's own name, e.g. "Living room Plex". */
  name: string;
  version: string;
  /** Plex machineIdentifier / Jellyfin and Emby server id. */
  serverId: string;
}

export interface MediaLibrary {
  /** Plex section key, Jellyfin/Emby virtual folder item id. */
  id: string;
  name: string;
  type: MediaLibraryType;
  /** Folders as the media server sees them. */
  paths: string[];
  /** Null when the server does not say (Jellyfin/Emby virtual folders). */
  itemCount: number | null;
}

export interface MediaMetadata {
  id: string;
  title: string;
  type: 'movie' | 'series' | 'season' | 'episode' | 'other';
  year?: number;
  overview?: string;
  posterUrl?: string;
  backdropUrl?: string;
  rating?: number;
  genres: string[];
  imdbId?: string;
  tmdbId?: number;
  tvdbId?: number;
  /** Media file paths as the server sees them, when it says. */
  filePaths: string[];
}

export interface MediaServerUser {
  id: string;
  name: string;
  isAdmin: boolean;
}

export interface WatchedItem {
  id: string;
  title: string;
  type: 'movie' | 'episode' | 'other';
  /** For episodes: the series title and numbers. */
  seriesTitle?: string;
  seasonNumber?: number;
  episodeNumber?: number;
  year?: number;
  /** ISO time of the last play, when the server says. */
  watchedAt?: string;
  userId?: string;
}

/** What became of one path of a rescan. */
export interface PathRefreshResult {
  /** The local folder asked for. */
  path: string;
  /** The same folder as the server sees it (after path mapping). */
  serverPath: string;
  /** The library that holds it, when the adapter looked (Plex); null otherwise. */
  libraryId: string | null;
  /** False when no library contains the folder, so nothing was asked of the server. */
  sent: boolean;
}

export interface MediaServerPort extends IntegrationInstance {
  serverInfo(signal?: AbortSignal): Promise<MediaServerInfo>;
  /** For the settings form: every library with its folders (as the server sees them). */
  libraries(signal?: AbortSignal): Promise<MediaLibrary[]>;
  /** Rescans one local folder (or file): Plex refreshes the containing section with `path=`, Jellyfin/Emby
   *  report it through `/Library/Media/Updated`. */
  refreshPath(path: string, signal?: AbortSignal): Promise<PathRefreshResult>;
  /** The same for several folders at once, looking up libraries once (one request per folder on Plex, one
   *  request for all on Jellyfin/Emby). */
  refreshPaths(paths: readonly string[], signal?: AbortSignal): Promise<PathRefreshResult[]>;
  /** A full scan of one library, or of all when `libraryId` is omitted. */
  refreshLibrary(libraryId?: string, signal?: AbortSignal): Promise<void>;
  refreshItem(itemId: string, signal?: AbortSignal): Promise<void>;
  getItemMetadata(itemId: string, signal?: AbortSignal): Promise<MediaMetadata>;
  users(signal?: AbortSignal): Promise<MediaServerUser[]>;
  /** Newest first; without `userId` the server's administrator (Jellyfin/Emby) or every account (Plex). */
  recentlyWatched(userId?: string, limit?: number, signal?: AbortSignal): Promise<WatchedItem[]>;
}
