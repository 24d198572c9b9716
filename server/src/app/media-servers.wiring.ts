// Media servers wiring (issue 8, item 4): the notifier that asks Plex/Jellyfin/Emby to rescan changed folders,
// fed by the event bus, and Plex sign-in by PIN (its routes). The import work calls
// `notifier.pathsChanged(paths, reason)` directly; the subscriptions below cover the events that carry paths.
// compose.ts calls wireMediaServers once.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ProviderDefinitionRepository } from '../db/repositories/provider-definition.repository.js';
import type { EventBus } from '../events/event-bus.js';
import { plexAuthRoutes } from '../http/routes/plex-auth.routes.js';
import type { Clock } from '../lib/clock.js';
import type { Logger } from '../lib/logger.js';
import type { MediaServerPort } from '../providers/ports/media-server.port.js';
import type { ProviderHealthService } from '../providers/provider-health.service.js';
import type { ProviderInstances } from '../providers/provider-instances.js';
import {
  type MediaChangeReason,
  MediaServerNotifier,
} from '../services/media-servers/media-server-notifier.service.js';
import { PlexAuthService } from '../services/media-servers/plex-auth.service.js';

export interface MediaServersAppDeps {
  providers: { health: ProviderHealthService; instances: ProviderInstances };
  definitions: Pick<ProviderDefinitionRepository, 'get' | 'update'>;
  events: EventBus;
  clock: Clock;
  log: Logger;
  options?: { debounceMs?: number; maxFolders?: number };
}

export interface MediaServersWiring {
  notifier: MediaServerNotifier;
  plexAuth: PlexAuthService;
  /** Register under /api/v1. */
  routes: FastifyPluginAsyncZod;
  /** Unsubscribes and stops the notifier (pending paths are dropped). */
  stop(): Promise<void>;
}

/**
 * File events and the reason each stands for (`file.upgraded`: for when the work emits it; upgrades come as
 * `file.imported` with isUpgrade). A rename carries each file's old and new path, so both folders are rescanned.
 */
const FILE_EVENTS: Record<string, MediaChangeReason> = {
  'file.imported': 'import',
  'file.upgraded': 'upgrade',
  'file.renamed': 'rename',
  'file.deleted': 'delete',
};

export function wireMediaServers(app: MediaServersAppDeps): MediaServersWiring {
  const log = app.log.child({ module: 'media-servers' });
  const notifier = new MediaServerNotifier({
    available: () => app.providers.health.available('mediaserver'),
    instance: (d) => app.providers.instances.get(d) as MediaServerPort,
    health: app.providers.health,
    clock: app.clock,
    log,
    ...(app.options?.debounceMs === undefined ? {} : { debounceMs: app.options.debounceMs }),
    ...(app.options?.maxFolders === undefined ? {} : { maxFolders: app.options.maxFolders }),
  });
  const unsubscribe = subscribeMediaServerEvents(app.events, notifier);
  const plexAuth = new PlexAuthService({
    definitions: app.definitions,
    saveToken: async (id, token) => {
      const d = await app.definitions.get(id);
      if (!d) return;
      const { implementation, name, enabled, tags } = d;
      // A new updated_at makes the instance cache build the adapter again with the new token.
      await app.definitions.update(
        id,
        { implementation, name, enabled, tags, settings: { ...d.settings, token } },
        new Date(app.clock.now()).toISOString(),
      );
    },
    clock: app.clock,
    log,
  });
  return {
    notifier,
    plexAuth,
    routes: plexAuthRoutes({ plex: plexAuth }),
    async stop() {
      unsubscribe();
      await notifier.stop();
    },
  };
}

/**
 * Library deletions that removed the item's folder, and the file events (import, upgrade, rename, delete). Paths
 * arriving twice (an event and a direct call) are coalesced in the notifier's window.
 */
export function subscribeMediaServerEvents(
  events: EventBus,
  notifier: Pick<MediaServerNotifier, 'pathsChanged'>,
): () => void {
  const deleted = (data: { deletedFiles: boolean; path: string }) => {
    if (data.deletedFiles) notifier.pathsChanged([data.path], 'delete');
  };
  const offs = [
    events.on('movie.deleted', deleted),
    events.on('series.deleted', deleted),
    events.onAny((event) => {
      const type: string = event.type;
      const reason = FILE_EVENTS[type];
      if (!reason) return;
      const data = event.data as unknown as Record<string, unknown>;
      const paths = eventPaths(data);
      if (paths.length > 0)
        notifier.pathsChanged(paths, reason === 'import' && data.isUpgrade === true ? 'upgrade' : reason);
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}

const PATH_KEYS = ['path', 'previousPath', 'paths', 'previousPaths', 'file', 'files', 'deletedFiles', 'oldFiles'];

/** Paths an event carries: `path`/`previousPath` strings, `paths` lists, or `{path}` objects in file fields. */
export function eventPaths(data: Record<string, unknown>): string[] {
  const out: string[] = [];
  const take = (v: unknown, depth: number): void => {
    if (typeof v === 'string') {
      if (v.trim() !== '') out.push(v);
    } else if (Array.isArray(v)) {
      for (const item of v) take(item, depth);
    } else if (v && typeof v === 'object' && depth < 2) {
      const o = v as Record<string, unknown>;
      take(o.path, depth + 1);
      take(o.previousPath, depth + 1);
    }
  };
  for (const key of PATH_KEYS) take(data[key], 0);
  return [...new Set(out)];
}
