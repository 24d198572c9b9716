// /api/v1/history: grabs, imports, failures, deletions, renames and ignored downloads, newest first, paged and
// filtered by item, event type or download id.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HistoryRepository } from '../../db/repositories/history.repository.js';
import { HISTORY_EVENT_TYPES } from '../../services/downloads/download.types.js';
import { pageOf } from './movie.routes.js';

const id = z.coerce.number().int().positive();
const query = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(20),
  sortDirection: z.enum(['ascending', 'descending']).default('descending'),
  movieId: id.optional(),
  seriesId: id.optional(),
  episodeId: id.optional(),
  eventType: z.enum(HISTORY_EVENT_TYPES).optional(),
  downloadId: z.string().min(1).max(500).optional(),
});
export const qualityModel = z.object({
  quality: z.string(),
  revision: z.object({ version: z.number(), real: z.number() }),
});
const record = z
  .object({
    id: z.number(),
    eventType: z.enum(HISTORY_EVENT_TYPES),
    date: z.string(),
    sourceTitle: z.string(),
    quality: qualityModel,
    languages: z.array(z.string()),
    customFormatScore: z.number(),
    movieId: z.number().nullable(),
    seriesId: z.number().nullable(),
    episodeId: z.number().nullable(),
    downloadId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'HistoryRecord' });

export function historyRoutes(deps: { history: HistoryRepository }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/history',
      { schema: { tags: ['history'], querystring: query, response: { 200: pageOf(record) } } },
      async (req) => {
        const { page, pageSize, sortDirection, ...filter } = req.query;
        const clean = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
        return deps.history.page({ page, pageSize, sortDirection }, clean);
      },
    );
  };
}
