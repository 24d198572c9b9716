// Typed in-process event bus. Later issues add event types to EventMap; the WebSocket forwards every event.
// Handlers run synchronously in registration order; a throwing handler is logged and never breaks the emitter.
import type { Logger } from 'pino';
import type { Movie } from '../domain/library/movie.types.js';
import type { Series } from '../domain/library/series.types.js';
import type { QualityModel, TrackedDownload } from '../services/downloads/download.types.js';

export interface CommandProgressEvent {
  id: number;
  name: string;
  status: string;
  message: string | null;
  progress: number | null;
}

export interface HealthChangedEvent {
  source: string;
  definitionId?: number;
  kind?: string;
  status: 'healthy' | 'degraded' | 'unhealthy';
  message: string | null;
}

/**
 * A library item went away; `deletedFiles` says whether its folder (`path`) was removed from disk too. The event
 * carries the item as it was, since nothing can load it afterwards (notifications need its tags and details).
 */
export interface LibraryItemDeletedEvent {
  id: number;
  title: string;
  path: string;
  deletedFiles: boolean;
}

/** Episodes of one series changed (monitoring, refresh); ids only, the UI refetches what it shows. */
export interface EpisodesUpdatedEvent {
  seriesId: number;
  episodeIds: number[];
}

/** Queue entries that changed in one poll (or by an API call), and entries that left the queue. */
export interface QueueUpdatedEvent {
  changed: TrackedDownload[];
  removedIds: number[];
}

export interface DownloadEvent {
  trackedDownload: TrackedDownload;
  downloadClient: { id: number; name: string };
}

/** A library file and the item it belongs to; `path` is the library path. */
export interface LibraryFileEvent {
  mediaType: 'movie' | 'episode';
  movieId: number | null;
  seriesId: number | null;
  episodeIds: number[];
  path: string;
  file: ImportedFileRef;
}

/** A file the import work put into the library (after its transaction committed). */
export interface FileImportedEvent extends LibraryFileEvent {
  /** Library files this import replaced (recycled or deleted); non-empty = an upgrade. */
  replacedFiles: ImportedFileRef[];
  isUpgrade: boolean;
  /** The tracked download the file came from, when it came from one. */
  trackedDownloadId: number | null;
  downloadId: string | null;
  downloadClientId: number | null;
  downloadClient: string | null;
}

/** A library file removed outside an import (manually, or found missing from disk), after its row was deleted. */
export interface FileDeletedEvent extends LibraryFileEvent {
  /** Sonarr/Radarr's delete reasons: `Manual` (API) or `MissingFromDisk` (a disk scan). */
  reason: 'Manual' | 'MissingFromDisk';
}

/** A library file moved to its new name; `path`/`relativePath` are the new ones. */
export interface RenamedFileRef extends ImportedFileRef {
  previousPath: string;
  previousRelativePath: string;
  /** The episodes the file holds; empty for a movie file. */
  episodeIds: number[];
}

/**
 * Files of one library item renamed (RenameFiles), after the rename committed. Carries the item as it is now:
 * notifications need its details and tags, media servers the files' old and new folders.
 */
export type FilesRenamedEvent = (
  | { mediaType: 'movie'; movieId: number; seriesId: null; movie: Movie }
  | { mediaType: 'episode'; movieId: null; seriesId: number; series: Series }
) & { files: RenamedFileRef[] };

export interface ImportedFileRef {
  id: number;
  path: string;
  relativePath: string;
  size: number;
  quality: QualityModel;
  releaseGroup: string | null;
  sceneName: string | null;
  dateAdded: string;
}

export interface EventMap {
  'command.progress': CommandProgressEvent;
  'health.changed': HealthChangedEvent;
  'health.issue': HealthChangedEvent;
  'health.restored': HealthChangedEvent;
  'provider.changed': { kind: string; id: number; action: 'created' | 'updated' | 'deleted' };
  'movie.added': { movie: Movie };
  'movie.updated': { movie: Movie };
  'movie.deleted': LibraryItemDeletedEvent & { tmdbId: number; movie: Movie };
  'series.added': { series: Series };
  'series.updated': { series: Series };
  'series.deleted': LibraryItemDeletedEvent & { tvdbId: number | null; tmdbId: number | null; series: Series };
  'episode.updated': EpisodesUpdatedEvent;
  'queue.updated': QueueUpdatedEvent;
  'download.grabbed': DownloadEvent & { release: { guid: string; indexer: string; indexerId: number | null } };
  'download.completed': DownloadEvent;
  /** `searchAgain`: the search work should look for another release of the same items. */
  'download.failed': DownloadEvent & { reason: string; searchAgain: boolean };
  'file.imported': FileImportedEvent;
  'file.deleted': FileDeletedEvent;
  'file.renamed': FilesRenamedEvent;
}

export type EventType = keyof EventMap;
export type AnyEvent = { [K in EventType]: { type: K; data: EventMap[K] } }[EventType];
type Handler<K extends EventType> = (data: EventMap[K]) => void;

export class EventBus {
  private handlers = new Map<EventType, Set<Handler<EventType>>>();
  private anyHandlers = new Set<(event: AnyEvent) => void>();
  constructor(private readonly log?: Logger) {}

  on<K extends EventType>(type: K, handler: Handler<K>): () => void {
    let set = this.handlers.get(type);
    if (!set) {
      set = new Set();
      this.handlers.set(type, set);
    }
    set.add(handler as Handler<EventType>);
    return () => set.delete(handler as Handler<EventType>);
  }

  onAny(handler: (event: AnyEvent) => void): () => void {
    this.anyHandlers.add(handler);
    return () => this.anyHandlers.delete(handler);
  }

  emit<K extends EventType>(type: K, data: EventMap[K]): void {
    for (const h of this.handlers.get(type) ?? []) this.safely(() => h(data), type);
    const event = { type, data } as AnyEvent;
    for (const h of this.anyHandlers) this.safely(() => h(event), type);
  }

  private safely(fn: () => void, type: string): void {
    try {
      fn();
    } catch (err) {
      this.log?.error({ err, event: type }, 'event handler failed');
    }
  }
}
