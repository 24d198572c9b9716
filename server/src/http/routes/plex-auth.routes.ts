// Plex sign-in by PIN: POST /api/v1/mediaserver/plex/pin starts it (show `pinCode` and `linkUrl` to the user),
// GET /api/v1/mediaserver/plex/pin/:code polls it until `authorized` (or `expired`).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PlexAuthService } from '../../services/media-servers/plex-auth.service.js';

const startBody = z.object({
  definitionId: z.number().int().positive().optional(),
  baseUrl: z.url().optional(),
});
const startView = z.object({
  code: z.string(),
  pinCode: z.string(),
  linkUrl: z.string(),
  expiresAt: z.string(),
  intervalSeconds: z.number(),
});
const pollView = z.object({
  status: z.enum(['pending', 'authorized', 'expired']),
  saved: z.boolean(),
  token: z.string().optional(),
});

export function plexAuthRoutes(deps: { plex: PlexAuthService }): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['mediaserver'];
    app.post(
      '/mediaserver/plex/pin',
      { schema: { tags, body: startBody, response: { 201: startView } } },
      async (req, reply) => reply.code(201).send(await deps.plex.start(req.body)),
    );
    app.get(
      '/mediaserver/plex/pin/:code',
      { schema: { tags, params: z.object({ code: z.string().min(1).max(100) }), response: { 200: pollView } } },
      (req) => deps.plex.poll(req.params.code),
    );
  };
}
