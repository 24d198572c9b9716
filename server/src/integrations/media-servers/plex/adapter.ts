// Plex Media Server as a MediaServerPort. A rescan finds the section whose folder contains the path (after path
// mapping; the deepest folder when sections nest) and asks for a partial scan of just that folder with `path=`.
// test() proves reachability (/identity, no token needed) and then the token (/library/sections).
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
import { mappingFindings } from '../common/mapping-findings.js';
import { libraryForPath, toServerPath } from '../common/path-mapping.js';
import { serverUrl } from '../common/settings.fields.js';
import { PlexApi } from './api.js';
import { mapAccount, mapHistoryEntry, mapMetadata, mapSection } from './mapper.js';
import type { PlexSettings } from './settings.js';

export class PlexAdapter implements MediaServerPort {
  private readonly api: PlexApi;
  private readonly url: string;

  constructor(
    private readonly settings: PlexSettings,
    private readonly clock: Clock,
    log?: HttpLogger,
  ) {
    this.url = serverUrl(settings);
    this.api = new PlexApi({
      baseUrl: this.url,
      token: settings.token,
      timeoutMs: settings.timeoutSeconds * 1000,
      clock,
      ...(log ? { log } : {}),
    });
  }

  async test(): Promise<Finding[]> {
    const identity = await this.api.identity();
    if (!identity.machineIdentifier) throw new ProtocolError('the server did not identify as Plex Media Server');
    const libraries = (await this.api.sections()).map(mapSection); // 401 here: the token is wrong
    return mappingFindings(this.settings.pathMappings, libraries);
  }

  async healthCheck(): Promise<HealthCheckResult> {
    const started = this.clock.now();
    await this.api.sections();
    return { latencyMs: this.clock.now() - started };
  }

  async serverInfo(signal?: AbortSignal): Promise<MediaServerInfo> {
    const id = await this.api.identity(signal);
    return {
      name: id.friendlyName ?? 'Plex Media Server',
      version: id.version ?? '',
      serverId: id.machineIdentifier ?? '',
    };
  }

  async libraries(signal?: AbortSignal): Promise<MediaLibrary[]> {
    return (await this.api.sections(signal)).map(mapSection);
  }

  async refreshPath(path: string, signal?: AbortSignal): Promise<PathRefreshResult> {
    const [result] = await this.refreshPaths([path], signal);
    return result!;
  }

  async refreshPaths(paths: readonly string[], signal?: AbortSignal): Promise<PathRefreshResult[]> {
    if (paths.length === 0) return [];
    const libraries = await this.libraries(signal);
    const results: PathRefreshResult[] = [];
    const sent = new Set<string>();
    for (const path of paths) {
      const serverPath = toServerPath(path, this.settings.pathMappings);
      const library = libraryForPath(libraries, serverPath);
      results.push({ path, serverPath, libraryId: library?.id ?? null, sent: !!library });
      if (!library) continue;
      const key = `${library.id}\u0000${serverPath}`;
      if (sent.has(key)) continue;
      sent.add(key);
      await this.api.refreshSection(library.id, serverPath, signal);
    }
    return results;
  }

  async refreshLibrary(libraryId?: string, signal?: AbortSignal): Promise<void> {
    if (libraryId === undefined) await this.api.refreshAllSections(signal);
    else await this.api.refreshSection(libraryId, undefined, signal);
  }

  async refreshItem(itemId: string, signal?: AbortSignal): Promise<void> {
    await this.api.refreshMetadata(itemId, signal);
  }

  async getItemMetadata(itemId: string, signal?: AbortSignal): Promise<MediaMetadata> {
    const item = await this.api.metadata(itemId, signal);
    if (!item) throw new NotFoundError(`Plex has no item ${itemId}`);
    return mapMetadata(item, this.url);
  }

  async users(signal?: AbortSignal): Promise<MediaServerUser[]> {
    return (await this.api.accounts(signal)).filter((a) => String(a.id) !== '0').map(mapAccount);
  }

  async recentlyWatched(userId?: string, limit = 20, signal?: AbortSignal): Promise<WatchedItem[]> {
    return (await this.api.history(userId, limit, signal)).map(mapHistoryEntry);
  }
}
