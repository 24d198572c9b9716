// TMDB API v3 answer shapes, only the members idkarr reads. Everything is optional or nullable because TMDB
// omits and nulls fields freely (older records, the 2016 answers in the fixtures).

export interface TmdbPage<T> {
  page?: number;
  results?: T[];
  total_pages?: number;
  total_results?: number;
}

export interface TmdbMovieResult {
  id: number;
  title?: string | null;
  original_title?: string | null;
  overview?: string | null;
  release_date?: string | null;
  poster_path?: string | null;
  backdrop_path?: string | null;
}

export interface TmdbReleaseDate {
  certification?: string | null;
  release_date?: string | null;
  /** 1 premiere, 2 limited theatrical, 3 theatrical, 4 digital, 5 physical, 6 TV. */
  type?: number;
}

export interface TmdbImage {
  file_path?: string | null;
  iso_639_1?: string | null;
  vote_average?: number;
}

export interface TmdbMovieDetails extends TmdbMovieResult {
  imdb_id?: string | null;
  runtime?: number | null;
  status?: string | null;
  genres?: { id: number; name: string }[];
  production_companies?: { id: number; name: string }[];
  belongs_to_collection?: { id: number; name: string } | null;
  // Appended with append_to_response:
  alternative_titles?: { titles?: { iso_3166_1?: string; title?: string }[] };
  release_dates?: { results?: { iso_3166_1?: string; release_dates?: TmdbReleaseDate[] }[] };
  external_ids?: { imdb_id?: string | null };
  images?: { posters?: TmdbImage[]; backdrops?: TmdbImage[] };
}

export interface TmdbTvResult {
  id: number;
  name?: string | null;
  original_name?: string | null;
  overview?: string | null;
  first_air_date?: string | null;
  poster_path?: string | null;
  backdrop_path?: string | null;
}

export interface TmdbTvDetails extends TmdbTvResult {
  status?: string | null;
  episode_run_time?: number[];
  genres?: { id: number; name: string }[];
  networks?: { id: number; name: string }[];
  seasons?: { season_number: number; poster_path?: string | null }[];
  last_episode_to_air?: { runtime?: number | null } | null;
  // Appended with append_to_response:
  external_ids?: { imdb_id?: string | null; tvdb_id?: number | null };
  content_ratings?: { results?: { iso_3166_1?: string; rating?: string }[] };
  alternative_titles?: { results?: { iso_3166_1?: string; title?: string }[] };
}

export interface TmdbEpisode {
  id: number;
  season_number: number;
  episode_number: number;
  name?: string | null;
  overview?: string | null;
  air_date?: string | null;
  runtime?: number | null;
}

export interface TmdbSeason {
  season_number: number;
  poster_path?: string | null;
  episodes?: TmdbEpisode[];
}

export interface TmdbFindResult {
  movie_results?: TmdbMovieResult[];
  tv_results?: TmdbTvResult[];
}

/** The error envelope: `status_code` 7 = invalid API key, 34 = not found; 422 answers carry `errors`. */
export interface TmdbErrorBody {
  status_code?: number;
  status_message?: string;
  success?: boolean;
  errors?: string[];
}
