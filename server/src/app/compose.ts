// The composition root: every dependency is created and wired here, by hand, in start-up order.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Database, openDatabase } from '../db/database.js';
import { migrate } from '../db/migrator.js';
import { CommandRepository } from '../db/repositories/command.repository.js';
import { ProviderDefinitionRepository } from '../db/repositories/provider-definition.repository.js';
import { ProviderStatusRepository } from '../db/repositories/provider-status.repository.js';
import { ScheduledTaskRepository } from '../db/repositories/scheduled-task.repository.js';
import { UserRepository } from '../db/repositories/user.repository.js';
import { EventBus } from '../events/event-bus.js';
import { buildHttpApp } from '../http/app.js';
import { authRoutes } from '../http/routes/auth.routes.js';
import { commandRoutes } from '../http/routes/command.routes.js';
import { providerRoutes } from '../http/routes/provider.routes.js';
import { systemRoutes } from '../http/routes/system.routes.js';
import { taskRoutes } from '../http/routes/task.routes.js';
import { wsRoutes } from '../http/routes/ws.routes.js';
import { seedMetadataDefinitions } from '../integrations/metadata/seed-definitions.js';
import { CommandQueue } from '../jobs/command-queue.service.js';
import { CommandRegistry } from '../jobs/command-registry.js';
import { Scheduler } from '../jobs/scheduler.service.js';
import { type Clock, systemClock } from '../lib/clock.js';
import { type AppLogger, createLogger, type Logger, LogRing } from '../lib/logger.js';
import { ProviderBackoffPolicy } from '../lib/resilience/backoff.js';
import { builtinRegistry } from '../providers/builtin-registry.js';
import { ProviderDefinitionService } from '../providers/provider-definition.service.js';
import { ProviderHealthService } from '../providers/provider-health.service.js';
import { ProviderInstances } from '../providers/provider-instances.js';
import type { ProviderRegistry } from '../providers/provider-registry.js';
import { secretFieldNames } from '../providers/secret-field-names.js';
import { ApiKeyStore } from '../services/api-key.store.js';
import { AuthService } from '../services/auth.service.js';
import { BackupService, restoreBackup } from '../services/backup.service.js';
import { HealthService } from '../services/health.service.js';
import { LoginThrottle } from '../services/login-throttle.js';
import { wireNotifications } from '../services/notifications/notifications.wiring.js';
import { systemCommands } from '../services/system-commands.js';
import type { AppConfig } from './config.js';
import { wireDecisions } from './decisions.wiring.js';
import { type DownloadsWiring, wireDownloads } from './downloads.wiring.js';
import { wireImport } from './import.wiring.js';
import { wireImportLists } from './import-lists.wiring.js';
import { wireLibrary } from './library.wiring.js';
import { wireMediaServers } from './media-servers.wiring.js';
import { wireSearch } from './search.wiring.js';
import { VERSION } from './version.js';

export interface App {
  config: AppConfig;
  http: FastifyInstance;
  database: Database;
  logger: Logger;
  events: EventBus;
  auth: AuthService;
  commands: CommandQueue;
  scheduler: Scheduler;
  /** Grab, tracking, queue (issue 6). */
  downloads: DownloadsWiring['services'];
  apiKeyFile: string;
  /** Starts background work (workers, scheduler, health checks). Separate from compose so tests can opt in. */
  startBackground(): Promise<void>;
  stop(): Promise<void>;
}

export interface ComposeOptions {
  clock?: Clock;
  /** Where pino writes besides files; tests pass a sink. */
  logStream?: NodeJS.WritableStream;
  /** Disable file logging (tests). */
  fileLogs?: boolean;
  /** Integration implementations; defaults to every built-in one. Tests pass test doubles. */
  registry?: ProviderRegistry;
  /** Media-server rescan batching; tests shorten the 5 s collection window. */
  mediaServers?: { debounceMs?: number };
}

