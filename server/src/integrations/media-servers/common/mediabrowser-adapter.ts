// Jellyfin and Emby as a MediaServerPort (the same API; the flavour picks the auth header and the URL prefix).
// A rescan is one `POST /Library/Media/Updated` listing every changed folder (as the server sees it, after path
// mapping) with UpdateType "Modified"; the server works out which library each belongs to.
import type { Clock } from '../../../lib/clock.js';
import { type Finding, NotFoundError, ProtocolError } from '../../../lib/errors.js';
import type { HttpLogger } from '../../../lib/http/http-client.js';
import type {
  MediaLibrary,
  MediaMetadata,
  MediaServerInfo,
  MediaServerPort,
  MediaServerUser,
  PathRefreshResult,
  WatchedItem,
} from '../../../providers/ports/media-server.port.js';
import type { HealthCheckResult } from '../../../providers/ports.js';
import { mappingFindings } from './mapping-findings.js';
import { MediaBrowserApi } from './mediabrowser-api.js';
import { mapItem, mapPlayed, mapUser, mapVirtualFolder } from './mediabrowser-mapper.js';
import { type PathMapping, toServerPath } from './path-mapping.js';
import { type ConnectionSettings, serverUrl } from './settings.fields.js';

export interface MediaBrowserSettings extends ConnectionSettings {
  token: string;
  pathMappings: PathMapping[];
  timeoutSeconds: number;
}

export class MediaBrowserAdapter implements MediaServerPort {
  private readonly api: MediaBrowserApi;
  private readonly url: string;

  constructor(
    private readonly settings: MediaBrowserSettings,
    private readonly flavour: 'jellyfin' | 'emby',
    private readonly clock: Clock,
    log?: HttpLogger,
  ) {
    this.url = serverUrl(settings);
    this.api = new MediaBrowserApi({
      baseUrl: this.url,
      token: settings.token,
      flavour,
      timeoutMs: settings.timeoutSeconds * 1000,
      clock,
      ...(log ? { log } : {}),
    });
  }

  private get product(): string {
    return this.flavour === 'emby' ? 'Emby' : 'Jellyfin';
  }

  async test(): Promise<Finding[]> {
    const info = await this.api.systemInfo(); // needs the token: 401 means a wrong API key
    if (!info.Version || !info.Id) throw new ProtocolError(`the server did not identify as ${this.product}`);
    const libraries = await this.libraries();
    return mappingFindings(this.settings.pathMappings, libraries);
  }

  async healthCheck(): Promise<HealthCheckResult> {
    const started = this.clock.now();
    await this.api.systemInfo();
    return { latencyMs: this.clock.now() - started };
  }

  async serverInfo(signal?: AbortSignal): Promise<MediaServerInfo> {
    const info = await this.api.systemInfo(signal);
    return { name: info.ServerName ?? this.product, version: info.Version ?? '', serverId: info.Id ?? '' };
  }

  async libraries(signal?: AbortSignal): Promise<MediaLibrary[]> {
    return (await this.api.virtualFolders(signal)).map(mapVirtualFolder);
  }

  async refreshPath(path: string, signal?: AbortSignal): Promise<PathRefreshResult> {
    const [result] = await this.refreshPaths([path], signal);
    return result!;
  }

  async refreshPaths(paths: readonly string[], signal?: AbortSignal): Promise<PathRefreshResult[]> {
    if (paths.length === 0) return [];
    const results = paths.map((path) => ({
      path,
      serverPath: toServerPath(path, this.settings.pathMappings),
      libraryId: null,
      sent: true,
    }));
    const unique = [...new Set(results.map((r) => r.serverPath))];
    await this.api.mediaUpdated(
      unique.map((p) => ({ path: p, type: 'Modified' as const })),
      signal,
    );
    return results;
  }

  async refreshLibrary(libraryId?: string, signal?: AbortSignal): Promise<void> {
    if (libraryId === undefined) await this.api.refreshLibrary(signal);
    else await this.api.refreshItem(libraryId, signal);
  }

  async refreshItem(itemId: string, signal?: AbortSignal): Promise<void> {
    await this.api.refreshItem(itemId, signal);
  }

  async getItemMetadata(itemId: string, signal?: AbortSignal): Promise<MediaMetadata> {
    const item = await this.api.item(itemId, signal);
    if (!item) throw new NotFoundError(`${this.product} has no item ${itemId}`);
    return mapItem(item, this.url);
  }

  async users(signal?: AbortSignal): Promise<MediaServerUser[]> {
    return (await this.api.users(signal)).filter((u) => u.Policy?.IsDisabled !== true).map(mapUser);
  }

  async recentlyWatched(userId?: string, limit = 20, signal?: AbortSignal): Promise<WatchedItem[]> {
    let user = userId;
    if (user === undefined) {
      const users = await this.users(signal);
      user = (users.find((u) => u.isAdmin) ?? users[0])?.id;
      if (user === undefined) return [];
    }
    const id = user;
    return (await this.api.played(id, limit, signal)).map((item) => mapPlayed(item, id));
  }
}
