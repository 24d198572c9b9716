// qBittorrent torrent states (WebAPI 2.x, 4.x names plus the 5.x stopped* names) → normalised download status.
import type { DownloadItem, DownloadStatus } from '../../../providers/ports/download-client.port.js';

export interface QbTorrent {
  hash: string;
  name: string;
  state: string;
  category?: string;
  progress: number;
  size?: number;
  total_size?: number;
  amount_left?: number;
  dlspeed?: number;
  upspeed?: number;
  eta?: number;
  save_path?: string;
  content_path?: string;
  added_on?: number;
  completion_on?: number;
  ratio?: number;
  seeding_time?: number;
  ratio_limit?: number;
  seeding_time_limit?: number;
  /** Seeds / leechers connected now. */
  num_seeds?: number;
  num_leechs?: number;
}

/** States in which qBittorrent says nobody is sending data, or it is still waiting for the torrent's metadata. */
const QB_STALLED_STATES: ReadonlySet<string> = new Set(['stalledDL', 'metaDL', 'forcedMetaDL']);

export const QB_STATUS: Readonly<Record<string, DownloadStatus>> = {
  error: 'failed',
  missingFiles: 'failed',
  metaDL: 'downloading',
  forcedMetaDL: 'downloading',
  allocating: 'downloading',
  downloading: 'downloading',
  forcedDL: 'downloading',
  stalledDL: 'downloading',
  moving: 'downloading',
  queuedDL: 'queued',
  pausedDL: 'paused',
  stoppedDL: 'paused',
  checkingDL: 'checking',
  checkingUP: 'checking',
  checkingResumeData: 'checking',
  uploading: 'seeding',
  stalledUP: 'seeding',
  forcedUP: 'seeding',
  // Finished and not uploading (stopped, or waiting in the seeding queue): complete.
  pausedUP: 'completed',
  stoppedUP: 'completed',
  queuedUP: 'completed',
  unknown: 'unknown',
};

/** qBittorrent's "infinite" ETA. */
const ETA_INFINITE = 8_640_000;

export function mapQbStatus(state: string): DownloadStatus {
  return QB_STATUS[state] ?? 'unknown';
}

export function mapQbTorrent(t: QbTorrent): DownloadItem {
  const status = mapQbStatus(t.state);
  const total = t.size ?? t.total_size ?? 0;
  const done = status === 'completed' || status === 'seeding';
  const outputPath = t.content_path || (t.save_path ? joinPath(t.save_path, t.name) : null);
  return {
    downloadId: t.hash.toUpperCase(),
    title: t.name,
    category: t.category ? t.category : null,
    status,
    rawStatus: t.state,
    totalSize: total,
    remainingSize: t.amount_left ?? Math.max(0, Math.round(total * (1 - t.progress))),
    progress: t.progress,
    downloadSpeed: t.dlspeed ?? 0,
    uploadSpeed: t.upspeed ?? 0,
    eta: t.eta === undefined || t.eta >= ETA_INFINITE || t.eta < 0 ? null : t.eta,
    outputPath,
    message: status === 'failed' ? (t.state === 'missingFiles' ? 'files are missing' : 'torrent error') : null,
    ratio: t.ratio ?? null,
    seedingTimeSeconds: t.seeding_time ?? null,
    addedAt: t.added_on && t.added_on > 0 ? new Date(t.added_on * 1000) : null,
    completedAt: t.completion_on && t.completion_on > 0 ? new Date(t.completion_on * 1000) : null,
    // Stopped after finishing: qBittorrent will not touch the files any more.
    canMoveFiles: done && (t.state === 'pausedUP' || t.state === 'stoppedUP'),
    ...(t.num_seeds === undefined ? {} : { seeds: t.num_seeds }),
    ...(t.num_leechs === undefined ? {} : { peers: t.num_leechs }),
    clientStalled: QB_STALLED_STATES.has(t.state),
  };
}

function joinPath(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`;
}