export async function composeApp(config: AppConfig, opts: ComposeOptions = {}): Promise<App> {
  const clock = opts.clock ?? systemClock;
  const startedAt = new Date(clock.now());
  mkdirSync(config.dataDir, { recursive: true });
  const logRing = new LogRing();
  const registry = opts.registry ?? builtinRegistry();
  const appLogger = await createLogger({
    level: config.logLevel,
    secretKeys: secretFieldNames(registry),
    ...(opts.fileLogs === false ? {} : { dataDir: config.dataDir }),
    ...(opts.logStream ? { stream: opts.logStream } : {}),
    ring: logRing,
  });
  try {
    return await composeWith(config, { ...opts, registry }, clock, startedAt, logRing, appLogger);
  } catch (err) {
    // Nothing may keep the process alive after a failed start (the log file's rotation timer would).
    await appLogger.close();
    throw err;
  }
}

async function composeWith(
  config: AppConfig,
  opts: ComposeOptions,
  clock: Clock,
  startedAt: Date,
  logRing: LogRing,
  appLogger: AppLogger,
): Promise<App> {
  const logger = appLogger.logger;
  if (config.database.kind === 'sqlite') applyStagedRestore(config, logger);
  const database = await openDatabase(config.database);
  const migrated = await migrate(database, { backupDir: join(config.dataDir, 'backups') });
  if (migrated.applied.length)
    logger.info({ module: 'db', applied: migrated.applied, backup: migrated.backupFile }, 'database migrated');

  const events = new EventBus(logger.child({ module: 'events' }));
  const apiKeys = new ApiKeyStore(config.dataDir, config.apiKey);
  const users = new UserRepository(database.db);
  const auth = new AuthService(users, apiKeys, new LoginThrottle(clock), clock);
  const health = new HealthService();
  const backups = new BackupService(database, config.dataDir, config.backupRetention);

  const commandRepo = new CommandRepository(database);
  const system = systemCommands({ backups, commands: commandRepo, users, clock });
  const commandRegistry = new CommandRegistry().register(...system.commands);
  const queue = new CommandQueue({
    repository: commandRepo,
    registry: commandRegistry,
    events,
    clock,
    log: logger.child({ module: 'commands' }),
  });
  const scheduler = new Scheduler({
    repository: new ScheduledTaskRepository(database),
    queue,
    clock,
    log: logger.child({ module: 'scheduler' }),
  }).register(...system.tasks);

  const registry = opts.registry ?? builtinRegistry();
  const providerLog = logger.child({ module: 'providers' });
  const definitionRepo = new ProviderDefinitionRepository(database.db);
  await seedMetadataDefinitions(config, { definitions: definitionRepo, clock, log: providerLog });
  const instances = new ProviderInstances({ registry, clock, log: providerLog });
  const definitions = new ProviderDefinitionService({
    definitions: definitionRepo,
    registry,
    instances,
    events,
    clock,
    log: providerLog,
  });
  const providerHealth = new ProviderHealthService({
    definitions: definitionRepo,
    statuses: new ProviderStatusRepository(database.db),
    registry,
    instances,
    backoff: new ProviderBackoffPolicy({ clock }),
    events,
    clock,
    log: providerLog,
  });
  const library = await wireLibrary(database, {
    providers: { health: providerHealth, instances },
    commands: commandRegistry,
    queue,
    scheduler,
    events,
    clock,
    log: logger,
  });
  const downloads = wireDownloads(database, {
    providers: { health: providerHealth, instances },
    commands: commandRegistry,
    scheduler,
    health,
    events,
    clock,
    log: logger,
  });
  const decisions = wireDecisions(database, library, definitionRepo, { queue: downloads.services.queueLookup });
  const imports = await wireImport(database, {
    library,
    downloads,
    commands: commandRegistry,
    scheduler,
    health,
    events,
    clock,
    log: logger,
  });
  const search = await wireSearch(database, {
    library,
    decisions,
    definitions: definitionRepo,
    providers: { health: providerHealth, instances },
    grabber: downloads.services.grab,
    commands: commandRegistry,
    queue,
    scheduler,
    events,
    clock,
    log: logger,
  });
  const mediaServers = wireMediaServers({
    providers: { health: providerHealth, instances },
    definitions: definitionRepo,
    events,
    clock,
    log: logger,
    ...(opts.mediaServers ? { options: opts.mediaServers } : {}),
  });
  const notifications = wireNotifications({
    database,
    definitions: definitionRepo,
    registry,
    instances,
    providerHealth,
    health,
    events,
    clock,
    log: logger,
    applicationUrl: `http://localhost:${config.port}`,
  });
  health.register(async () =>
    (await providerHealth.healthIssues()).map((i) => ({
      source: `${i.kind}:${i.name}`,
      type: i.status === 'unhealthy' ? ('error' as const) : ('warning' as const),
      message: i.message ?? `${i.name} is ${i.status}`,
      definitionId: i.definitionId,
      kind: i.kind,
      wikiUrl: `/settings/${i.kind}/${i.definitionId}`,
    })),
  );

  const http = await buildHttpApp({
    logger,
    version: VERSION,
    auth,
    trustedProxies: config.trustedProxies,
    routes: [
      systemRoutes({
        version: VERSION,
        startedAt,
        databaseKind: database.dialect,
        dataDir: config.dataDir,
        health,
        logRing,
        backups,
        host: {
          port: config.port,
          bindAddress: config.bind,
          logLevel: config.logLevel,
          backupRetention: config.backupRetention,
          trustedProxies: config.trustedProxies,
        },
      }),
      authRoutes(auth),
      wsRoutes(events),
      async (app) => {
        await app.register(providerRoutes({ definitions, health: providerHealth, registry }), { prefix: '/api/v1' });
        await app.register(commandRoutes({ queue }), { prefix: '/api/v1' });
        await app.register(taskRoutes({ scheduler }), { prefix: '/api/v1' });
        await app.register(notifications.routes, { prefix: '/api/v1' });
        await app.register(mediaServers.routes, { prefix: '/api/v1' });
      },
      ...library.routes,
      ...downloads.routes,
      ...imports.routes,
      ...decisions.routes,
      ...wireImportLists(database, {
        library,
        definitions: definitionRepo,
        providers: { health: providerHealth, instances },
        commands: commandRegistry,
        queue,
        scheduler,
        events,
        clock,
        log: logger,
      }).routes,
      ...search.routes,
    ],
  });

  const stoppers: Array<() => Promise<void>> = [];
  return {
    config,
    http,
    database,
    logger,
    events,
    auth,
    commands: queue,
    scheduler,
    downloads: downloads.services,
    apiKeyFile: apiKeys.fromEnv ? 'IDKARR_API_KEY' : apiKeys.file,
    async startBackground() {
      await queue.start();
      await scheduler.start();
      stoppers.push(async () => {
        scheduler.stop();
        await queue.stop();
      });
      stoppers.push(() => mediaServers.stop());
      await notifications.start();
      stoppers.push(() => notifications.stop());
      providerHealth.start();
      stoppers.push(async () => {
        providerHealth.stop();
        await instances.disposeAll();
      });
    },
    async stop() {
      for (const stop of stoppers.reverse()) await stop().catch((err) => logger.error({ err }, 'stop failed'));
      await http.close();
      await database.close();
      await appLogger.close();
    },
  };
}

function applyStagedRestore(config: AppConfig, logger: Logger): void {
  const staged = join(config.dataDir, 'restore-pending.db');
  if (!existsSync(staged) || config.database.kind !== 'sqlite') return;
  const { previous } = restoreBackup(staged, config.dataDir, config.database.file);
  rmSync(staged);
  logger.warn({ module: 'backup', previous }, 'restored the staged backup; the previous database was kept beside it');
}
