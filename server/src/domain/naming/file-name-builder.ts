// The builder API the import pipeline and the RenameFiles command call: names for episode and movie files, series,
// season and movie folders, and a file's path relative to its series or movie folder. Inputs are plain objects;
// outputs use "/" between components and are safe on every filesystem (see file-name-sanitizer.ts).
import { finishComponent, MAX_COMPONENT_BYTES, sanitizeValue, utf8Length } from './file-name-sanitizer.js';
import { parseTemplate, type TemplatePart } from './format-template.js';
import { applyMultiEpisodeStyle, type RenderPart } from './multi-episode.js';
import type {
  MovieNamingConfig,
  NamingConfig,
  NamingEpisode,
  NamingFileInfo,
  NamingMovie,
  NamingSeries,
  SeriesNamingConfig,
} from './naming.types.js';
import { type RenderOptions, renderComponent } from './naming-render.js';
import type { TokenContext } from './naming-tokens.js';

/** `.mkv`, `mkv`, `` → `.mkv`, `.mkv`, ``. */
export function normalizeExtension(ext: string): string {
  const e = ext.trim().replace(/^\.+/, '');
  return e ? `.${e}` : '';
}

/** Splits a parsed format at its `/` breaks. */
function components(parts: readonly TemplatePart[]): RenderPart[][] {
  const out: RenderPart[][] = [[]];
  for (const p of parts) {
    if (p.kind === 'break') out.push([]);
    else out[out.length - 1]!.push(p);
  }
  return out.filter((c) => c.length > 0);
}

const usesEpisodeTitle = (parts: readonly RenderPart[]) =>
  parts.some((p) => p.kind === 'token' && (p.key === 'episode title' || p.key === 'episode cleantitle'));

/**
 * Renders a whole file format: each component finished on its own, the last carrying the extension. When the file
 * name would pass 255 bytes, the episode title is shortened first (longest that fits, ending in "..."); anything
 * still too long is cut at the byte limit.
 */
function renderFile(
  format: string,
  ctx: TokenContext,
  opts: RenderOptions,
  extension: string,
  rewrite: (parts: RenderPart[]) => RenderPart[],
): string {
  const comps = components(parseTemplate(format).parts).map(rewrite);
  if (comps.length === 0) return finishComponent('', extension);
  return comps
    .map((parts, i) => {
      const ext = i === comps.length - 1 ? extension : '';
      let name = renderComponent(parts, ctx, opts);
      if (utf8Length(name) + utf8Length(ext) > MAX_COMPONENT_BYTES && usesEpisodeTitle(parts)) {
        name = shortenEpisodeTitle(parts, ctx, opts, MAX_COMPONENT_BYTES - utf8Length(ext));
      }
      return finishComponent(name, ext);
    })
    .join('/');
}

/** Largest episode-title cap (in characters) whose rendering fits `budget` bytes; binary search. */
function shortenEpisodeTitle(parts: RenderPart[], ctx: TokenContext, opts: RenderOptions, budget: number): string {
  const render = (max: number) => renderComponent(parts, { ...ctx, episodeTitleMax: max }, opts);
  let lo = 0;
  let hi = 1024;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (utf8Length(render(mid).replace(/[\s.]+$/, '')) <= budget) lo = mid;
    else hi = mid - 1;
  }
  return render(lo);
}

function sortEpisodes(episodes: readonly NamingEpisode[]): NamingEpisode[] {
  return [...episodes].sort((a, b) => a.seasonNumber - b.seasonNumber || a.episodeNumber - b.episodeNumber);
}

