// Search wiring (issue 5 items 3–4): indexer fan-out, RSS sync and automatic/interactive search commands, release
// push, pending releases and scene-group reputation (plugged into the decision engine). The blocklist routes are
// mounted by the import wiring (blocklist.routes.ts, with history/failed).
// compose.ts calls wireSearch once, after the library, decisions and downloads are wired.
import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '../db/database.js';
import type { ProviderDefinitionRepository } from '../db/repositories/provider-definition.repository.js';
import { ReleaseCacheRepository } from '../db/repositories/release-cache.repository.js';
import { SceneGroupRepository } from '../db/repositories/scene-group.repository.js';
import type { EventBus } from '../events/event-bus.js';
import { releaseRoutes, searchConfigRoutes } from '../http/routes/release.routes.js';
import { sceneGroupRoutes } from '../http/routes/scene-group.routes.js';
import type { CommandQueue } from '../jobs/command-queue.service.js';
import type { CommandRegistry } from '../jobs/command-registry.js';
import type { Scheduler } from '../jobs/scheduler.service.js';
import type { Clock } from '../lib/clock.js';
import type { Logger } from '../lib/logger.js';
import type { ProviderHealthService } from '../providers/provider-health.service.js';
import type { ProviderInstances } from '../providers/provider-instances.js';
import { WantedService } from '../services/library/wanted.service.js';
import { SceneGroupService } from '../services/scene-groups/scene-group.service.js';
import { IndexerFanout } from '../services/search/indexer-fanout.js';
import { InteractiveSearchService } from '../services/search/interactive-search.service.js';
import { type ReleaseGrabber, ReleaseProcessor } from '../services/search/release-processor.js';
import { SearchService } from '../services/search/search.service.js';
import { searchCommands } from '../services/search/search-commands.js';
import { SearchSettingsStore } from '../services/search/search-settings.js';
import type { DecisionWiring } from './decisions.wiring.js';
import type { LibraryWiring } from './library.wiring.js';

export interface SearchAppDeps {
  library: LibraryWiring;
  decisions: DecisionWiring;
  definitions: ProviderDefinitionRepository;
  providers: {
    health: Pick<ProviderHealthService, 'available' | 'recordFailure' | 'recordSuccess'>;
    instances: Pick<ProviderInstances, 'get'>;
  };
  /** The download work's GrabService; absent → chosen releases are stored as pending (`awaiting-grab`). */
  grabber?: ReleaseGrabber;
  commands: CommandRegistry;
  queue: Pick<CommandQueue, 'enqueue'>;
  scheduler: Scheduler;
  events: EventBus;
  clock: Clock;
  log: Logger;
  /** Limit for one indexer's whole answer (default 120 s). */
  indexerTimeoutMs?: number;
}

export interface SearchWiring {
  search: SearchService;
  interactive: InteractiveSearchService;
  sceneGroups: SceneGroupService;
  processor: ReleaseProcessor;
  fanout: IndexerFanout;
  /** Plugs in (or replaces) the grab service later. */
  useGrabber(grabber: ReleaseGrabber | undefined): void;
  routes: FastifyPluginAsync[];
}

