// Transmission torrents (numeric status 0–6 plus the error field) → normalised download items.
import type { DownloadItem, DownloadStatus } from '../../../providers/ports/download-client.port.js';

export interface TrTorrent {
  id: number;
  hashString: string;
  name: string;
  status: number;
  labels?: string[];
  percentDone: number;
  leftUntilDone: number;
  totalSize: number;
  sizeWhenDone?: number;
  rateDownload: number;
  rateUpload: number;
  eta: number;
  downloadDir: string;
  error: number;
  errorString: string;
  isFinished: boolean;
  uploadRatio: number;
  secondsSeeding?: number;
  addedDate: number;
  doneDate: number;
  /** Peers connected now, and how many of them send data. */
  peersConnected?: number;
  peersSendingToUs?: number;
}

export const TR_FIELDS = [
  'id',
  'hashString',
  'name',
  'status',
  'labels',
  'percentDone',
  'leftUntilDone',
  'totalSize',
  'sizeWhenDone',
  'rateDownload',
  'rateUpload',
  'eta',
  'downloadDir',
  'error',
  'errorString',
  'isFinished',
  'uploadRatio',
  'secondsSeeding',
  'addedDate',
  'doneDate',
  'peersConnected',
  'peersSendingToUs',
] as const;

export const TR_STATUS_NAMES = [
  'stopped',
  'check-wait',
  'checking',
  'download-wait',
  'downloading',
  'seed-wait',
  'seeding',
];

/** Transmission's `error`: 0 ok, 1 tracker warning, 2 tracker error, 3 local error (disk, missing data). */
const TR_LOCAL_ERROR = 3;

export function mapTrStatus(t: Pick<TrTorrent, 'status' | 'error' | 'leftUntilDone' | 'percentDone'>): DownloadStatus {
  if (t.error === TR_LOCAL_ERROR) return 'failed';
  const finished = t.leftUntilDone === 0 && t.percentDone >= 1;
  let status: DownloadStatus;
  switch (t.status) {
    case 0:
      status = finished ? 'completed' : 'paused';
      break;
    case 1:
    case 2:
      status = 'checking';
      break;
    case 3:
      status = 'queued';
      break;
    case 4:
      status = 'downloading';
      break;
    case 5:
      status = 'completed'; // finished, waiting for a seeding slot
      break;
    case 6:
      status = 'seeding';
      break;
    default:
      return 'unknown';
  }
  // A tracker problem matters while downloading (no peers from it); a finished payload is complete regardless.
  if (t.error !== 0 && (status === 'downloading' || status === 'queued')) return 'warning';
  return status;
}

export function mapTrTorrent(t: TrTorrent, category: string | null): DownloadItem {
  const status = mapTrStatus(t);
  const total = t.sizeWhenDone ?? t.totalSize;
  return {
    downloadId: t.hashString.toUpperCase(),
    title: t.name,
    category,
    status,
    rawStatus: TR_STATUS_NAMES[t.status] ?? String(t.status),
    totalSize: total,
    remainingSize: t.leftUntilDone,
    progress: t.percentDone,
    downloadSpeed: t.rateDownload,
    uploadSpeed: t.rateUpload,
    eta: t.eta >= 0 ? t.eta : null,
    outputPath: t.downloadDir ? joinPath(t.downloadDir, t.name) : null,
    message: t.errorString ? t.errorString : null,
    ratio: t.uploadRatio >= 0 ? t.uploadRatio : null,
    seedingTimeSeconds: t.secondsSeeding ?? null,
    addedAt: t.addedDate > 0 ? new Date(t.addedDate * 1000) : null,
    completedAt: t.doneDate > 0 ? new Date(t.doneDate * 1000) : null,
    // isFinished = stopped after reaching its seeding goal: Transmission is done with the files.
    canMoveFiles: status === 'completed' && t.status === 0 && t.isFinished,
    ...(t.peersSendingToUs === undefined ? {} : { seeds: t.peersSendingToUs }),
    ...(t.peersConnected === undefined ? {} : { peers: t.peersConnected }),
  };
}

export function joinPath(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`;
}
