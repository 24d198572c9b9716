// /api/v1/delayprofile: protocol preference and delays per tag set; the untagged default profile always exists.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DelayProfileService } from '../../services/decisions/decision-config.service.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const minutes = z
  .number()
  .int()
  .min(0)
  .max(60 * 24 * 365);
const body = z.object({
  enableUsenet: z.boolean().default(true),
  enableTorrent: z.boolean().default(true),
  preferredProtocol: z.enum(['usenet', 'torrent']).default('usenet'),
  usenetDelay: minutes.default(0),
  torrentDelay: minutes.default(0),
  bypassIfHighestQuality: z.boolean().default(false),
  tags: z.array(z.number().int().positive()).default([]),
});
const view = body.extend({ id: z.number(), order: z.number() });

export function delayProfileRoutes(deps: { delayProfiles: DelayProfileService }): FastifyPluginAsyncZod {
  return async (app) => {
    const s = deps.delayProfiles;
    const tags = ['delayprofile'];
    app.get('/delayprofile', { schema: { tags, response: { 200: z.array(view) } } }, () => s.list());
    app.get('/delayprofile/:id', { schema: { tags, params: idParams, response: { 200: view } } }, (req) =>
      s.get(req.params.id),
    );
    app.post('/delayprofile', { schema: { tags, body, response: { 201: view } } }, async (req, reply) =>
      reply.code(201).send(await s.create(req.body)),
    );
    app.put('/delayprofile/:id', { schema: { tags, params: idParams, body, response: { 200: view } } }, (req) =>
      s.update(req.params.id, req.body),
    );
    app.put(
      '/delayprofile/reorder/:id',
      {
        schema: {
          tags,
          params: idParams,
          querystring: z.object({ after: z.coerce.number().int().positive().optional() }),
          response: { 200: z.array(view) },
        },
      },
      (req) => s.reorder(req.params.id, req.query.after),
    );
    app.delete('/delayprofile/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
      await s.delete(req.params.id);
      return reply.code(204).send();
    });
  };
}