export async function wireSearch(database: Database, app: SearchAppDeps): Promise<SearchWiring> {
  const db = database.db;
  const log = app.log.child({ module: 'search' });
  const { clock, events, library, decisions } = app;
  const settings = new SearchSettingsStore({
    get: async (key) =>
      (await db.selectFrom('key_value').select('value').where('key', '=', key).executeTakeFirst())?.value,
    set: async (key, value) => {
      await db
        .insertInto('key_value')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
    },
  });
  const sceneGroups = new SceneGroupService({
    groups: new SceneGroupRepository(db),
    qualityDefinitions: library.repos.qualityDefinitions,
    qualityProfiles: library.repos.qualityProfiles,
    clock,
    log: app.log.child({ module: 'scene-groups' }),
  });
  decisions.engine.useReleaseGroups(sceneGroups);
  let grabber = app.grabber;
  const fanout = new IndexerFanout({
    health: app.providers.health,
    instances: app.providers.instances,
    clock,
    log,
    ...(app.indexerTimeoutMs !== undefined ? { timeoutMs: app.indexerTimeoutMs } : {}),
  });
  const processor = new ReleaseProcessor({
    grabber: () => grabber,
    pending: decisions.repos.pending,
    engine: decisions.engine,
    clock,
    log,
  });
  const wanted = new WantedService({
    movies: library.repos.movies,
    series: library.repos.series,
    episodes: library.repos.episodes,
    qualityProfiles: library.repos.qualityProfiles,
    clock,
  });
  const search = new SearchService({
    fanout,
    engine: decisions.engine,
    processor,
    library: library.repos,
    wanted: {
      missingMovies: (r) => wanted.missingMovies({ ...r, sortKey: 'title', sortDirection: 'ascending' }),
      cutoffUnmetMovies: (r) => wanted.cutoffUnmetMovies({ ...r, sortKey: 'title', sortDirection: 'ascending' }),
      missingEpisodes: (r) => wanted.missingEpisodes({ ...r, sortKey: 'airDateUtc', sortDirection: 'descending' }),
      cutoffUnmetEpisodes: (r) =>
        wanted.cutoffUnmetEpisodes({ ...r, sortKey: 'airDateUtc', sortDirection: 'descending' }),
    },
    observer: sceneGroups,
    clock,
    log,
  });
  const interactive = new InteractiveSearchService({
    search,
    engine: decisions.engine,
    processor,
    cache: new ReleaseCacheRepository(db),
    indexerIdByName: async (name) => {
      const wantedName = name.trim().toLowerCase();
      const hit = (await app.definitions.list('indexer')).find((d) => d.name.trim().toLowerCase() === wantedName);
      return hit?.id ?? null;
    },
    observer: sceneGroups,
    reputations: (names) => sceneGroups.reputations(names),
    clock,
    log,
  });

  const current = await settings.get();
  const { commands, tasks } = searchCommands(search, {
    rssSyncIntervalMinutes: current.rssSyncIntervalMinutes,
    sceneGroups,
  });
  app.commands.register(...commands);
  app.scheduler.register(...tasks);

  // Grabs and download outcomes feed the groups' completion rates; a failed download may ask for another search.
  events.on(
    'download.grabbed',
    (e) => void sceneGroups.recordDownload(e.trackedDownload.release.releaseGroup, 'grabbed'),
  );
  events.on(
    'download.completed',
    (e) => void sceneGroups.recordDownload(e.trackedDownload.release.releaseGroup, 'completed'),
  );
  events.on('download.failed', (e) => {
    void sceneGroups.recordDownload(e.trackedDownload.release.releaseGroup, 'failed');
    if (!e.searchAgain) return;
    const t = e.trackedDownload;
    const enqueue =
      t.movieId !== null
        ? app.queue.enqueue('MoviesSearch', { movieIds: [t.movieId] }, { trigger: 'system' })
        : t.episodeIds.length > 0
          ? app.queue.enqueue('EpisodeSearch', { episodeIds: t.episodeIds }, { trigger: 'system' })
          : undefined;
    enqueue?.catch((err) => log.warn({ err, trackedDownloadId: t.id }, 'queueing the search after a failure failed'));
  });

  const routes: FastifyPluginAsync[] = [
    async (fastify) => {
      await fastify.register(releaseRoutes({ interactive, now: () => clock.now() }), { prefix: '/api/v1' });
      await fastify.register(searchConfigRoutes({ settings }), { prefix: '/api/v1' });
      await fastify.register(sceneGroupRoutes({ sceneGroups }), { prefix: '/api/v1' });
    },
  ];
  return {
    search,
    interactive,
    sceneGroups,
    processor,
    fanout,
    useGrabber(g) {
      grabber = g;
    },
    routes,
  };
}
