// /command: list, queue, inspect and cancel commands. Registered by the composition root under /api/v1.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { COMMAND_STATUSES, COMMAND_TRIGGERS, type CommandRecord } from '../../jobs/command.types.js';
import type { CommandQueue } from '../../jobs/command-queue.service.js';

export const commandResource = z
  .object({
    id: z.number().int(),
    name: z.string(),
    body: z.record(z.string(), z.unknown()),
    status: z.enum(COMMAND_STATUSES),
    trigger: z.enum(COMMAND_TRIGGERS),
    message: z.string().nullable(),
    progress: z.number().nullable(),
    queuedAt: z.string(),
    startedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    error: z.string().nullable(),
    result: z.unknown(),
  })
  .meta({ id: 'Command' });

export type CommandResource = z.infer<typeof commandResource>;

export function toCommandResource(c: CommandRecord): CommandResource {
  return {
    id: c.id,
    name: c.name,
    body: c.body,
    status: c.status,
    trigger: c.trigger,
    message: c.message,
    progress: c.progress,
    queuedAt: c.queuedAt.toISOString(),
    startedAt: c.startedAt?.toISOString() ?? null,
    endedAt: c.endedAt?.toISOString() ?? null,
    error: c.error,
    result: c.result ?? null,
  };
}

const idParams = z.object({ id: z.coerce.number().int().positive() });

export interface CommandRoutesDeps {
  queue: CommandQueue;
}

export function commandRoutes(deps: CommandRoutesDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/command',
      {
        schema: {
          tags: ['command'],
          summary: 'Active commands and the most recent ended ones, newest first',
          querystring: z.object({
            status: z.enum(COMMAND_STATUSES).optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
          }),
          response: { 200: z.array(commandResource) },
        },
      },
      async (req) => (await deps.queue.list(req.query)).map(toCommandResource),
    );

    app.post(
      '/command',
      {
        schema: {
          tags: ['command'],
          summary: 'Queue a command; an identical queued command is returned instead of a new one',
          // The command's own arguments sit next to `name`; the registry validates them per command.
          body: z.object({ name: z.string().min(1) }).catchall(z.unknown()),
          response: { 201: commandResource },
        },
      },
      async (req, reply) => {
        const { name, ...body } = req.body;
        const command = await deps.queue.enqueue(name, body, { trigger: 'manual' });
        return reply.code(201).send(toCommandResource(command));
      },
    );

    app.get(
      '/command/:id',
      { schema: { tags: ['command'], params: idParams, response: { 200: commandResource } } },
      async (req) => toCommandResource(await deps.queue.get(req.params.id)),
    );

    app.delete(
      '/command/:id',
      {
        schema: {
          tags: ['command'],
          summary: 'Cancel a queued command, or ask a running one to stop',
          params: idParams,
          response: { 200: commandResource },
        },
      },
      async (req) => toCommandResource(await deps.queue.cancel(req.params.id)),
    );
  };
}
