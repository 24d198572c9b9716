// TMDB wire shapes → metadata domain shapes.
import type {
  AlternativeTitle,
  EpisodeMetadata,
  MetadataImages,
  MovieMetadata,
  MovieStatus,
  MovieSummary,
  SeriesMetadata,
  SeriesStatus,
  SeriesSummary,
} from '../../../providers/ports/metadata.port.js';
import type {
  TmdbMovieDetails,
  TmdbMovieResult,
  TmdbReleaseDate,
  TmdbSeason,
  TmdbTvDetails,
  TmdbTvResult,
} from './wire.js';

export interface MapOptions {
  imageBaseUrl: string;
  certificationCountry: string;
}

const MOVIE_STATUS: Record<string, MovieStatus> = {
  Rumored: 'rumored',
  Planned: 'planned',
  'In Production': 'inProduction',
  'Post Production': 'postProduction',
  Released: 'released',
  Canceled: 'canceled',
};

const SERIES_STATUS: Record<string, SeriesStatus> = {
  'Returning Series': 'continuing',
  Ended: 'ended',
  Canceled: 'ended',
  'In Production': 'upcoming',
  Planned: 'upcoming',
  Pilot: 'upcoming',
};

// TMDB release types; 2 (limited) counts as cinema only when there is no wide release.
const THEATRICAL = 3;
const LIMITED = 2;
const DIGITAL = 4;
const PHYSICAL = 5;

export function mapMovieSummary(r: TmdbMovieResult, o: MapOptions): MovieSummary {
  return {
    tmdbId: r.id,
    title: r.title ?? r.original_title ?? '',
    ...opt('originalTitle', r.original_title ?? undefined),
    ...opt('year', yearOf(r.release_date)),
    ...opt('overview', r.overview || undefined),
    images: images(o, r.poster_path, r.backdrop_path),
  };
}

export function mapMovie(d: TmdbMovieDetails, o: MapOptions): MovieMetadata {
  const byCountry = d.release_dates?.results ?? [];
  const local = byCountry.find((c) => c.iso_3166_1 === o.certificationCountry)?.release_dates ?? [];
  const all = byCountry.flatMap((c) => c.release_dates ?? []);
  // The configured country first; a film never released there still has dates elsewhere.
  const earliest = (type: number) => earliestOf(local, type) ?? earliestOf(all, type);
  const certification = [...local]
    .sort((a, b) => Number(b.type === THEATRICAL) - Number(a.type === THEATRICAL))
    .find((r) => r.certification?.trim())
    ?.certification?.trim();
  const summary = mapMovieSummary(d, o);
  return {
    ...summary,
    ...opt('imdbId', d.imdb_id || d.external_ids?.imdb_id || undefined),
    alternativeTitles: alternativeTitles(d.alternative_titles?.titles ?? [], summary.title),
    ...opt('runtime', d.runtime || undefined),
    status: MOVIE_STATUS[d.status ?? ''] ?? 'unknown',
    ...opt('inCinemas', earliest(THEATRICAL) ?? earliest(LIMITED) ?? (d.release_date || undefined)),
    ...opt('physicalRelease', earliest(PHYSICAL)),
    ...opt('digitalRelease', earliest(DIGITAL)),
    ...opt('certification', certification),
    genres: (d.genres ?? []).map((g) => g.name),
    ...opt('studio', d.production_companies?.[0]?.name),
    ...(d.belongs_to_collection
      ? { collection: { tmdbId: d.belongs_to_collection.id, title: d.belongs_to_collection.name } }
      : {}),
    images: {
      ...summary.images,
      ...(summary.images.poster ? {} : opt('poster', url(o, d.images?.posters?.[0]?.file_path))),
      ...(summary.images.fanart ? {} : opt('fanart', url(o, d.images?.backdrops?.[0]?.file_path))),
    },
  };
}

export function mapSeriesSummary(r: TmdbTvResult, o: MapOptions, status: SeriesStatus = 'unknown'): SeriesSummary {
  return {
    tmdbId: r.id,
    title: r.name ?? r.original_name ?? '',
    ...opt('year', yearOf(r.first_air_date)),
    ...opt('overview', r.overview || undefined),
    ...opt('firstAired', r.first_air_date || undefined),
    status,
    images: images(o, r.poster_path, r.backdrop_path),
  };
}

export function mapSeries(d: TmdbTvDetails, seasons: TmdbSeason[], o: MapOptions): SeriesMetadata {
  const summary = mapSeriesSummary(d, o, SERIES_STATUS[d.status ?? ''] ?? 'unknown');
  const rating = d.content_ratings?.results?.find((r) => r.iso_3166_1 === o.certificationCountry)?.rating;
  return {
    ...summary,
    ...opt('tvdbId', d.external_ids?.tvdb_id ?? undefined),
    ...opt('imdbId', d.external_ids?.imdb_id || undefined),
    ...opt('network', d.networks?.[0]?.name),
    ...opt('originalTitle', d.original_name ?? undefined),
    alternativeTitles: alternativeTitles(d.alternative_titles?.results ?? [], summary.title),
    ...opt('runtime', d.episode_run_time?.[0] || d.last_episode_to_air?.runtime || undefined),
    genres: (d.genres ?? []).map((g) => g.name),
    ...opt('certification', rating?.trim() || undefined),
    seasons: (d.seasons ?? []).map((s) => ({ seasonNumber: s.season_number, images: images(o, s.poster_path) })),
    episodes: seasons.flatMap((s) => (s.episodes ?? []).map(mapEpisode)),
  };
}

function mapEpisode(e: NonNullable<TmdbSeason['episodes']>[number]): EpisodeMetadata {
  return {
    tmdbId: e.id,
    seasonNumber: e.season_number,
    episodeNumber: e.episode_number,
    title: e.name ?? '',
    ...opt('overview', e.overview || undefined),
    ...opt('airDate', e.air_date || undefined),
    ...opt('runtime', e.runtime || undefined),
  };
}

function alternativeTitles(titles: { iso_3166_1?: string; title?: string }[], main: string): AlternativeTitle[] {
  const seen = new Set([main.toLowerCase()]);
  const out: AlternativeTitle[] = [];
  for (const t of titles) {
    const title = t.title?.trim();
    if (!title || seen.has(title.toLowerCase())) continue;
    seen.add(title.toLowerCase());
    out.push({ title, ...opt('country', t.iso_3166_1 || undefined) });
  }
  return out;
}

function earliestOf(dates: TmdbReleaseDate[], type: number): string | undefined {
  const found = dates
    .filter((d) => d.type === type && d.release_date)
    .map((d) => d.release_date!.slice(0, 10))
    .sort();
  return found[0];
}

function images(o: MapOptions, poster?: string | null, fanart?: string | null): MetadataImages {
  return { ...opt('poster', url(o, poster)), ...opt('fanart', url(o, fanart)) };
}

function url(o: MapOptions, path: string | null | undefined): string | undefined {
  return path ? `${o.imageBaseUrl.replace(/\/+$/, '')}${path.startsWith('/') ? '' : '/'}${path}` : undefined;
}

function yearOf(date: string | null | undefined): number | undefined {
  const year = Number(date?.slice(0, 4));
  return Number.isInteger(year) && year > 0 ? year : undefined;
}

/** `{key: value}` when value is defined, else nothing; keeps optional domain fields absent, not undefined. */
function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
