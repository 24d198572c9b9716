// Shapes of the download workflow (issue 6): tracked downloads (the queue), history records and remote path
// mappings. Repositories convert rows to these; services and routes see only these.
import type { DownloadProtocol, DownloadStatus, MediaType } from '../../providers/ports/download-client.port.js';

export const TRACKED_STATUSES = [
  'grabbed',
  'downloading',
  'completed',
  'importPending',
  'importBlocked',
  'imported',
  'failed',
  'ignored',
  'removed',
] as const;
export type TrackedStatus = (typeof TRACKED_STATUSES)[number];

/** Entries the queue shows and the tracker polls. */
export const ACTIVE_STATUSES: readonly TrackedStatus[] = [
  'grabbed',
  'downloading',
  'completed',
  'importPending',
  'importBlocked',
  'failed',
];
/** Entries that stop the same release being grabbed again. */
export const DEDUPE_STATUSES: readonly TrackedStatus[] = [
  'grabbed',
  'downloading',
  'completed',
  'importPending',
  'importBlocked',
  'imported',
];

/** A catalog quality id with its revision, as the parser and decision engine report it. */
export interface QualityModel {
  quality: string;
  revision: { version: number; real: number };
}

export interface StatusMessage {
  title: string;
  messages: string[];
}

/** Release facts kept with the download (for history, blocklisting and import matching). */
export interface TrackedRelease {
  guid: string | null;
  infoHash: string | null;
  releaseGroup: string | null;
  customFormatScore: number;
  customFormats: string[];
  publishDate: string | null;
  downloadUrl: string | null;
}

export interface TrackedDownload {
  id: number;
  downloadClientId: number;
  downloadId: string;
  protocol: DownloadProtocol;
  title: string;
  indexer: string | null;
  indexerId: number | null;
  guid: string | null;
  infoHash: string | null;
  size: number;
  remainingSize: number | null;
  /** 0..1 */
  progress: number;
  etaSeconds: number | null;
  /** The client's normalised status at the last poll. */
  clientStatus: DownloadStatus | null;
  quality: QualityModel;
  languages: string[];
  release: TrackedRelease;
  mediaType: MediaType;
  movieId: number | null;
  seriesId: number | null;
  episodeIds: number[];
  status: TrackedStatus;
  statusMessages: StatusMessage[];
  /** Local path (remote path mappings applied). */
  outputPath: string | null;
  added: string;
  lastSeen: string | null;
  lastProgressAt: string | null;
  /** Bytes remaining at lastProgressAt. */
  lastProgress: number | null;
  seedRatio: number | null;
  seedTimeMinutes: number | null;
  importAttempts: number;
}

export type NewTrackedDownload = Omit<TrackedDownload, 'id'>;

/** Fields the tracker changes on each poll. */
export type TrackedDownloadUpdate = Partial<
  Pick<
    TrackedDownload,
    | 'remainingSize'
    | 'progress'
    | 'etaSeconds'
    | 'clientStatus'
    | 'status'
    | 'statusMessages'
    | 'outputPath'
    | 'lastSeen'
    | 'lastProgressAt'
    | 'lastProgress'
    | 'size'
    | 'importAttempts'
  >
>;

export const HISTORY_EVENT_TYPES = [
  'grabbed',
  'downloadFolderImported',
  'downloadFailed',
  'fileDeleted',
  'fileRenamed',
  'downloadIgnored',
] as const;
export type HistoryEventType = (typeof HISTORY_EVENT_TYPES)[number];

export interface HistoryData {
  indexer?: string | null;
  indexerId?: number | null;
  downloadClient?: string | null;
  downloadClientId?: number | null;
  trackedDownloadId?: number;
  releaseGroup?: string | null;
  guid?: string | null;
  infoHash?: string | null;
  protocol?: DownloadProtocol;
  size?: number;
  sourcePath?: string | null;
  importedPath?: string | null;
  reason?: string | null;
  [key: string]: unknown;
}

export interface HistoryRecord {
  id: number;
  eventType: HistoryEventType;
  date: string;
  sourceTitle: string;
  quality: QualityModel;
  languages: string[];
  customFormatScore: number;
  movieId: number | null;
  seriesId: number | null;
  episodeId: number | null;
  downloadId: string | null;
  data: HistoryData;
}

export type NewHistoryRecord = Omit<HistoryRecord, 'id'>;

export interface RemotePathMapping {
  id: number;
  host: string;
  /** Normalised with a trailing separator. */
  remotePath: string;
  localPath: string;
}

export type NewRemotePathMapping = Omit<RemotePathMapping, 'id'>;
