// NZBGet queue groups and history items → DownloadItem. Queue states are downloading or post-processing;
// history states are `<KIND>/<DETAIL>` strings (SUCCESS/ALL, WARNING/DAMAGED, FAILURE/HEALTH, DELETED/MANUAL…).
import type { DownloadItem, DownloadStatus } from '../../../providers/ports/download-client.port.js';
import type { NzbgetGroup, NzbgetHistoryItem } from './api.js';

const QUEUE_STATUS: Record<string, DownloadStatus> = {
  QUEUED: 'queued',
  PAUSED: 'paused',
  DOWNLOADING: 'downloading',
  FETCHING: 'queued',
  PP_QUEUED: 'downloading',
  LOADING_PARS: 'checking',
  VERIFYING_SOURCES: 'checking',
  REPAIRING: 'checking',
  VERIFYING_REPAIRED: 'checking',
  RENAMING: 'downloading',
  UNPACKING: 'downloading',
  MOVING: 'downloading',
  EXECUTING_SCRIPT: 'downloading',
  PP_FINISHED: 'downloading',
};

export function mapQueueStatus(status: string): DownloadStatus {
  return QUEUE_STATUS[status] ?? 'unknown';
}

/** SUCCESS → completed; a failed script does not spoil the payload; other warnings need a look. */
export function mapHistoryStatus(status: string): DownloadStatus {
  const [kind, detail] = status.split('/');
  if (kind === 'SUCCESS') return 'completed';
  if (kind === 'WARNING') return detail === 'SCRIPT' ? 'completed' : 'warning';
  if (kind === 'FAILURE' || kind === 'DELETED') return 'failed';
  return 'unknown';
}

const size = (lo: number | undefined, hi: number | undefined) => (hi ?? 0) * 2 ** 32 + ((lo ?? 0) >>> 0);

export function mapGroup(group: NzbgetGroup, downloadRate: number): DownloadItem {
  const total = size(group.FileSizeLo, group.FileSizeHi);
  const remaining = size(group.RemainingSizeLo, group.RemainingSizeHi);
  const paused = size(group.PausedSizeLo, group.PausedSizeHi);
  let status = mapQueueStatus(group.Status);
  // QUEUED with everything left paused (older versions have no PAUSED state) is paused.
  if (status === 'queued' && remaining > 0 && paused >= remaining) status = 'paused';
  const active = status === 'downloading' && (group.ActiveDownloads ?? 0) > 0;
  return {
    downloadId: String(group.NZBID),
    title: group.NZBName,
    category: group.Category || null,
    status,
    rawStatus: group.Status,
    totalSize: total,
    remainingSize: remaining,
    progress: total > 0 ? Math.min(1, Math.max(0, (total - remaining) / total)) : 0,
    downloadSpeed: active ? downloadRate : 0,
    uploadSpeed: 0,
    eta: active && downloadRate > 0 ? Math.round(remaining / downloadRate) : null,
    outputPath: null,
    message: null,
    ratio: null,
    seedingTimeSeconds: null,
    addedAt: null,
    completedAt: null,
    canMoveFiles: false,
  };
}

export function mapHistory(item: NzbgetHistoryItem): DownloadItem {
  const status = mapHistoryStatus(item.Status);
  const total = size(item.FileSizeLo, item.FileSizeHi);
  const done = status === 'completed' || status === 'warning';
  return {
    downloadId: String(item.NZBID),
    title: item.Name,
    category: item.Category || null,
    status,
    rawStatus: item.Status,
    totalSize: total,
    remainingSize: done ? 0 : total,
    progress: done ? 1 : 0,
    downloadSpeed: 0,
    uploadSpeed: 0,
    eta: null,
    outputPath: status === 'completed' ? item.FinalDir || item.DestDir || null : null,
    message: status === 'completed' ? null : `NZBGet: ${item.Status}`,
    ratio: null,
    seedingTimeSeconds: null,
    addedAt: null,
    completedAt: item.HistoryTime ? new Date(item.HistoryTime * 1000) : null,
    canMoveFiles: status === 'completed',
  };
}
