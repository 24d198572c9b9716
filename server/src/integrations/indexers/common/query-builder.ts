// SearchQuery + caps → the Newznab/Torznab query string. Ids are sent where the caps list them (and the title is
// then left out: an id search is exact, a title would only narrow it wrongly); otherwise the title goes in `q`.
// Season/episode go in their own parameters when supported, else into the text ("Title S01E02"). Daily shows
// use season=YYYY&ep=MM/DD; anime absolute numbers are a text search in the anime categories.
import type { IndexerCapabilities, SearchMode, SearchQuery } from '../../../providers/ports/indexer.port.js';
import { modeAvailable, supports } from './caps.js';
import { categoriesForSearch } from './categories.js';

export type NewznabParams = Record<string, string | number | undefined>;

export interface CategorySettings {
  categories: readonly number[];
  animeCategories: readonly number[];
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export function stripTt(imdbId: string): string {
  return imdbId.replace(/^tt/i, '');
}

function parseAirDate(airDate: string): { year: string; monthDay: string; spaced: string } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(airDate);
  if (!m) return undefined;
  return { year: m[1]!, monthDay: `${m[2]}/${m[3]}`, spaced: `${m[1]} ${m[2]} ${m[3]}` };
}

/** The `t`, id, season/episode, `q` and `cat` parameters of one search (paging is added by the caller). */
export function buildSearchParams(query: SearchQuery, caps: IndexerCapabilities, cfg: CategorySettings): NewznabParams {
  const term = query.term?.trim() || undefined;
  if (query.type === 'movie') return movieParams(query, term, caps, cfg);
  if (query.type === 'tv') return tvParams(query, term, caps, cfg);
  return { t: 'search', q: term, cat: cats(query.categories ?? categoriesForSearch('generic', cfg.categories)) };
}

function cats(list: readonly number[]): string | undefined {
  return list.length > 0 ? [...new Set(list)].join(',') : undefined;
}

function movieParams(q: SearchQuery, term: string | undefined, caps: IndexerCapabilities, cfg: CategorySettings) {
  const cat = cats(q.categories ?? categoriesForSearch('movie', cfg.categories));
  if (!modeAvailable(caps, 'movie-search')) return { t: 'search', q: term, cat };
  const ids = idParams(q, caps, 'movie-search');
  if (Object.keys(ids).length > 0) return { t: 'movie', ...ids, cat };
  return { t: 'movie', q: term, cat };
}

function idParams(q: SearchQuery, caps: IndexerCapabilities, mode: SearchMode): NewznabParams {
  const out: NewznabParams = {};
  if (q.tvdbId && mode === 'tv-search' && supports(caps, mode, 'tvdbid')) out.tvdbid = q.tvdbId;
  if (q.imdbId && supports(caps, mode, 'imdbid')) out.imdbid = stripTt(q.imdbId);
  if (q.tmdbId && supports(caps, mode, 'tmdbid')) out.tmdbid = q.tmdbId;
  return out;
}

function tvParams(q: SearchQuery, term: string | undefined, caps: IndexerCapabilities, cfg: CategorySettings) {
  const anime = q.absoluteEpisode !== undefined && q.season === undefined && q.episode === undefined && !q.airDate;
  if (anime) {
    // Newznab has no absolute-number parameter: search the text "Title 12" in the anime categories.
    const cat = cats(
      q.categories ?? (cfg.animeCategories.length ? cfg.animeCategories : categoriesForSearch('tv', cfg.categories)),
    );
    const text = term ? `${term} ${pad2(q.absoluteEpisode!)}` : undefined;
    return {
      t: modeAvailable(caps, 'tv-search') && supports(caps, 'tv-search', 'q') ? 'tvsearch' : 'search',
      q: text,
      cat,
    };
  }
  const cat = cats(q.categories ?? categoriesForSearch('tv', cfg.categories));
  const daily = q.airDate ? parseAirDate(q.airDate) : undefined;
  if (!modeAvailable(caps, 'tv-search')) {
    return { t: 'search', q: term ? `${term}${textSuffix(q, daily)}` : undefined, cat };
  }
  const ids = idParams(q, caps, 'tv-search');
  const byId = Object.keys(ids).length > 0;
  const seasonParam = supports(caps, 'tv-search', 'season');
  const epParam = supports(caps, 'tv-search', 'ep');
  const params: NewznabParams = { t: 'tvsearch', ...ids };
  let suffix = '';
  if (daily) {
    if (seasonParam && epParam) {
      params.season = daily.year;
      params.ep = daily.monthDay;
    } else suffix = ` ${daily.spaced}`;
  } else if (q.season !== undefined) {
    if (seasonParam && (q.episode === undefined || epParam)) {
      params.season = q.season;
      if (q.episode !== undefined) params.ep = q.episode;
    } else suffix = textSuffix(q, undefined);
  }
  if (!byId) {
    if (!term && suffix) return { t: 'tvsearch', cat }; // nothing to search by but the episode: RSS-like
    params.q = term ? `${term}${suffix}` : undefined;
  } else if (suffix && term && supports(caps, 'tv-search', 'q')) {
    params.q = suffix.trim();
  }
  params.cat = cat;
  return params;
}

function textSuffix(q: SearchQuery, daily: ReturnType<typeof parseAirDate>): string {
  if (daily) return ` ${daily.spaced}`;
  if (q.season === undefined) return '';
  return q.episode === undefined ? ` S${pad2(q.season)}` : ` S${pad2(q.season)}E${pad2(q.episode)}`;
}
