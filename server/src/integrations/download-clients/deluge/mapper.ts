// Deluge torrent states → normalised download items. Deluge reports progress as a percentage (0–100).
import type { DownloadItem, DownloadStatus } from '../../../providers/ports/download-client.port.js';

export interface DelugeTorrent {
  hash: string;
  name: string;
  state: string;
  progress: number;
  total_size: number;
  total_done: number;
  total_wanted: number;
  download_payload_rate: number;
  upload_payload_rate: number;
  eta: number;
  save_path: string;
  label?: string;
  message: string;
  ratio: number;
  seeding_time: number;
  time_added: number;
  completed_time?: number;
  is_finished: boolean;
  paused?: boolean;
  /** Connected seeds, and connected peers that are not seeds (Deluge subtracts the seeds itself). */
  num_seeds?: number;
  num_peers?: number;
}

export const DELUGE_FIELDS = [
  'hash',
  'name',
  'state',
  'progress',
  'total_size',
  'total_done',
  'total_wanted',
  'download_payload_rate',
  'upload_payload_rate',
  'eta',
  'save_path',
  'label',
  'message',
  'ratio',
  'seeding_time',
  'time_added',
  'completed_time',
  'is_finished',
  'paused',
  'num_seeds',
  'num_peers',
] as const;

export const DELUGE_STATUS: Readonly<Record<string, DownloadStatus>> = {
  Queued: 'queued',
  Checking: 'checking',
  Allocating: 'checking',
  Downloading: 'downloading',
  Moving: 'downloading',
  Seeding: 'seeding',
  Paused: 'paused',
  Error: 'failed',
};

export function mapDelugeStatus(t: Pick<DelugeTorrent, 'state' | 'is_finished' | 'progress'>): DownloadStatus {
  const status = DELUGE_STATUS[t.state] ?? 'unknown';
  // Paused or queued after finishing: complete, not waiting to download.
  if ((status === 'paused' || status === 'queued') && (t.is_finished || t.progress >= 100)) return 'completed';
  return status;
}

export function mapDelugeTorrent(t: DelugeTorrent): DownloadItem {
  const status = mapDelugeStatus(t);
  const wanted = t.total_wanted || t.total_size;
  return {
    downloadId: t.hash.toUpperCase(),
    title: t.name,
    category: t.label ? t.label : null,
    status,
    rawStatus: t.state,
    totalSize: wanted,
    remainingSize: Math.max(0, wanted - t.total_done),
    progress: Math.min(1, t.progress / 100),
    downloadSpeed: t.download_payload_rate,
    uploadSpeed: t.upload_payload_rate,
    eta: t.eta > 0 ? t.eta : null,
    outputPath: t.save_path ? joinPath(t.save_path, t.name) : null,
    message: t.message && t.message !== 'OK' ? t.message : null,
    ratio: t.ratio >= 0 ? t.ratio : null,
    seedingTimeSeconds: t.seeding_time,
    addedAt: t.time_added > 0 ? new Date(t.time_added * 1000) : null,
    completedAt: t.completed_time && t.completed_time > 0 ? new Date(t.completed_time * 1000) : null,
    canMoveFiles: status === 'completed' && t.state === 'Paused',
    // An older daemon or a trimmed answer may leave them out: unknown, never "no sources".
    ...(typeof t.num_seeds === 'number' ? { seeds: t.num_seeds } : {}),
    ...(typeof t.num_peers === 'number' ? { peers: t.num_peers } : {}),
  };
}

function joinPath(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`;
}
