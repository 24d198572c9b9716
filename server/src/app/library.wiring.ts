// Library wiring: repositories and services for movies, series, episodes and their configuration.
// Split from compose.ts to keep the composition root readable; still plain constructor calls, no container.
import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '../db/database.js';
import { EpisodeRepository } from '../db/repositories/episode.repository.js';
import { inTransaction } from '../db/repositories/library-query.util.js';
import { MovieRepository } from '../db/repositories/movie.repository.js';
import { NamingConfigRepository } from '../db/repositories/naming-config.repository.js';
import { QualityDefinitionRepository } from '../db/repositories/quality-definition.repository.js';
import { QualityProfileRepository } from '../db/repositories/quality-profile.repository.js';
import { RootFolderRepository } from '../db/repositories/root-folder.repository.js';
import { SeriesRepository } from '../db/repositories/series.repository.js';
import { TagRepository } from '../db/repositories/tag.repository.js';
import type { EventBus } from '../events/event-bus.js';
import { calendarRoutes } from '../http/routes/calendar.routes.js';
import { episodeRoutes } from '../http/routes/episode.routes.js';
import { feedRoutes } from '../http/routes/feed.routes.js';
import { libraryConfigRoutes } from '../http/routes/library-config.routes.js';
import { movieRoutes } from '../http/routes/movie.routes.js';
import { namingRoutes } from '../http/routes/naming.routes.js';
import { seriesRoutes } from '../http/routes/series.routes.js';
import { wantedRoutes } from '../http/routes/wanted.routes.js';
import type { CommandQueue } from '../jobs/command-queue.service.js';
import type { CommandRegistry } from '../jobs/command-registry.js';
import type { Scheduler } from '../jobs/scheduler.service.js';
import type { Clock } from '../lib/clock.js';
import type { Logger } from '../lib/logger.js';
import type { ProviderHealthService } from '../providers/provider-health.service.js';
import type { ProviderInstances } from '../providers/provider-instances.js';
import { AddMovieService } from '../services/library/add-movie.service.js';
import { LibraryPaths } from '../services/library/add-path.service.js';
import { AddSeriesService } from '../services/library/add-series.service.js';
import { CalendarService } from '../services/library/calendar.service.js';
import { EpisodeService } from '../services/library/episode.service.js';
import { ExistingFolders } from '../services/library/existing-folder.service.js';
import { LookupService } from '../services/library/lookup.service.js';
import { MetadataGateway } from '../services/library/metadata-gateway.js';
import { MovieService } from '../services/library/movie.service.js';
import { QualityDefinitionService } from '../services/library/quality-definition.service.js';
import { QualityProfileService } from '../services/library/quality-profile.service.js';
import { refreshCommands } from '../services/library/refresh-commands.service.js';
import { RefreshMovieService } from '../services/library/refresh-movie.service.js';
import { RefreshSeriesService } from '../services/library/refresh-series.service.js';
import { RootFolderService } from '../services/library/root-folder.service.js';
import { RootFolderPreflight } from '../services/library/root-folder-preflight.js';
import { type LibraryTransaction, SeriesService } from '../services/library/series.service.js';
import { TagService } from '../services/library/tag.service.js';
import { WantedService } from '../services/library/wanted.service.js';
import { NamingConfigService } from '../services/naming/naming-config.service.js';
import { VERSION } from './version.js';

export interface LibraryWiring {
  repos: {
    movies: MovieRepository;
    series: SeriesRepository;
    episodes: EpisodeRepository;
    rootFolders: RootFolderRepository;
    tags: TagRepository;
    qualityProfiles: QualityProfileRepository;
    qualityDefinitions: QualityDefinitionRepository;
    /** Naming settings; the import pipeline builds a FileNamingService over it. */
    namingConfig: NamingConfigRepository;
  };
  services: {
    rootFolders: RootFolderService;
    /** The import wiring plugs the hardlink check in (POST /rootfolder answers with it). */
    rootFolderPreflight: RootFolderPreflight;
    tags: TagService;
    qualityDefinitions: QualityDefinitionService;
    qualityProfiles: QualityProfileService;
  };
  routes: FastifyPluginAsync[];
}

/** What the movie/series/episode services need from the rest of the app (compose.ts passes these). */
export interface LibraryAppDeps {
  providers: { health: ProviderHealthService; instances: ProviderInstances };
  commands: CommandRegistry;
  queue: Pick<CommandQueue, 'enqueue'>;
  scheduler: Scheduler;
  events: EventBus;
  clock: Clock;
  log: Logger;
}

