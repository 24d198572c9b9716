// /api/v1/remotepathmapping: host + remote path (as the download client reports it) → local path.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RemotePathMappingService } from '../../services/downloads/remote-path-mapping.service.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const body = z.object({
  host: z.string().trim().min(1).max(255),
  remotePath: z.string().trim().min(1).max(4096),
  localPath: z.string().trim().min(1).max(4096),
});
const view = body.extend({ id: z.number() }).meta({ id: 'RemotePathMapping' });

export function remotePathMappingRoutes(deps: { mappings: RemotePathMappingService }): FastifyPluginAsyncZod {
  return async (app) => {
    const s = deps.mappings;
    const tags = ['remotepathmapping'];
    app.get('/remotepathmapping', { schema: { tags, response: { 200: z.array(view) } } }, () => s.list());
    app.get('/remotepathmapping/:id', { schema: { tags, params: idParams, response: { 200: view } } }, (req) =>
      s.get(req.params.id),
    );
    app.post('/remotepathmapping', { schema: { tags, body, response: { 201: view } } }, async (req, reply) =>
      reply.code(201).send(await s.create(req.body)),
    );
    app.put('/remotepathmapping/:id', { schema: { tags, params: idParams, body, response: { 200: view } } }, (req) =>
      s.update(req.params.id, req.body),
    );
    app.delete('/remotepathmapping/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
      await s.delete(req.params.id);
      return reply.code(204).send();
    });
  };
}
