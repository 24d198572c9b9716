// The wire client Jellyfin and Emby share (Jellyfin forked Emby's "MediaBrowser" API). The token travels as
// `X-Emby-Token` and, for Jellyfin, also as `Authorization: MediaBrowser …, Token="…"` (the header Jellyfin
// prefers). Emby serves its API under `/emby`; Jellyfin at the root.
import type { Clock } from '../../../lib/clock.js';
import { HttpClient, type HttpLogger, IDKARR_VERSION } from '../../../lib/http/http-client.js';

export interface MbSystemInfo {
  ServerName?: string;
  Version?: string;
  Id?: string;
  ProductName?: string;
}

export interface MbVirtualFolder {
  Name: string;
  Locations?: string[];
  CollectionType?: string;
  ItemId?: string;
}

export interface MbUserData {
  Played?: boolean;
  LastPlayedDate?: string;
}

export interface MbItem {
  Id: string;
  Name: string;
  Type?: string;
  Path?: string;
  ProductionYear?: number;
  Overview?: string;
  Genres?: string[];
  CommunityRating?: number;
  ProviderIds?: Record<string, string>;
  ImageTags?: Record<string, string>;
  BackdropImageTags?: string[];
  SeriesName?: string;
  ParentIndexNumber?: number;
  IndexNumber?: number;
  UserData?: MbUserData;
  MediaSources?: { Path?: string }[];
}

export interface MbItemsResult {
  Items?: MbItem[];
  TotalRecordCount?: number;
}

export interface MbUser {
  Id: string;
  Name: string;
  Policy?: { IsAdministrator?: boolean; IsDisabled?: boolean };
}

export type MbUpdateType = 'Created' | 'Modified' | 'Deleted';

export interface MediaBrowserApiOptions {
  baseUrl: string;
  token: string;
  /** Jellyfin also gets the `Authorization: MediaBrowser …` header. */
  flavour: 'jellyfin' | 'emby';
  timeoutMs: number;
  clock?: Clock;
  log?: HttpLogger;
}

export const ITEM_FIELDS = 'ProviderIds,Path,Overview,Genres,MediaSources';

export function authorizationHeader(token: string): string {
  return `MediaBrowser Client="idkarr", Device="idkarr", DeviceId="idkarr", Version="${IDKARR_VERSION}", Token="${token}"`;
}

export class MediaBrowserApi {
  private readonly http: HttpClient;

  constructor(opts: MediaBrowserApiOptions) {
    const headers: Record<string, string> = { 'X-Emby-Token': opts.token };
    if (opts.flavour === 'jellyfin') headers.Authorization = authorizationHeader(opts.token);
    this.http = new HttpClient({
      baseUrl: opts.flavour === 'emby' ? `${opts.baseUrl}/emby` : opts.baseUrl,
      timeoutMs: opts.timeoutMs,
      secrets: [opts.token],
      headers,
      ...(opts.clock ? { clock: opts.clock } : {}),
      ...(opts.log ? { logger: opts.log } : {}),
    });
  }

  async systemInfo(signal?: AbortSignal): Promise<MbSystemInfo> {
    return (await this.http.getJson<MbSystemInfo>('/System/Info', opt(signal))).body ?? {};
  }

  async virtualFolders(signal?: AbortSignal): Promise<MbVirtualFolder[]> {
    return (await this.http.getJson<MbVirtualFolder[]>('/Library/VirtualFolders', opt(signal))).body ?? [];
  }

  /** Reports changed paths; the server rescans what it needs (one request for all of them). */
  async mediaUpdated(updates: readonly { path: string; type: MbUpdateType }[], signal?: AbortSignal): Promise<void> {
    const body = { Updates: updates.map((u) => ({ Path: u.path, UpdateType: u.type })) };
    await this.http.postJson('/Library/Media/Updated', body, opt(signal));
  }

  /** Scan every library. */
  async refreshLibrary(signal?: AbortSignal): Promise<void> {
    await this.http.request({ method: 'POST', path: '/Library/Refresh', ...opt(signal) });
  }

  /** Refresh an item (a library folder too), recursively, with the default metadata and image modes. */
  async refreshItem(itemId: string, signal?: AbortSignal): Promise<void> {
    await this.http.request({
      method: 'POST',
      path: `/Items/${encodeURIComponent(itemId)}/Refresh`,
      query: {
        Recursive: 'true',
        MetadataRefreshMode: 'Default',
        ImageRefreshMode: 'Default',
        ReplaceAllMetadata: 'false',
        ReplaceAllImages: 'false',
      },
      ...opt(signal),
    });
  }

  async item(itemId: string, signal?: AbortSignal): Promise<MbItem | undefined> {
    const res = await this.http.getJson<MbItemsResult>('/Items', {
      query: { Ids: itemId, Recursive: 'true', Fields: ITEM_FIELDS },
      ...opt(signal),
    });
    return res.body?.Items?.find((i) => i.Id === itemId) ?? res.body?.Items?.[0];
  }

  async users(signal?: AbortSignal): Promise<MbUser[]> {
    return (await this.http.getJson<MbUser[]>('/Users', opt(signal))).body ?? [];
  }

  /** Played movies and episodes of one user, most recently played first. */
  async played(userId: string, limit: number, signal?: AbortSignal): Promise<MbItem[]> {
    const res = await this.http.getJson<MbItemsResult>(`/Users/${encodeURIComponent(userId)}/Items`, {
      query: {
        Recursive: 'true',
        Filters: 'IsPlayed',
        IncludeItemTypes: 'Movie,Episode',
        SortBy: 'DatePlayed',
        SortOrder: 'Descending',
        Limit: limit,
        Fields: 'ProviderIds',
        EnableUserData: 'true',
      },
      ...opt(signal),
    });
    return res.body?.Items ?? [];
  }
}

function opt(signal: AbortSignal | undefined): { signal?: AbortSignal } {
  return signal ? { signal } : {};
}
