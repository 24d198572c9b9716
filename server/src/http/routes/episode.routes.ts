// /api/v1/episode: a series' episodes (or given ids), one episode, and monitoring. HTTP only.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ValidationError } from '../../lib/errors.js';
import type { EpisodeService } from '../../services/library/episode.service.js';
import { idParams } from './movie.routes.js';

export interface EpisodeRoutesDeps {
  episodes: EpisodeService;
}

const episodeResource = z
  .object({
    id: z.number(),
    seriesId: z.number(),
    tvdbId: z.number().nullable(),
    tmdbId: z.number().nullable(),
    seasonNumber: z.number(),
    episodeNumber: z.number(),
    absoluteEpisodeNumber: z.number().nullable(),
    sceneSeasonNumber: z.number().nullable(),
    sceneEpisodeNumber: z.number().nullable(),
    sceneAbsoluteEpisodeNumber: z.number().nullable(),
    title: z.string().nullable(),
    overview: z.string().nullable(),
    airDate: z.string().nullable(),
    airDateUtc: z.string().nullable(),
    runtime: z.number(),
    monitored: z.boolean(),
    episodeFileId: z.number().nullable(),
    unverifiedSceneNumbering: z.boolean(),
    hasFile: z.boolean(),
  })
  .meta({ id: 'Episode' });

const episodeIdList = z
  .string()
  .regex(/^\d+(,\d+)*$/, 'comma-separated episode ids')
  .transform((s) => s.split(',').map(Number))
  .refine((ids) => ids.length <= 1000, 'at most 1000 ids');

export function episodeRoutes(deps: EpisodeRoutesDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['episode'];
    app.get(
      '/episode',
      {
        schema: {
          tags,
          summary: "A series' episodes (optionally one season), or the episodes with the given ids",
          querystring: z.object({
            seriesId: z.coerce.number().int().positive().optional(),
            seasonNumber: z.coerce.number().int().min(0).optional(),
            episodeIds: episodeIdList.optional(),
          }),
          response: { 200: z.array(episodeResource) },
        },
      },
      async (req) => {
        const { seriesId, seasonNumber, episodeIds } = req.query;
        if (episodeIds) return deps.episodes.getMany(episodeIds);
        if (seriesId === undefined) {
          const message = 'seriesId or episodeIds is required';
          throw new ValidationError(message, [{ field: 'querystring.seriesId', message, severity: 'error' }]);
        }
        return deps.episodes.listBySeries(seriesId, seasonNumber);
      },
    );

    app.put(
      '/episode/monitor',
      {
        schema: {
          tags,
          summary: 'Monitor or unmonitor episodes',
          body: z.object({
            episodeIds: z.array(z.number().int().positive()).min(1).max(10_000),
            monitored: z.boolean(),
          }),
          response: { 202: z.array(episodeResource) },
        },
      },
      async (req, reply) =>
        reply.code(202).send(await deps.episodes.setMonitored(req.body.episodeIds, req.body.monitored)),
    );

    app.get('/episode/:id', { schema: { tags, params: idParams, response: { 200: episodeResource } } }, (req) =>
      deps.episodes.get(req.params.id),
    );

    app.put(
      '/episode/:id',
      {
        schema: {
          tags,
          summary: 'Change one episode (monitored)',
          params: idParams,
          body: z.object({ monitored: z.boolean() }),
          response: { 200: episodeResource },
        },
      },
      async (req) => (await deps.episodes.setMonitored([req.params.id], req.body.monitored))[0]!,
    );
  };
}
