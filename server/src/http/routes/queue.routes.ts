// /api/v1/queue: tracked downloads (and pending releases), their counts, and removal (from the client, with an
// optional blocklist entry). Changes are pushed as `queue.updated` on the WebSocket.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TRACKED_STATUSES } from '../../services/downloads/download.types.js';
import type { QueueService } from '../../services/downloads/queue.service.js';
import { qualityModel } from './history.routes.js';
import { pageOf, queryBool } from './movie.routes.js';

const query = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(20),
  sortKey: z.enum(['added', 'title', 'progress', 'size', 'status']).default('added'),
  sortDirection: z.enum(['ascending', 'descending']).default('ascending'),
  includePending: queryBool.default(true),
});
const removeQuery = z.object({
  removeFromClient: queryBool.default(true),
  blocklist: queryBool.default(false),
  skipRedownload: queryBool.default(false),
});
const idParams = z.object({
  id: z.coerce
    .number()
    .int()
    .refine((n) => n !== 0, 'id must not be 0'),
});
const statusMessage = z.object({ title: z.string(), messages: z.array(z.string()) });
const item = z.object({ id: z.number(), title: z.string(), year: z.number() });
const record = z
  .object({
    id: z.number(),
    source: z.enum(['download', 'pending']),
    downloadClientId: z.number().nullable(),
    downloadClient: z.string().nullable(),
    downloadId: z.string().nullable(),
    protocol: z.string(),
    title: z.string(),
    indexer: z.string().nullable(),
    movieId: z.number().nullable(),
    movie: item.nullable(),
    seriesId: z.number().nullable(),
    series: item.nullable(),
    episodeIds: z.array(z.number()),
    episodes: z.array(
      z.object({ id: z.number(), seasonNumber: z.number(), episodeNumber: z.number(), title: z.string().nullable() }),
    ),
    quality: qualityModel,
    languages: z.array(z.string()),
    customFormatScore: z.number(),
    size: z.number(),
    sizeleft: z.number(),
    progress: z.number(),
    timeleft: z.string().nullable(),
    estimatedCompletionTime: z.string().nullable(),
    status: z.string(),
    trackedDownloadStatus: z.enum(['ok', 'warning', 'error']),
    trackedDownloadState: z.enum([...TRACKED_STATUSES, 'pending']),
    statusMessages: z.array(statusMessage),
    errorMessage: z.string().nullable(),
    outputPath: z.string().nullable(),
    added: z.string(),
  })
  .meta({ id: 'QueueRecord' });
const status = z.object({
  totalCount: z.number(),
  count: z.number(),
  pendingCount: z.number(),
  errors: z.boolean(),
  warnings: z.boolean(),
  states: z.record(z.string(), z.number()),
});

export function queueRoutes(deps: { queue: QueueService }): FastifyPluginAsyncZod {
  return async (app) => {
    const q = deps.queue;
    const tags = ['queue'];
    app.get('/queue', { schema: { tags, querystring: query, response: { 200: pageOf(record) } } }, (req) =>
      q.page(req.query),
    );
    app.get('/queue/status', { schema: { tags, response: { 200: status } } }, () => q.status());
    app.get('/queue/:id', { schema: { tags, params: idParams, response: { 200: record } } }, (req) =>
      q.get(req.params.id),
    );
    app.delete('/queue/bulk', {
      schema: {
        tags,
        querystring: removeQuery,
        body: z.object({ ids: z.array(z.number().int()).min(1).max(1000) }),
        response: {
          200: z.object({
            removed: z.array(z.number()),
            failed: z.array(z.object({ id: z.number(), message: z.string() })),
          }),
        },
      },
      handler: (req) => q.removeMany(req.body.ids, req.query),
    });
    app.delete('/queue/:id', { schema: { tags, params: idParams, querystring: removeQuery } }, async (req, reply) => {
      await q.remove(req.params.id, req.query);
      return reply.code(204).send();
    });
  };
}
