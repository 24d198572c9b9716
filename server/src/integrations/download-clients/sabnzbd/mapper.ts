// SABnzbd queue and history slots → DownloadItem. Queue slots are jobs still downloading; history slots are
// post-processing, completed or failed. Post-processing counts as not yet completed.
import type { DownloadItem, DownloadStatus } from '../../../providers/ports/download-client.port.js';
import type { SabHistorySlot, SabQueue, SabQueueSlot } from './api.js';

const MB = 1024 * 1024;

const QUEUE_STATUS: Record<string, DownloadStatus> = {
  Downloading: 'downloading',
  Queued: 'queued',
  Paused: 'paused',
  Grabbing: 'queued',
  Fetching: 'queued',
  Propagating: 'queued',
  Checking: 'checking',
  QuickCheck: 'checking',
};

const HISTORY_STATUS: Record<string, DownloadStatus> = {
  Completed: 'completed',
  Failed: 'failed',
  Queued: 'downloading', // waiting for post-processing
  Fetching: 'downloading',
  Extracting: 'downloading',
  Moving: 'downloading',
  Running: 'downloading',
  Verifying: 'checking',
  Repairing: 'checking',
  QuickCheck: 'checking',
  Checking: 'checking',
  Deleted: 'failed',
};

export function mapQueueStatus(status: string, queuePaused: boolean): DownloadStatus {
  const mapped = QUEUE_STATUS[status] ?? 'unknown';
  // With the whole queue paused SABnzbd shows jobs as "Queued"; nothing moves until it resumes.
  return queuePaused && mapped !== 'paused' && mapped !== 'checking' ? 'paused' : mapped;
}

export function mapHistoryStatus(status: string): DownloadStatus {
  return HISTORY_STATUS[status] ?? 'unknown';
}

/** "1:02:03" or "2:01:02:03" (days) → seconds; "0:00:00" → null (unknown). */
export function parseTimeLeft(value: string | undefined): number | null {
  if (!value) return null;
  const parts = value.split(':').map(Number);
  if (parts.some((n) => !Number.isFinite(n))) return null;
  let total = 0;
  const units = parts.length === 4 ? [86400, 3600, 60, 1] : parts.length === 3 ? [3600, 60, 1] : [60, 1];
  parts.forEach((n, i) => {
    total += n * (units[i] ?? 0);
  });
  return total > 0 ? total : null;
}

const num = (value: string | undefined): number => {
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
};

export function mapQueueSlot(slot: SabQueueSlot, queue: Pick<SabQueue, 'paused' | 'kbpersec'>): DownloadItem {
  const total = Math.round(num(slot.mb) * MB);
  const remaining = Math.round(num(slot.mbleft) * MB);
  const status = mapQueueStatus(slot.status, queue.paused === true);
  return {
    downloadId: slot.nzo_id,
    title: slot.filename,
    category: slot.cat && slot.cat !== '*' ? slot.cat : null,
    status,
    rawStatus: slot.status,
    totalSize: total,
    remainingSize: remaining,
    progress: total > 0 ? Math.min(1, Math.max(0, (total - remaining) / total)) : num(slot.percentage) / 100,
    downloadSpeed: status === 'downloading' ? Math.round(num(queue.kbpersec) * 1024) : 0,
    uploadSpeed: 0,
    eta: status === 'downloading' ? parseTimeLeft(slot.timeleft) : null,
    outputPath: null,
    message: null,
    ratio: null,
    seedingTimeSeconds: null,
    addedAt: null,
    completedAt: null,
    canMoveFiles: false,
  };
}

export function mapHistorySlot(slot: SabHistorySlot): DownloadItem {
  let status = mapHistoryStatus(slot.status);
  // SABnzbd reports "Completed" a moment before it fills in `storage`; until then the payload is not in place.
  if (status === 'completed' && !slot.storage) status = 'downloading';
  const size = typeof slot.bytes === 'number' ? slot.bytes : 0;
  const done = status === 'completed';
  return {
    downloadId: slot.nzo_id,
    title: slot.name,
    category: slot.category && slot.category !== '*' ? slot.category : null,
    status,
    rawStatus: slot.status,
    totalSize: size,
    remainingSize: done ? 0 : status === 'failed' ? size : 0,
    progress: done ? 1 : status === 'failed' ? 0 : 1,
    downloadSpeed: 0,
    uploadSpeed: 0,
    eta: null,
    outputPath: done && slot.storage ? slot.storage : null,
    message: slot.fail_message ? slot.fail_message : null,
    ratio: null,
    seedingTimeSeconds: null,
    addedAt: null,
    completedAt: slot.completed ? new Date(slot.completed * 1000) : null,
    canMoveFiles: done,
  };
}
