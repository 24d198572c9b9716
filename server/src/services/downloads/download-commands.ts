// RefreshMonitoredDownloads: one poll of every download client (scheduled every minute, like Sonarr's).
import { z } from 'zod';
import { type CommandDefinition, defineCommand } from '../../jobs/command.types.js';
import type { ScheduledTaskDefinition } from '../../jobs/scheduler.service.js';
import type { DownloadTracker } from './download-tracker.service.js';

export const REFRESH_DOWNLOADS_COMMAND = 'RefreshMonitoredDownloads';

export function downloadCommands(deps: { tracker: Pick<DownloadTracker, 'refresh'> }): {
  commands: CommandDefinition[];
  tasks: ScheduledTaskDefinition[];
} {
  return {
    commands: [
      defineCommand({
        name: REFRESH_DOWNLOADS_COMMAND,
        body: z.object({}),
        async handler(_body, ctx) {
          const summary = await deps.tracker.refresh();
          if (summary.unavailable.length) await ctx.progress(`unavailable: ${summary.unavailable.join(', ')}`);
          return summary;
        },
      }),
    ],
    tasks: [
      {
        name: REFRESH_DOWNLOADS_COMMAND,
        commandName: REFRESH_DOWNLOADS_COMMAND,
        intervalMinutes: 1,
        runOnFirstStart: true,
      },
    ],
  };
}
