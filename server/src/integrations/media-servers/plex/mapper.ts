// Plex wire shapes → port shapes: section types, external ids from both the new agents' `Guid` list
// (`imdb://tt…`, `tmdb://…`, `tvdb://…`) and the legacy agents' single `guid` (`com.plexapp.agents.imdb://tt…?lang=en`).
import type {
  MediaLibrary,
  MediaLibraryType,
  MediaMetadata,
  MediaServerUser,
  WatchedItem,
} from '../../../providers/ports/media-server.port.js';
import type { PlexAccount, PlexDirectory, PlexMetadata } from './api.js';

const SECTION_TYPES: Record<string, MediaLibraryType> = { movie: 'movie', show: 'tv', artist: 'music' };

const num = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
};

export function mapSection(d: PlexDirectory): MediaLibrary {
  return {
    id: String(d.key),
    name: d.title,
    type: SECTION_TYPES[d.type] ?? 'other',
    paths: (d.Location ?? []).map((l) => l.path).filter((p): p is string => typeof p === 'string'),
    itemCount: num(d.count) ?? null,
  };
}

export interface ExternalIds {
  imdbId?: string;
  tmdbId?: number;
  tvdbId?: number;
}

/** External ids from `Guid` entries and the legacy `guid` string. */
export function externalIds(m: Pick<PlexMetadata, 'guid' | 'Guid'>): ExternalIds {
  const out: ExternalIds = {};
  const guids = [...(m.Guid ?? []).map((g) => String(g.id ?? '')), m.guid ?? ''];
  for (const g of guids) {
    const match = /^(?:com\.plexapp\.agents\.)?(imdb|tmdb|themoviedb|tvdb|thetvdb):\/\/([^?/]+)/i.exec(g);
    if (!match) continue;
    const [, agent = '', id = ''] = match;
    const kind = agent.toLowerCase();
    if (kind === 'imdb' && /^tt\d+$/.test(id)) out.imdbId ??= id;
    if ((kind === 'tmdb' || kind === 'themoviedb') && num(id) !== undefined) out.tmdbId ??= num(id);
    if ((kind === 'tvdb' || kind === 'thetvdb') && num(id) !== undefined) out.tvdbId ??= num(id);
  }
  return out;
}

const METADATA_TYPES: Record<string, MediaMetadata['type']> = {
  movie: 'movie',
  show: 'series',
  season: 'season',
  episode: 'episode',
};

export function mapMetadata(m: PlexMetadata, serverUrl: string): MediaMetadata {
  const year = num(m.year);
  const rating = num(m.rating) ?? num(m.audienceRating);
  return {
    id: String(m.ratingKey),
    title: m.title,
    type: METADATA_TYPES[m.type] ?? 'other',
    ...(year === undefined ? {} : { year }),
    ...(m.summary ? { overview: m.summary } : {}),
    // Without the token: whoever shows the image adds their own credentials.
    ...(m.thumb ? { posterUrl: `${serverUrl}${m.thumb}` } : {}),
    ...(m.art ? { backdropUrl: `${serverUrl}${m.art}` } : {}),
    ...(rating === undefined ? {} : { rating }),
    genres: (m.Genre ?? []).map((g) => g.tag).filter((t): t is string => typeof t === 'string'),
    ...externalIds(m),
    filePaths: (m.Media ?? []).flatMap((media) => (media.Part ?? []).map((p) => p.file)).filter(isString),
  };
}

export function mapAccount(a: PlexAccount): MediaServerUser {
  // Account 1 is the server owner; 0 is the local system account.
  return {
    id: String(a.id),
    name: a.name || (String(a.id) === '0' ? 'System' : `Account ${a.id}`),
    isAdmin: String(a.id) === '1',
  };
}

export function mapHistoryEntry(m: PlexMetadata): WatchedItem {
  const viewedAt = num(m.viewedAt) ?? num(m.lastViewedAt);
  const episode = m.type === 'episode';
  const season = num(m.parentIndex);
  const number = num(m.index);
  const year = num(m.year);
  return {
    id: String(m.ratingKey ?? m.historyKey ?? ''),
    title: m.title,
    type: episode ? 'episode' : m.type === 'movie' ? 'movie' : 'other',
    ...(episode && m.grandparentTitle ? { seriesTitle: m.grandparentTitle } : {}),
    ...(episode && season !== undefined ? { seasonNumber: season } : {}),
    ...(episode && number !== undefined ? { episodeNumber: number } : {}),
    ...(year === undefined ? {} : { year }),
    ...(viewedAt === undefined ? {} : { watchedAt: new Date(viewedAt * 1000).toISOString() }),
    ...(m.accountID === undefined ? {} : { userId: String(m.accountID) }),
  };
}

function isString(v: unknown): v is string {
  return typeof v === 'string';
}
