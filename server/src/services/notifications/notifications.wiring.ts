// Wires notifications for the composition root: outbox repository, dispatcher, delivery worker, event
// subscriptions, the health source and the outbox routes. compose.ts calls wireNotifications once and
// start()/stop() with the other background work.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/database.js';
import { NotificationOutboxRepository } from '../../db/repositories/notification-outbox.repository.js';
import type { ProviderDefinitionRepository } from '../../db/repositories/provider-definition.repository.js';
import type { EventBus } from '../../events/event-bus.js';
import { notificationOutboxRoutes } from '../../http/routes/notification-outbox.routes.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { ProviderHealthService } from '../../providers/provider-health.service.js';
import type { ProviderInstances } from '../../providers/provider-instances.js';
import type { ProviderRegistry } from '../../providers/provider-registry.js';
import type { HealthService } from '../health.service.js';
import { subscribeDownloadNotifications } from './download-notifications.js';
import { subscribeFileDeleteNotifications } from './file-delete-notifications.js';
import { NotificationService } from './notification.service.js';
import { subscribeNotificationEvents } from './notification-events.js';
import { notificationHealthSource } from './notification-health.js';
import { OutboxWorker, type OutboxWorkerDeps } from './outbox-worker.js';

export interface NotificationsWiringDeps {
  database: Database;
  definitions: ProviderDefinitionRepository;
  registry: ProviderRegistry;
  instances: ProviderInstances;
  providerHealth: ProviderHealthService;
  health: HealthService;
  events: EventBus;
  clock: Clock;
  log: Logger;
  instanceName?: string;
  applicationUrl?: string;
  worker?: Partial<Pick<OutboxWorkerDeps, 'intervalMs' | 'maxAttempts' | 'baseDelayMs' | 'maxDelayMs' | 'timer'>>;
}

export interface NotificationsWiring {
  service: NotificationService;
  worker: OutboxWorker;
  outbox: NotificationOutboxRepository;
  /** Register under /api/v1. */
  routes: FastifyPluginAsyncZod;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function wireNotifications(deps: NotificationsWiringDeps): NotificationsWiring {
  const log = deps.log.child({ module: 'notifications' });
  const outbox = new NotificationOutboxRepository(deps.database.db);
  const worker = new OutboxWorker({
    outbox,
    definitions: deps.definitions,
    instances: deps.instances,
    registry: deps.registry,
    health: deps.providerHealth,
    clock: deps.clock,
    log,
    ...deps.worker,
  });
  const service = new NotificationService({
    outbox,
    providers: deps.providerHealth,
    clock: deps.clock,
    log,
    onQueued: () => worker.kick(),
  });
  deps.health.register(notificationHealthSource({ outbox, definitions: deps.definitions, clock: deps.clock }));
  let unsubscribe: (() => void) | undefined;
  let unsubscribeDownloads: (() => void) | undefined;
  let unsubscribeFileDeletes: (() => void) | undefined;
  return {
    service,
    worker,
    outbox,
    routes: notificationOutboxRoutes({ outbox, clock: deps.clock, onQueued: () => worker.kick() }),
    async start() {
      unsubscribe ??= subscribeNotificationEvents({
        events: deps.events,
        notifications: service,
        clock: deps.clock,
        ...(deps.instanceName === undefined ? {} : { instanceName: deps.instanceName }),
        ...(deps.applicationUrl === undefined ? {} : { applicationUrl: deps.applicationUrl }),
      });
      unsubscribeDownloads ??= subscribeDownloadNotifications({
        db: deps.database.db,
        events: deps.events,
        notifications: service,
        definitions: deps.definitions,
        clock: deps.clock,
        log,
        ...(deps.instanceName === undefined ? {} : { instanceName: deps.instanceName }),
        ...(deps.applicationUrl === undefined ? {} : { applicationUrl: deps.applicationUrl }),
      });
      unsubscribeFileDeletes ??= subscribeFileDeleteNotifications({
        db: deps.database.db,
        events: deps.events,
        notifications: service,
        clock: deps.clock,
        log,
        ...(deps.instanceName === undefined ? {} : { instanceName: deps.instanceName }),
        ...(deps.applicationUrl === undefined ? {} : { applicationUrl: deps.applicationUrl }),
      });
      await worker.start();
    },
    async stop() {
      unsubscribe?.();
      unsubscribe = undefined;
      unsubscribeDownloads?.();
      unsubscribeDownloads = undefined;
      unsubscribeFileDeletes?.();
      unsubscribeFileDeletes = undefined;
      await worker.stop();
    },
  };
}
