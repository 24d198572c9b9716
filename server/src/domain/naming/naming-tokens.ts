// The token vocabulary: what each `{Token}` means, which formats may use it, and what `:format` it takes.
// Keys are the token's words lower-cased and joined by one space, so `{Series.Title}`, `{SERIES TITLE}` and
// `{series_title}` all find `series title`.
import { qualityById, qualityByName, qualityDisplayName } from '../quality/quality-catalog.js';
import type { NamingEpisode, NamingFileInfo, NamingMovie, NamingSeries } from './naming.types.js';
import {
  cleanTitle,
  editionTitle,
  joinEpisodeTitles,
  titleFirstCharacter,
  titleThe,
  titleWithoutYear,
  titleYear,
  truncateTitle,
} from './title-forms.js';

/** Which kind of item a token describes; formats allow a set of scopes. */
export type TokenScope = 'series' | 'season' | 'episode' | 'file' | 'movie' | 'movieFile' | 'ids';

/** `pad`: `{season:00}` zero-pads; `truncate`: `{Episode Title:30}` cuts to 30 characters; `none`: no `:format`. */
export type TokenFormatKind = 'pad' | 'truncate' | 'none';

export interface TokenContext {
  series?: NamingSeries;
  /** Sorted by season and episode number. */
  episodes?: readonly NamingEpisode[];
  movie?: NamingMovie;
  /** For season folders, which have no episodes. */
  seasonNumber?: number;
  file?: NamingFileInfo;
  /** Episode title length cap (characters) the builder sets when a name is too long. */
  episodeTitleMax?: number;
}

export interface TokenDefinition {
  /** Canonical spelling for documentation and examples. */
  name: string;
  scope: TokenScope;
  format: TokenFormatKind;
  value(ctx: TokenContext): string;
}

export const NAMING_TOKENS = new Map<string, TokenDefinition>();

function define(name: string, scope: TokenScope, format: TokenFormatKind, value: (ctx: TokenContext) => string) {
  NAMING_TOKENS.set(name.replace(/^\{|\}$/g, '').toLowerCase(), { name, scope, format, value });
}

// ---- Title families: Series and Movie share the same variants.
const TITLE_VARIANTS: [string, (title: string, year: number) => string][] = [
  ['Title', (t) => t],
  ['TitleYear', (t, y) => titleYear(t, y)],
  ['TitleWithoutYear', (t) => titleWithoutYear(t)],
  ['CleanTitle', (t) => cleanTitle(t)],
  ['CleanTitleYear', (t, y) => cleanTitle(titleYear(t, y))],
  ['CleanTitleWithoutYear', (t) => cleanTitle(titleWithoutYear(t))],
  ['TitleThe', (t) => titleThe(t)],
  ['TitleTheYear', (t, y) => titleYear(titleThe(t), y)],
  ['TitleTheWithoutYear', (t) => titleThe(titleWithoutYear(t))],
  ['CleanTitleThe', (t) => cleanTitle(titleThe(t))],
  ['CleanTitleTheYear', (t, y) => cleanTitle(titleYear(titleThe(t), y))],
  ['TitleFirstCharacter', (t) => titleFirstCharacter(t)],
];
for (const [variant, fn] of TITLE_VARIANTS) {
  const format: TokenFormatKind = variant === 'TitleFirstCharacter' ? 'none' : 'truncate';
  define(`Series ${variant}`, 'series', format, (c) => (c.series ? fn(c.series.title, c.series.year) : ''));
  define(`Movie ${variant}`, 'movie', format, (c) => (c.movie ? fn(c.movie.title, c.movie.year) : ''));
}
define('Series Year', 'series', 'none', (c) => (c.series?.year ? String(c.series.year) : ''));
define('TvdbId', 'series', 'none', (c) => (c.series?.tvdbId ? String(c.series.tvdbId) : ''));
define('TmdbId', 'ids', 'none', (c) => {
  const id = c.movie ? c.movie.tmdbId : c.series?.tmdbId;
  return id ? String(id) : '';
});
define('ImdbId', 'ids', 'none', (c) => (c.movie ? c.movie.imdbId : c.series?.imdbId) ?? '');

// ---- Movie.
define('Movie OriginalTitle', 'movie', 'truncate', (c) => c.movie?.originalTitle ?? '');
define('Movie CleanOriginalTitle', 'movie', 'truncate', (c) =>
  c.movie?.originalTitle ? cleanTitle(c.movie.originalTitle) : '',
);
define('Release Year', 'movie', 'none', (c) => (c.movie?.year ? String(c.movie.year) : ''));
define('Movie Collection', 'movie', 'truncate', (c) => c.movie?.collection?.title ?? '');
define('Movie Certification', 'movie', 'none', (c) => c.movie?.certification ?? '');
define('Edition Tags', 'movieFile', 'truncate', (c) => (c.file?.edition ? editionTitle(c.file.edition) : ''));

