// Downloads wiring (issue 6): remote path mappings, grab, tracking (RefreshMonitoredDownloads every minute),
// stalled/failed handling with blocklisting, the queue and history APIs. Plain constructor calls, like
// library.wiring.ts; compose.ts calls wireDownloads once and mounts its routes.
import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '../db/database.js';
import { BlocklistRepository } from '../db/repositories/blocklist.repository.js';
import { EpisodeRepository } from '../db/repositories/episode.repository.js';
import { HistoryRepository } from '../db/repositories/history.repository.js';
import { KeyValueRepository } from '../db/repositories/key-value.repository.js';
import { MovieRepository } from '../db/repositories/movie.repository.js';
import { ProviderDefinitionRepository } from '../db/repositories/provider-definition.repository.js';
import { RemotePathMappingRepository } from '../db/repositories/remote-path-mapping.repository.js';
import { SeriesRepository } from '../db/repositories/series.repository.js';
import { TrackedDownloadRepository } from '../db/repositories/tracked-download.repository.js';
import type { EventBus } from '../events/event-bus.js';
import { downloadHandlingRoutes } from '../http/routes/download-handling.routes.js';
import { historyRoutes } from '../http/routes/history.routes.js';
import { queueRoutes } from '../http/routes/queue.routes.js';
import { remotePathMappingRoutes } from '../http/routes/remote-path-mapping.routes.js';
import type { CommandRegistry } from '../jobs/command-registry.js';
import type { Scheduler } from '../jobs/scheduler.service.js';
import type { Clock } from '../lib/clock.js';
import type { Logger } from '../lib/logger.js';
import type { DownloadClientPort } from '../providers/ports/download-client.port.js';
import type { ProviderDefinition } from '../providers/provider.types.js';
import type { ProviderHealthService } from '../providers/provider-health.service.js';
import type { ProviderInstances } from '../providers/provider-instances.js';
import type { QueueLookup } from '../services/decisions/decision.ports.js';
import { ClientSelector } from '../services/downloads/client-selector.js';
import { downloadCommands } from '../services/downloads/download-commands.js';
import { DownloadHandlingStore } from '../services/downloads/download-handling.settings.js';
import { DownloadTracker } from '../services/downloads/download-tracker.service.js';
import { blocklistRepositoryAdapter, FailedDownloadService } from '../services/downloads/failed-download.service.js';
import { GrabService } from '../services/downloads/grab.service.js';
import { QueueService } from '../services/downloads/queue.service.js';
import { ReleaseFetcher } from '../services/downloads/release-fetcher.js';
import { RemotePathMappingService } from '../services/downloads/remote-path-mapping.service.js';
import type { HealthService } from '../services/health.service.js';

/** Fixed overrides of the user's download handling settings (GET/PUT /config/downloadclient), for tests. */
export interface DownloadsOptions {
  /** Minutes without progress before a download counts as stalled (failed); 0 = never. */
  stalledMinutes?: number;
  /** Search again after a failed download (download.failed carries it as `searchAgain`). */
  redownloadFailed?: boolean;
}

export interface DownloadsAppDeps {
  providers: { health: ProviderHealthService; instances: ProviderInstances };
  commands: CommandRegistry;
  scheduler: Scheduler;
  health: HealthService;
  events: EventBus;
  clock: Clock;
  log: Logger;
  options?: DownloadsOptions;
}

export interface DownloadsWiring {
  services: {
    grab: GrabService;
    tracker: DownloadTracker;
    queue: QueueService;
    failed: FailedDownloadService;
    handling: DownloadHandlingStore;
    remotePathMappings: RemotePathMappingService;
    /** For the decision engine's QueueLookup port. */
    queueLookup: QueueLookup;
  };
  repos: { tracked: TrackedDownloadRepository; history: HistoryRepository; mappings: RemotePathMappingRepository };
  routes: FastifyPluginAsync[];
}

export function wireDownloads(database: Database, app: DownloadsAppDeps): DownloadsWiring {
  const db = database.db;
  const log = app.log.child({ module: 'downloads' });
  const { events, clock } = app;
  const definitions = new ProviderDefinitionRepository(db);
  const repos = {
    tracked: new TrackedDownloadRepository(db),
    history: new HistoryRepository(db),
    mappings: new RemotePathMappingRepository(db),
  };
  const library = {
    movies: new MovieRepository(db),
    series: new SeriesRepository(db),
    episodes: new EpisodeRepository(db),
  };
  const instance = (d: ProviderDefinition) => app.providers.instances.get(d) as DownloadClientPort;
  const clientDefinitions = () => definitions.list('downloadclient');
  const client = async (id: number) => {
    const definition = await definitions.get(id);
    if (definition?.kind !== 'downloadclient' || !definition.enabled) return undefined;
    return { definition, client: instance(definition) };
  };
  const handling = new DownloadHandlingStore(new KeyValueRepository(db));
  const readHandling = () => handling.get();
  const remotePathMappings = new RemotePathMappingService({ mappings: repos.mappings, clients: definitions });
  const failed = new FailedDownloadService({
    db,
    blocklister: blocklistRepositoryAdapter((trx) => new BlocklistRepository(trx)),
    client,
    events,
    clock,
    log,
    handling: readHandling,
    ...(app.options?.redownloadFailed === undefined ? {} : { redownloadFailed: app.options.redownloadFailed }),
  });
  const tracker = new DownloadTracker({
    tracked: repos.tracked,
    history: repos.history,
    enabledClients: async () => (await clientDefinitions()).filter((d) => d.enabled),
    isBlocked: async (d) => !(await app.providers.health.isAvailable(d.id)),
    instance,
    health: app.providers.health,
    mapper: () => remotePathMappings.mapper(),
    failed,
    events,
    clock,
    log,
    ...(app.options?.stalledMinutes === undefined
      ? { handling: readHandling }
      : { stalledMinutes: app.options.stalledMinutes }),
  });
  const grab = new GrabService({
    db,
    selector: new ClientSelector({ available: (k) => app.providers.health.available(k), instance }),
    fetcher: new ReleaseFetcher({ clock }),
    ...library,
    client,
    health: app.providers.health,
    events,
    clock,
    log,
  });
  const queue = new QueueService({
    db,
    tracked: repos.tracked,
    ...library,
    clientDefinitions,
    client,
    failed,
    events,
    clock,
    log,
  });
  const queueLookup: QueueLookup = {
    async forItems(items) {
      return (await repos.tracked.activeForItems(items)).map((t) => ({
        quality: t.quality.quality,
        revision: t.quality.revision,
        customFormatScore: t.release.customFormatScore ?? 0,
        movieId: t.movieId,
        episodeIds: t.episodeIds,
      }));
    },
  };
  app.health.register(() => tracker.healthIssues());
  const cmds = downloadCommands({ tracker });
  app.commands.register(...cmds.commands);
  app.scheduler.register(...cmds.tasks);
  const routes: FastifyPluginAsync[] = [
    async (http) => {
      await http.register(remotePathMappingRoutes({ mappings: remotePathMappings }), { prefix: '/api/v1' });
      await http.register(queueRoutes({ queue }), { prefix: '/api/v1' });
      await http.register(historyRoutes({ history: repos.history }), { prefix: '/api/v1' });
      await http.register(downloadHandlingRoutes({ settings: handling }), { prefix: '/api/v1' });
    },
  ];
  return { services: { grab, tracker, queue, failed, handling, remotePathMappings, queueLookup }, repos, routes };
}
