// Decision wiring: custom formats, release/delay profiles, blocklist, pending releases and the engine.
import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '../db/database.js';
import { BlocklistRepository } from '../db/repositories/blocklist.repository.js';
import { CustomFormatRepository } from '../db/repositories/custom-format.repository.js';
import { DecisionLookupRepository } from '../db/repositories/decision-lookup.repository.js';
import { DelayProfileRepository } from '../db/repositories/delay-profile.repository.js';
import { MediaFileRepository } from '../db/repositories/media-file.repository.js';
import { PendingReleaseRepository } from '../db/repositories/pending-release.repository.js';
import type { ProviderDefinitionRepository } from '../db/repositories/provider-definition.repository.js';
import { ReleaseProfileRepository } from '../db/repositories/release-profile.repository.js';
import type { IndexerInfo } from '../domain/decisions/decision.types.js';
import { customFormatRoutes } from '../http/routes/custom-format.routes.js';
import { delayProfileRoutes } from '../http/routes/delay-profile.routes.js';
import { releaseProfileRoutes } from '../http/routes/release-profile.routes.js';
import type { IndexerLookup, QueueLookup } from '../services/decisions/decision.ports.js';
import {
  CustomFormatService,
  DelayProfileService,
  ReleaseProfileService,
} from '../services/decisions/decision-config.service.js';
import { DecisionEngine } from '../services/decisions/decision-engine.service.js';
import type { LibraryWiring } from './library.wiring.js';

export interface DecisionWiring {
  engine: DecisionEngine;
  repos: {
    customFormats: CustomFormatRepository;
    releaseProfiles: ReleaseProfileRepository;
    delayProfiles: DelayProfileRepository;
    blocklist: BlocklistRepository;
    pending: PendingReleaseRepository;
  };
  routes: FastifyPluginAsync[];
}

export function wireDecisions(
  database: Database,
  library: LibraryWiring,
  definitions: ProviderDefinitionRepository,
  lookups: { queue?: QueueLookup } = {},
): DecisionWiring {
  const db = database.db;
  const repos = {
    customFormats: new CustomFormatRepository(db),
    releaseProfiles: new ReleaseProfileRepository(db),
    delayProfiles: new DelayProfileRepository(db),
    blocklist: new BlocklistRepository(db),
    pending: new PendingReleaseRepository(db),
  };
  const engine = new DecisionEngine({
    library: new DecisionLookupRepository(db),
    profiles: library.repos.qualityProfiles,
    qualityDefinitions: library.repos.qualityDefinitions,
    customFormats: repos.customFormats,
    releaseProfiles: repos.releaseProfiles,
    delayProfiles: repos.delayProfiles,
    blocklist: repos.blocklist,
    pending: repos.pending,
    indexers: indexerLookup(definitions),
    // Upgrades compare against the qualities of the files on disk (issue 7).
    files: new MediaFileRepository(db),
    ...(lookups.queue ? { queue: lookups.queue } : {}),
  });
  const customFormats = new CustomFormatService({ formats: repos.customFormats });
  const releaseProfiles = new ReleaseProfileService({ profiles: repos.releaseProfiles });
  const delayProfiles = new DelayProfileService({ profiles: repos.delayProfiles });
  const routes: FastifyPluginAsync[] = [
    async (app) => {
      await app.register(customFormatRoutes({ customFormats }), { prefix: '/api/v1' });
      await app.register(releaseProfileRoutes({ releaseProfiles }), { prefix: '/api/v1' });
      await app.register(delayProfileRoutes({ delayProfiles }), { prefix: '/api/v1' });
    },
  ];
  return { engine, repos, routes };
}

/** Indexer priority, seeders and tags come from the indexer definitions' settings. */
function indexerLookup(definitions: ProviderDefinitionRepository): IndexerLookup {
  return {
    async get(ids) {
      const wanted = new Set(ids);
      const out = new Map<number, IndexerInfo>();
      for (const d of await definitions.list('indexer')) {
        if (!wanted.has(d.id)) continue;
        const s = d.settings as { priority?: number; minimumSeeders?: number };
        out.set(d.id, {
          id: d.id,
          name: d.name,
          priority: s.priority ?? 25,
          tags: d.tags,
          ...(s.minimumSeeders !== undefined ? { minimumSeeders: s.minimumSeeders } : {}),
        });
      }
      return out;
    },
  };
}
