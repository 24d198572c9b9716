// Parse and match: each release becomes a parsed movie or episode release, then a library movie or a series with
// its episodes. All lookups are batched over the whole evaluation (ids, clean titles, episode numbers).

import type { EpisodeRequest } from '../../db/repositories/decision-lookup.repository.js';
import type { Rejection, SearchContext, Target } from '../../domain/decisions/decision.types.js';
import { titleRejection } from '../../domain/decisions/specifications.js';
import { cleanMovieTitle, cleanSeriesTitle } from '../../domain/library/clean-title.js';
import type { Movie } from '../../domain/library/movie.types.js';
import type { Episode, Series } from '../../domain/library/series.types.js';
import {
  type ParsedEpisodeInfo,
  type ParsedMovieInfo,
  parseEpisodeTitle,
  parseMovieTitle,
} from '../../parser/index.js';
import type { ReleaseInfo } from '../../providers/ports/indexer.port.js';

export interface LibraryLookup {
  moviesByTmdbIds(ids: readonly number[]): Promise<Map<number, Movie>>;
  moviesByImdbIds(ids: readonly string[]): Promise<Map<string, Movie>>;
  moviesByCleanTitles(titles: readonly string[]): Promise<Map<string, Movie[]>>;
  seriesByTvdbIds(ids: readonly number[]): Promise<Map<number, Series>>;
  seriesByCleanTitles(
    titles: readonly string[],
  ): Promise<Map<string, { series: Series; sceneSeasonNumber: number | null }[]>>;
  episodes(requests: readonly EpisodeRequest[]): Promise<Episode[]>;
}

export type ParsedRelease = { kind: 'movie'; info: ParsedMovieInfo } | { kind: 'episode'; info: ParsedEpisodeInfo };

export interface MatchOutcome {
  parsed: ParsedRelease | null;
  target: Target | null;
  /** Why it could not be parsed or matched (then `target` is null). */
  rejection: Rejection | null;
}

const permanent = (reason: string): Rejection => ({ reason, type: 'permanent' });

function hasCategory(r: ReleaseInfo, from: number, to: number): boolean {
  for (const c of r.categories) if (c >= from && c < to) return true;
  return false;
}

/** Which parser to trust first: the search, the indexer's ids and categories, else TV then movie. */
export function parseRelease(r: ReleaseInfo, search: SearchContext | undefined): ParsedRelease | null {
  const movieFirst =
    search?.movieIds !== undefined ||
    (search?.seriesId === undefined &&
      r.tvdbId === undefined &&
      (r.tmdbId !== undefined || hasCategory(r, 2000, 3000)) &&
      !hasCategory(r, 5000, 6000));
  if (movieFirst) {
    const m = parseMovieTitle(r.title);
    if (m) return { kind: 'movie', info: m };
    if (search?.movieIds !== undefined) return null;
  }
  const e = parseEpisodeTitle(r.title);
  if (e) return { kind: 'episode', info: e };
  if (movieFirst || search?.seriesId !== undefined) return null;
  const m = parseMovieTitle(r.title);
  return m ? { kind: 'movie', info: m } : null;
}

function movieKeys(info: ParsedMovieInfo): string[] {
  const titles = info.movieTitles.length ? info.movieTitles : [info.movieTitle];
  const out: string[] = [];
  for (const t of titles) {
    const k = cleanMovieTitle(t);
    if (k && !out.includes(k)) out.push(k);
  }
  return out;
}

function seriesKeys(info: ParsedEpisodeInfo): string[] {
  const t = info.seriesTitleInfo;
  const out: string[] = [];
  for (const title of [info.seriesTitle, ...t.allTitles, t.titleWithoutYear]) {
    const k = cleanSeriesTitle(title);
    if (k && !out.includes(k)) out.push(k);
  }
  return out;
}

function pickMovie(list: readonly Movie[] | undefined, year: number): Movie | undefined {
  if (!list || list.length === 0) return undefined;
  if (year <= 0) return list[0];
  return list.find((m) => m.year === year) ?? list.find((m) => m.year === 0 || Math.abs(m.year - year) <= 1);
}

