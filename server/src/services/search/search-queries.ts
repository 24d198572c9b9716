// What to ask indexers for one item: a SearchQuery (the integration then uses ids where its caps allow and the
// title otherwise) and the SearchContext the decision engine checks results against. Pure.
//   movie:   imdb + tmdb ids, title + year;
//   episode: tvdb (+ imdb/tmdb) ids, series title, season/episode (scene numbering when known);
//            daily series by air date; anime by absolute number (when known);
//   season:  the season number (season packs and every episode of it).
import type { SearchContext } from '../../domain/decisions/decision.types.js';
import type { Movie } from '../../domain/library/movie.types.js';
import type { Episode, Series } from '../../domain/library/series.types.js';
import type { SearchQuery } from '../../providers/ports/indexer.port.js';

export interface SearchRequest {
  /** For progress messages and logs, e.g. "The Matrix (1999)" or "Show S01E02". */
  label: string;
  query: SearchQuery;
  context: SearchContext;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function seriesIds(series: Series): Pick<SearchQuery, 'tvdbId' | 'imdbId' | 'tmdbId'> {
  return {
    ...(series.tvdbId ? { tvdbId: series.tvdbId } : {}),
    ...(series.imdbId ? { imdbId: series.imdbId } : {}),
    ...(series.tmdbId ? { tmdbId: series.tmdbId } : {}),
  };
}

export function movieSearch(movie: Movie, userInvoked = false): SearchRequest {
  const label = movie.year > 0 ? `${movie.title} (${movie.year})` : movie.title;
  return {
    label,
    query: {
      type: 'movie',
      term: movie.year > 0 ? `${movie.title} ${movie.year}` : movie.title,
      ...(movie.imdbId ? { imdbId: movie.imdbId } : {}),
      ...(movie.tmdbId ? { tmdbId: movie.tmdbId } : {}),
    },
    context: { movieIds: [movie.id], ...(userInvoked ? { userInvoked } : {}) },
  };
}

export function episodeSearch(series: Series, episode: Episode, userInvoked = false): SearchRequest {
  const context: SearchContext = {
    seriesId: series.id,
    episodeIds: [episode.id],
    ...(userInvoked ? { userInvoked } : {}),
  };
  const base: SearchQuery = { type: 'tv', term: series.title, ...seriesIds(series) };
  if (series.seriesType === 'daily' && episode.airDate) {
    return { label: `${series.title} ${episode.airDate}`, query: { ...base, airDate: episode.airDate }, context };
  }
  const absolute = episode.sceneAbsoluteEpisodeNumber ?? episode.absoluteEpisodeNumber;
  if (series.seriesType === 'anime' && absolute !== null && absolute > 0) {
    return { label: `${series.title} ${pad2(absolute)}`, query: { ...base, absoluteEpisode: absolute }, context };
  }
  const season = episode.sceneSeasonNumber ?? episode.seasonNumber;
  const number = episode.sceneEpisodeNumber ?? episode.episodeNumber;
  return {
    label: `${series.title} S${pad2(season)}E${pad2(number)}`,
    query: { ...base, season, episode: number },
    context,
  };
}

export function seasonSearch(series: Series, seasonNumber: number, userInvoked = false): SearchRequest {
  return {
    label: `${series.title} season ${seasonNumber}`,
    query: { type: 'tv', term: series.title, ...seriesIds(series), season: seasonNumber },
    context: { seriesId: series.id, seasonNumber, ...(userInvoked ? { userInvoked } : {}) },
  };
}

/**
 * Missing episodes of one series → searches: a season search where two or more episodes of a season are wanted
 * (a season pack or the single episodes come back), one episode search otherwise. Specials (season 0) are always
 * searched one by one. Daily and anime series search episode by episode (packs are rare and named differently).
 */
export function episodeSearches(series: Series, episodes: readonly Episode[], userInvoked = false): SearchRequest[] {
  const bySeason = new Map<number, Episode[]>();
  for (const e of episodes) {
    const list = bySeason.get(e.seasonNumber);
    if (list) list.push(e);
    else bySeason.set(e.seasonNumber, [e]);
  }
  const out: SearchRequest[] = [];
  const packs = series.seriesType === 'standard';
  for (const [season, list] of [...bySeason.entries()].sort((a, b) => a[0] - b[0])) {
    if (packs && season > 0 && list.length >= 2) {
      const req = seasonSearch(series, season, userInvoked);
      // Only the wanted episodes count: a pack must cover at least one of them.
      req.context.episodeIds = list.map((e) => e.id);
      out.push(req);
    } else {
      for (const e of [...list].sort((a, b) => a.episodeNumber - b.episodeNumber))
        out.push(episodeSearch(series, e, userInvoked));
    }
  }
  return out;
}
