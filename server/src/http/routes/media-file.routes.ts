// Library files and media management: GET /moviefile?movieId=, GET /episodefile?seriesId=, DELETE
// /moviefile/:id and /episodefile/:id (recycle bin or delete; `fileDeleted` history), GET/PUT
// /config/mediamanagement (import settings), GET /rootfolder/hardlink-check?[downloadPath=][&rootFolderPath=]
// (without downloadPath: every download folder idkarr knows, so the root folder list can show the preflight).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ImportSettingsRepository } from '../../db/repositories/import-settings.repository.js';
import type { MediaFileRepository } from '../../db/repositories/media-file.repository.js';
import { ValidationError } from '../../lib/errors.js';
import type { HardlinkCheck } from '../../services/import/hardlink-health.js';
import type { ImportSettings } from '../../services/import/import.types.js';
import type { LibraryFilesService } from '../../services/import/library-files.service.js';
import { qualityModel } from './history.routes.js';

const id = z.coerce.number().int().positive();
const common = {
  id: z.number(),
  path: z.string(),
  relativePath: z.string(),
  size: z.number(),
  quality: qualityModel,
  languages: z.array(z.string()),
  releaseGroup: z.string().nullable(),
  sceneName: z.string().nullable(),
  originalPath: z.string().nullable(),
  dateAdded: z.string(),
};
const movieFile = z
  .object({ ...common, movieId: z.number(), edition: z.string().nullable() })
  .meta({ id: 'MovieFile' });
const episodeFile = z
  .object({ ...common, seriesId: z.number(), seasonNumber: z.number(), episodeIds: z.array(z.number()) })
  .meta({ id: 'EpisodeFile' });
const absolute = z
  .string()
  .max(4096)
  .refine((p) => p === '' || (p.startsWith('/') && !p.split('/').includes('..')), {
    message: 'must be an absolute path without ".."',
  });
const settings = z
  .object({
    copyUsingHardlinks: z.boolean(),
    importExtraFiles: z.boolean(),
    importNfo: z.boolean(),
    extraFileExtensions: z.array(z.string().regex(/^\.?[a-z0-9]{1,8}$/i)).max(50),
    recycleBin: absolute,
    recycleBinCleanupDays: z.number().int().min(0).max(3650),
    minimumFreeSpaceMb: z.number().int().min(0).max(10_000_000),
    downloadFolders: z.array(absolute.refine((p) => p !== '', { message: 'must not be empty' })).max(100),
    skipSampleCheck: z.boolean(),
  })
  .meta({ id: 'MediaManagementConfig' });
const hardlinkCheck = z.object({
  downloadPath: z.string(),
  rootFolderPath: z.string(),
  hardlinks: z.boolean(),
  sameFileSystem: z.boolean(),
  message: z.string(),
});

export interface MediaFileRouteDeps {
  files: MediaFileRepository;
  library: LibraryFilesService;
  settings: ImportSettingsRepository;
  rootFolders(): Promise<string[]>;
  /** Download folders from media management and remote path mappings. */
  downloadFolders?(): Promise<string[]>;
  hardlinkCheck(downloadPath: string, rootFolderPath: string): Promise<HardlinkCheck>;
}

export function mediaFileRoutes(deps: MediaFileRouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/moviefile',
      { schema: { tags: ['files'], querystring: z.object({ movieId: id }), response: { 200: z.array(movieFile) } } },
      async (req) => deps.files.movieFilesFor([req.query.movieId]),
    );
    app.get(
      '/episodefile',
      { schema: { tags: ['files'], querystring: z.object({ seriesId: id }), response: { 200: z.array(episodeFile) } } },
      async (req) => deps.files.episodeFilesForSeries(req.query.seriesId),
    );
    app.delete('/moviefile/:id', { schema: { tags: ['files'], params: z.object({ id }) } }, async (req, reply) => {
      await deps.library.deleteFile('movie', req.params.id);
      return reply.status(204).send();
    });
    app.delete('/episodefile/:id', { schema: { tags: ['files'], params: z.object({ id }) } }, async (req, reply) => {
      await deps.library.deleteFile('episode', req.params.id);
      return reply.status(204).send();
    });
    app.get('/config/mediamanagement', { schema: { tags: ['config'], response: { 200: settings } } }, async () =>
      deps.settings.get(),
    );
    app.put(
      '/config/mediamanagement',
      { schema: { tags: ['config'], body: settings, response: { 200: settings } } },
      async (req) => deps.settings.set(req.body as ImportSettings),
    );
    app.get(
      '/rootfolder/hardlink-check',
      {
        schema: {
          tags: ['import'],
          querystring: z.object({ downloadPath: absolute.optional(), rootFolderPath: absolute.optional() }),
          response: { 200: z.array(hardlinkCheck) },
        },
      },
      async (req) => {
        const roots = req.query.rootFolderPath ? [req.query.rootFolderPath] : await deps.rootFolders();
        const { downloadPath } = req.query;
        if (downloadPath === '')
          throw new ValidationError('downloadPath is required', [
            { field: 'downloadPath', message: 'required', severity: 'error' },
          ]);
        const downloads = downloadPath === undefined ? ((await deps.downloadFolders?.()) ?? []) : [downloadPath];
        if (!roots.length)
          throw new ValidationError('no root folder configured', [
            { field: 'rootFolderPath', message: 'add a root folder or pass rootFolderPath', severity: 'error' },
          ]);
        const out: HardlinkCheck[] = [];
        for (const r of roots) for (const d of downloads) out.push(await deps.hardlinkCheck(d, r));
        return out;
      },
    );
  };
}
