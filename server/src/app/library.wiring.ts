// Library wiring: repositories and services for movies, series, episodes and their configuration.
// Split from compose.ts to keep the composition root readable; still plain constructor calls, no container.
import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '../db/database.js';
import { EpisodeRepository } from '../db/repositories/episode.repository.js';
import { MovieRepository } from '../db/repositories/movie.repository.js';
import { QualityDefinitionRepository } from '../db/repositories/quality-definition.repository.js';
import { QualityProfileRepository } from '../db/repositories/quality-profile.repository.js';
import { RootFolderRepository } from '../db/repositories/root-folder.repository.js';
import { SeriesRepository } from '../db/repositories/series.repository.js';
import { TagRepository } from '../db/repositories/tag.repository.js';
import { calendarRoutes } from '../http/routes/calendar.routes.js';
import { feedRoutes } from '../http/routes/feed.routes.js';
import { libraryConfigRoutes } from '../http/routes/library-config.routes.js';
import { wantedRoutes } from '../http/routes/wanted.routes.js';
import { CalendarService } from '../services/library/calendar.service.js';
import { QualityDefinitionService } from '../services/library/quality-definition.service.js';
import { QualityProfileService } from '../services/library/quality-profile.service.js';
import { RootFolderService } from '../services/library/root-folder.service.js';
import { TagService } from '../services/library/tag.service.js';
import { WantedService } from '../services/library/wanted.service.js';
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
  };
  services: {
    rootFolders: RootFolderService;
    tags: TagService;
    qualityDefinitions: QualityDefinitionService;
    qualityProfiles: QualityProfileService;
  };
  routes: FastifyPluginAsync[];
}

export async function wireLibrary(database: Database): Promise<LibraryWiring> {
  const db = database.db;
  const repos = {
    movies: new MovieRepository(db),
    series: new SeriesRepository(db),
    episodes: new EpisodeRepository(db),
    rootFolders: new RootFolderRepository(db),
    tags: new TagRepository(db),
    qualityProfiles: new QualityProfileRepository(db),
    qualityDefinitions: new QualityDefinitionRepository(db),
  };
  const services = {
    rootFolders: new RootFolderService({ rootFolders: repos.rootFolders, movies: repos.movies, series: repos.series }),
    tags: new TagService({ tags: repos.tags }),
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
    },
    async (app) => {
      await app.register(calendarRoutes({ calendar }), { prefix: '/api/v1' });
      await app.register(wantedRoutes({ wanted }), { prefix: '/api/v1' });
      await app.register(feedRoutes({ calendar, version: VERSION }));
    },
  ];
  return { repos, services, routes };
}
