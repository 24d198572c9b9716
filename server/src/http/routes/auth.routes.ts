import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RateLimitedError, ValidationError } from '../../lib/errors.js';
import type { AuthService } from '../../services/auth.service.js';
import { SESSION_COOKIE } from '../plugins/auth.plugin.js';
import { problem, sendProblem } from '../plugins/error-mapper.js';
import { LOGIN_PAGE } from './login-page.js';

const credentials = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
  rememberMe: z.boolean().optional(),
});

export function authRoutes(auth: AuthService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/login', { schema: { hide: true } }, async (_req, reply) => reply.type('text/html').send(LOGIN_PAGE));

    app.get(
      '/api/v1/auth/setup',
      { schema: { tags: ['auth'], response: { 200: z.object({ needsSetup: z.boolean() }) } } },
      async () => ({ needsSetup: await auth.needsSetup() }),
    );

    app.post('/api/v1/auth/setup', { schema: { tags: ['auth'], body: credentials } }, async (req, reply) => {
      await auth.createFirstUser(req.body.username, req.body.password);
      return reply.code(201).send({ username: req.body.username });
    });

    app.post('/api/v1/auth/login', { schema: { tags: ['auth'], body: credentials } }, async (req, reply) => {
      try {
        const { token, expires } = await auth.login(req.body.username, req.body.password, req.ip);
        reply.setCookie(SESSION_COOKIE, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: req.protocol === 'https',
          ...(req.body.rememberMe === false ? {} : { expires }),
        });
        return { username: req.body.username };
      } catch (err) {
        // Wrong credentials are a 401 on this route (not a field validation 400).
        if (err instanceof ValidationError) return sendProblem(reply, problem(401, 'invalid username or password'));
        if (err instanceof RateLimitedError)
          return sendProblem(reply, problem(429, err.message), {
            'retry-after': String(Math.ceil((err.retryAfterMs ?? 60_000) / 1000)),
          });
        throw err;
      }
    });

    app.post('/api/v1/auth/logout', { schema: { tags: ['auth'] } }, async (req, reply) => {
      await auth.logout(req.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    });

    app.get(
      '/api/v1/auth/me',
      {
        schema: {
          tags: ['auth'],
          response: { 200: z.object({ kind: z.enum(['apiKey', 'session']), username: z.string().nullable() }) },
        },
      },
      async (req) => ({ kind: req.principal?.kind ?? 'apiKey', username: req.principal?.username ?? null }),
    );

    app.get('/api/v1/auth/apikey', { schema: { tags: ['auth'] } }, async () => ({ apiKey: auth.apiKey }));
    app.post('/api/v1/auth/apikey', { schema: { tags: ['auth'] } }, async () => ({ apiKey: auth.regenerateApiKey() }));

    app.post(
      '/api/v1/auth/password',
      { schema: { tags: ['auth'], body: z.object({ currentPassword: z.string(), newPassword: z.string() }) } },
      async (req, reply) => {
        const username = req.principal?.username;
        if (!username) return sendProblem(reply, problem(400, 'log in with a user session to change the password'));
        await auth.changePassword(username, req.body.currentPassword, req.body.newPassword);
        return reply.code(204).send();
      },
    );
  };
}
