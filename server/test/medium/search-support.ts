// Shared by the search medium tests: Torznab feeds built from release rows, and the search stack over real
// repositories (both dialects) with the real provider framework, a fake clock and a recording grabber.
import pino from 'pino';
import type { Database } from '../../src/db/database.js';
import { BlocklistRepository } from '../../src/db/repositories/blocklist.repository.js';
import { CustomFormatRepository } from '../../src/db/repositories/custom-format.repository.js';
import { DecisionLookupRepository } from '../../src/db/repositories/decision-lookup.repository.js';
import { DelayProfileRepository } from '../../src/db/repositories/delay-profile.repository.js';
import { EpisodeRepository } from '../../src/db/repositories/episode.repository.js';
import { MovieRepository } from '../../src/db/repositories/movie.repository.js';
import { PendingReleaseRepository } from '../../src/db/repositories/pending-release.repository.js';
import { ProviderDefinitionRepository } from '../../src/db/repositories/provider-definition.repository.js';
import { ProviderStatusRepository } from '../../src/db/repositories/provider-status.repository.js';
import { QualityDefinitionRepository } from '../../src/db/repositories/quality-definition.repository.js';
import { QualityProfileRepository } from '../../src/db/repositories/quality-profile.repository.js';
import { ReleaseProfileRepository } from '../../src/db/repositories/release-profile.repository.js';
import { SceneGroupRepository } from '../../src/db/repositories/scene-group.repository.js';
import { SeriesRepository } from '../../src/db/repositories/series.repository.js';
import { EventBus } from '../../src/events/event-bus.js';
import { torznabSettings } from '../../src/integrations/indexers/torznab/settings.js';
import { FakeClock, systemClock } from '../../src/lib/clock.js';
import { ProviderBackoffPolicy } from '../../src/lib/resilience/backoff.js';
import { builtinRegistry } from '../../src/providers/builtin-registry.js';
import type { ProviderDefinition } from '../../src/providers/provider.types.js';
import { ProviderHealthService } from '../../src/providers/provider-health.service.js';
import { ProviderInstances } from '../../src/providers/provider-instances.js';
import { DecisionEngine } from '../../src/services/decisions/decision-engine.service.js';
import { SceneGroupService } from '../../src/services/scene-groups/scene-group.service.js';
import { IndexerFanout } from '../../src/services/search/indexer-fanout.js';
import { type GrabCommand, ReleaseProcessor } from '../../src/services/search/release-processor.js';
import { SearchService } from '../../src/services/search/search.service.js';

export const NOW = Date.parse('2025-06-01T12:00:00Z');
export const GB = 1024 ** 3;

