// GET /api/v1/wanted/missing and /wanted/cutoff: paged, one list per type (`?type=episode`, the default, or
// `?type=movie`), because the two lists sort by different keys and page independently.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { WANTED_SORT_KEYS, type WantedSortKey } from '../../db/repositories/episode.repository.js';
import { MOVIE_SORT_KEYS, type MovieSortKey } from '../../db/repositories/movie.repository.js';
import type { PageRequest, SortDirection } from '../../domain/library/paging.types.js';
import type { WantedService } from '../../services/library/wanted.service.js';
import { episodeWithSeriesView, movieView, presentEpisode, presentMovie } from './calendar.routes.js';

const EPISODE_DEFAULT = { sortKey: 'airDateUtc', sortDirection: 'descending' } as const;
const MOVIE_DEFAULT = { sortKey: 'title', sortDirection: 'ascending' } as const;

const wantedQuery = z
  .object({
    type: z.enum(['episode', 'movie']).default('episode'),
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(1000).default(20),
    sortKey: z.string().optional(),
    sortDirection: z.enum(['ascending', 'descending']).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.sortKey === undefined) return;
    const keys = q.type === 'movie' ? MOVIE_SORT_KEYS : WANTED_SORT_KEYS;
    if (!Object.hasOwn(keys, q.sortKey))
      ctx.addIssue({
        code: 'custom',
        path: ['sortKey'],
        message: `must be one of ${Object.keys(keys).join(', ')} for type=${q.type}`,
      });
  });
type WantedQuery = z.infer<typeof wantedQuery>;

const pageFields = {
  page: z.number(),
  pageSize: z.number(),
  sortKey: z.string(),
  sortDirection: z.enum(['ascending', 'descending']),
  totalRecords: z.number(),
};
const wantedView = z.discriminatedUnion('type', [
  z.object({ type: z.literal('episode'), ...pageFields, records: z.array(episodeWithSeriesView) }),
  z.object({ type: z.literal('movie'), ...pageFields, records: z.array(movieView) }),
]);

function pageRequest<K extends string>(
  q: WantedQuery,
  defaults: { sortKey: K; sortDirection: SortDirection },
): PageRequest<K> {
  return {
    page: q.page,
    pageSize: q.pageSize,
    sortKey: (q.sortKey as K | undefined) ?? defaults.sortKey,
    sortDirection: q.sortDirection ?? defaults.sortDirection,
  };
}

export function wantedRoutes(deps: { wanted: WantedService }): FastifyPluginAsyncZod {
  return async (app) => {
    const list = async (q: WantedQuery, which: 'missing' | 'cutoff'): Promise<z.infer<typeof wantedView>> => {
      if (q.type === 'movie') {
        const req = pageRequest<MovieSortKey>(q, MOVIE_DEFAULT);
        const page =
          which === 'missing' ? await deps.wanted.missingMovies(req) : await deps.wanted.cutoffUnmetMovies(req);
        return { type: 'movie', ...page, records: page.records.map(presentMovie) };
      }
      const req = pageRequest<WantedSortKey>(q, EPISODE_DEFAULT);
      const page =
        which === 'missing' ? await deps.wanted.missingEpisodes(req) : await deps.wanted.cutoffUnmetEpisodes(req);
      return { type: 'episode', ...page, records: page.records.map((r) => presentEpisode(r.episode, r.series)) };
    };
    const schema = (description: string) => ({
      tags: ['wanted'],
      description,
      querystring: wantedQuery,
      response: { 200: wantedView },
    });
    app.get(
      '/wanted/missing',
      {
        schema: schema(
          'Monitored items without a file: episodes of monitored series that have aired, movies available by their minimum availability.',
        ),
      },
      (req) => list(req.query, 'missing'),
    );
    app.get(
      '/wanted/cutoff',
      {
        schema: schema(
          "Monitored items whose file's quality is below the quality profile's cutoff (empty until file tables exist).",
        ),
      },
      (req) => list(req.query, 'cutoff'),
    );
  };
}
