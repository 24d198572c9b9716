// /api/v1/releaseprofile: must-contain / must-not-contain terms (plain or `/regex/`), limited by tags and indexer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ReleaseProfileService } from '../../services/decisions/decision-config.service.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const terms = z.array(z.string().max(500)).max(500).default([]);
const body = z.object({
  name: z.string().trim().max(100).default(''),
  enabled: z.boolean().default(true),
  required: terms,
  ignored: terms,
  indexerId: z.number().int().min(0).default(0),
  tags: z.array(z.number().int().positive()).default([]),
});
const view = body.extend({ id: z.number() });

export function releaseProfileRoutes(deps: { releaseProfiles: ReleaseProfileService }): FastifyPluginAsyncZod {
  return async (app) => {
    const s = deps.releaseProfiles;
    const tags = ['releaseprofile'];
    app.get('/releaseprofile', { schema: { tags, response: { 200: z.array(view) } } }, () => s.list());
    app.get('/releaseprofile/:id', { schema: { tags, params: idParams, response: { 200: view } } }, (req) =>
      s.get(req.params.id),
    );
    app.post('/releaseprofile', { schema: { tags, body, response: { 201: view } } }, async (req, reply) =>
      reply.code(201).send(await s.create(req.body)),
    );
    app.put('/releaseprofile/:id', { schema: { tags, params: idParams, body, response: { 200: view } } }, (req) =>
      s.update(req.params.id, req.body),
    );
    app.delete('/releaseprofile/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
      await s.delete(req.params.id);
      return reply.code(204).send();
    });
  };
}
