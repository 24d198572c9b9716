// /system/task: the scheduled tasks and a way to run one now. Registered by the composition root under /api/v1.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Scheduler } from '../../jobs/scheduler.service.js';
import { commandResource, toCommandResource } from './command.routes.js';

export const taskResource = z
  .object({
    name: z.string(),
    commandName: z.string(),
    intervalMinutes: z.number().int(),
    lastRunAt: z.string().nullable(),
    lastDurationMs: z.number().nullable(),
    nextRunAt: z.string(),
  })
  .meta({ id: 'ScheduledTask' });

export interface TaskRoutesDeps {
  scheduler: Scheduler;
}

export function taskRoutes(deps: TaskRoutesDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/system/task',
      { schema: { tags: ['system'], summary: 'Scheduled tasks', response: { 200: z.array(taskResource) } } },
      async () =>
        (await deps.scheduler.list()).map((t) => ({
          name: t.name,
          commandName: t.commandName,
          intervalMinutes: t.intervalMinutes,
          lastRunAt: t.lastRunAt?.toISOString() ?? null,
          lastDurationMs: t.lastDurationMs,
          nextRunAt: t.nextRunAt.toISOString(),
        })),
    );

    app.post(
      '/system/task/:name/run',
      {
        schema: {
          tags: ['system'],
          summary: "Queue a scheduled task's command now",
          params: z.object({ name: z.string().min(1) }),
          response: { 201: commandResource },
        },
      },
      async (req, reply) => reply.code(201).send(toCommandResource(await deps.scheduler.runNow(req.params.name))),
    );
  };
}
