// First start: turns IDKARR_TMDB_API_KEY / IDKARR_TVDB_API_KEY into stored metadata definitions, so a fresh
// install can look things up without a trip to the settings page. Runs only while no metadata definition exists
// at all: once the user has any (or deleted the seeded ones and made their own), the environment no longer
// overrides their choice. Writes through the repository, not the definition service, on purpose: the service
// would run test() against TMDB/TVDB and a start without network would then refuse to seed (health reports it).
import type { ProviderDefinitionRepository } from '../../db/repositories/provider-definition.repository.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { ProviderDefinition } from '../../providers/provider.types.js';
import { tmdbIntegration } from './tmdb/index.js';
import { tvdbIntegration } from './tvdb/index.js';

export interface MetadataSeedConfig {
  tmdb: { apiKey: string | undefined; url: string };
  tvdb: { apiKey: string | undefined; url: string };
}

export interface MetadataSeedDeps {
  definitions: Pick<ProviderDefinitionRepository, 'transaction'>;
  clock: Clock;
  log: Pick<Logger, 'info'>;
}

export async function seedMetadataDefinitions(
  config: MetadataSeedConfig,
  deps: MetadataSeedDeps,
): Promise<ProviderDefinition[]> {
  const wanted = [
    { integration: tmdbIntegration, ...config.tmdb },
    { integration: tvdbIntegration, ...config.tvdb },
  ].filter((w) => w.apiKey?.trim());
  if (wanted.length === 0) return [];
  // One transaction: two instances starting against one PostgreSQL cannot both seed.
  const created = await deps.definitions.transaction(async (tx) => {
    if ((await tx.list('metadata')).length > 0) return [];
    const now = new Date(deps.clock.now()).toISOString();
    const out: ProviderDefinition[] = [];
    for (const { integration, apiKey, url } of wanted) {
      // Parsing fills every default and rejects a malformed URL here rather than at the first lookup.
      const settings = integration.settings.parse({ apiKey, baseUrl: url }) as Record<string, unknown>;
      const input = { implementation: integration.id, name: integration.name, enabled: true, tags: [], settings };
      out.push(await tx.insert('metadata', input, now));
    }
    return out;
  });
  for (const d of created) {
    // Ids and names only: the settings hold the key.
    deps.log.info({ kind: 'metadata', id: d.id, implementation: d.implementation }, 'metadata provider seeded');
  }
  return created;
}
