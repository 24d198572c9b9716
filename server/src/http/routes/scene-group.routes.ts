// /api/v1/scenegroup: release-group reputation from what idkarr's indexers returned (paged, by score by default),
// one group by name, and the per-quality-profile reputation rules (/scenegroup/setting/:qualityProfileId... kept
// under /scenegroupsetting so a group named "setting" stays reachable).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SceneGroupSortKey } from '../../db/repositories/scene-group.repository.js';
import type { SceneGroupService, SceneGroupView } from '../../services/scene-groups/scene-group.service.js';

const SORT_KEYS = ['score', 'name', 'totalReleases', 'lastSeen'] as const satisfies readonly SceneGroupSortKey[];

const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(50),
  sortKey: z.enum(SORT_KEYS).default('score'),
  sortDirection: z.enum(['ascending', 'descending']).default('descending'),
});

const factorsView = z.object({
  seederHealth: z.number(),
  internalRatio: z.number(),
  completion: z.number(),
  qualityConsistency: z.number(),
  recency: z.number(),
  categoryDiversity: z.number(),
  volume: z.number(),
  sizeAppropriateness: z.number(),
});

const groupView = z.object({
  name: z.string(),
  score: z.number(),
  tier: z.enum(['S', 'A', 'B', 'C', 'D']),
  confidence: z.enum(['low', 'medium', 'high']),
  factors: factorsView,
  totalReleases: z.number(),
  internalReleases: z.number(),
  averageSeeders: z.number().nullable(),
  grabbedDownloads: z.number(),
  completedDownloads: z.number(),
  failedDownloads: z.number(),
  qualities: z.record(z.string(), z.number()),
  categories: z.array(z.number()),
  indexerIds: z.array(z.number()),
  firstSeen: z.string(),
  lastSeen: z.string(),
});

function present(g: SceneGroupView): z.infer<typeof groupView> {
  return {
    name: g.name,
    score: g.score,
    tier: g.tier,
    confidence: g.confidence,
    factors: g.factors,
    totalReleases: g.totalReleases,
    internalReleases: g.internalReleases,
    averageSeeders: g.seederSamples > 0 ? Math.round((10 * g.seedersTotal) / g.seederSamples) / 10 : null,
    grabbedDownloads: g.grabbedDownloads,
    completedDownloads: g.completedDownloads,
    failedDownloads: g.failedDownloads,
    qualities: g.qualities,
    categories: g.categories,
    indexerIds: g.indexers,
    firstSeen: g.firstSeen,
    lastSeen: g.lastSeen,
  };
}

const settingView = z.object({
  qualityProfileId: z.number(),
  minimumScore: z.number(),
  preferReputable: z.boolean(),
});

const settingBody = z.object({
  minimumScore: z.number().min(0).max(100).default(0),
  preferReputable: z.boolean().default(true),
});

export function sceneGroupRoutes(deps: { sceneGroups: SceneGroupService }): FastifyPluginAsyncZod {
  return async (app) => {
    const s = deps.sceneGroups;
    const tags = ['scenegroup'];
    app.get(
      '/scenegroup',
      {
        schema: {
          tags,
          querystring: pageQuery,
          response: {
            200: z.object({
              page: z.number(),
              pageSize: z.number(),
              sortKey: z.string(),
              sortDirection: z.string(),
              totalRecords: z.number(),
              records: z.array(groupView),
            }),
          },
        },
      },
      async (req) => {
        const page = await s.list(req.query);
        return { ...page, records: page.records.map(present) };
      },
    );
    app.get(
      '/scenegroup/:name',
      { schema: { tags, params: z.object({ name: z.string().min(1).max(200) }), response: { 200: groupView } } },
      async (req) => present(await s.get(req.params.name)),
    );
    app.get('/scenegroupsetting', { schema: { tags, response: { 200: z.array(settingView) } } }, () =>
      s.listSettings(),
    );
    const profileParams = z.object({ qualityProfileId: z.coerce.number().int().positive() });
    app.get(
      '/scenegroupsetting/:qualityProfileId',
      { schema: { tags, params: profileParams, response: { 200: settingView } } },
      (req) => s.getSetting(req.params.qualityProfileId),
    );
    app.put(
      '/scenegroupsetting/:qualityProfileId',
      { schema: { tags, params: profileParams, body: settingBody, response: { 200: settingView } } },
      (req) => s.saveSetting({ qualityProfileId: req.params.qualityProfileId, ...req.body }),
    );
  };
}