function pickSeries(list: readonly { series: Series }[] | undefined, year: number): Series | undefined {
  if (!list || list.length === 0) return undefined;
  if (year > 0) {
    const exact = list.find((s) => s.series.year === year);
    if (exact) return exact.series;
  }
  return list[0]!.series;
}

/** The episode request for one parsed episode release against its series. */
function episodeRequest(series: Series, info: ParsedEpisodeInfo): EpisodeRequest | null {
  if (series.seriesType === 'daily' && info.airDate) return { seriesId: series.id, airDates: [info.airDate] };
  if (info.fullSeason) return { seriesId: series.id, seasons: [info.seasonNumber] };
  if (info.episodeNumbers.length > 0) {
    return { seriesId: series.id, numbers: [{ season: info.seasonNumber, episodes: info.episodeNumbers }] };
  }
  if (info.absoluteEpisodeNumbers.length > 0) return { seriesId: series.id, absolutes: info.absoluteEpisodeNumbers };
  if (info.airDate) return { seriesId: series.id, airDates: [info.airDate] };
  return null;
}

/** Picks the request's episodes out of the batch (scene numbering wins where the series has it). */
function episodesFor(series: Series, info: ParsedEpisodeInfo, bySeries: Map<number, Episode[]>): Episode[] {
  const all = bySeries.get(series.id) ?? [];
  if (series.seriesType === 'daily' && info.airDate) return all.filter((e) => e.airDate === info.airDate);
  if (info.fullSeason) return all.filter((e) => e.seasonNumber === info.seasonNumber);
  if (info.episodeNumbers.length > 0) {
    const scene = all.filter(
      (e) =>
        e.sceneSeasonNumber === info.seasonNumber &&
        e.sceneEpisodeNumber !== null &&
        info.episodeNumbers.includes(e.sceneEpisodeNumber),
    );
    if (scene.length > 0) return scene;
    const regular = all.filter(
      (e) => e.seasonNumber === info.seasonNumber && info.episodeNumbers.includes(e.episodeNumber),
    );
    if (regular.length > 0 || series.seriesType !== 'anime' || info.absoluteEpisodeNumbers.length === 0) return regular;
  }
  if (info.absoluteEpisodeNumbers.length > 0) {
    const nums = info.absoluteEpisodeNumbers;
    const scene = all.filter(
      (e) => e.sceneAbsoluteEpisodeNumber !== null && nums.includes(e.sceneAbsoluteEpisodeNumber),
    );
    if (scene.length > 0) return scene;
    return all.filter((e) => e.absoluteEpisodeNumber !== null && nums.includes(e.absoluteEpisodeNumber));
  }
  if (info.airDate) return all.filter((e) => e.airDate === info.airDate);
  return [];
}

/** Parses every release (no I/O). */
export function parseAll(releases: readonly ReleaseInfo[], search: SearchContext | undefined): MatchOutcome[] {
  const out: MatchOutcome[] = new Array(releases.length);
  for (let i = 0; i < releases.length; i++) {
    const r = releases[i]!;
    const bad = titleRejection(r.title);
    if (bad) {
      out[i] = { parsed: null, target: null, rejection: bad };
      continue;
    }
    const parsed = parseRelease(r, search);
    out[i] = { parsed, target: null, rejection: parsed ? null : permanent('Unable to parse release title') };
  }
  return out;
}

