// /api/v1/{kind} for the six provider kinds: implementation schemas, CRUD with ?forceSave, and /test.
// All logic lives in the provider services; this file maps HTTP to them and masks secrets on the way out.
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProviderDefinition } from '../../providers/provider.types.js';
import type { ProviderDefinitionService } from '../../providers/provider-definition.service.js';
import type { ProviderHealthService } from '../../providers/provider-health.service.js';
import { PROVIDER_KINDS, type ProviderKind } from '../../providers/provider-kind.js';
import type { ProviderRegistry } from '../../providers/provider-registry.js';
import { presentDefinition, presentImplementation } from '../../providers/provider-view.js';

export interface ProviderRoutesDeps {
  definitions: ProviderDefinitionService;
  health: ProviderHealthService;
  registry: ProviderRegistry;
}

const definitionBody = z.object({
  /** Only read by /test, to take sentinel secrets from the stored definition. */
  id: z.number().int().positive().optional(),
  implementation: z.string().min(1),
  name: z.string().trim().min(1).max(100),
  enabled: z.boolean().default(true),
  tags: z.array(z.number().int()).default([]),
  settings: z.record(z.string(), z.unknown()).default({}),
});

const statusView = z.object({
  health: z.enum(['healthy', 'degraded', 'unhealthy']),
  latencyMs: z.number().nullable(),
  lastChecked: z.string().nullable(),
  message: z.string().nullable(),
  failureCount: z.number(),
  disabledUntil: z.string().nullable(),
});

const definitionView = z.object({
  id: z.number(),
  implementation: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  tags: z.array(z.number()),
  settings: z.record(z.string(), z.unknown()),
  status: statusView.nullable(),
});

const implementationView = z.object({
  implementation: z.string(),
  name: z.string(),
  description: z.string(),
  protocol: z.string().nullable(),
  capabilities: z.array(z.string()),
  fields: z.record(z.string(), z.unknown()),
  defaults: z.record(z.string(), z.unknown()),
});

const findingView = z.object({ field: z.string(), message: z.string(), severity: z.enum(['error', 'warning']) });
const idParams = z.object({ id: z.coerce.number().int().positive() });
const saveQuery = z.object({ forceSave: z.enum(['true', 'false']).optional() });

export function providerRoutes(deps: ProviderRoutesDeps): FastifyPluginAsyncZod {
  return async (app) => {
    for (const kind of PROVIDER_KINDS) registerKind(app, kind, deps);
  };
}

function registerKind(app: FastifyInstance, kind: ProviderKind, deps: ProviderRoutesDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = `/${kind}`;
  const tags = [kind];

  const view = async (definitions: ProviderDefinition[]) => {
    const statuses = await deps.health.statusesFor(definitions.map((d) => d.id));
    return definitions.map((d) => presentDefinition(d, deps.registry.find(kind, d.implementation), statuses.get(d.id)));
  };
  const one = async (definition: ProviderDefinition) => (await view([definition]))[0]!;
  const input = ({ id: _id, ...body }: z.output<typeof definitionBody>) => body;

  r.get(`${base}/schema`, { schema: { tags, response: { 200: z.array(implementationView) } } }, async () =>
    deps.registry.list(kind).map(presentImplementation),
  );

  r.get(base, { schema: { tags, response: { 200: z.array(definitionView) } } }, async () =>
    view(await deps.definitions.list(kind)),
  );

  r.get(`${base}/:id`, { schema: { tags, params: idParams, response: { 200: definitionView } } }, async (req) =>
    one(await deps.definitions.get(kind, req.params.id)),
  );

  r.post(
    base,
    { schema: { tags, body: definitionBody, querystring: saveQuery, response: { 201: definitionView } } },
    async (req, reply) => {
      const saved = await deps.definitions.create(kind, input(req.body), { forceSave: req.query.forceSave === 'true' });
      return reply.code(201).send(await one(saved));
    },
  );

  r.put(
    `${base}/:id`,
    {
      schema: {
        tags,
        params: idParams,
        body: definitionBody,
        querystring: saveQuery,
        response: { 200: definitionView },
      },
    },
    async (req) => {
      const opts = { forceSave: req.query.forceSave === 'true' };
      return one(await deps.definitions.update(kind, req.params.id, input(req.body), opts));
    },
  );

  r.delete(`${base}/:id`, { schema: { tags, params: idParams } }, async (req, reply) => {
    await deps.definitions.delete(kind, req.params.id);
    return reply.code(204).send();
  });

  r.post(
    `${base}/test`,
    {
      schema: {
        tags,
        body: definitionBody,
        response: { 200: z.object({ ok: z.boolean(), findings: z.array(findingView) }) },
      },
    },
    async (req) => deps.definitions.test(kind, input(req.body), req.body.id),
  );
}