// ---- Season and episode numbers; the multi-episode styles are applied by the builder around `S{season}E{episode}`.
define('season', 'season', 'pad', () => '');
define('episode', 'episode', 'pad', () => '');
define('absolute', 'episode', 'pad', () => '');
define('Episode Title', 'episode', 'truncate', (c) => episodeTitle(c, (t) => t));
define('Episode CleanTitle', 'episode', 'truncate', (c) => episodeTitle(c, cleanTitle));
define('Air Date', 'episode', 'none', (c) => c.episodes?.[0]?.airDate?.replace(/-/g, ' ') ?? '');

function episodeTitle(c: TokenContext, shape: (t: string) => string): string {
  const title = shape(joinEpisodeTitles((c.episodes ?? []).map((e) => e.title)));
  if (c.episodeTitleMax === undefined) return title;
  return c.episodeTitleMax < 4 ? '' : truncateTitle(title, c.episodeTitleMax);
}

// ---- The file: quality, release, media info.
function qualityName(c: TokenContext): string {
  const q = c.file?.quality;
  if (!q) return '';
  const def = qualityById(q) ?? qualityByName(q);
  if (!def) return q;
  return qualityDisplayName(def, c.movie ? 'Radarr' : 'Sonarr');
}

function proper(c: TokenContext): string {
  const r = c.file?.revision;
  if (!r || (r.version ?? 1) <= 1) return '';
  return r.isRepack ? 'Repack' : 'Proper';
}

const real = (c: TokenContext) => ((c.file?.revision?.real ?? 0) > 0 ? 'REAL' : '');

define('Quality Title', 'file', 'none', qualityName);
define('Quality Proper', 'file', 'none', proper);
define('Quality Real', 'file', 'none', real);
define('Quality Full', 'file', 'none', (c) => [qualityName(c), proper(c), real(c)].filter(Boolean).join(' '));
define('Release Group', 'file', 'truncate', (c) => c.file?.releaseGroup?.trim() ?? '');
define('Custom Formats', 'file', 'none', (c) => (c.file?.customFormats ?? []).filter(Boolean).join(' '));
define('Original Title', 'file', 'none', (c) => c.file?.originalTitle?.trim() ?? '');
define('Original Filename', 'file', 'none', (c) => c.file?.originalFileName?.trim() ?? '');

function channels(n: number | null | undefined): string {
  return n ? n.toFixed(1) : '';
}

function languages(list: string[] | null | undefined): string {
  const codes = [...new Set((list ?? []).map((l) => l.trim().toUpperCase()).filter(Boolean))];
  return codes.length ? `[${codes.join('+')}]` : '';
}

const media = (c: TokenContext) => c.file?.mediaInfo ?? {};
define('MediaInfo VideoCodec', 'file', 'none', (c) => media(c).videoCodec ?? '');
define('MediaInfo VideoBitDepth', 'file', 'none', (c) =>
  media(c).videoBitDepth ? String(media(c).videoBitDepth) : '',
);
define('MediaInfo VideoDynamicRange', 'file', 'none', (c) => media(c).videoDynamicRange ?? '');
define('MediaInfo VideoDynamicRangeType', 'file', 'none', (c) => media(c).videoDynamicRangeType ?? '');
define('MediaInfo AudioCodec', 'file', 'none', (c) => media(c).audioCodec ?? '');
define('MediaInfo AudioChannels', 'file', 'none', (c) => channels(media(c).audioChannels));
define('MediaInfo AudioLanguages', 'file', 'none', (c) => languages(media(c).audioLanguages));
define('MediaInfo SubtitleLanguages', 'file', 'none', (c) => languages(media(c).subtitleLanguages));
define('MediaInfo Simple', 'file', 'none', (c) =>
  [media(c).videoCodec, media(c).audioCodec].filter((v) => v?.trim()).join(' '),
);
define('MediaInfo Full', 'file', 'none', (c) =>
  [media(c).videoCodec, media(c).audioCodec, languages(media(c).audioLanguages)].filter((v) => v?.trim()).join(' '),
);

/** Where a format is used; each allows a set of token scopes. */
export type FormatKind = 'episode' | 'seriesFolder' | 'seasonFolder' | 'movie' | 'movieFolder';

export const FORMAT_SCOPES: Record<FormatKind, ReadonlySet<TokenScope>> = {
  episode: new Set(['series', 'ids', 'season', 'episode', 'file']),
  seriesFolder: new Set(['series', 'ids']),
  seasonFolder: new Set(['series', 'ids', 'season']),
  movie: new Set(['movie', 'ids', 'file', 'movieFile']),
  movieFolder: new Set(['movie', 'ids']),
};

/** Zero-padded number: `{season:00}` → "01", `{season}` → "1". */
export function padNumber(n: number, format: string | null): string {
  return String(n).padStart(format?.length ?? 0, '0');
}
