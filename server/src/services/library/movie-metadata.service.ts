// Provider movie metadata → the library's Movie fields (pure). Used by add and refresh alike, so both agree on
// status, titles and artwork; the user's fields (monitoring, profile, path, tags) are never touched here.
import { cleanMovieTitle, sortTitle } from '../../domain/library/clean-title.js';
import type { MediaImage } from '../../domain/library/media.types.js';
import type { AlternativeTitle, Movie, MovieStatus } from '../../domain/library/movie.types.js';
import type { MetadataImages, MovieMetadata } from '../../providers/ports/metadata.port.js';

/** The fields a metadata refresh owns. */
export type MovieMetadataFields = Pick<
  Movie,
  | 'tmdbId'
  | 'imdbId'
  | 'title'
  | 'originalTitle'
  | 'sortTitle'
  | 'cleanTitle'
  | 'year'
  | 'runtime'
  | 'overview'
  | 'status'
  | 'inCinemas'
  | 'physicalRelease'
  | 'digitalRelease'
  | 'certification'
  | 'genres'
  | 'studio'
  | 'images'
  | 'collection'
>;

const DAY_MS = 86_400_000;
/** Radarr's rule: a cinema release with no home release announced counts as released after ~3 months. */
const CINEMA_TO_RELEASED_DAYS = 90;

export function toMediaImages(images: MetadataImages): MediaImage[] {
  const out: MediaImage[] = [];
  for (const coverType of ['poster', 'fanart', 'banner'] as const) {
    const remoteUrl = images[coverType];
    if (remoteUrl) out.push({ coverType, remoteUrl });
  }
  return out;
}

/** Availability status from TMDB's production state and the release days (`today` = `YYYY-MM-DD`, UTC). */
export function movieStatus(
  m: Pick<MovieMetadata, 'status' | 'inCinemas' | 'physicalRelease' | 'digitalRelease'>,
  today: string,
): MovieStatus {
  const reached = (day: string | undefined) => day !== undefined && day <= today;
  if (reached(m.physicalRelease) || reached(m.digitalRelease)) return 'released';
  if (m.inCinemas && reached(m.inCinemas)) {
    const since = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${m.inCinemas}T00:00:00Z`)) / DAY_MS;
    const homeReleaseAnnounced = m.physicalRelease !== undefined || m.digitalRelease !== undefined;
    return !homeReleaseAnnounced && since >= CINEMA_TO_RELEASED_DAYS ? 'released' : 'inCinemas';
  }
  if (m.status === 'released' && !m.inCinemas) return 'released';
  if (m.inCinemas || m.physicalRelease || m.digitalRelease) return 'announced';
  if (m.status === 'inProduction' || m.status === 'postProduction' || m.status === 'planned') return 'announced';
  return 'tba';
}

export function movieMetadataFields(m: MovieMetadata, today: string): MovieMetadataFields {
  const year = m.year ?? (m.inCinemas ? Number(m.inCinemas.slice(0, 4)) : 0);
  return {
    tmdbId: m.tmdbId,
    imdbId: m.imdbId ?? null,
    title: m.title,
    originalTitle: m.originalTitle ?? null,
    sortTitle: sortTitle(m.title),
    cleanTitle: cleanMovieTitle(m.title),
    year: Number.isFinite(year) ? year : 0,
    runtime: m.runtime ?? 0,
    overview: m.overview ?? null,
    status: movieStatus(m, today),
    inCinemas: m.inCinemas ?? null,
    physicalRelease: m.physicalRelease ?? null,
    digitalRelease: m.digitalRelease ?? null,
    certification: m.certification ?? null,
    genres: m.genres,
    studio: m.studio ?? null,
    images: toMediaImages(m.images),
    collection: m.collection ?? null,
  };
}

/** Alternative titles without duplicates of the main title (by clean title). */
export function movieAlternativeTitles(m: MovieMetadata): AlternativeTitle[] {
  const seen = new Set([cleanMovieTitle(m.title)]);
  const out: AlternativeTitle[] = [];
  const candidates = [...(m.originalTitle ? [m.originalTitle] : []), ...m.alternativeTitles.map((t) => t.title)];
  for (const title of candidates) {
    const clean = cleanMovieTitle(title);
    if (!clean || seen.has(clean)) continue;
    seen.add(clean);
    out.push({ title, cleanTitle: clean, source: 'tmdb' });
  }
  return out;
}

export function todayUtc(nowMs: number): string {
  return new Date(nowMs).toISOString().slice(0, 10);
}