/** Fills `target` (or a rejection) on every parsed outcome, with a fixed number of batched queries. */
export async function matchAll(
  releases: readonly ReleaseInfo[],
  outcomes: MatchOutcome[],
  library: LibraryLookup,
): Promise<void> {
  const tmdbIds: number[] = [];
  const imdbIds: string[] = [];
  const movieTitles: string[] = [];
  const tvdbIds: number[] = [];
  const seriesTitles: string[] = [];
  for (let i = 0; i < outcomes.length; i++) {
    const p = outcomes[i]!.parsed;
    const r = releases[i]!;
    if (!p) continue;
    if (p.kind === 'movie') {
      const tmdb = r.tmdbId || p.info.tmdbId;
      if (tmdb) tmdbIds.push(tmdb);
      const imdb = r.imdbId ?? p.info.imdbId;
      if (imdb) imdbIds.push(imdb);
      movieTitles.push(...movieKeys(p.info));
    } else {
      if (r.tvdbId) tvdbIds.push(r.tvdbId);
      seriesTitles.push(...seriesKeys(p.info));
    }
  }
  const [byTmdb, byImdb, byMovieTitle, byTvdb, bySeriesTitle] = await Promise.all([
    tmdbIds.length ? library.moviesByTmdbIds(tmdbIds) : new Map<number, Movie>(),
    imdbIds.length ? library.moviesByImdbIds(imdbIds) : new Map<string, Movie>(),
    movieTitles.length ? library.moviesByCleanTitles(movieTitles) : new Map<string, Movie[]>(),
    tvdbIds.length ? library.seriesByTvdbIds(tvdbIds) : new Map<number, Series>(),
    seriesTitles.length
      ? library.seriesByCleanTitles(seriesTitles)
      : new Map<string, { series: Series; sceneSeasonNumber: number | null }[]>(),
  ]);

  const seriesOf: (Series | undefined)[] = new Array(outcomes.length);
  const requests: EpisodeRequest[] = [];
  for (let i = 0; i < outcomes.length; i++) {
    const o = outcomes[i]!;
    const p = o.parsed;
    const r = releases[i]!;
    if (!p) continue;
    if (p.kind === 'movie') {
      const tmdb = r.tmdbId || p.info.tmdbId;
      const imdb = r.imdbId ?? p.info.imdbId;
      let movie = (tmdb ? byTmdb.get(tmdb) : undefined) ?? (imdb ? byImdb.get(imdb) : undefined);
      if (!movie) {
        for (const key of movieKeys(p.info)) {
          movie = pickMovie(byMovieTitle.get(key), p.info.year);
          if (movie) break;
        }
      }
      if (movie) o.target = { kind: 'movie', movie };
      else o.rejection = permanent('Unknown movie: no movie in the library matches this release');
      continue;
    }
    let series = r.tvdbId ? byTvdb.get(r.tvdbId) : undefined;
    if (!series) {
      for (const key of seriesKeys(p.info)) {
        series = pickSeries(bySeriesTitle.get(key), p.info.seriesTitleInfo.year);
        if (series) break;
      }
    }
    if (!series) {
      o.rejection = permanent('Unknown series: no series in the library matches this release');
      continue;
    }
    if (p.info.multiSeason) {
      o.rejection = permanent('Multi-season packs are not supported');
      continue;
    }
    const req = episodeRequest(series, p.info);
    if (!req) {
      o.rejection = permanent('Unable to tell which episodes the release contains');
      continue;
    }
    seriesOf[i] = series;
    requests.push(req);
  }

  const bySeries = new Map<number, Episode[]>();
  if (requests.length) {
    for (const e of await library.episodes(requests)) {
      const list = bySeries.get(e.seriesId);
      if (list) list.push(e);
      else bySeries.set(e.seriesId, [e]);
    }
  }
  for (let i = 0; i < outcomes.length; i++) {
    const series = seriesOf[i];
    const o = outcomes[i]!;
    if (!series || o.parsed?.kind !== 'episode') continue;
    const info = o.parsed.info;
    const episodes = episodesFor(series, info, bySeries);
    if (episodes.length === 0) {
      o.rejection = permanent(
        info.fullSeason
          ? `Unknown season ${info.seasonNumber} of ${series.title}`
          : `Unknown episode of ${series.title}`,
      );
      continue;
    }
    o.target = {
      kind: 'episode',
      series,
      episodes,
      fullSeason: info.fullSeason,
      seasonNumber: episodes[0]!.seasonNumber,
    };
  }
}