export interface FeedItem {
  title: string;
  guid: string;
  size?: number;
  seeders?: number;
  peers?: number;
  /** Minutes before NOW. */
  ageMinutes?: number;
  category?: number;
  imdb?: string;
  internal?: boolean;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A Torznab answer in the shape Jackett sends (rss 2.0 + torznab:attr), for items we control. */
export function torznabFeed(baseUrl: string, items: readonly FeedItem[], now = NOW): string {
  const rows = items
    .map((i) => {
      const date = new Date(now - (i.ageMinutes ?? 600) * 60_000).toUTCString();
      const size = i.size ?? 8 * GB;
      const attrs = [
        ['category', String(i.category ?? 2040)],
        ['size', String(size)],
        ...(i.seeders !== undefined ? [['seeders', String(i.seeders)]] : []),
        ...(i.peers !== undefined || i.seeders !== undefined ? [['peers', String(i.peers ?? i.seeders)]] : []),
        ...(i.imdb ? [['imdbid', i.imdb]] : []),
        ...(i.internal ? [['tag', 'internal']] : []),
      ]
        .map(([n, v]) => `<torznab:attr name="${n}" value="${esc(v!)}"/>`)
        .join('');
      return `<item><title>${esc(i.title)}</title><guid>${esc(i.guid)}</guid><link>${esc(`${baseUrl}/dl/${encodeURIComponent(i.guid)}.torrent`)}</link><pubDate>${date}</pubDate><size>${size}</size><category>${i.category ?? 2040}</category><enclosure url="${esc(`${baseUrl}/dl/${encodeURIComponent(i.guid)}.torrent`)}" length="${size}" type="application/x-bittorrent"/>${attrs}</item>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:torznab="http://torznab.com/schemas/2015/feed"><channel><title>fake</title>\n${rows}\n</channel></rss>`;
}

export const silentLog = pino({ level: 'silent' });

export interface SearchStack {
  clock: FakeClock;
  definitions: ProviderDefinitionRepository;
  health: ProviderHealthService;
  engine: DecisionEngine;
  fanout: IndexerFanout;
  processor: ReleaseProcessor;
  search: SearchService;
  sceneGroups: SceneGroupService;
  grabs: GrabCommand[];
  /** `on: false` runs without a grab service; `fail` makes every grab throw it. */
  withGrabber: { on: boolean; fail?: Error };
  repos: {
    movies: MovieRepository;
    series: SeriesRepository;
    episodes: EpisodeRepository;
    profiles: QualityProfileRepository;
    delayProfiles: DelayProfileRepository;
    pending: PendingReleaseRepository;
    groups: SceneGroupRepository;
  };
  addIndexer(name: string, baseUrl: string, over?: Record<string, unknown>): Promise<ProviderDefinition>;
}

export function searchStack(database: Database, opts: { indexerTimeoutMs?: number } = {}): SearchStack {
  const db = database.db;
  const clock = new FakeClock(NOW);
  const log = silentLog;
  const definitions = new ProviderDefinitionRepository(db);
  const registry = builtinRegistry();
  // Integrations use real time for their HTTP timeouts; health and backoff use the fake clock.
  const instances = new ProviderInstances({ registry, clock: systemClock, log });
  const health = new ProviderHealthService({
    definitions,
    statuses: new ProviderStatusRepository(db),
    registry,
    instances,
    backoff: new ProviderBackoffPolicy({ clock, graceMs: 0 }),
    events: new EventBus(),
    clock,
    log,
  });
  const repos = {
    movies: new MovieRepository(db),
    series: new SeriesRepository(db),
    episodes: new EpisodeRepository(db),
    profiles: new QualityProfileRepository(db),
    delayProfiles: new DelayProfileRepository(db),
    pending: new PendingReleaseRepository(db),
    groups: new SceneGroupRepository(db),
  };
  const qualityDefinitions = new QualityDefinitionRepository(db);
  const sceneGroups = new SceneGroupService({
    groups: repos.groups,
    qualityDefinitions,
    qualityProfiles: repos.profiles,
    clock,
    log,
  });
  const engine = new DecisionEngine({
    library: new DecisionLookupRepository(db),
    profiles: repos.profiles,
    qualityDefinitions,
    customFormats: new CustomFormatRepository(db),
    releaseProfiles: new ReleaseProfileRepository(db),
    delayProfiles: repos.delayProfiles,
    blocklist: new BlocklistRepository(db),
    pending: repos.pending,
    releaseGroups: sceneGroups,
    clock: () => new Date(clock.now()),
  });
  const fanout = new IndexerFanout({
    health,
    instances,
    clock: systemClock,
    log,
    timeoutMs: opts.indexerTimeoutMs ?? 3000,
  });
  const grabs: GrabCommand[] = [];
  const withGrabber: { on: boolean; fail?: Error } = { on: true };
  let tracked = 0;
  const processor = new ReleaseProcessor({
    grabber: () =>
      withGrabber.on
        ? {
            grab: async (req) => {
              if (withGrabber.fail) throw withGrabber.fail;
              grabs.push(req);
              return { trackedDownload: { id: ++tracked }, downloadClient: { id: 1, name: 'Fake client' } };
            },
          }
        : undefined,
    pending: repos.pending,
    engine,
    clock,
    log,
  });
  const empty = async () => ({ totalRecords: 0, records: [] });
  const search = new SearchService({
    fanout,
    engine,
    processor,
    library: repos,
    wanted: {
      missingMovies: async () => {
        const all = await repos.movies.list();
        const records = all.filter((m) => m.monitored && m.movieFileId === null);
        return { totalRecords: records.length, records };
      },
      missingEpisodes: empty,
      cutoffUnmetMovies: empty,
      cutoffUnmetEpisodes: empty,
    },
    observer: sceneGroups,
    clock,
    log,
  });
  return {
    clock,
    definitions,
    health,
    engine,
    fanout,
    processor,
    search,
    sceneGroups,
    grabs,
    withGrabber,
    repos,
    addIndexer: (name, baseUrl, over = {}) =>
      definitions.insert(
        'indexer',
        {
          implementation: 'torznab',
          name,
          enabled: true,
          tags: [],
          settings: torznabSettings.parse({ baseUrl, apiKey: 'key', timeoutSeconds: 5, ...over }) as Record<
            string,
            unknown
          >,
        },
        new Date(NOW).toISOString(),
      ),
  };
}
