// The download-client port (spec: "Download Client Interface"). Every client (qBittorrent, Transmission, Deluge,
// rTorrent, SABnzbd, NZBGet, aria2, Download Station) implements it; services see only this shape.
import type { IntegrationInstance } from '../ports.js';

export type DownloadProtocol = 'torrent' | 'usenet';

/**
 * Normalised states. `completed` = the payload is fully downloaded (usenet: post-processing done; torrents:
 * finished, whether seeding or stopped). `seeding` is a completed torrent still uploading. `failed` = the client
 * gave up (usenet failure, torrent error); `warning` = needs attention but may recover (stalled, missing peers).
 */
export type DownloadStatus =
  | 'queued'
  | 'downloading'
  | 'paused'
  | 'checking'
  | 'seeding'
  | 'completed'
  | 'warning'
  | 'failed'
  | 'unknown';

export type DownloadPriority = 'high' | 'normal' | 'low';
export type MediaType = 'movie' | 'tv' | 'anime';

export type DownloadSource =
  | { kind: 'magnet'; uri: string }
  | { kind: 'torrentFile'; data: Uint8Array; fileName?: string }
  | { kind: 'torrentUrl'; url: string }
  | { kind: 'nzbFile'; data: Uint8Array; fileName: string }
  | { kind: 'nzbUrl'; url: string };

export interface AddDownloadRequest {
  /** Release title; usenet clients name the job after it. */
  title: string;
  mediaType: MediaType;
  source: DownloadSource;
  /** Overrides the client's directory for this download (absolute path as the client sees it). */
  savePath?: string;
  priority?: DownloadPriority;
  /** The item aired/was released recently (Sonarr's recent vs older priority). */
  isRecent?: boolean;
  /** Add without starting. */
  paused?: boolean;
  /** Seeding goals handed down from the indexer. */
  seedRatio?: number;
  seedTimeMinutes?: number;
}

export interface AddDownloadResult {
  /** The client's id for the download: torrents use the info-hash (upper-case hex), usenet clients their job id. */
  downloadId: string;
}

export interface DownloadItem {
  downloadId: string;
  title: string;
  category: string | null;
  status: DownloadStatus;
  /** The client's own state name, for diagnostics. */
  rawStatus: string;
  totalSize: number;
  remainingSize: number;
  /** 0..1 */
  progress: number;
  downloadSpeed: number;
  uploadSpeed: number;
  /** Seconds, null when unknown/infinite. */
  eta: number | null;
  /** Where the payload is (file or folder) as the client reports it — map it with remote path mappings before use. */
  outputPath: string | null;
  message: string | null;
  ratio: number | null;
  seedingTimeSeconds: number | null;
  addedAt: Date | null;
  completedAt: Date | null;
  /** The client no longer needs the files (seeding goals met / stopped), so import may move them. */
  canMoveFiles: boolean;
  /** Torrents: seeds and other peers connected now; absent when the client does not say (usenet never does). */
  seeds?: number | null;
  peers?: number | null;
  /** The client itself flags the download as stalled (nobody sends data) or stuck fetching metadata. */
  clientStalled?: boolean;
}

export interface DownloadClientCapabilities {
  supportsCategories: boolean;
  supportsLabels: boolean;
  supportsPriorities: boolean;
  supportsMagnetLinks: boolean;
  supportsTorrentFiles: boolean;
  supportsNzb: boolean;
  supportsRemoveAndDelete: boolean;
  supportsSeedLimits: boolean;
}

export interface DownloadClientPort extends IntegrationInstance {
  readonly protocol: DownloadProtocol;
  readonly capabilities: DownloadClientCapabilities;
  add(request: AddDownloadRequest): Promise<AddDownloadResult>;
  /** Downloads in this definition's categories (all when the client has no categories). */
  list(): Promise<DownloadItem[]>;
  get(downloadId: string): Promise<DownloadItem | null>;
  remove(downloadId: string, deleteData: boolean): Promise<void>;
  pause(downloadId: string): Promise<void>;
  resume(downloadId: string): Promise<void>;
  setCategory(downloadId: string, category: string): Promise<void>;
  setPriority(downloadId: string, priority: DownloadPriority): Promise<void>;
  /** The path of a completed download's payload as the client reports it; null when not completed. */
  completedOutputPath(downloadId: string): Promise<string | null>;
  /** Called after a successful import (e.g. qBittorrent's post-import category). */
  markImported?(downloadId: string): Promise<void>;
}
