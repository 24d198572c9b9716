// /api/v1 library configuration: root folders, tags (with usage), quality definitions and quality profiles.
// HTTP only: bodies and params are validated by zod here, rules live in the services, errors go through the mapper.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { QualityDefinitionRecord } from '../../domain/library/quality-profile.types.js';
import { qualityById } from '../../domain/quality/quality-catalog.js';
import type { QualityDefinitionService } from '../../services/library/quality-definition.service.js';
import type { QualityProfileService } from '../../services/library/quality-profile.service.js';
import type { RootFolderService } from '../../services/library/root-folder.service.js';
import type { RootFolderPreflight } from '../../services/library/root-folder-preflight.js';
import type { TagService } from '../../services/library/tag.service.js';

export interface LibraryConfigRoutesDeps {
  rootFolders: RootFolderService;
  rootFolderPreflight?: RootFolderPreflight;
  tags: TagService;
  qualityDefinitions: QualityDefinitionService;
  qualityProfiles: QualityProfileService;
}

const idParams = z.object({ id: z.coerce.number().int().positive() });
const ids = z.array(z.number());

const rootFolderView = z.object({
  id: z.number(),
  path: z.string(),
  accessible: z.boolean(),
  freeSpace: z.number().nullable(),
  totalSpace: z.number().nullable(),
  unmappedFolders: z.array(z.object({ name: z.string(), path: z.string() })),
});
/** POST answers with the hardlink preflight: one result per known download folder (none known: empty). */
const addedRootFolderView = rootFolderView.extend({
  hardlinks: z.array(
    z.object({
      downloadPath: z.string(),
      rootFolderPath: z.string(),
      hardlinks: z.boolean(),
      sameFileSystem: z.boolean(),
      message: z.string(),
    }),
  ),
});

const tagBody = z.object({ label: z.string().trim().min(1).max(100) });
const tagView = z.object({ id: z.number(), label: z.string() });
const tagDetailView = tagView.extend({
  movieIds: ids,
  seriesIds: ids,
  downloadClientIds: ids,
  indexerIds: ids,
  mediaServerIds: ids,
  notificationIds: ids,
  metadataIds: ids,
  importListIds: ids,
});

const size = z.number().min(0).max(10_000);
const definitionBody = z.object({
  title: z.string().trim().min(1).max(100).optional(),
  minSize: size,
  preferredSize: size,
  maxSize: size.nullable(),
});
const definitionView = z.object({
  id: z.number(),
  quality: z.object({ id: z.string(), name: z.string(), source: z.string(), resolution: z.number() }),
  title: z.string(),
  weight: z.number(),
  minSize: z.number(),
  preferredSize: z.number(),
  maxSize: z.number().nullable(),
});

const qualityItem = z.object({ quality: z.string().min(1), allowed: z.boolean() });
const groupItem = z.object({
  name: z.string().trim().min(1).max(100),
  allowed: z.boolean(),
  items: z.array(qualityItem),
});
const profileBody = z.object({
  name: z.string().trim().min(1).max(100),
  upgradeAllowed: z.boolean().default(false),
  cutoff: z.string().min(1),
  items: z.array(z.union([groupItem, qualityItem])).min(1),
  minFormatScore: z.number().int().default(0),
  cutoffFormatScore: z.number().int().default(0),
  formatItems: z.array(z.object({ format: z.number().int(), score: z.number().int() })).default([]),
});
const profileView = profileBody.extend({ id: z.number() });

function presentDefinition(d: QualityDefinitionRecord): z.infer<typeof definitionView> {
  const q = qualityById(d.qualityId);
  return {
    id: d.id,
    quality: {
      id: d.qualityId,
      name: q?.radarrName ?? d.title,
      source: q?.source ?? 'unknown',
      resolution: q?.resolution ?? 0,
    },
    title: d.title,
    weight: d.weight,
    minSize: d.minSize,
    preferredSize: d.preferredSize,
    maxSize: d.maxSize,
  };
}

