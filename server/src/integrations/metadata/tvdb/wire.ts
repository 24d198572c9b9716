// TVDB API v4 answer shapes, only the members idkarr reads. Every answer is wrapped in
// `{status, data, links?}`; errors use the same envelope with `status: "failure"` and a `message`.

export interface TvdbEnvelope<T> {
  status?: string;
  message?: string;
  data?: T;
  links?: {
    prev?: string | null;
    self?: string | null;
    next?: string | null;
    total_items?: number;
    page_size?: number;
  };
}

export interface TvdbRemoteId {
  id: string;
  /** 2 = IMDB, 12 = TheMovieDB (per /sources/types). */
  type: number;
  sourceName?: string;
}

export interface TvdbSearchResult {
  tvdb_id?: string;
  name?: string;
  year?: string;
  first_air_time?: string;
  overview?: string;
  overviews?: Record<string, string>;
  translations?: Record<string, string>;
  aliases?: string[];
  status?: string;
  network?: string;
  image_url?: string;
  remote_ids?: TvdbRemoteId[];
}

export interface TvdbSeriesBase {
  id: number;
  name?: string | null;
  image?: string | null;
  firstAired?: string | null;
  status?: { id?: number; name?: string | null } | null;
  averageRuntime?: number | null;
  overview?: string | null;
  year?: string | null;
  originalLanguage?: string | null;
}

export interface TvdbArtwork {
  image?: string | null;
  type?: number;
  score?: number;
  language?: string | null;
}

export interface TvdbSeriesExtended extends TvdbSeriesBase {
  aliases?: ({ language?: string; name?: string } | string)[];
  artworks?: TvdbArtwork[] | null;
  originalNetwork?: { name?: string | null } | null;
  latestNetwork?: { name?: string | null } | null;
  genres?: { name: string }[] | null;
  remoteIds?: TvdbRemoteId[] | null;
  airsTime?: string | null;
  seasons?: { number: number; image?: string | null; type?: { type?: string | null } | null }[] | null;
  contentRatings?: { name?: string; country?: string }[] | null;
  translations?: {
    nameTranslations?: { name?: string; language?: string }[] | null;
    overviewTranslations?: { overview?: string; language?: string }[] | null;
  } | null;
}

export interface TvdbEpisode {
  id: number;
  name?: string | null;
  overview?: string | null;
  aired?: string | null;
  runtime?: number | null;
  number: number;
  seasonNumber: number;
  absoluteNumber?: number | null;
  airsBeforeSeason?: number | null;
  airsBeforeEpisode?: number | null;
}

export interface TvdbEpisodePage {
  series?: TvdbSeriesBase;
  episodes?: TvdbEpisode[] | null;
}
