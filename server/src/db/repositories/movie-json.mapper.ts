// A `movies` row as the API's movie JSON, built in SQL: the same text JSON.stringify writes for the service's
// MovieView of that row (movie-row.mapper.ts + MovieService.views), alternative titles and availability included.
// The unpaginated movie list sends these strings as they come, so 20,000 movies are never 20,000 objects in Node.
// library-movie-json.test.ts holds the two to each other.
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../schema.js';
import { type JsonText, jsonSql } from './json-text.sql.js';

const ref = (column: string) => sql.ref(column);

/**
 * The JSON of the `movies` row in scope (the outer query must select from `movies` unaliased). `isAvailable` is
 * the repository's SQL spelling of isMovieAvailable for the day the view is for.
 */
export function movieJson(db: Kysely<DB>, isAvailable: Expression<SqlBool>): JsonText {
  const j = jsonSql(db);
  const v = (column: string) => j.value(ref(`movies.${column}`));
  const int = (column: string) => j.integer(ref(`movies.${column}`));
  const alternateTitle = j.object({
    title: j.value(ref('a.title')),
    cleanTitle: j.value(ref('a.clean_title')),
    source: j.value(ref('a.source')),
  });
  return j.object({
    id: int('id'),
    tmdbId: int('tmdb_id'),
    imdbId: v('imdb_id'),
    title: v('title'),
    originalTitle: v('original_title'),
    sortTitle: v('sort_title'),
    cleanTitle: v('clean_title'),
    year: int('year'),
    runtime: int('runtime'),
    overview: v('overview'),
    status: v('status'),
    inCinemas: v('in_cinemas'),
    physicalRelease: v('physical_release'),
    digitalRelease: v('digital_release'),
    minimumAvailability: v('minimum_availability'),
    certification: v('certification'),
    // Stored as JSON.stringify output already.
    genres: sql<string>`movies.genres`,
    studio: v('studio'),
    images: j.pickArray(ref('movies.images'), ['coverType', 'remoteUrl']),
    ratings: j.pickObjectValues(ref('movies.ratings'), ['value', 'votes']),
    monitored: j.bool(ref('movies.monitored')),
    qualityProfileId: int('quality_profile_id'),
    path: v('path'),
    rootFolderPath: v('root_folder_path'),
    tags: sql<string>`movies.tags`,
    // movieFromRow: a collection whenever its id is set, a missing title read as ''.
    collection: j.nullUnless(
      sql<SqlBool>`movies.collection_tmdb_id is not null`,
      j.object({
        tmdbId: int('collection_tmdb_id'),
        title: j.value(sql`coalesce(movies.collection_title, '')`),
      }),
    ),
    added: v('added'),
    lastInfoSync: v('last_info_sync'),
    movieFileId: int('movie_file_id'),
    alternateTitles: sql<string>`(select ${j.arrayAgg(alternateTitle, ref('a.id'))}
      from movie_alternative_titles as a where a.movie_id = movies.id)`,
    hasFile: j.when(sql<SqlBool>`movies.movie_file_id is not null`),
    isAvailable: j.when(isAvailable),
    // Bytes of the movie's files; the file table arrives with imports (as in MovieService).
    sizeOnDisk: sql<string>`'0'`,
  });
}