/** Which episode format applies: daily/anime formats need air dates/absolute numbers, else the standard one. */
export function episodeFormatFor(
  config: SeriesNamingConfig,
  series: NamingSeries,
  episodes: readonly NamingEpisode[],
): string {
  if (series.seriesType === 'daily' && episodes.every((e) => e.airDate)) return config.dailyEpisodeFormat;
  if (series.seriesType === 'anime') {
    const needsAbsolute = /\{absolute/i.test(config.animeEpisodeFormat);
    if (!needsAbsolute || episodes.every((e) => e.absoluteEpisodeNumber)) return config.animeEpisodeFormat;
  }
  return config.standardEpisodeFormat;
}

function seriesOptions(config: SeriesNamingConfig): RenderOptions {
  return {
    replaceIllegalCharacters: config.replaceIllegalCharacters,
    colonReplacementFormat: config.colonReplacementFormat,
    multiEpisodeStyle: config.multiEpisodeStyle,
  };
}

function movieOptions(config: MovieNamingConfig): RenderOptions {
  return {
    replaceIllegalCharacters: config.replaceIllegalCharacters,
    colonReplacementFormat: config.colonReplacementFormat,
    multiEpisodeStyle: 'extend',
  };
}

/** The original name kept when renaming is off (file name as downloaded, else the release name). */
function originalName(file: NamingFileInfo, opts: RenderOptions): string | null {
  const original = file.originalFileName?.trim() || file.originalTitle?.trim();
  return original ? finishComponent(sanitizeValue(original, opts), normalizeExtension(file.extension)) : null;
}

/**
 * The file name (with extension) for `episodes` of `series`. May contain "/" when the format has sub-folders.
 * With renaming off the downloaded name is kept (made filename-safe).
 */
export function buildEpisodeFileName(
  config: SeriesNamingConfig,
  series: NamingSeries,
  episodes: readonly NamingEpisode[],
  file: NamingFileInfo,
): string {
  const opts = seriesOptions(config);
  if (!config.renameEpisodes) {
    const kept = originalName(file, opts);
    if (kept) return kept;
  }
  const sorted = sortEpisodes(episodes);
  const ctx: TokenContext = { series, episodes: sorted, file };
  return renderFile(episodeFormatFor(config, series, sorted), ctx, opts, normalizeExtension(file.extension), (p) =>
    applyMultiEpisodeStyle(p, sorted, config.multiEpisodeStyle),
  );
}

/** The movie's file name (with extension); the downloaded name when renaming is off. */
export function buildMovieFileName(config: MovieNamingConfig, movie: NamingMovie, file: NamingFileInfo): string {
  const opts = movieOptions(config);
  if (!config.renameMovies) {
    const kept = originalName(file, opts);
    if (kept) return kept;
  }
  return renderFile(config.standardMovieFormat, { movie, file }, opts, normalizeExtension(file.extension), (p) => p);
}

/** A folder format rendered as one component ("/" in a folder format is dropped, never a sub-folder). */
function renderFolder(format: string, ctx: TokenContext, opts: RenderOptions): string {
  const parts = parseTemplate(format).parts.filter((p) => p.kind !== 'break');
  return finishComponent(renderComponent(parts, ctx, opts));
}

export function buildSeriesFolder(config: SeriesNamingConfig, series: NamingSeries): string {
  return renderFolder(config.seriesFolderFormat, { series }, seriesOptions(config));
}

/** Season 0 uses the specials folder format. */
export function buildSeasonFolder(config: SeriesNamingConfig, series: NamingSeries, seasonNumber: number): string {
  const format = seasonNumber === 0 ? config.specialsFolderFormat : config.seasonFolderFormat;
  return renderFolder(format, { series, seasonNumber }, seriesOptions(config));
}

export function buildMovieFolder(config: MovieNamingConfig, movie: NamingMovie): string {
  return renderFolder(config.movieFolderFormat, { movie }, movieOptions(config));
}

/** Episode file path relative to the series folder: `Season 01/Name.mkv` (no season folder when the series has none). */
export function buildEpisodeRelativePath(
  config: SeriesNamingConfig,
  series: NamingSeries,
  episodes: readonly NamingEpisode[],
  file: NamingFileInfo,
): string {
  const name = buildEpisodeFileName(config, series, episodes, file);
  if (series.seasonFolder === false || episodes.length === 0) return name;
  const season = Math.min(...episodes.map((e) => e.seasonNumber));
  return `${buildSeasonFolder(config, series, season)}/${name}`;
}

/** Movie file path relative to the movie folder. */
export function buildMovieRelativePath(config: MovieNamingConfig, movie: NamingMovie, file: NamingFileInfo): string {
  return buildMovieFileName(config, movie, file);
}

export type NamingTarget =
  | { kind: 'episode'; series: NamingSeries; episodes: readonly NamingEpisode[] }
  | { kind: 'movie'; movie: NamingMovie };

/** Path of a file relative to its series or movie folder, for either kind of item. */
export function buildRelativePath(config: NamingConfig, target: NamingTarget, file: NamingFileInfo): string {
  return target.kind === 'episode'
    ? buildEpisodeRelativePath(config.series, target.series, target.episodes, file)
    : buildMovieRelativePath(config.movie, target.movie, file);
}
