// TVDB v4 wire shapes → metadata domain shapes.
import type {
  AlternativeTitle,
  EpisodeMetadata,
  MetadataImages,
  SeriesMetadata,
  SeriesStatus,
  SeriesSummary,
} from '../../../providers/ports/metadata.port.js';
import type {
  TvdbArtwork,
  TvdbEpisode,
  TvdbRemoteId,
  TvdbSearchResult,
  TvdbSeriesBase,
  TvdbSeriesExtended,
} from './wire.js';

export interface MapOptions {
  language: string;
  certificationCountry: string;
}

// Artwork type ids from /artwork/types for series.
const BANNER = 1;
const POSTER = 2;
const BACKGROUND = 3;
const IMDB = 2;
const TMDB = 12;

export function mapStatus(name: string | null | undefined): SeriesStatus {
  switch (name?.toLowerCase()) {
    case 'continuing':
      return 'continuing';
    case 'ended':
      return 'ended';
    case 'upcoming':
      return 'upcoming';
    default:
      return 'unknown';
  }
}

export function mapSearchResult(r: TvdbSearchResult, o: MapOptions): SeriesSummary | undefined {
  const tvdbId = Number(r.tvdb_id);
  if (!Number.isInteger(tvdbId) || tvdbId <= 0) return undefined; // not a series hit we can add
  return {
    tvdbId,
    ...remoteIds(r.remote_ids),
    title: r.translations?.[o.language] ?? r.name ?? '',
    ...opt('year', toYear(r.year ?? r.first_air_time)),
    ...opt('overview', r.overviews?.[o.language] ?? (r.overview || undefined)),
    status: mapStatus(r.status),
    ...opt('network', r.network || undefined),
    ...opt('firstAired', r.first_air_time || undefined),
    images: r.image_url ? { poster: r.image_url } : {},
  };
}

export function mapSeriesBase(s: TvdbSeriesBase): SeriesSummary {
  return {
    tvdbId: s.id,
    title: s.name ?? '',
    ...opt('year', toYear(s.year ?? s.firstAired)),
    ...opt('overview', s.overview || undefined),
    status: mapStatus(s.status?.name),
    ...opt('firstAired', s.firstAired || undefined),
    images: s.image ? { poster: s.image } : {},
  };
}

export function mapSeries(s: TvdbSeriesExtended, episodes: TvdbEpisode[], o: MapOptions): SeriesMetadata {
  const base = mapSeriesBase(s);
  const name = s.translations?.nameTranslations?.find((t) => t.language === o.language)?.name;
  const overview = s.translations?.overviewTranslations?.find((t) => t.language === o.language)?.overview;
  const title = name || base.title;
  const certification = s.contentRatings?.find((r) => r.country === o.certificationCountry)?.name;
  return {
    ...base,
    ...remoteIds(s.remoteIds ?? undefined),
    title,
    ...(title !== base.title && base.title ? { originalTitle: base.title } : {}),
    ...opt('overview', overview || base.overview),
    alternativeTitles: aliases(s.aliases ?? [], title),
    ...opt('network', s.originalNetwork?.name ?? s.latestNetwork?.name ?? undefined),
    ...opt('runtime', s.averageRuntime || undefined),
    ...opt('airTime', s.airsTime || undefined),
    genres: (s.genres ?? []).map((g) => g.name),
    ...opt('certification', certification || undefined),
    images: artworkImages(s.artworks ?? [], s.image),
    // The extended record lists every season type (aired, DVD, absolute); episodes come in aired order.
    seasons: (s.seasons ?? [])
      .filter((season) => (season.type?.type ?? 'official') === 'official')
      .map((season) => ({ seasonNumber: season.number, images: season.image ? { poster: season.image } : {} }))
      .sort((a, b) => a.seasonNumber - b.seasonNumber),
    episodes: episodes.map(mapEpisode),
  };
}

export function mapEpisode(e: TvdbEpisode): EpisodeMetadata {
  return {
    tvdbId: e.id,
    seasonNumber: e.seasonNumber,
    episodeNumber: e.number,
    // TVDB sends 0 for "no absolute number".
    ...opt('absoluteEpisodeNumber', e.absoluteNumber || undefined),
    title: e.name ?? '',
    ...opt('overview', e.overview || undefined),
    ...opt('airDate', e.aired || undefined),
    ...opt('runtime', e.runtime || undefined),
    ...opt('airsBeforeSeason', e.airsBeforeSeason ?? undefined),
    ...opt('airsBeforeEpisode', e.airsBeforeEpisode ?? undefined),
  };
}

function remoteIds(ids: TvdbRemoteId[] | undefined): { imdbId?: string; tmdbId?: number } {
  const imdb = ids?.find((r) => r.type === IMDB)?.id;
  const tmdb = Number(ids?.find((r) => r.type === TMDB)?.id);
  return { ...opt('imdbId', imdb || undefined), ...opt('tmdbId', tmdb > 0 ? tmdb : undefined) };
}

function aliases(list: ({ language?: string; name?: string } | string)[], title: string): AlternativeTitle[] {
  const seen = new Set([title.toLowerCase()]);
  const out: AlternativeTitle[] = [];
  for (const a of list) {
    const name = (typeof a === 'string' ? a : a.name)?.trim();
    if (!name || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push({ title: name });
  }
  return out;
}

function artworkImages(artworks: TvdbArtwork[], fallbackPoster: string | null | undefined): MetadataImages {
  const best = (type: number) =>
    artworks.filter((a) => a.type === type && a.image).sort((a, b) => (b.score ?? 0) - (a.score ?? 0))[0]?.image ??
    undefined;
  return {
    ...opt('poster', best(POSTER) ?? (fallbackPoster || undefined)),
    ...opt('fanart', best(BACKGROUND)),
    ...opt('banner', best(BANNER)),
  };
}

function toYear(value: string | null | undefined): number | undefined {
  const year = Number(value?.slice(0, 4));
  return Number.isInteger(year) && year > 0 ? year : undefined;
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
