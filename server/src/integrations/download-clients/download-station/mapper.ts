// Download Station tasks → DownloadItem. Task statuses come as names (DSM 6+) or numbers (older Download Station).
// The output path is the task's destination (shared folder + subfolder) turned into a volume path when File
// Station told us where the share lives, plus the task title.
import type { DownloadItem, DownloadStatus } from '../../../providers/ports/download-client.port.js';
import type { DsTask } from './api.js';

const BY_NAME: Record<string, DownloadStatus> = {
  waiting: 'queued',
  downloading: 'downloading',
  paused: 'paused',
  finishing: 'downloading',
  finished: 'completed',
  hash_checking: 'checking',
  seeding: 'seeding',
  filehost_waiting: 'queued',
  extracting: 'downloading',
  error: 'failed',
};

const BY_NUMBER = [
  '',
  'waiting',
  'downloading',
  'paused',
  'finishing',
  'finished',
  'hash_checking',
  'seeding',
  'filehost_waiting',
  'extracting',
  'error',
];

export function statusName(status: string | number): string {
  return typeof status === 'number' ? (BY_NUMBER[status] ?? String(status)) : status;
}

export function mapStatus(status: string | number): DownloadStatus {
  return BY_NAME[statusName(status)] ?? 'unknown';
}

/** `downloads/tv` + shares {downloads → /volume1/downloads} → `/volume1/downloads/tv`. */
export function destinationPath(destination: string, shares: ReadonlyMap<string, string>): string {
  const clean = destination.replace(/^\/+|\/+$/g, '');
  const [share = '', ...rest] = clean.split('/');
  const root = shares.get(share) ?? `/${share}`;
  return [root.replace(/\/+$/, ''), ...rest].join('/');
}

type Detail = NonNullable<NonNullable<DsTask['additional']>['detail']>;

/**
 * Connected seeds and other peers of a torrent task. In the recorded DSM 6 task lists connected_peers = seeders +
 * leechers, so the other peers are the difference. nzb and http/ftp tasks send zeros too, which mean nothing:
 * they stay unknown, and so does a torrent whose detail block lacks the counts.
 */
export function taskSources(type: string, detail: Detail | undefined): Pick<DownloadItem, 'seeds' | 'peers'> {
  const seeds = detail?.connected_seeders;
  const connected = detail?.connected_peers;
  if (type !== 'bt' || typeof seeds !== 'number' || typeof connected !== 'number') return {};
  return { seeds, peers: Math.max(0, connected - seeds) };
}

export interface MapContext {
  categoryOf(destination: string | undefined): string | null;
  shares: ReadonlyMap<string, string>;
}

export function mapTask(task: DsTask, ctx: MapContext): DownloadItem {
  const status = mapStatus(task.status);
  const detail = task.additional?.detail;
  const transfer = task.additional?.transfer;
  const size = task.size ?? 0;
  const finished = status === 'completed' || status === 'seeding';
  const downloaded = transfer?.size_downloaded ?? (finished ? size : 0);
  const speed = transfer?.speed_download ?? 0;
  const remaining = Math.max(0, size - downloaded);
  return {
    downloadId: task.id,
    title: task.title,
    category: ctx.categoryOf(detail?.destination),
    status,
    rawStatus: statusName(task.status),
    totalSize: size,
    remainingSize: finished ? 0 : remaining,
    progress: finished ? 1 : size > 0 ? Math.min(1, downloaded / size) : 0,
    downloadSpeed: speed,
    uploadSpeed: transfer?.speed_upload ?? 0,
    eta: status === 'downloading' && speed > 0 ? Math.round(remaining / speed) : null,
    outputPath:
      finished && detail?.destination ? `${destinationPath(detail.destination, ctx.shares)}/${task.title}` : null,
    message: status === 'failed' ? (task.status_extra?.error_detail ?? 'error') : null,
    ratio: task.type === 'bt' && size > 0 ? (transfer?.size_uploaded ?? 0) / size : null,
    seedingTimeSeconds: task.type === 'bt' ? (detail?.seedelapsed ?? null) : null,
    addedAt: detail?.create_time ? new Date(detail.create_time * 1000) : null,
    completedAt: detail?.completed_time ? new Date(detail.completed_time * 1000) : null,
    canMoveFiles: status === 'completed',
    ...taskSources(task.type, detail),
  };
}
