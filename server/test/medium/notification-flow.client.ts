// The rest of the notification flow's surroundings: a download client the test scripts (records adds, lists what
// the test puts in `items`), the registry with it, the release the test grabs, and fake Plex, Jellyfin and Emby
// servers replaying the recorded identity/library answers and recording rescans.
import { join } from 'node:path';
import { z } from 'zod';
import { downloadClientIntegrations } from '../../src/integrations/download-clients/index.js';
import { importListIntegrations } from '../../src/integrations/import-lists/index.js';
import { indexerIntegrations } from '../../src/integrations/indexers/index.js';
import { mediaServerIntegrations } from '../../src/integrations/media-servers/index.js';
import { metadataIntegrations } from '../../src/integrations/metadata/index.js';
import { notificationIntegrations } from '../../src/integrations/notifications/index.js';
import { defineIntegration } from '../../src/providers/integration.js';
import type {
  AddDownloadRequest,
  DownloadClientPort,
  DownloadItem,
} from '../../src/providers/ports/download-client.port.js';
import { ProviderRegistry } from '../../src/providers/provider-registry.js';
import type { GrabRequest } from '../../src/services/downloads/grab.service.js';
import { FakeHttpServer } from '../support/fake-http-server.js';
import { PROTOCOLS } from './notification-flow.support.js';

export const MB = 1024 * 1024;
export const HASH = '0123456789ABCDEF0123456789ABCDEF01234567';
export const RELEASE_TITLE = 'Notify.Movie.2011.1080p.BluRay.x264-GRP';

export const scripted = {
  added: [] as AddDownloadRequest[],
  items: new Map<string, DownloadItem>(),
};

const scriptedIntegration = defineIntegration({
  kind: 'downloadclient',
  id: 'scripted',
  name: 'Scripted client',
  description: 'A download client the test drives',
  protocol: 'torrent',
  capabilities: [],
  settings: z.object({}),
  create() {
    const port: DownloadClientPort = {
      protocol: 'torrent',
      capabilities: {
        supportsCategories: false,
        supportsLabels: false,
        supportsPriorities: false,
        supportsMagnetLinks: true,
        supportsTorrentFiles: true,
        supportsNzb: false,
        supportsRemoveAndDelete: true,
        supportsSeedLimits: false,
      },
      test: async () => [],
      healthCheck: async () => ({ latencyMs: 1 }),
      add: async (req) => {
        scripted.added.push(req);
        return { downloadId: HASH };
      },
      list: async () => [...scripted.items.values()],
      get: async (id) => scripted.items.get(id) ?? null,
      remove: async (id) => {
        scripted.items.delete(id);
      },
      pause: async () => {},
      resume: async () => {},
      setCategory: async () => {},
      setPriority: async () => {},
      completedOutputPath: async (id) => scripted.items.get(id)?.outputPath ?? null,
    } as DownloadClientPort;
    return port;
  },
});

export const flowRegistry = () =>
  new ProviderRegistry({
    downloadclient: [...downloadClientIntegrations, scriptedIntegration],
    indexer: indexerIntegrations,
    mediaserver: mediaServerIntegrations,
    notification: notificationIntegrations,
    metadata: metadataIntegrations,
    importlist: importListIntegrations,
  });

export function grabRequest(movieId: number, downloadClientId: number): GrabRequest {
  return {
    release: {
      guid: 'https://indexer.example/details/1',
      title: RELEASE_TITLE,
      downloadUrl: `magnet:?xt=urn:btih:${HASH}&dn=${RELEASE_TITLE}`,
      indexer: 'Fake Torznab',
      indexerId: null,
      protocol: 'torrent',
      size: 400 * MB,
      publishDate: new Date().toISOString(),
      categories: [2000],
      freeleech: false,
    },
    movieId,
    quality: { quality: 'bluray-1080p', revision: { version: 1, real: 0 } },
    releaseGroup: 'GRP',
    customFormatScore: 0,
    downloadClientId,
  };
}

/** The scripted client reports the grabbed torrent complete in `folder`. */
export function completeDownload(folder: string): void {
  scripted.items.set(HASH, {
    downloadId: HASH,
    title: RELEASE_TITLE,
    category: null,
    status: 'completed',
    rawStatus: 'pausedUP',
    totalSize: 400 * MB,
    remainingSize: 0,
    progress: 1,
    downloadSpeed: 0,
    uploadSpeed: 0,
    eta: null,
    outputPath: folder,
    message: null,
    ratio: 2,
    seedingTimeSeconds: 10,
    addedAt: new Date(),
    completedAt: new Date(),
    canMoveFiles: true,
  });
}

/** Plex on one fake, Jellyfin (root) and Emby (`/emby`) on another; both see the movies under /data/media/movies. */
export async function startMediaServers() {
  const plex = await FakeHttpServer.start({ fixtureRoot: join(PROTOCOLS, 'plex') });
  plex.fixture('GET', '/identity', 'pms-identity.json');
  plex.fixture('GET', '/library/sections', 'pms-library-sections.json');
  plex.route('GET', '/library/sections/:id/refresh', { body: '' });
  const mb = await FakeHttpServer.start({ fixtureRoot: join(PROTOCOLS, 'jellyfin') });
  mb.fixture('GET', '/System/Info', 'system-info.json');
  mb.fixture('GET', '/Library/VirtualFolders', 'library-virtualfolders.json');
  mb.route('POST', '/Library/Media/Updated', { status: 204 });
  mb.fixture('GET', '/emby/System/Info', 'emby-system-info-public.json');
  mb.fixture('GET', '/emby/Library/VirtualFolders', 'library-virtualfolders.json');
  mb.route('POST', '/emby/Library/Media/Updated', { status: 204 });
  const settings = (url: string, root: string) => ({
    host: url,
    token: 'media-server-token',
    pathMappings: [{ remotePath: '/data/media/movies', localPath: root }],
  });
  return {
    definitions: (root: string) => [
      { implementation: 'plex', name: 'Plex', settings: settings(plex.url, root) },
      { implementation: 'jellyfin', name: 'Jellyfin', settings: settings(mb.url, root) },
      { implementation: 'emby', name: 'Emby', settings: settings(mb.url, root) },
    ],
    /** `path=` of each Plex partial scan, by section. */
    plexScans: () =>
      plex.requests
        .filter((r) => /^\/library\/sections\/\d+\/refresh$/.test(r.path))
        .map((r) => ({ section: r.path.split('/')[3], path: r.query.path })),
    /** The Updates of each /Library/Media/Updated request, per flavour. */
    mbUpdates: (prefix: '' | '/emby') =>
      mb
        .requestsTo(`${prefix}/Library/Media/Updated`, 'POST')
        .map((r) => r.json<{ Updates: { Path: string; UpdateType: string }[] }>().Updates),
    close: async () => {
      await Promise.all([plex.close(), mb.close()]);
    },
  };
}