export function libraryConfigRoutes(deps: LibraryConfigRoutesDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const rf = { tags: ['rootfolder'] };
    app.get('/rootfolder', { schema: { ...rf, response: { 200: z.array(rootFolderView) } } }, () =>
      deps.rootFolders.list(),
    );
    app.get('/rootfolder/:id', { schema: { ...rf, params: idParams, response: { 200: rootFolderView } } }, (req) =>
      deps.rootFolders.get(req.params.id),
    );
    app.post(
      '/rootfolder',
      {
        schema: { ...rf, body: z.object({ path: z.string().trim().min(1) }), response: { 201: addedRootFolderView } },
      },
      async (req, reply) => {
        const added = await deps.rootFolders.add(req.body.path);
        const hardlinks = (await deps.rootFolderPreflight?.hardlinks(added.path)) ?? [];
        return reply.code(201).send({ ...added, hardlinks });
      },
    );
    app.delete('/rootfolder/:id', { schema: { ...rf, params: idParams } }, async (req, reply) => {
      await deps.rootFolders.delete(req.params.id);
      return reply.code(204).send();
    });

    const tg = { tags: ['tag'] };
    app.get('/tag', { schema: { ...tg, response: { 200: z.array(tagView) } } }, () => deps.tags.list());
    app.get('/tag/detail', { schema: { ...tg, response: { 200: z.array(tagDetailView) } } }, () => deps.tags.details());
    app.get('/tag/detail/:id', { schema: { ...tg, params: idParams, response: { 200: tagDetailView } } }, (req) =>
      deps.tags.detail(req.params.id),
    );
    app.get('/tag/:id', { schema: { ...tg, params: idParams, response: { 200: tagView } } }, (req) =>
      deps.tags.get(req.params.id),
    );
    app.post('/tag', { schema: { ...tg, body: tagBody, response: { 201: tagView } } }, async (req, reply) =>
      reply.code(201).send(await deps.tags.create(req.body.label)),
    );
    app.put('/tag/:id', { schema: { ...tg, params: idParams, body: tagBody, response: { 200: tagView } } }, (req) =>
      deps.tags.update(req.params.id, req.body.label),
    );
    app.delete('/tag/:id', { schema: { ...tg, params: idParams } }, async (req, reply) => {
      await deps.tags.delete(req.params.id);
      return reply.code(204).send();
    });

    const qd = { tags: ['qualitydefinition'] };
    app.get('/qualitydefinition', { schema: { ...qd, response: { 200: z.array(definitionView) } } }, async () =>
      (await deps.qualityDefinitions.list()).map(presentDefinition),
    );
    app.get(
      '/qualitydefinition/:id',
      { schema: { ...qd, params: idParams, response: { 200: definitionView } } },
      async (req) => presentDefinition(await deps.qualityDefinitions.get(req.params.id)),
    );
    app.put(
      '/qualitydefinition/update',
      {
        schema: {
          ...qd,
          body: z.array(definitionBody.extend({ id: z.number().int().positive() })).min(1),
          response: { 200: z.array(definitionView) },
        },
      },
      async (req) => (await deps.qualityDefinitions.updateMany(req.body)).map(presentDefinition),
    );
    app.put(
      '/qualitydefinition/:id',
      { schema: { ...qd, params: idParams, body: definitionBody, response: { 200: definitionView } } },
      async (req) => presentDefinition(await deps.qualityDefinitions.update({ ...req.body, id: req.params.id })),
    );

    const qp = { tags: ['qualityprofile'] };
    app.get('/qualityprofile', { schema: { ...qp, response: { 200: z.array(profileView) } } }, () =>
      deps.qualityProfiles.list(),
    );
    app.get(
      '/qualityprofile/schema',
      { schema: { ...qp, response: { 200: profileBody.extend({ name: z.string() }) } } },
      async () => deps.qualityProfiles.schema(),
    );
    app.get('/qualityprofile/:id', { schema: { ...qp, params: idParams, response: { 200: profileView } } }, (req) =>
      deps.qualityProfiles.get(req.params.id),
    );
    app.post(
      '/qualityprofile',
      { schema: { ...qp, body: profileBody, response: { 201: profileView } } },
      async (req, reply) => reply.code(201).send(await deps.qualityProfiles.create(req.body)),
    );
    app.put(
      '/qualityprofile/:id',
      { schema: { ...qp, params: idParams, body: profileBody, response: { 200: profileView } } },
      (req) => deps.qualityProfiles.update(req.params.id, req.body),
    );
    app.delete('/qualityprofile/:id', { schema: { ...qp, params: idParams } }, async (req, reply) => {
      await deps.qualityProfiles.delete(req.params.id);
      return reply.code(204).send();
    });
  };
}
