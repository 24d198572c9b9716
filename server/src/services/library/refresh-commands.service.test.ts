import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../jobs/command.types.js';
import { FakeClock } from '../../lib/clock.js';
import { ProtocolError, ServiceUnavailableError } from '../../lib/errors.js';
import { silentLogger } from '../../lib/logger.js';
import { REFRESH_MOVIES_MINUTES, refreshCommands } from './refresh-commands.service.js';
import { isStale, MAX_CONSECUTIVE_OUTAGES, refreshEach } from './refresh-loop.service.js';

const NOW = Date.parse('2024-06-15T12:00:00.000Z');
const hoursAgo = (h: number) => new Date(NOW - h * 3_600_000).toISOString();

interface Item {
  id: number;
  title: string;
  lastInfoSync: string | null;
}

function context(trigger: CommandContext['trigger'] = 'manual', controller = new AbortController()) {
  const progress: [string, number | undefined][] = [];
  const ctx = {
    id: 1,
    trigger,
    signal: controller.signal,
    log: silentLogger(),
    progress: async (message: string, percent?: number) => {
      progress.push([message, percent]);
    },
  } satisfies CommandContext;
  return { ctx, progress };
}

function setup(items: Item[], fail: (item: Item) => Error | undefined = () => undefined) {
  const refreshed: number[] = [];
  const repo = {
    list: async () => items,
    getMany: async (ids: readonly number[]) => items.filter((i) => ids.includes(i.id)),
  };
  const refresh = async (item: Item) => {
    const err = fail(item);
    if (err) throw err;
    refreshed.push(item.id);
    return undefined;
  };
  const { commands, tasks } = refreshCommands({
    movies: repo as never,
    series: repo as never,
    refreshMovie: { refresh: refresh as never },
    refreshSeries: { refresh: refresh as never },
    clock: new FakeClock(NOW),
  });
  const byName = (name: string) => commands.find((c) => c.name === name)!;
  return { refreshed, byName, tasks };
}

const ITEMS: Item[] = [
  { id: 1, title: 'Never synced', lastInfoSync: null },
  { id: 2, title: 'Fresh', lastInfoSync: hoursAgo(2) },
  { id: 3, title: 'Stale', lastInfoSync: hoursAgo(13) },
  { id: 4, title: 'Just at the interval', lastInfoSync: hoursAgo(12) },
];

describe('refresh commands', () => {
  it('are neither exclusive nor blocking, and scheduled every 12 h / 24 h', () => {
    const { byName, tasks } = setup([]);
    expect(byName('RefreshMovie').exclusive).toBeFalsy();
    expect(byName('RefreshSeries').exclusive).toBeFalsy();
    expect(tasks).toEqual([
      { name: 'RefreshMovies', commandName: 'RefreshMovie', body: {}, intervalMinutes: 720 },
      { name: 'RefreshSeries', commandName: 'RefreshSeries', body: {}, intervalMinutes: 1440 },
    ]);
  });

  it('refreshes only stale items when scheduled, everything when asked', async () => {
    const scheduled = setup(ITEMS);
    await scheduled.byName('RefreshMovie').handler({}, context('scheduled').ctx);
    expect(scheduled.refreshed).toEqual([1, 3, 4]);
    const manual = setup(ITEMS);
    await manual.byName('RefreshMovie').handler({}, context('manual').ctx);
    expect(manual.refreshed).toEqual([1, 2, 3, 4]);
    const series = setup(ITEMS);
    await series.byName('RefreshSeries').handler({}, context('scheduled').ctx);
    expect(series.refreshed).toEqual([1]);
  });

  it('refreshes the ids asked for, and 404s unknown ones', async () => {
    const s = setup(ITEMS);
    await s.byName('RefreshMovie').handler({ movieId: 2, movieIds: [3, 2] }, context().ctx);
    expect(s.refreshed.sort()).toEqual([2, 3]);
    await expect(s.byName('RefreshSeries').handler({ seriesId: 9 }, context().ctx)).rejects.toThrow(
      'series not found: 9',
    );
  });

  it('fails a single requested item with its reason; batches report counts', async () => {
    const s = setup(ITEMS, (i) => (i.id === 3 ? new ProtocolError('TMDB /movie/3: response is not JSON') : undefined));
    await expect(s.byName('RefreshMovie').handler({ movieId: 3 }, context().ctx)).rejects.toThrow(
      'refreshing movie 3 failed: TMDB /movie/3: response is not JSON',
    );
    const { ctx, progress } = context();
    const result = await s.byName('RefreshMovie').handler({}, ctx);
    expect(result).toMatchObject({ total: 4, refreshed: 3, failed: 1, stopped: null });
    expect(progress.map((p) => p[0])).toEqual([
      'Refreshing movie Never synced (1/4)',
      'Refreshing movie Fresh (2/4)',
      'Refreshing movie Stale (3/4)',
      'Refreshing movie Just at the interval (4/4)',
      'Refreshed 3 of 4 movie(s), 1 failed',
    ]);
    expect(progress.map((p) => p[1])).toEqual([0, 25, 50, 75, 100]);
  });
});

describe('refreshEach', () => {
  const items = Array.from({ length: 10 }, (_, i) => ({ id: i + 1, title: `Item ${i + 1}` }));

  it(`stops after ${MAX_CONSECUTIVE_OUTAGES} outages in a row, but not for scattered ones`, async () => {
    const down = new ServiceUnavailableError('TMDB is unavailable: HTTP 503');
    const stopped = await refreshEach(items, context().ctx, 'movie', async () => {
      throw down;
    });
    expect(stopped).toMatchObject({ failed: MAX_CONSECUTIVE_OUTAGES, refreshed: 0, stopped: down.message });

    const scattered = await refreshEach(items, context().ctx, 'movie', async (i) => {
      if (i.id % 2 === 0) throw down;
    });
    expect(scattered).toMatchObject({ failed: 5, refreshed: 5, stopped: null });
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const result = await refreshEach(items, context('manual', controller).ctx, 'series', async (i) => {
      seen.push(i.id);
      if (i.id === 3) controller.abort();
    });
    expect(seen).toEqual([1, 2, 3]);
    expect(result).toMatchObject({ refreshed: 3, stopped: 'cancelled' });
  });

  it('counts an item stale at or past the interval', () => {
    expect(isStale(null, NOW, REFRESH_MOVIES_MINUTES)).toBe(true);
    expect(isStale(hoursAgo(12), NOW, REFRESH_MOVIES_MINUTES)).toBe(true);
    expect(isStale(hoursAgo(11.9), NOW, REFRESH_MOVIES_MINUTES)).toBe(false);
  });
});
