// Every request needs the API key (X-Api-Key header or apikey query) or a session cookie, except a short
// allow-list. Forwarded headers only count when Fastify's trustProxy says the peer is a trusted proxy, so a spoofed
// X-Forwarded-For cannot change who we think the client is.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthService } from '../../services/auth.service.js';
import { problem, sendProblem } from './error-mapper.js';

export const SESSION_COOKIE = 'idkarr_session';

const PUBLIC = new Set([
  'GET /ping',
  'GET /login',
  'POST /api/v1/auth/login',
  'GET /api/v1/auth/setup',
  'POST /api/v1/auth/setup',
]);

declare module 'fastify' {
  interface FastifyRequest {
    principal?: { kind: 'apiKey' | 'session'; username?: string };
  }
}

function apiKeyOf(req: FastifyRequest): string | undefined {
  const header = req.headers['x-api-key'];
  if (typeof header === 'string' && header) return header;
  const q = req.query as Record<string, unknown> | undefined;
  const fromQuery = q?.apikey ?? q?.apiKey;
  return typeof fromQuery === 'string' ? fromQuery : undefined;
}

export function registerAuth(app: FastifyInstance, auth: AuthService): void {
  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (PUBLIC.has(`${req.method} ${path}`) || (req.method === 'HEAD' && path === '/ping')) return;
    if (auth.checkApiKey(apiKeyOf(req))) {
      req.principal = { kind: 'apiKey' };
      return;
    }
    const username = await auth.sessionUser(req.cookies[SESSION_COOKIE]);
    if (username) {
      req.principal = { kind: 'session', username };
      return;
    }
    // Browsers asking for a page go to the login form; API clients get a problem document.
    if (req.method === 'GET' && !path.startsWith('/api/') && String(req.headers.accept ?? '').includes('text/html'))
      return reply.redirect(`/login?returnUrl=${encodeURIComponent(path)}`, 302);
    return sendProblem(reply, problem(401, 'authentication required: send X-Api-Key or log in'));
  });
}
