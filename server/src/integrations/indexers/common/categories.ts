// The Newznab category table (spec: "Indexer Category Mapping") and which categories a search of each media type
// uses. Ids of 100000 and above are an indexer's own categories (Jackett, Prowlarr, trackers) and belong to no
// standard parent.

export const NEWZNAB_CATEGORIES = {
  // TV
  TV: 5000,
  TV_WEBDL: 5010,
  TV_FOREIGN: 5020,
  TV_SD: 5030,
  TV_HD: 5040,
  TV_UHD: 5045,
  TV_OTHER: 5050,
  TV_SPORT: 5060,
  TV_ANIME: 5070,
  TV_DOCUMENTARY: 5080,
  // Movies
  MOVIES: 2000,
  MOVIES_FOREIGN: 2010,
  MOVIES_OTHER: 2020,
  MOVIES_SD: 2030,
  MOVIES_HD: 2040,
  MOVIES_UHD: 2045,
  MOVIES_BLURAY: 2050,
  MOVIES_3D: 2060,
  MOVIES_WEBDL: 2070,
  // Audio
  AUDIO: 3000,
  AUDIO_MP3: 3010,
  AUDIO_VIDEO: 3020,
  AUDIO_AUDIOBOOK: 3030,
  AUDIO_LOSSLESS: 3040,
  AUDIO_OTHER: 3050,
  AUDIO_FOREIGN: 3060,
} as const;

const NAMES: Record<number, string> = {
  5000: 'TV',
  5010: 'TV/WEB-DL',
  5020: 'TV/Foreign',
  5030: 'TV/SD',
  5040: 'TV/HD',
  5045: 'TV/UHD',
  5050: 'TV/Other',
  5060: 'TV/Sport',
  5070: 'TV/Anime',
  5080: 'TV/Documentary',
  2000: 'Movies',
  2010: 'Movies/Foreign',
  2020: 'Movies/Other',
  2030: 'Movies/SD',
  2040: 'Movies/HD',
  2045: 'Movies/UHD',
  2050: 'Movies/BluRay',
  2060: 'Movies/3D',
  2070: 'Movies/WEB-DL',
  3000: 'Audio',
  3010: 'Audio/MP3',
  3020: 'Audio/Video',
  3030: 'Audio/Audiobook',
  3040: 'Audio/Lossless',
  3050: 'Audio/Other',
  3060: 'Audio/Foreign',
};

export type MediaType = 'tv' | 'movie' | 'anime';

export const MEDIA_TYPE_TO_CATEGORIES: Record<MediaType, readonly number[]> = {
  tv: [
    NEWZNAB_CATEGORIES.TV,
    NEWZNAB_CATEGORIES.TV_HD,
    NEWZNAB_CATEGORIES.TV_SD,
    NEWZNAB_CATEGORIES.TV_UHD,
    NEWZNAB_CATEGORIES.TV_WEBDL,
  ],
  movie: [
    NEWZNAB_CATEGORIES.MOVIES,
    NEWZNAB_CATEGORIES.MOVIES_HD,
    NEWZNAB_CATEGORIES.MOVIES_SD,
    NEWZNAB_CATEGORIES.MOVIES_UHD,
    NEWZNAB_CATEGORIES.MOVIES_BLURAY,
    NEWZNAB_CATEGORIES.MOVIES_WEBDL,
  ],
  anime: [NEWZNAB_CATEGORIES.TV_ANIME],
};

export const DEFAULT_CATEGORIES: readonly number[] = [
  ...MEDIA_TYPE_TO_CATEGORIES.movie,
  ...MEDIA_TYPE_TO_CATEGORIES.tv,
];
export const DEFAULT_ANIME_CATEGORIES: readonly number[] = MEDIA_TYPE_TO_CATEGORIES.anime;

/** The standard parent of a category (5040 → 5000); custom (≥ 100000) and unknown ids have none. */
export function parentCategory(id: number): number | undefined {
  if (id >= 100_000 || id < 1000) return undefined;
  return Math.floor(id / 1000) * 1000;
}

export function categoryName(id: number): string | undefined {
  return NAMES[id] ?? (id >= 100_000 ? undefined : NAMES[parentCategory(id) ?? -1]);
}

/**
 * The configured categories a search of `type` uses: movie searches keep the 2xxx ids, TV searches the 5xxx ids,
 * both keep custom ids (the user picked them for a reason). When nothing fits, all configured ids are used.
 */
export function categoriesForSearch(type: 'movie' | 'tv' | 'generic', configured: readonly number[]): number[] {
  if (type === 'generic') return [...configured];
  const parent = type === 'movie' ? NEWZNAB_CATEGORIES.MOVIES : NEWZNAB_CATEGORIES.TV;
  const picked = configured.filter((id) => id >= 100_000 || parentCategory(id) === parent);
  return picked.length > 0 ? picked : [...configured];
}

/** True when `id` is `wanted` or a subcategory of it. */
export function categoryMatches(id: number, wanted: number): boolean {
  return id === wanted || (wanted % 1000 === 0 && parentCategory(id) === wanted);
}