export async function wireLibrary(database: Database, appDeps: LibraryAppDeps): Promise<LibraryWiring> {
  const db = database.db;
  const repos = {
    movies: new MovieRepository(db),
    series: new SeriesRepository(db),
    episodes: new EpisodeRepository(db),
    rootFolders: new RootFolderRepository(db),
    tags: new TagRepository(db),
    qualityProfiles: new QualityProfileRepository(db),
    qualityDefinitions: new QualityDefinitionRepository(db),
    namingConfig: new NamingConfigRepository(db),
  };
  const services = {
    rootFolders: new RootFolderService({ rootFolders: repos.rootFolders, movies: repos.movies, series: repos.series }),
    tags: new TagService({ tags: repos.tags }),
    rootFolderPreflight: new RootFolderPreflight(),
    qualityDefinitions: new QualityDefinitionService({ definitions: repos.qualityDefinitions }),
    qualityProfiles: new QualityProfileService({
      profiles: repos.qualityProfiles,
      movies: repos.movies,
      series: repos.series,
    }),
  };
  // Qualities added to the catalog by a newer idkarr get their definition rows on the next start.
  await services.qualityDefinitions.ensureCatalog();
  const calendar = new CalendarService({ movies: repos.movies, series: repos.series, episodes: repos.episodes });
  const wanted = new WantedService({
    movies: repos.movies,
    series: repos.series,
    episodes: repos.episodes,
    qualityProfiles: repos.qualityProfiles,
  });
  const routes: FastifyPluginAsync[] = [
    async (app) => {
      await app.register(libraryConfigRoutes(services), { prefix: '/api/v1' });
      const naming = new NamingConfigService({ config: repos.namingConfig, clock: appDeps.clock });
      await app.register(namingRoutes({ naming }), { prefix: '/api/v1' });
    },
    async (app) => {
      await app.register(calendarRoutes({ calendar }), { prefix: '/api/v1' });
      await app.register(wantedRoutes({ wanted }), { prefix: '/api/v1' });
      await app.register(feedRoutes({ calendar, version: VERSION }));
    },
  ];
  routes.push(...wireLibraryItems(database, repos, appDeps));
  return { repos, services, routes };
}

/** Movies, series and episodes: lookup/add through the metadata providers, edit, delete, refresh commands. */
function wireLibraryItems(
  database: Database,
  repos: LibraryWiring['repos'],
  app: LibraryAppDeps,
): FastifyPluginAsync[] {
  const { events, clock } = app;
  const log = app.log.child({ module: 'library' });
  const transaction: LibraryTransaction = (fn) =>
    inTransaction(database.db, (trx) =>
      fn({ movies: new MovieRepository(trx), series: new SeriesRepository(trx), episodes: new EpisodeRepository(trx) }),
    );
  const gateway = new MetadataGateway({ ...app.providers, log });
  const paths = new LibraryPaths({ rootFolders: repos.rootFolders });
  const folders = new ExistingFolders({ paths, movies: repos.movies, series: repos.series });
  const commands = {
    has: (name: string) => app.commands.has(name),
    enqueue: (name: string, body: Record<string, unknown>) => app.queue.enqueue(name, body, { trigger: 'api' }),
  };
  const base = { qualityProfiles: repos.qualityProfiles, tags: repos.tags, paths, events, clock, log };
  const movies = new MovieService({ ...base, movies: repos.movies });
  const series = new SeriesService({ ...base, series: repos.series, episodes: repos.episodes, transaction });
  const episodes = new EpisodeService({ episodes: repos.episodes, series: repos.series, events });
  const lookup = new LookupService({ gateway, movies: repos.movies, series: repos.series });
  const addMovie = new AddMovieService({ ...base, movies: repos.movies, gateway, commands, folders });
  const addSeries = new AddSeriesService({ ...base, series: repos.series, gateway, transaction, commands, folders });
  const refresh = refreshCommands({
    movies: repos.movies,
    series: repos.series,
    refreshMovie: new RefreshMovieService({ movies: repos.movies, gateway, events, clock, log }),
    refreshSeries: new RefreshSeriesService({
      series: repos.series,
      episodes: repos.episodes,
      gateway,
      transaction,
      events,
      clock,
      log,
    }),
    clock,
  });
  app.commands.register(...refresh.commands);
  app.scheduler.register(...refresh.tasks);
  return [
    async (http) => {
      await http.register(movieRoutes({ movies, addMovie, lookup }), { prefix: '/api/v1' });
      await http.register(seriesRoutes({ series, addSeries, lookup }), { prefix: '/api/v1' });
      await http.register(episodeRoutes({ episodes }), { prefix: '/api/v1' });
    },
  ];
}
