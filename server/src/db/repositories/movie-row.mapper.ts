// movies rows <-> Movie: booleans 0/1, JSON text, collection as two columns. The only place that knows.
import type { Insertable, Selectable } from 'kysely';
import type { Movie, MovieStatus, NewMovie } from '../../domain/library/movie.types.js';
import type { MoviesTable } from '../schema.js';
import { bool, parseImages, parseJson, parseRatings } from './library-query.util.js';

type Row = Selectable<MoviesTable>;

export function movieFromRow(row: Row): Movie {
  return {
    id: row.id,
    tmdbId: row.tmdb_id,
    imdbId: row.imdb_id,
    title: row.title,
    originalTitle: row.original_title,
    sortTitle: row.sort_title,
    cleanTitle: row.clean_title,
    year: row.year,
    runtime: row.runtime,
    overview: row.overview,
    status: row.status as MovieStatus,
    inCinemas: row.in_cinemas,
    physicalRelease: row.physical_release,
    digitalRelease: row.digital_release,
    minimumAvailability: row.minimum_availability as Movie['minimumAvailability'],
    certification: row.certification,
    genres: parseJson(row.genres),
    studio: row.studio,
    images: parseImages(row.images),
    ratings: parseRatings(row.ratings),
    monitored: row.monitored === 1,
    qualityProfileId: row.quality_profile_id,
    path: row.path,
    rootFolderPath: row.root_folder_path,
    tags: parseJson(row.tags),
    collection:
      row.collection_tmdb_id === null ? null : { tmdbId: row.collection_tmdb_id, title: row.collection_title ?? '' },
    added: row.added,
    lastInfoSync: row.last_info_sync,
    movieFileId: row.movie_file_id,
  };
}

export function movieToRow(m: NewMovie): Insertable<MoviesTable> {
  return {
    tmdb_id: m.tmdbId,
    imdb_id: m.imdbId,
    title: m.title,
    original_title: m.originalTitle,
    sort_title: m.sortTitle,
    clean_title: m.cleanTitle,
    year: m.year,
    runtime: m.runtime,
    overview: m.overview,
    status: m.status,
    in_cinemas: m.inCinemas,
    physical_release: m.physicalRelease,
    digital_release: m.digitalRelease,
    minimum_availability: m.minimumAvailability,
    certification: m.certification,
    genres: JSON.stringify(m.genres),
    studio: m.studio,
    images: JSON.stringify(m.images),
    ratings: JSON.stringify(m.ratings),
    monitored: bool(m.monitored),
    quality_profile_id: m.qualityProfileId,
    path: m.path,
    root_folder_path: m.rootFolderPath,
    tags: JSON.stringify([...new Set(m.tags)]),
    collection_tmdb_id: m.collection?.tmdbId ?? null,
    collection_title: m.collection?.title ?? null,
    added: m.added,
    last_info_sync: m.lastInfoSync,
    movie_file_id: m.movieFileId,
  };
}
