// TMDB v3 wire shapes for lists (only the fields idkarr reads).
export interface TmdbListEntry {
  id: number;
  media_type?: string;
  title?: string;
  name?: string;
  original_title?: string;
  original_name?: string;
  release_date?: string;
  first_air_date?: string;
}

export interface TmdbPaged {
  page?: number;
  total_pages?: number;
  results?: TmdbListEntry[];
  /** /list/{id} names its entries `items`. */
  items?: TmdbListEntry[];
}

export interface TmdbCredits {
  cast?: TmdbListEntry[];
  crew?: TmdbListEntry[];
}

export interface TmdbCollection {
  id: number;
  name?: string;
  parts?: TmdbListEntry[];
}
