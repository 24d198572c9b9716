// Import lists wiring (issue 8, item 5): the sync service (adding through the same add services as POST /movie
// and POST /series), the ImportListSync command and its schedule, exclusions, sync results and the Trakt sign-in.
// compose.ts calls wireImportLists once and mounts its routes.
import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '../db/database.js';
import { EpisodeRepository } from '../db/repositories/episode.repository.js';
import { ImportListRepository } from '../db/repositories/import-list.repository.js';
import { inTransaction } from '../db/repositories/library-query.util.js';
import { MovieRepository } from '../db/repositories/movie.repository.js';
import type { ProviderDefinitionRepository } from '../db/repositories/provider-definition.repository.js';
import { SeriesRepository } from '../db/repositories/series.repository.js';
import type { EventBus } from '../events/event-bus.js';
import { importListExclusionRoutes } from '../http/routes/import-list-exclusion.routes.js';
import { importListResultRoutes } from '../http/routes/import-list-result.routes.js';
import { traktAuthRoutes } from '../http/routes/trakt-auth.routes.js';
import type { CommandQueue } from '../jobs/command-queue.service.js';
import type { CommandRegistry } from '../jobs/command-registry.js';
import type { Scheduler } from '../jobs/scheduler.service.js';
import type { Clock } from '../lib/clock.js';
import type { Logger } from '../lib/logger.js';
import type { ImportListPort } from '../providers/ports/import-list.port.js';
import type { ProviderHealthService } from '../providers/provider-health.service.js';
import type { ProviderInstances } from '../providers/provider-instances.js';
import { importListCommands } from '../services/import-lists/import-list-commands.js';
import { ImportListExclusionService } from '../services/import-lists/import-list-exclusion.service.js';
import { ImportListSyncService } from '../services/import-lists/import-list-sync.service.js';
import { TraktAuthService } from '../services/import-lists/trakt-auth.service.js';
import { AddMovieService } from '../services/library/add-movie.service.js';
import { LibraryPaths } from '../services/library/add-path.service.js';
import { AddSeriesService } from '../services/library/add-series.service.js';
import { ExistingFolders } from '../services/library/existing-folder.service.js';
import { MetadataGateway } from '../services/library/metadata-gateway.js';
import { MovieService } from '../services/library/movie.service.js';
import { type LibraryTransaction, SeriesService } from '../services/library/series.service.js';
import type { LibraryWiring } from './library.wiring.js';

export interface ImportListsAppDeps {
  library: Pick<LibraryWiring, 'repos'>;
  definitions: ProviderDefinitionRepository;
  providers: { health: ProviderHealthService; instances: ProviderInstances };
  commands: CommandRegistry;
  queue: Pick<CommandQueue, 'enqueue'>;
  scheduler: Scheduler;
  events: EventBus;
  clock: Clock;
  log: Logger;
}

export interface ImportListsWiring {
  sync: ImportListSyncService;
  exclusions: ImportListExclusionService;
  trakt: TraktAuthService;
  routes: FastifyPluginAsync[];
}

export function wireImportLists(database: Database, app: ImportListsAppDeps): ImportListsWiring {
  const { events, clock } = app;
  const log = app.log.child({ module: 'import-lists' });
  const repos = app.library.repos;
  const store = new ImportListRepository(database.db);
  const transaction: LibraryTransaction = (fn) =>
    inTransaction(database.db, (trx) =>
      fn({ movies: new MovieRepository(trx), series: new SeriesRepository(trx), episodes: new EpisodeRepository(trx) }),
    );
  // The library's own services, so a list adds exactly what a user's add would (profile/tag checks, folders,
  // monitor types, events, search-on-add).
  const gateway = new MetadataGateway({ ...app.providers, log });
  const paths = new LibraryPaths({ rootFolders: repos.rootFolders });
  const folders = new ExistingFolders({ paths, movies: repos.movies, series: repos.series });
  const commands = {
    has: (name: string) => app.commands.has(name),
    enqueue: (name: string, body: Record<string, unknown>) => app.queue.enqueue(name, body, { trigger: 'system' }),
  };
  const base = { qualityProfiles: repos.qualityProfiles, tags: repos.tags, paths, events, clock, log };
  const movieService = new MovieService({ ...base, movies: repos.movies });
  const seriesService = new SeriesService({ ...base, series: repos.series, episodes: repos.episodes, transaction });
  const lists = {
    available: () => app.providers.health.available('importlist'),
    get: async (id: number) => {
      const d = await app.definitions.get(id);
      return d?.kind === 'importlist' ? d : undefined;
    },
    instance: (d: Parameters<ProviderInstances['get']>[0]) => app.providers.instances.get(d) as ImportListPort,
    recordFailure: (id: number, err: unknown) => app.providers.health.recordFailure(id, err),
    recordSuccess: (id: number) => app.providers.health.recordSuccess(id),
  };
  const sync = new ImportListSyncService({
    lists,
    store,
    movies: repos.movies,
    series: repos.series,
    addMovie: new AddMovieService({ ...base, movies: repos.movies, gateway, commands, folders }),
    addSeries: new AddSeriesService({ ...base, series: repos.series, gateway, transaction, commands, folders }),
    library: {
      unmonitorMovie: async (id) => void (await movieService.update(id, { monitored: false })),
      unmonitorSeries: async (id) => void (await seriesService.update(id, { monitored: false })),
      removeMovie: (id) => movieService.delete(id, { deleteFiles: false }),
      removeSeries: (id) => seriesService.delete(id, { deleteFiles: false }),
    },
    gateway,
    clock,
    log,
  });
  const exclusions = new ImportListExclusionService({ store, clock });
  const trakt = new TraktAuthService({
    definitions: app.definitions,
    saveSettings: (id, patch) => store.patchDefinitionSettings(id, patch, new Date(clock.now()).toISOString()),
    clock,
    log,
  });
  const jobs = importListCommands({ sync, lists });
  app.commands.register(...jobs.commands);
  app.scheduler.register(...jobs.tasks);
  return {
    sync,
    exclusions,
    trakt,
    routes: [
      async (http) => {
        await http.register(importListExclusionRoutes({ exclusions }), { prefix: '/api/v1' });
        await http.register(importListResultRoutes({ store, lists }), { prefix: '/api/v1' });
        await http.register(traktAuthRoutes({ trakt }), { prefix: '/api/v1' });
      },
    ],
  };
}
