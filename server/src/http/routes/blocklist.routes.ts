// /api/v1/blocklist (paged list, delete one, delete many) and POST /api/v1/history/failed/:id: the user marks the
// download of a history record as failed — blocklisted, and searched again when that is enabled. A failed
// import never blocklists by itself.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { BlocklistRepository } from '../../db/repositories/blocklist.repository.js';
import { NotFoundError } from '../../lib/errors.js';

const id = z.coerce.number().int().positive();

export interface BlocklistRouteDeps {
  blocklist: BlocklistRepository;
  /** Marks the tracked download behind a history record failed (blocklist + search again). */
  markFailed(historyId: number): Promise<{ trackedDownloadId: number }>;
}

export function blocklistRoutes(deps: BlocklistRouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/blocklist',
      {
        schema: {
          tags: ['blocklist'],
          querystring: z.object({
            page: z.coerce.number().int().min(1).max(1_000_000).default(1),
            pageSize: z.coerce.number().int().min(1).max(1000).default(20),
          }),
        },
      },
      async (req) => deps.blocklist.page(req.query),
    );
    app.delete('/blocklist/:id', { schema: { tags: ['blocklist'], params: z.object({ id }) } }, async (req, reply) => {
      if (!(await deps.blocklist.delete(req.params.id)))
        throw new NotFoundError(`blocklist entry ${req.params.id} not found`);
      return reply.status(204).send();
    });
    app.delete(
      '/blocklist/bulk',
      {
        schema: {
          tags: ['blocklist'],
          body: z.object({ ids: z.array(z.number().int().positive()).min(1).max(10_000) }),
        },
      },
      async (req) => ({ deleted: await deps.blocklist.deleteMany(req.body.ids) }),
    );
    app.post('/history/failed/:id', { schema: { tags: ['history'], params: z.object({ id }) } }, async (req) =>
      deps.markFailed(req.params.id),
    );
  };
}
