// A Fastify instance with the production validator/serializer and error mapper but no auth:
// for testing one route module in isolation. Full-stack tests use buildHttpApp instead.
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { registerErrorMapper } from '../../src/http/plugins/error-mapper.js';

export function bareApp(): FastifyInstance {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorMapper(app);
  return app;
}
