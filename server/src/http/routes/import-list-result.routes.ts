// GET /api/v1/importlist/:id/result: the list's last ImportListSyncResult (404 until it has synced once).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ImportListRepository } from '../../db/repositories/import-list.repository.js';
import { NotFoundError } from '../../lib/errors.js';
import type { ProviderDefinition } from '../../providers/provider.types.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
export const importListSyncResultView = z
  .object({
    listId: z.number(),
    listName: z.string(),
    syncedAt: z.string(),
    fetched: z.boolean(),
    found: z.number(),
    added: z.number(),
    alreadyExist: z.number(),
    notFound: z.number(),
    excluded: z.number(),
    left: z.number(),
    leavePolicy: z.enum(['keep', 'unmonitor', 'remove']),
    leaveApplied: z.number(),
    errors: z.array(z.object({ item: z.string(), error: z.string() })),
    durationMs: z.number(),
  })
  .meta({ id: 'ImportListSyncResult' });

export interface ImportListResultRoutesDeps {
  store: Pick<ImportListRepository, 'getResult'>;
  lists: { get(id: number): Promise<ProviderDefinition | undefined> };
}

export function importListResultRoutes(deps: ImportListResultRoutesDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/importlist/:id/result',
      { schema: { tags: ['importlist'], params: idParams, response: { 200: importListSyncResultView } } },
      async (req) => {
        const list = await deps.lists.get(req.params.id);
        if (list?.kind !== 'importlist') throw new NotFoundError(`importlist ${req.params.id} not found`);
        const stored = await deps.store.getResult(req.params.id);
        if (!stored) throw new NotFoundError(`importlist ${req.params.id} has not synced yet`);
        return importListSyncResultView.parse(stored.result);
      },
    );
  };
}
