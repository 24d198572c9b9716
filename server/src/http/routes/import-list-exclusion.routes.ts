// /api/v1/importlistexclusion: items no import list may add (movies by tmdbId/imdbId, series by tvdbId/tmdbId/
// imdbId). An id already excluded answers 409.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ImportListExclusionService } from '../../services/import-lists/import-list-exclusion.service.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const body = z.object({
  mediaType: z.enum(['movie', 'series']),
  tmdbId: z.number().int().positive().nullable().default(null),
  tvdbId: z.number().int().positive().nullable().default(null),
  imdbId: z
    .string()
    .trim()
    .regex(/^tt\d{5,10}$/, 'an IMDb id (tt followed by digits)')
    .nullable()
    .default(null),
  title: z.string().trim().min(1).max(500),
  year: z.number().int().min(1800).max(3000).nullable().default(null),
});
const view = z
  .object({
    id: z.number(),
    mediaType: z.enum(['movie', 'series']),
    tmdbId: z.number().nullable(),
    tvdbId: z.number().nullable(),
    imdbId: z.string().nullable(),
    title: z.string(),
    year: z.number().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ImportListExclusion' });

export function importListExclusionRoutes(deps: { exclusions: ImportListExclusionService }): FastifyPluginAsyncZod {
  return async (app) => {
    const s = deps.exclusions;
    const tags = ['importlistexclusion'];
    app.get('/importlistexclusion', { schema: { tags, response: { 200: z.array(view) } } }, () => s.list());
    app.get('/importlistexclusion/:id', { schema: { tags, params: idParams, response: { 200: view } } }, (req) =>
      s.get(req.params.id),
    );
    app.post('/importlistexclusion', { schema: { tags, body, response: { 201: view } } }, async (req, reply) =>
      reply.code(201).send(await s.create(req.body)),
    );
    app.put('/importlistexclusion/:id', { schema: { tags, params: idParams, body, response: { 200: view } } }, (req) =>
      s.update(req.params.id, req.body),
    );
    app.delete('/importlistexclusion/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
      await s.delete(req.params.id);
      return reply.code(204).send();
    });
  };
}
