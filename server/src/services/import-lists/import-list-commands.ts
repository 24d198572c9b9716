// The ImportListSync command and its schedule. The scheduled task runs every few minutes and syncs only the
// lists whose own interval has passed; a manual run syncs the list asked for, or every available list.
import { z } from 'zod';
import { type CommandDefinition, defineCommand } from '../../jobs/command.types.js';
import type { ScheduledTaskDefinition } from '../../jobs/scheduler.service.js';
import { NotFoundError } from '../../lib/errors.js';
import type { ProviderDefinition } from '../../providers/provider.types.js';
import type { ImportListSyncService } from './import-list-sync.service.js';

export const IMPORT_LIST_SYNC_COMMAND = 'ImportListSync';
/** How often the scheduler looks for due lists; each list's own interval decides whether it syncs. */
export const IMPORT_LIST_CHECK_MINUTES = 5;

export const importListSyncBody = z.object({ definitionId: z.number().int().positive().optional() });

export interface ImportListCommandsDeps {
  sync: Pick<ImportListSyncService, 'dueLists' | 'syncMany'>;
  lists: {
    available(): Promise<ProviderDefinition[]>;
    get(id: number): Promise<ProviderDefinition | undefined>;
  };
}

export function importListCommands(deps: ImportListCommandsDeps): {
  commands: CommandDefinition[];
  tasks: ScheduledTaskDefinition[];
} {
  const command = defineCommand({
    name: IMPORT_LIST_SYNC_COMMAND,
    body: importListSyncBody,
    async handler(body, ctx) {
      let lists: ProviderDefinition[];
      if (body.definitionId !== undefined) {
        const d = await deps.lists.get(body.definitionId);
        if (d?.kind !== 'importlist') throw new NotFoundError(`import list ${body.definitionId} not found`);
        lists = [d];
      } else lists = ctx.trigger === 'scheduled' ? await deps.sync.dueLists() : await deps.lists.available();
      const results = await deps.sync.syncMany(lists);
      return {
        lists: results.length,
        added: results.reduce((n, r) => n + r.added, 0),
        failed: results.filter((r) => !r.fetched).length,
      };
    },
  });
  const tasks: ScheduledTaskDefinition[] = [
    {
      name: IMPORT_LIST_SYNC_COMMAND,
      commandName: IMPORT_LIST_SYNC_COMMAND,
      body: {},
      intervalMinutes: IMPORT_LIST_CHECK_MINUTES,
    },
  ];
  return { commands: [command], tasks };
}
