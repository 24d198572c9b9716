// /api/v1/rename?movieId=|seriesId=: files whose name differs from what the naming formats give now (existing vs
// new path, relative to the item folder). The RenameFiles command applies them.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { LibraryFilesService } from '../../services/import/library-files.service.js';

const id = z.coerce.number().int().positive();
const pending = z
  .object({
    movieId: z.number().nullable(),
    seriesId: z.number().nullable(),
    seasonNumber: z.number().nullable(),
    episodeIds: z.array(z.number()),
    fileId: z.number(),
    existingPath: z.string(),
    newPath: z.string(),
  })
  .meta({ id: 'PendingRename' });

export function renameRoutes(deps: { library: LibraryFilesService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/rename',
      {
        schema: {
          tags: ['import'],
          querystring: z
            .object({ movieId: id.optional(), seriesId: id.optional() })
            .refine((q) => (q.movieId === undefined) !== (q.seriesId === undefined), {
              message: 'give exactly one of movieId and seriesId',
            }),
          response: { 200: z.array(pending) },
        },
      },
      async (req) =>
        deps.library.pendingRenames(
          req.query.movieId !== undefined ? { movieId: req.query.movieId } : { seriesId: req.query.seriesId as number },
        ),
    );
  };
}
