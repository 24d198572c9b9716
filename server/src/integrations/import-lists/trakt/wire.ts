// Trakt API v2 wire shapes (only the fields idkarr reads).
export interface TraktIds {
  trakt?: number | null;
  slug?: string | null;
  imdb?: string | null;
  tmdb?: number | null;
  tvdb?: number | null;
}

export interface TraktMedia {
  title?: string | null;
  year?: number | null;
  ids?: TraktIds | null;
}

/** Watchlist, collection, list items and trending entries wrap the media; popular charts are bare media. */
export interface TraktEntry extends TraktMedia {
  type?: string;
  movie?: TraktMedia | null;
  show?: TraktMedia | null;
}

export interface TraktDeviceCode {
  device_code: string;
  user_code: string;
  verification_url: string;
  expires_in: number;
  interval: number;
}

export interface TraktToken {
  access_token: string;
  token_type?: string;
  expires_in: number;
  refresh_token: string;
  scope?: string;
  created_at?: number;
}
