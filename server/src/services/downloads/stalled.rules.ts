// When a download counts as stalled (issue 6): no progress for the configured time, or no sources (a torrent
// with no seeds and no peers connected, or one its client flags as stalled / stuck fetching metadata) for that
// time. Pure: the tracker keeps the "no sources since" instant between polls.
import type { DownloadItem } from '../../providers/ports/download-client.port.js';

export interface StalledPolicy {
  /** 0 turns stalled detection off. */
  stalledMinutes: number;
  noProgress: boolean;
  noAvailability: boolean;
}

export interface StalledInput {
  now: number;
  item: DownloadItem;
  /** Last time the remaining size went down (or the download was waiting by choice). */
  lastProgressAt: number;
  /** First poll at which the download had no sources, null when it had some at the last poll. */
  unavailableSince: number | null;
  policy: StalledPolicy;
  clientName: string;
}

export interface StalledResult {
  reason?: string;
  /** To remember for the next poll. */
  unavailableSince: number | null;
}

/** Paused or queued by choice: neither progress nor sources are expected. */
export const isWaiting = (item: Pick<DownloadItem, 'status'>): boolean =>
  item.status === 'paused' || item.status === 'queued';

/** Nobody to download from, as far as the client tells. Unknown counts (null/absent) never count as none. */
export function hasNoSources(item: Pick<DownloadItem, 'seeds' | 'peers' | 'clientStalled'>): boolean {
  if (item.clientStalled === true) return true;
  const known = typeof item.seeds === 'number' || typeof item.peers === 'number';
  return known && (item.seeds ?? 0) === 0 && (item.peers ?? 0) === 0;
}

export function assessStalled(input: StalledInput): StalledResult {
  const { now, item, policy } = input;
  if (isWaiting(item)) return { unavailableSince: null };
  const unavailableSince = hasNoSources(item) ? (input.unavailableSince ?? now) : null;
  const limit = policy.stalledMinutes * 60_000;
  if (limit <= 0) return { unavailableSince };
  const state = `${input.clientName} state ${item.rawStatus}`;
  if (policy.noProgress && now - input.lastProgressAt > limit) {
    const minutes = Math.floor((now - input.lastProgressAt) / 60_000);
    return { reason: `stalled: no progress for ${minutes} minutes (${state})`, unavailableSince };
  }
  if (policy.noAvailability && unavailableSince !== null && now - unavailableSince > limit) {
    const minutes = Math.floor((now - unavailableSince) / 60_000);
    const what = item.clientStalled ? 'reported stalled by the client' : 'no seeds or peers connected';
    return { reason: `stalled: ${what} for ${minutes} minutes (${state})`, unavailableSince };
  }
  return { unavailableSince };
}
