// Search commands (Sonarr/Radarr names) and the RSS sync schedule. Every search command reports progress per item.
//   RssSync                                   scheduled every `rssSyncIntervalMinutes` (default 15, minimum 10)
//   ProcessPendingReleases                    scheduled every 5 minutes: delayed releases whose delay is over
//   MoviesSearch {movieIds}                   EpisodeSearch {episodeIds}
//   SeasonSearch {seriesId, seasonNumber}     SeriesSearch {seriesId}
//   MissingMoviesSearch                       MissingEpisodeSearch {seriesId?} (search-on-add of a series)
//   CutoffUnmetMoviesSearch                   CutoffUnmetEpisodeSearch
//   SceneGroupHousekeeping                    daily: forgets release sightings older than 90 days
import { z } from 'zod';
import { type CommandContext, type CommandDefinition, defineCommand } from '../../jobs/command.types.js';
import { emptyBody } from '../../jobs/command-registry.js';
import type { ScheduledTaskDefinition } from '../../jobs/scheduler.service.js';
import type { SearchService } from './search.service.js';
import type { SearchRequest } from './search-queries.js';

export const RSS_SYNC_COMMAND = 'RssSync';
export const PROCESS_PENDING_COMMAND = 'ProcessPendingReleases';
export const DEFAULT_RSS_SYNC_MINUTES = 15;
export const MIN_RSS_SYNC_MINUTES = 10;

const id = z.number().int().positive();

/** Commands asked for by a person run as "user invoked" (skip monitored/delay checks, as Sonarr/Radarr). */
const userInvoked = (ctx: CommandContext) => ctx.trigger === 'manual';

export const SCENE_GROUP_HOUSEKEEPING_COMMAND = 'SceneGroupHousekeeping';

export function searchCommands(
  search: SearchService,
  opts: { rssSyncIntervalMinutes?: number; sceneGroups?: { pruneSightings(): Promise<number> } } = {},
): { commands: CommandDefinition[]; tasks: ScheduledTaskDefinition[] } {
  const run = async (requests: Promise<SearchRequest[]>, ctx: CommandContext) => {
    const list = await requests;
    if (list.length === 0) {
      await ctx.progress('Nothing to search for', 100);
      return { searches: 0, releases: 0, grabbed: [], delayed: 0, indexerErrors: [] };
    }
    return search.run(list, (message, percent) => ctx.progress(message, percent));
  };
  const commands: CommandDefinition[] = [
    defineCommand({
      name: RSS_SYNC_COMMAND,
      body: emptyBody,
      handler: (_body, ctx) => search.rssSync((m, p) => ctx.progress(m, p)),
    }),
    defineCommand({
      name: PROCESS_PENDING_COMMAND,
      body: emptyBody,
      handler: () => search.processPending(),
    }),
    defineCommand({
      name: 'MoviesSearch',
      body: z.object({ movieIds: z.array(id).min(1) }),
      handler: (b, ctx) => run(search.movieRequests(b.movieIds, userInvoked(ctx)), ctx),
    }),
    defineCommand({
      name: 'EpisodeSearch',
      body: z.object({ episodeIds: z.array(id).min(1) }),
      handler: (b, ctx) => run(search.episodeRequests(b.episodeIds, userInvoked(ctx)), ctx),
    }),
    defineCommand({
      name: 'SeasonSearch',
      body: z.object({ seriesId: id, seasonNumber: z.number().int().min(0) }),
      handler: (b, ctx) => run(search.seasonRequests(b.seriesId, b.seasonNumber, userInvoked(ctx)), ctx),
    }),
    defineCommand({
      name: 'SeriesSearch',
      body: z.object({ seriesId: id }),
      handler: (b, ctx) => run(search.seriesRequests(b.seriesId, userInvoked(ctx)), ctx),
    }),
    defineCommand({
      name: 'MissingMoviesSearch',
      body: emptyBody,
      handler: (_b, ctx) => run(search.missingMovieRequests(), ctx),
    }),
    defineCommand({
      name: 'MissingEpisodeSearch',
      body: z.object({ seriesId: id.optional() }),
      handler: (b, ctx) =>
        run(b.seriesId !== undefined ? search.seriesRequests(b.seriesId, false) : search.missingEpisodeRequests(), ctx),
    }),
    defineCommand({
      name: 'CutoffUnmetMoviesSearch',
      body: emptyBody,
      handler: (_b, ctx) => run(search.cutoffUnmetMovieRequests(), ctx),
    }),
    defineCommand({
      name: 'CutoffUnmetEpisodeSearch',
      body: emptyBody,
      handler: (_b, ctx) => run(search.cutoffUnmetEpisodeRequests(), ctx),
    }),
  ];
  const groups = opts.sceneGroups;
  if (groups)
    commands.push(
      defineCommand({
        name: SCENE_GROUP_HOUSEKEEPING_COMMAND,
        body: emptyBody,
        handler: async () => ({ forgottenSightings: await groups.pruneSightings() }),
      }),
    );
  const interval = Math.max(MIN_RSS_SYNC_MINUTES, opts.rssSyncIntervalMinutes ?? DEFAULT_RSS_SYNC_MINUTES);
  const tasks: ScheduledTaskDefinition[] = [
    { name: 'RssSync', commandName: RSS_SYNC_COMMAND, body: {}, intervalMinutes: interval },
    { name: 'ProcessPendingReleases', commandName: PROCESS_PENDING_COMMAND, body: {}, intervalMinutes: 5 },
  ];
  if (groups)
    tasks.push({
      name: SCENE_GROUP_HOUSEKEEPING_COMMAND,
      commandName: SCENE_GROUP_HOUSEKEEPING_COMMAND,
      body: {},
      intervalMinutes: 24 * 60,
    });
  return { commands, tasks };
}
