// Trakt sign-in by device code: POST /api/v1/importlist/trakt/device starts it (show `userCode` and
// `verificationUrl` to the user), GET /api/v1/importlist/trakt/device/:code polls it until `authorized`.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TraktAuthService } from '../../services/import-lists/trakt-auth.service.js';

const startBody = z.object({
  definitionId: z.number().int().positive().optional(),
  clientId: z.string().trim().min(1).optional(),
  clientSecret: z.string().trim().min(1).optional(),
  baseUrl: z.url().optional(),
});
const startView = z.object({
  code: z.string(),
  userCode: z.string(),
  verificationUrl: z.string(),
  expiresAt: z.string(),
  intervalSeconds: z.number(),
});
const pollView = z.object({
  status: z.enum(['pending', 'slow_down', 'authorized', 'expired', 'denied', 'invalid']),
  intervalSeconds: z.number(),
  nextPollAt: z.string().nullable(),
  saved: z.boolean(),
  tokens: z.object({ accessToken: z.string(), refreshToken: z.string(), expiresAt: z.string() }).optional(),
});

export function traktAuthRoutes(deps: { trakt: TraktAuthService }): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['importlist'];
    app.post(
      '/importlist/trakt/device',
      { schema: { tags, body: startBody, response: { 201: startView } } },
      async (req, reply) => reply.code(201).send(await deps.trakt.start(req.body)),
    );
    app.get(
      '/importlist/trakt/device/:code',
      { schema: { tags, params: z.object({ code: z.string().min(1).max(100) }), response: { 200: pollView } } },
      (req) => deps.trakt.poll(req.params.code),
    );
  };
}
