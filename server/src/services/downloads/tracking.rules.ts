// What one poll means for one tracked download: pure, so the rules (progress, stalled, failed, completed with a
// mapped output path) are tested as tables. The tracker does the I/O around it.
import type { DownloadItem } from '../../providers/ports/download-client.port.js';
import type { StatusMessage, TrackedDownload, TrackedDownloadUpdate } from './download.types.js';
import { assessStalled, isWaiting } from './stalled.rules.js';
/** A tracked download the client no longer lists is given up (status removed) after this long. */
export const MISSING_GRACE_MINUTES = 5;
/** `lastSeen` alone is written at most this often, so an idle queue costs no writes. */
const LAST_SEEN_REFRESH_MS = 10 * 60_000;

export const PATH_NOT_FOUND_TITLE = 'Output path not found';
export const STALLED_TITLE = 'Stalled';

export interface PathCheck {
  /** The path idkarr will use (remote path mappings applied). */
  localPath: string;
  /** False when the path does not exist locally, or is not a safe absolute path. */
  reachable: boolean;
  /** A mapping was applied. */
  mapped: boolean;
}

export interface AssessContext {
  now: number;
  /** 0 = stalled detection off. */
  stalledMinutes: number;
  /** Which stalled rules apply (both when absent). */
  stalledNoProgress?: boolean;
  stalledNoAvailability?: boolean;
  clientName: string;
  clientHost: string;
  /** Maps and checks a reported path. */
  checkPath(reported: string): PathCheck;
}

export interface Assessment {
  patch: TrackedDownloadUpdate;
  /** Something worth announcing happened. */
  transition: 'completed' | 'failed' | null;
  reason?: string;
  /** Since when the download has had no sources (kept by the caller for the next poll), null when it has some. */
  unavailableSince: number | null;
}

export function pathNotFoundMessage(clientName: string, host: string, reported: string, check: PathCheck): string {
  return check.mapped
    ? `Download client ${clientName} reports files in ${reported}, mapped to ${check.localPath}, which idkarr cannot find. Check the remote path mapping for host ${host} and that idkarr can read that folder.`
    : `Download client ${clientName} reports files in ${reported}, which idkarr cannot find. If the client runs on another host or in a container, add a remote path mapping for host ${host} (Settings → Download clients → Remote path mappings).`;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function assess(
  t: TrackedDownload,
  item: DownloadItem,
  ctx: AssessContext,
  unavailableSince: number | null = null,
): Assessment {
  const now = new Date(ctx.now).toISOString();
  const next: Required<Pick<TrackedDownloadUpdate, 'status' | 'statusMessages'>> & TrackedDownloadUpdate = {
    remainingSize: item.remainingSize,
    progress: item.progress,
    etaSeconds: item.eta,
    clientStatus: item.status,
    size: item.totalSize || t.size,
    status: t.status,
    statusMessages: [],
  };
  const messages: StatusMessage[] = [];
  let transition: Assessment['transition'] = null;
  let reason: string | undefined;
  let stillUnavailable: number | null = null;

  // Progress bookkeeping: fewer bytes left = progress. Paused/queued by choice never counts as stalled.
  // While waiting the timer is kept fresh, but written at most every LAST_SEEN_REFRESH_MS so an idle queue
  // costs no writes (a resumed download gets at most that much less time before it counts as stalled).
  const waiting = isWaiting(item);
  const timerStale = !t.lastProgressAt || ctx.now - Date.parse(t.lastProgressAt) > LAST_SEEN_REFRESH_MS;
  const progressed = t.lastProgress === null || item.remainingSize < t.lastProgress;
  if (progressed || (waiting && timerStale) || t.lastProgressAt === null) {
    next.lastProgress = item.remainingSize;
    next.lastProgressAt = now;
  }
  const lastProgressAt = Date.parse(next.lastProgressAt ?? t.lastProgressAt ?? t.added);

  const done = item.status === 'completed' || item.status === 'seeding';
  if (item.status === 'failed') {
    reason = item.message
      ? `${ctx.clientName}: ${item.message}`
      : `${ctx.clientName} reports the download as failed (${item.rawStatus})`;
    transition = 'failed';
  } else if (done) {
    if (item.outputPath) {
      const check = ctx.checkPath(item.outputPath);
      next.outputPath = check.localPath;
      if (!check.reachable)
        messages.push({
          title: PATH_NOT_FOUND_TITLE,
          messages: [pathNotFoundMessage(ctx.clientName, ctx.clientHost, item.outputPath, check)],
        });
    }
    const blocked = messages.length > 0;
    if (t.status === 'grabbed' || t.status === 'downloading') {
      next.status = blocked ? 'importBlocked' : 'completed';
      if (!blocked) transition = 'completed';
    } else if (t.status === 'importBlocked' && isPathBlocked(t) && !blocked) {
      next.status = 'completed';
      transition = 'completed';
    } else if (t.status === 'importBlocked' && !isPathBlocked(t)) {
      // Blocked by the import for its own reasons: keep them.
      messages.push(...t.statusMessages);
    }
  } else {
    if (t.status === 'grabbed') next.status = 'downloading';
    if (item.status === 'warning' && item.message)
      messages.push({ title: 'Download warning', messages: [item.message] });
    const stalled = assessStalled({
      now: ctx.now,
      item,
      lastProgressAt,
      unavailableSince,
      clientName: ctx.clientName,
      policy: {
        stalledMinutes: ctx.stalledMinutes,
        noProgress: ctx.stalledNoProgress ?? true,
        noAvailability: ctx.stalledNoAvailability ?? true,
      },
    });
    stillUnavailable = stalled.unavailableSince;
    if (stalled.reason !== undefined) {
      reason = stalled.reason;
      transition = 'failed';
    }
  }
  next.statusMessages = messages;

  // Keep only what changed.
  const patch: TrackedDownloadUpdate = {};
  for (const [k, v] of Object.entries(next) as [keyof TrackedDownloadUpdate, unknown][]) {
    if (!sameJson(v, t[k])) (patch as Record<string, unknown>)[k] = v;
  }
  const stale = !t.lastSeen || ctx.now - Date.parse(t.lastSeen) > LAST_SEEN_REFRESH_MS;
  if (Object.keys(patch).length > 0 || stale) patch.lastSeen = now;
  const out: Assessment = { patch, transition, unavailableSince: stillUnavailable };
  if (reason !== undefined) out.reason = reason;
  return out;
}

export function isPathBlocked(t: Pick<TrackedDownload, 'statusMessages'>): boolean {
  return t.statusMessages.some((m) => m.title === PATH_NOT_FOUND_TITLE);
}

/** A tracked download the client does not list (any more). */
export function assessMissing(t: TrackedDownload, now: number): { patch: TrackedDownloadUpdate; removed: boolean } {
  const since = Date.parse(t.lastSeen ?? t.added);
  if (now - since > MISSING_GRACE_MINUTES * 60_000)
    return {
      patch: {
        status: 'removed',
        statusMessages: [
          { title: 'Not in the download client', messages: ['the download client no longer lists this download'] },
        ],
      },
      removed: true,
    };
  const message = {
    title: 'Not in the download client',
    messages: ['the download client does not list this download (yet)'],
  };
  return sameJson(t.statusMessages, [message])
    ? { patch: {}, removed: false }
    : { patch: { statusMessages: [message] }, removed: false };
}

/** Applies a patch to an entry (for events and views). */
export function applyPatch(t: TrackedDownload, patch: TrackedDownloadUpdate): TrackedDownload {
  return { ...t, ...patch } as TrackedDownload;
}
