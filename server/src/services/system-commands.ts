// Built-in maintenance commands and their schedules: Backup (weekly) and Housekeeping (daily).
import type { CommandRepository } from '../db/repositories/command.repository.js';
import type { UserRepository } from '../db/repositories/user.repository.js';
import { type CommandDefinition, defineCommand } from '../jobs/command.types.js';
import { emptyBody } from '../jobs/command-registry.js';
import type { ScheduledTaskDefinition } from '../jobs/scheduler.service.js';
import type { Clock } from '../lib/clock.js';
import type { BackupService } from './backup.service.js';

const COMMAND_HISTORY_DAYS = 30;

export function systemCommands(deps: {
  backups: BackupService;
  commands: CommandRepository;
  users: UserRepository;
  clock: Clock;
}): { commands: CommandDefinition[]; tasks: ScheduledTaskDefinition[] } {
  const commands = [
    defineCommand({
      name: 'Backup',
      body: emptyBody,
      async handler(_body, ctx) {
        if (!deps.backups.supported) {
          await ctx.progress('PostgreSQL database: use pg_dump for backups (see README)');
          return { skipped: true };
        }
        await ctx.progress('Backing up the database');
        const info = await deps.backups.create(ctx.trigger === 'scheduled' ? 'scheduled' : 'manual');
        return { name: info.name, size: info.size };
      },
    }),
    defineCommand({
      name: 'Housekeeping',
      body: emptyBody,
      async handler(_body, ctx) {
        const now = new Date(deps.clock.now());
        const sessions = await deps.users.deleteExpiredSessions(now);
        const commands = await deps.commands.deleteEndedBefore(
          new Date(now.getTime() - COMMAND_HISTORY_DAYS * 86_400_000),
        );
        await ctx.progress(`Removed ${sessions} expired sessions and ${commands} old commands`);
        return { sessions, commands };
      },
    }),
  ];
  const tasks: ScheduledTaskDefinition[] = [
    { name: 'Backup', commandName: 'Backup', body: {}, intervalMinutes: 7 * 24 * 60 },
    { name: 'Housekeeping', commandName: 'Housekeeping', body: {}, intervalMinutes: 24 * 60 },
  ];
  return { commands, tasks };
}
