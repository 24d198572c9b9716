// The loop RefreshMovie and RefreshSeries share: one item at a time, progress per item, stop when cancelled. An
// item whose refresh fails is logged and skipped; the others go on. When the provider is down for several items in
// a row the run stops early (the rest would only wait for the same timeout) and says so; items it did not reach
// keep their old last_info_sync, so the next run picks them up.
import type { CommandContext } from '../../jobs/command.types.js';
import { errorMessage, ServiceUnavailableError } from '../../lib/errors.js';

export const MAX_CONSECUTIVE_OUTAGES = 5;

export interface RefreshSummary {
  total: number;
  refreshed: number;
  failed: number;
  /** Why the run stopped before the end, if it did. */
  stopped: string | null;
  /** The reason of the last failure, if any. */
  lastError: string | null;
}

type LoopContext = Pick<CommandContext, 'progress' | 'signal' | 'log'>;

export async function refreshEach<T extends { id: number; title: string }>(
  items: readonly T[],
  ctx: LoopContext,
  noun: string,
  refresh: (item: T) => Promise<void>,
): Promise<RefreshSummary> {
  const summary: RefreshSummary = {
    total: items.length,
    refreshed: 0,
    failed: 0,
    stopped: null,
    lastError: null,
  };
  let outagesInARow = 0;
  for (const [i, item] of items.entries()) {
    if (ctx.signal.aborted) {
      summary.stopped = 'cancelled';
      break;
    }
    await ctx.progress(`Refreshing ${noun} ${item.title} (${i + 1}/${items.length})`, (i / items.length) * 100);
    try {
      await refresh(item);
      summary.refreshed++;
      outagesInARow = 0;
    } catch (err) {
      summary.failed++;
      summary.lastError = errorMessage(err);
      ctx.log.warn(
        { [`${noun}Id`]: item.id, errorType: (err as Error)?.name, reason: errorMessage(err) },
        'refresh failed',
      );
      if (!(err instanceof ServiceUnavailableError)) continue;
      if (++outagesInARow >= MAX_CONSECUTIVE_OUTAGES) {
        summary.stopped = errorMessage(err);
        break;
      }
    }
  }
  const tail = summary.stopped ? `; stopped: ${summary.stopped}` : '';
  const failed = summary.failed ? `, ${summary.failed} failed` : '';
  await ctx.progress(`Refreshed ${summary.refreshed} of ${summary.total} ${noun}(s)${failed}${tail}`, 100);
  return summary;
}

/** Items a scheduled run refreshes: never synced, or synced longer ago than the interval. */
export function isStale(lastInfoSync: string | null, nowMs: number, intervalMinutes: number): boolean {
  return lastInfoSync === null || Date.parse(lastInfoSync) <= nowMs - intervalMinutes * 60_000;
}
