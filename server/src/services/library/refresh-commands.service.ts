// RefreshMovie {movieId?|movieIds?} and RefreshSeries {seriesId?|seriesIds?}: one, some or all items. Neither is
// exclusive, so searches and other commands keep running beside them. Scheduled runs (every 12 h / 24 h) refresh
// only items whose last_info_sync is older than the interval, so a restart or a manual run does not redo them.
import { z } from 'zod';
import type { MovieRepository } from '../../db/repositories/movie.repository.js';
import type { SeriesRepository } from '../../db/repositories/series.repository.js';
import { type CommandContext, type CommandDefinition, defineCommand } from '../../jobs/command.types.js';
import type { ScheduledTaskDefinition } from '../../jobs/scheduler.service.js';
import type { Clock } from '../../lib/clock.js';
import { NotFoundError } from '../../lib/errors.js';
import { isStale, type RefreshSummary, refreshEach } from './refresh-loop.service.js';
import type { RefreshMovieService } from './refresh-movie.service.js';
import type { RefreshSeriesService } from './refresh-series.service.js';

export const REFRESH_MOVIES_MINUTES = 12 * 60;
export const REFRESH_SERIES_MINUTES = 24 * 60;

const id = z.number().int().positive();
export const refreshMovieBody = z.object({ movieId: id.optional(), movieIds: z.array(id).max(10_000).optional() });
export const refreshSeriesBody = z.object({ seriesId: id.optional(), seriesIds: z.array(id).max(10_000).optional() });

export interface RefreshCommandsDeps {
  movies: Pick<MovieRepository, 'list' | 'getMany'>;
  series: Pick<SeriesRepository, 'list' | 'getMany'>;
  refreshMovie: Pick<RefreshMovieService, 'refresh'>;
  refreshSeries: Pick<RefreshSeriesService, 'refresh'>;
  clock: Clock;
}

function requested(one: number | undefined, many: number[] | undefined): number[] | undefined {
  if (one === undefined && many === undefined) return undefined;
  return [...new Set([...(one === undefined ? [] : [one]), ...(many ?? [])])];
}

async function select<T extends { id: number; lastInfoSync: string | null }>(
  ids: number[] | undefined,
  repo: { list(): Promise<T[]>; getMany(ids: readonly number[]): Promise<T[]> },
  ctx: CommandContext,
  noun: string,
  staleAfterMinutes: number,
  nowMs: number,
): Promise<T[]> {
  if (ids) {
    const found = await repo.getMany(ids);
    const missing = ids.filter((i) => !found.some((f) => f.id === i));
    if (missing.length) throw new NotFoundError(`${noun} not found: ${missing.join(', ')}`);
    return found;
  }
  const all = await repo.list();
  return ctx.trigger === 'scheduled' ? all.filter((m) => isStale(m.lastInfoSync, nowMs, staleAfterMinutes)) : all;
}

/** One requested item that failed fails the command (the user asked for exactly that); batches report counts. */
function settle(summary: RefreshSummary, ids: number[] | undefined, noun: string): RefreshSummary {
  if (ids?.length === 1 && summary.failed === 1)
    throw new Error(`refreshing ${noun} ${ids[0]} failed: ${summary.lastError ?? 'see the log'}`);
  return summary;
}

export function refreshCommands(deps: RefreshCommandsDeps): {
  commands: CommandDefinition[];
  tasks: ScheduledTaskDefinition[];
} {
  const commands = [
    defineCommand({
      name: 'RefreshMovie',
      body: refreshMovieBody,
      async handler(body, ctx) {
        const ids = requested(body.movieId, body.movieIds);
        const now = deps.clock.now();
        const movies = await select(ids, deps.movies, ctx, 'movies', REFRESH_MOVIES_MINUTES, now);
        return settle(
          await refreshEach(movies, ctx, 'movie', async (m) => void (await deps.refreshMovie.refresh(m))),
          ids,
          'movie',
        );
      },
    }),
    defineCommand({
      name: 'RefreshSeries',
      body: refreshSeriesBody,
      async handler(body, ctx) {
        const ids = requested(body.seriesId, body.seriesIds);
        const now = deps.clock.now();
        const series = await select(ids, deps.series, ctx, 'series', REFRESH_SERIES_MINUTES, now);
        return settle(
          await refreshEach(series, ctx, 'series', async (s) => void (await deps.refreshSeries.refresh(s))),
          ids,
          'series',
        );
      },
    }),
  ];
  const tasks: ScheduledTaskDefinition[] = [
    { name: 'RefreshMovies', commandName: 'RefreshMovie', body: {}, intervalMinutes: REFRESH_MOVIES_MINUTES },
    { name: 'RefreshSeries', commandName: 'RefreshSeries', body: {}, intervalMinutes: REFRESH_SERIES_MINUTES },
  ];
  return { commands, tasks };
}
