// /notification/outbox: delivery history of queued notifications (status, attempts, last error, what the
// notifier reported) and a way to queue a failed one again. Registered under /api/v1 by the composition root.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  type NotificationOutboxRepository,
  OUTBOX_STATUSES,
  type OutboxEntry,
} from '../../db/repositories/notification-outbox.repository.js';
import type { Clock } from '../../lib/clock.js';
import { ConflictError, NotFoundError } from '../../lib/errors.js';

export const outboxEntryResource = z
  .object({
    id: z.number().int(),
    definitionId: z.number().int(),
    eventType: z.string(),
    title: z.string(),
    message: z.string(),
    status: z.enum(OUTBOX_STATUSES),
    attempts: z.number().int(),
    nextAttemptAt: z.string(),
    lastError: z.string().nullable(),
    result: z.record(z.string(), z.unknown()).nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'NotificationOutboxEntry' });

const outboxPage = z
  .object({
    page: z.number().int(),
    pageSize: z.number().int(),
    totalRecords: z.number().int(),
    records: z.array(outboxEntryResource),
  })
  .meta({ id: 'NotificationOutboxPage' });

export function toOutboxResource(e: OutboxEntry): z.infer<typeof outboxEntryResource> {
  return {
    id: e.id,
    definitionId: e.definitionId,
    eventType: e.eventType,
    title: e.message.title,
    message: e.message.message,
    status: e.status,
    attempts: e.attempts,
    nextAttemptAt: e.nextAttemptAt,
    lastError: e.lastError,
    result: e.result,
    createdAt: e.createdAt,
    sentAt: e.sentAt,
  };
}

export interface NotificationOutboxRoutesDeps {
  outbox: NotificationOutboxRepository;
  clock: Clock;
  /** Called after a row was queued again (the worker's kick). */
  onQueued?: () => void;
}

export function notificationOutboxRoutes(deps: NotificationOutboxRoutesDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/notification/outbox',
      {
        schema: {
          tags: ['notification'],
          summary: 'Queued and delivered notifications, newest first',
          querystring: z.object({
            status: z.enum(OUTBOX_STATUSES).optional(),
            definitionId: z.coerce.number().int().positive().optional(),
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(500).default(50),
          }),
          response: { 200: outboxPage },
        },
      },
      async (req) => {
        const { status, definitionId, page, pageSize } = req.query;
        const result = await deps.outbox.page({
          page,
          pageSize,
          ...(status ? { status } : {}),
          ...(definitionId === undefined ? {} : { definitionId }),
        });
        return { ...result, records: result.records.map(toOutboxResource) };
      },
    );

    app.post(
      '/notification/outbox/:id/retry',
      {
        schema: {
          tags: ['notification'],
          summary: 'Queue a failed notification again',
          params: z.object({ id: z.coerce.number().int().positive() }),
          response: { 200: outboxEntryResource },
        },
      },
      async (req) => {
        const entry = await deps.outbox.get(req.params.id);
        if (!entry) throw new NotFoundError(`notification ${req.params.id} not found`);
        if (entry.status !== 'failed')
          throw new ConflictError(`notification ${entry.id} is ${entry.status}, not failed`);
        await deps.outbox.markRetry(entry.id, 0, new Date(deps.clock.now()).toISOString(), entry.lastError);
        deps.onQueued?.();
        return toOutboxResource((await deps.outbox.get(entry.id))!);
      },
    );
  };
}
