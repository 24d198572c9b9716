// /movie/lookup and /series/lookup: free text, or an id with a prefix (`tmdb:550`, `imdb:tt0137523`, `tvdb:79509`),
// answered by whichever metadata provider can; results say whether (and as what) the item is already in the library.
import type { MovieRepository } from '../../db/repositories/movie.repository.js';
import type { SeriesRepository } from '../../db/repositories/series.repository.js';
import type { MediaImage } from '../../domain/library/media.types.js';
import type { SeriesStatus } from '../../domain/library/series.types.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';
import type { MovieSummary, SeriesSummary } from '../../providers/ports/metadata.port.js';
import { itemFolderName } from './add-path.service.js';
import type { MetadataGateway } from './metadata-gateway.js';
import { toMediaImages } from './movie-metadata.service.js';

export interface MovieLookupResult {
  tmdbId: number;
  imdbId: string | null;
  title: string;
  originalTitle: string | null;
  year: number;
  overview: string | null;
  images: MediaImage[];
  /** The folder name adding it would create. */
  folder: string;
  /** The library id when the movie is already added. */
  id?: number;
}

export interface SeriesLookupResult {
  tvdbId: number | null;
  tmdbId: number | null;
  imdbId: string | null;
  title: string;
  year: number;
  overview: string | null;
  status: SeriesStatus;
  network: string | null;
  firstAired: string | null;
  images: MediaImage[];
  folder: string;
  id?: number;
}

export type LookupTerm =
  | { kind: 'text'; text: string }
  | { kind: 'tmdb'; id: number }
  | { kind: 'tvdb'; id: number }
  | { kind: 'imdb'; id: string };

function badTerm(message: string): ValidationError {
  return new ValidationError(message, [{ field: 'querystring.term', message, severity: 'error' }]);
}

/** Reads `tmdb:550`, `tmdbid:550`, `tvdb:79509`, `imdb:tt0137523` or a bare `tt0137523`; anything else is text. */
export function parseLookupTerm(raw: string): LookupTerm {
  const term = raw.trim();
  if (term === '') throw badTerm('term must not be empty');
  const prefixed = /^(tmdb|tvdb|imdb)(?:id)?:\s*(.*)$/i.exec(term);
  if (prefixed) {
    const kind = prefixed[1]!.toLowerCase() as 'tmdb' | 'tvdb' | 'imdb';
    const value = prefixed[2]!.trim();
    if (kind === 'imdb') {
      if (!/^tt\d{5,10}$/i.test(value)) throw badTerm(`"${value}" is not an IMDb id (tt followed by digits)`);
      return { kind, id: value.toLowerCase() };
    }
    if (!/^\d{1,10}$/.test(value) || Number(value) < 1) throw badTerm(`"${value}" is not a ${kind.toUpperCase()} id`);
    return { kind, id: Number(value) };
  }
  if (/^tt\d{5,10}$/i.test(term)) return { kind: 'imdb', id: term.toLowerCase() };
  return { kind: 'text', text: term };
}

export interface LookupServiceDeps {
  gateway: MetadataGateway;
  movies: Pick<MovieRepository, 'findByTmdbId'>;
  series: Pick<SeriesRepository, 'findByTvdbId' | 'findByTmdbId'>;
}

export class LookupService {
  constructor(private readonly deps: LookupServiceDeps) {}

  async movies(raw: string): Promise<MovieLookupResult[]> {
    const term = parseLookupTerm(raw);
    const { gateway } = this.deps;
    let found: MovieSummary[];
    switch (term.kind) {
      case 'tmdb':
        found = await gateway
          .call('getMovie', (p) => p.getMovie(term.id))
          .then(
            (m) => [m],
            (err: unknown) => {
              if (err instanceof NotFoundError) return [];
              throw err;
            },
          );
        break;
      case 'imdb': {
        const hit = await gateway.call('findMovieByImdbId', (p) => p.findMovieByImdbId(term.id));
        found = hit ? [hit] : [];
        break;
      }
      case 'tvdb':
        throw badTerm('movies have no TVDB id; use tmdb:ID, imdb:ttID or a title');
      case 'text':
        found = await gateway.call('searchMovies', (p) => p.searchMovies(term.text));
        break;
    }
    // A provider page is small (~20): one indexed lookup per result, in parallel.
    return Promise.all(
      found.map(async (m) => {
        const existing = await this.deps.movies.findByTmdbId(m.tmdbId);
        const year = m.year ?? 0;
        return {
          tmdbId: m.tmdbId,
          imdbId: (m as { imdbId?: string }).imdbId ?? null,
          title: m.title,
          originalTitle: m.originalTitle ?? null,
          year,
          overview: m.overview ?? null,
          images: toMediaImages(m.images),
          folder: itemFolderName(m.title, year),
          ...(existing ? { id: existing.id } : {}),
        };
      }),
    );
  }

  async series(raw: string): Promise<SeriesLookupResult[]> {
    const term = parseLookupTerm(raw);
    const { gateway } = this.deps;
    let found: SeriesSummary[];
    switch (term.kind) {
      case 'tvdb': {
        const hit = await gateway.call('findSeriesByTvdbId', (p) => p.findSeriesByTvdbId(term.id), {
          prefer: 'tvdbId',
        });
        found = hit ? [{ ...hit, tvdbId: hit.tvdbId ?? term.id }] : [];
        break;
      }
      case 'tmdb':
        found = await gateway
          .call('getSeries', (p) => p.getSeries(term.id), { idSpace: 'tmdbId' })
          .then(
            (s) => [s],
            (err: unknown) => {
              if (err instanceof NotFoundError) return [];
              throw err;
            },
          );
        break;
      case 'imdb': {
        const hit = await gateway.call('findSeriesByImdbId', (p) => p.findSeriesByImdbId(term.id));
        found = hit ? [hit] : [];
        break;
      }
      case 'text':
        found = await gateway.call('searchSeries', (p) => p.searchSeries(term.text), { prefer: 'tvdbId' });
        break;
    }
    return Promise.all(
      found.map(async (s) => {
        const existing =
          (s.tvdbId ? await this.deps.series.findByTvdbId(s.tvdbId) : undefined) ??
          (s.tmdbId ? await this.deps.series.findByTmdbId(s.tmdbId) : undefined);
        const year = s.year ?? (s.firstAired ? Number(s.firstAired.slice(0, 4)) : 0);
        return {
          tvdbId: s.tvdbId ?? null,
          tmdbId: s.tmdbId ?? null,
          imdbId: s.imdbId ?? null,
          title: s.title,
          year,
          overview: s.overview ?? null,
          status: s.status === 'unknown' ? 'continuing' : s.status,
          network: s.network ?? null,
          firstAired: s.firstAired ?? null,
          images: toMediaImages(s.images),
          folder: itemFolderName(s.title, year),
          ...(existing ? { id: existing.id } : {}),
        };
      }),
    );
  }
}
