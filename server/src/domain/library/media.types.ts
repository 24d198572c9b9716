// Shapes shared by movies and series: artwork, ratings and the small enums both sides use.

export interface MediaImage {
  /** poster, fanart, banner, clearlogo, screenshot, headshot (Sonarr/Radarr's coverType). */
  coverType: string;
  /** Where the provider serves the image. */
  remoteUrl: string;
}

export interface Rating {
  value: number;
  votes: number;
}

/** Ratings by source (`tmdb`, `imdb`, `tvdb`, …), the Radarr shape. */
export type Ratings = Record<string, Rating>;
