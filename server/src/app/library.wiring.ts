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
import { libraryConfigRoutes } from '../http/routes/library-config.routes.js';
import { QualityDefinitionService } from '../services/library/quality-definition.service.js';
import { QualityProfileService } from '../services/library/quality-profile.service.js';
import { RootFolderService } from '../services/library/root-folder.service.js';
import { TagService } from '../services/library/tag.service.js';

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
  const routes: FastifyPluginAsync[] = [
    async (app) => {
      await app.register(libraryConfigRoutes(services), { prefix: '/api/v1' });
    },
  ];
  return { repos, services, routes };
}
