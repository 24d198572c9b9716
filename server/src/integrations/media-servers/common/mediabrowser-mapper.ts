// Jellyfin/Emby wire shapes → port shapes. Provider ids come as strings keyed Imdb/Tmdb/Tvdb (any case).
import type {
  MediaLibrary,
  MediaLibraryType,
  MediaMetadata,
  MediaServerUser,
  WatchedItem,
} from '../../../providers/ports/media-server.port.js';
import type { MbItem, MbUser, MbVirtualFolder } from './mediabrowser-api.js';

const COLLECTION_TYPES: Record<string, MediaLibraryType> = {
  movies: 'movie',
  tvshows: 'tv',
  music: 'music',
};

export function mapVirtualFolder(f: MbVirtualFolder): MediaLibrary {
  return {
    id: f.ItemId ?? f.Name,
    name: f.Name,
    type: COLLECTION_TYPES[(f.CollectionType ?? '').toLowerCase()] ?? 'other',
    paths: f.Locations ?? [],
    itemCount: null,
  };
}

function providerId(item: MbItem, name: string): string | undefined {
  for (const [k, v] of Object.entries(item.ProviderIds ?? {})) if (k.toLowerCase() === name && v) return v;
  return undefined;
}

function intId(v: string | undefined): number | undefined {
  if (!v || !/^\d+$/.test(v)) return undefined;
  return Number(v);
}

const ITEM_TYPES: Record<string, MediaMetadata['type']> = {
  Movie: 'movie',
  Series: 'series',
  Season: 'season',
  Episode: 'episode',
};

export function mapItem(item: MbItem, serverUrl: string): MediaMetadata {
  const imdb = providerId(item, 'imdb');
  const tmdbId = intId(providerId(item, 'tmdb'));
  const tvdbId = intId(providerId(item, 'tvdb'));
  const files = [item.Path, ...(item.MediaSources ?? []).map((s) => s.Path)].filter(
    (p): p is string => typeof p === 'string' && p.length > 0,
  );
  const image = (kind: string) => `${serverUrl}/Items/${encodeURIComponent(item.Id)}/Images/${kind}`;
  return {
    id: item.Id,
    title: item.Name,
    type: ITEM_TYPES[item.Type ?? ''] ?? 'other',
    ...(item.ProductionYear ? { year: item.ProductionYear } : {}),
    ...(item.Overview ? { overview: item.Overview } : {}),
    ...(item.ImageTags?.Primary ? { posterUrl: image('Primary') } : {}),
    ...(item.BackdropImageTags?.length ? { backdropUrl: image('Backdrop') } : {}),
    ...(typeof item.CommunityRating === 'number' ? { rating: item.CommunityRating } : {}),
    genres: item.Genres ?? [],
    ...(imdb && /^tt\d+$/.test(imdb) ? { imdbId: imdb } : {}),
    ...(tmdbId === undefined ? {} : { tmdbId }),
    ...(tvdbId === undefined ? {} : { tvdbId }),
    filePaths: [...new Set(files)],
  };
}

export function mapUser(u: MbUser): MediaServerUser {
  return { id: u.Id, name: u.Name, isAdmin: u.Policy?.IsAdministrator === true };
}

export function mapPlayed(item: MbItem, userId: string): WatchedItem {
  const episode = item.Type === 'Episode';
  return {
    id: item.Id,
    title: item.Name,
    type: episode ? 'episode' : item.Type === 'Movie' ? 'movie' : 'other',
    ...(episode && item.SeriesName ? { seriesTitle: item.SeriesName } : {}),
    ...(episode && item.ParentIndexNumber !== undefined ? { seasonNumber: item.ParentIndexNumber } : {}),
    ...(episode && item.IndexNumber !== undefined ? { episodeNumber: item.IndexNumber } : {}),
    ...(item.ProductionYear ? { year: item.ProductionYear } : {}),
    ...(item.UserData?.LastPlayedDate ? { watchedAt: item.UserData.LastPlayedDate } : {}),
    userId,
  };
}
