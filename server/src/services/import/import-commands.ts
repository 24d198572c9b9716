// Import commands and tasks: ProcessCompletedDownloads (retries; every 5 minutes), RescanMovie, RescanSeries,
// RenameFiles, RecycleBinCleanup (daily).
import { z } from 'zod';
import { type CommandDefinition, defineCommand } from '../../jobs/command.types.js';
import type { ScheduledTaskDefinition } from '../../jobs/scheduler.service.js';
import type { CompletedDownloadService } from './completed-download.service.js';
import type { LibraryFilesService } from './library-files.service.js';

export const PROCESS_COMPLETED_COMMAND = 'ProcessCompletedDownloads';
export const RESCAN_MOVIE_COMMAND = 'RescanMovie';
export const RESCAN_SERIES_COMMAND = 'RescanSeries';
export const RENAME_FILES_COMMAND = 'RenameFiles';
export const RECYCLE_BIN_CLEANUP_COMMAND = 'RecycleBinCleanup';

const id = z.number().int().positive();

export function importCommands(deps: {
  completed: Pick<CompletedDownloadService, 'processPending'>;
  library: Pick<LibraryFilesService, 'rescanMovie' | 'rescanSeries' | 'rename' | 'cleanRecycleBin'>;
}): { commands: CommandDefinition[]; tasks: ScheduledTaskDefinition[] } {
  return {
    commands: [
      defineCommand({
        name: PROCESS_COMPLETED_COMMAND,
        body: z.object({ trackedDownloadIds: z.array(id).max(1000).optional() }),
        async handler(body, ctx) {
          const results = await deps.completed.processPending(body.trackedDownloadIds);
          const imported = results.filter((r) => r.status === 'imported').length;
          const blocked = results.filter((r) => r.status === 'importBlocked').length;
          await ctx.progress(`${imported} imported, ${blocked} blocked`);
          return { imported, blocked, results };
        },
      }),
      defineCommand({
        name: RESCAN_MOVIE_COMMAND,
        body: z.object({ movieId: id }),
        handler: (body) => deps.library.rescanMovie(body.movieId),
      }),
      defineCommand({
        name: RESCAN_SERIES_COMMAND,
        body: z.object({ seriesId: id }),
        handler: (body) => deps.library.rescanSeries(body.seriesId),
      }),
      defineCommand({
        name: RENAME_FILES_COMMAND,
        body: z
          .object({ movieId: id.optional(), seriesId: id.optional(), files: z.array(id).max(10_000).optional() })
          .refine((b) => (b.movieId === undefined) !== (b.seriesId === undefined), {
            message: 'give exactly one of movieId and seriesId',
          }),
        async handler(body, ctx) {
          const r = await deps.library.rename({
            ...(body.movieId !== undefined ? { movieId: body.movieId } : {}),
            ...(body.seriesId !== undefined ? { seriesId: body.seriesId } : {}),
            ...(body.files ? { files: body.files } : {}),
          });
          await ctx.progress(`${r.renamed.length} renamed, ${r.failed.length} failed`);
          if (r.failed.length && !r.renamed.length) throw new Error(r.failed.map((f) => f.reason).join('; '));
          return r;
        },
      }),
      defineCommand({
        name: RECYCLE_BIN_CLEANUP_COMMAND,
        body: z.object({}),
        handler: () => deps.library.cleanRecycleBin(),
      }),
    ],
    tasks: [
      { name: PROCESS_COMPLETED_COMMAND, commandName: PROCESS_COMPLETED_COMMAND, intervalMinutes: 5 },
      { name: RECYCLE_BIN_CLEANUP_COMMAND, commandName: RECYCLE_BIN_CLEANUP_COMMAND, intervalMinutes: 24 * 60 },
    ],
  };
}
