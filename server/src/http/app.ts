// Builds the Fastify app: plugins, auth, error mapper, OpenAPI, then the route modules the composition root hands in.
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { redactUrl } from '../lib/redact.js';
import type { AuthService } from '../services/auth.service.js';
import { registerAuth } from './plugins/auth.plugin.js';
import { registerErrorMapper } from './plugins/error-mapper.js';
import { staticPlugin } from './plugins/static.plugin.js';

export interface HttpAppOptions {
  logger: Logger;
  version: string;
  auth: AuthService;
  /** IPs/CIDRs allowed to set X-Forwarded-*; empty = forwarded headers are ignored. */
  trustedProxies: string[];
  routes: FastifyPluginAsync[];
  bodyLimitBytes?: number;
  /** The built web UI served at `/` (default: web/dist beside server/). */
  webRoot?: string;
}

export async function buildHttpApp(opts: HttpAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: opts.logger.child({ module: 'http' }) as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: opts.trustedProxies.length > 0 ? opts.trustedProxies : false,
    bodyLimit: opts.bodyLimitBytes ?? 10 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorMapper(app);
  await app.register(cookie);
  await app.register(websocket, { options: { maxPayload: 1024 * 1024 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'idkarr API', version: opts.version, license: { name: 'GPL-3.0-or-later' } },
      components: {
        securitySchemes: {
          apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
          apiKeyQuery: { type: 'apiKey', in: 'query', name: 'apikey' },
        },
      },
      security: [{ apiKey: [] }, { apiKeyQuery: [] }],
    },
    transform: jsonSchemaTransform,
  });
  registerAuth(app, opts.auth);
  app.addHook('onResponse', async (req, reply) => {
    req.log.debug(
      { method: req.method, url: redactUrl(req.url), statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });
  for (const routes of opts.routes) await app.register(routes);
  await app.register(staticPlugin(opts.webRoot));
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
