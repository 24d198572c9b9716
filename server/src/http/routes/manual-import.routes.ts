// /api/v1/manualimport: GET lists the candidate files of a folder or a tracked download (parsed item, quality,
// languages, size, rejections); POST imports the chosen files with the user's overrides; POST
// /manualimport/ignore/:trackedDownloadId gives up on a download (`downloadIgnored`).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CompletedDownloadService } from '../../services/import/completed-download.service.js';
import type { ManualImportService } from '../../services/import/manual-import.service.js';
import { qualityModel } from './history.routes.js';

const id = z.coerce.number().int().positive();
const rejection = z.object({ reason: z.string(), type: z.enum(['permanent', 'temporary']) });
const item = z
  .object({
    path: z.string(),
    relativePath: z.string(),
    folderName: z.string(),
    size: z.number(),
    downloadId: z.string().nullable(),
    quality: qualityModel,
    languages: z.array(z.string()),
    releaseGroup: z.string().nullable(),
    sceneName: z.string().nullable(),
    edition: z.string().nullable(),
    movie: z.object({ id: z.number(), title: z.string(), year: z.number() }).nullable(),
    series: z.object({ id: z.number(), title: z.string() }).nullable(),
    episodes: z.array(
      z.object({ id: z.number(), seasonNumber: z.number(), episodeNumber: z.number(), title: z.string().nullable() }),
    ),
    extras: z.array(
      z.object({ source: z.string(), kind: z.string(), language: z.string().nullable(), suffix: z.string() }),
    ),
    rejections: z.array(rejection),
  })
  .meta({ id: 'ManualImportItem' });
const outcome = z
  .object({
    path: z.string(),
    imported: z.boolean(),
    destination: z.string().nullable(),
    fileId: z.number().nullable(),
    mode: z.enum(['hardlink', 'copy', 'move']).nullable(),
    fellBackToCopy: z.boolean(),
    rejections: z.array(rejection),
  })
  .meta({ id: 'ImportOutcome' });
const pathString = z.string().min(1).max(4096);

export function manualImportRoutes(deps: {
  manualImport: ManualImportService;
  completed: Pick<CompletedDownloadService, 'ignore'>;
}): FastifyPluginAsyncZod {
  return async (app) => {
    // Give up on importing a tracked download: it leaves the queue (`downloadIgnored` history), files untouched.
    app.post(
      '/manualimport/ignore/:trackedDownloadId',
      { schema: { tags: ['import'], params: z.object({ trackedDownloadId: id }) } },
      async (req) => {
        const t = await deps.completed.ignore(req.params.trackedDownloadId);
        return { id: t.id, status: t.status };
      },
    );
    app.get(
      '/manualimport',
      {
        schema: {
          tags: ['import'],
          querystring: z.object({
            folder: pathString.optional(),
            downloadId: z.string().min(1).max(500).optional(),
            movieId: id.optional(),
            seriesId: id.optional(),
          }),
          response: { 200: z.array(item) },
        },
      },
      async (req) => {
        const q = req.query;
        return deps.manualImport.list({
          ...(q.folder !== undefined ? { folder: q.folder } : {}),
          ...(q.downloadId !== undefined ? { downloadId: q.downloadId } : {}),
          ...(q.movieId !== undefined ? { movieId: q.movieId } : {}),
          ...(q.seriesId !== undefined ? { seriesId: q.seriesId } : {}),
        });
      },
    );
    app.post(
      '/manualimport',
      {
        schema: {
          tags: ['import'],
          body: z.object({
            importMode: z.enum(['auto', 'move', 'copy', 'hardlink']).default('auto'),
            files: z
              .array(
                z.object({
                  path: pathString,
                  movieId: z.number().int().positive().optional(),
                  seriesId: z.number().int().positive().optional(),
                  episodeIds: z.array(z.number().int().positive()).max(500).optional(),
                  quality: qualityModel.optional(),
                  languages: z.array(z.string()).max(50).optional(),
                  releaseGroup: z.string().max(200).optional(),
                  downloadId: z.string().min(1).max(500).optional(),
                }),
              )
              .min(1)
              .max(5000),
          }),
          response: { 200: z.array(outcome) },
        },
      },
      async (req) => {
        const files = req.body.files.map((f) =>
          Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)),
        );
        return deps.manualImport.import(
          files as unknown as Parameters<ManualImportService['import']>[0],
          req.body.importMode,
        );
      },
    );
  };
}
