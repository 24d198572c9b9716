// /api/v1/customformat: CRUD plus import/export as TRaSH-guide JSON. Bodies are validated by the service (the
// codec accepts both field shapes and compiles every regex), so a bad pattern comes back as a 400 with its path.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CustomFormatService } from '../../services/decisions/decision-config.service.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const fieldValue = z.union([z.string(), z.number(), z.boolean()]);
const conditionView = z.object({
  name: z.string(),
  implementation: z.string(),
  negate: z.boolean(),
  required: z.boolean(),
  fields: z.record(z.string(), fieldValue),
});
const formatView = z.object({
  id: z.number(),
  name: z.string(),
  includeCustomFormatWhenRenaming: z.boolean(),
  specifications: z.array(conditionView),
});
const exportView = formatView.omit({ id: true });
/** Checked by the codec (both field shapes); here only "some JSON object or list". */
const anyBody = z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]);

export function customFormatRoutes(deps: { customFormats: CustomFormatService }): FastifyPluginAsyncZod {
  return async (app) => {
    const s = deps.customFormats;
    const tags = ['customformat'];
    app.get('/customformat', { schema: { tags, response: { 200: z.array(formatView) } } }, () => s.list());
    app.get('/customformat/export', { schema: { tags, response: { 200: z.array(exportView) } } }, () => s.export());
    app.post(
      '/customformat/import',
      {
        schema: {
          tags,
          querystring: z.object({ overwrite: z.enum(['true', 'false']).optional() }),
          body: anyBody,
          response: { 201: z.array(formatView) },
        },
      },
      async (req, reply) => reply.code(201).send(await s.import(req.body, req.query.overwrite === 'true')),
    );
    app.get('/customformat/:id', { schema: { tags, params: idParams, response: { 200: formatView } } }, (req) =>
      s.get(req.params.id),
    );
    app.get(
      '/customformat/:id/export',
      { schema: { tags, params: idParams, response: { 200: exportView } } },
      async (req) => (await s.export(req.params.id))[0]!,
    );
    app.post('/customformat', { schema: { tags, body: anyBody, response: { 201: formatView } } }, async (req, reply) =>
      reply.code(201).send(await s.create(req.body)),
    );
    app.put(
      '/customformat/:id',
      { schema: { tags, params: idParams, body: anyBody, response: { 200: formatView } } },
      (req) => s.update(req.params.id, req.body),
    );
    app.delete('/customformat/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
      await s.delete(req.params.id);
      return reply.code(204).send();
    });
  };
}
