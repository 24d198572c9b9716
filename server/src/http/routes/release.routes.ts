// /api/v1/release: interactive search (GET), grab from the search cache (POST), and pushed releases
// (POST /release/push, autobrr-style). Every release comes with its parse, custom formats, score, rejections and rank.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ReleaseDecision } from '../../services/decisions/decision-engine.service.js';
import { releaseIndexerFlags, releaseLanguages } from '../../services/decisions/release-attributes.js';
import type {
  GroupReputation,
  InteractiveSearchService,
  InteractiveTarget,
} from '../../services/search/interactive-search.service.js';
import type { GrabbedRelease } from '../../services/search/release-processor.js';
import { type SearchSettings, searchSettingsSchema } from '../../services/search/search-settings.js';

const positive = z.coerce.number().int().positive();

const searchQuery = z
  .object({
    movieId: positive.optional(),
    episodeId: positive.optional(),
    seriesId: positive.optional(),
    seasonNumber: z.coerce.number().int().min(0).optional(),
  })
  .superRefine((q, ctx) => {
    const targets = [q.movieId, q.episodeId, q.seriesId].filter((v) => v !== undefined).length;
    if (targets !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['movieId'],
        message: 'give exactly one of movieId, episodeId or seriesId (with seasonNumber)',
      });
    if (q.seriesId !== undefined && q.seasonNumber === undefined)
      ctx.addIssue({ code: 'custom', path: ['seasonNumber'], message: 'required with seriesId' });
    if (q.seasonNumber !== undefined && q.seriesId === undefined)
      ctx.addIssue({ code: 'custom', path: ['seriesId'], message: 'required with seasonNumber' });
  });

const rejectionView = z.object({ reason: z.string(), type: z.enum(['permanent', 'temporary']) });

export const releaseView = z.object({
  guid: z.string(),
  title: z.string(),
  indexerId: z.number().nullable(),
  indexer: z.string(),
  protocol: z.enum(['usenet', 'torrent']),
  size: z.number(),
  publishDate: z.string(),
  /** Whole days since publishing (Sonarr's `age`), plus hours and minutes. */
  age: z.number(),
  ageHours: z.number(),
  ageMinutes: z.number(),
  seeders: z.number().nullable(),
  leechers: z.number().nullable(),
  peers: z.number().nullable(),
  infoUrl: z.string().nullable(),
  freeleech: z.boolean(),
  internal: z.boolean(),
  /** Every indexer flag the release carries (`freeleech`, `halfleech`, `doubleUpload`, `internal`, `scene`, `nuked`, …). */
  indexerFlags: z.array(z.string()),
  categories: z.array(z.number()),
  parse: z
    .object({
      kind: z.enum(['movie', 'episode']),
      title: z.string(),
      year: z.number().nullable(),
      seasonNumber: z.number().nullable(),
      episodeNumbers: z.array(z.number()),
      absoluteEpisodeNumbers: z.array(z.number()),
      airDate: z.string().nullable(),
      fullSeason: z.boolean(),
      edition: z.string().nullable(),
    })
    .nullable(),
  quality: z
    .object({
      id: z.string(),
      name: z.string(),
      revision: z.object({ version: z.number(), real: z.number() }),
    })
    .nullable(),
  languages: z.array(z.string()),
  releaseGroup: z.string().nullable(),
  /** The group's reputation from earlier sightings (null when never seen before this search). */
  releaseGroupReputation: z.object({ score: z.number(), tier: z.string(), confidence: z.string() }).nullable(),
  customFormats: z.array(z.object({ id: z.number(), name: z.string() })),
  customFormatScore: z.number(),
  rejections: z.array(rejectionView),
  rejected: z.boolean(),
  temporarilyRejected: z.boolean(),
  accepted: z.boolean(),
  rank: z.number().nullable(),
  movieId: z.number().nullable(),
  seriesId: z.number().nullable(),
  episodeIds: z.array(z.number()),
});
export type ReleaseView = z.infer<typeof releaseView>;

export function presentRelease(
  d: ReleaseDecision,
  now: number,
  groups?: ReadonlyMap<string, GroupReputation>,
): ReleaseView {
  const r = d.release;
  const published = Date.parse(r.usenetDate ?? r.publishDate);
  const minutes = Number.isFinite(published) ? Math.max(0, Math.floor((now - published) / 60_000)) : 0;
  const p = d.parsed;
  const parse: ReleaseView['parse'] = !p
    ? null
    : p.kind === 'movie'
      ? {
          kind: 'movie',
          title: p.info.movieTitle,
          year: p.info.year || null,
          seasonNumber: null,
          episodeNumbers: [],
          absoluteEpisodeNumbers: [],
          airDate: null,
          fullSeason: false,
          edition: p.info.edition || null,
        }
      : {
          kind: 'episode',
          title: p.info.seriesTitle,
          year: null,
          seasonNumber: p.info.seasonNumber,
          episodeNumbers: p.info.episodeNumbers,
          absoluteEpisodeNumbers: p.info.absoluteEpisodeNumbers,
          airDate: p.info.airDate,
          fullSeason: p.info.fullSeason,
          edition: null,
        };
  return {
    guid: r.guid,
    title: r.title,
    indexerId: r.indexerId,
    indexer: r.indexer,
    protocol: r.protocol,
    size: r.size,
    publishDate: r.publishDate,
    age: Math.floor(minutes / 1440),
    ageHours: Math.floor(minutes / 60),
    ageMinutes: minutes,
    seeders: r.seeders ?? null,
    leechers: r.leechers ?? null,
    peers: r.peers ?? null,
    infoUrl: r.infoUrl ?? r.commentsUrl ?? null,
    freeleech: r.freeleech,
    internal: r.internal === true,
    indexerFlags: [...releaseIndexerFlags(r)],
    categories: r.categories,
    parse,
    quality: d.quality
      ? {
          id: d.quality.quality.id,
          name: d.movie ? d.quality.quality.radarrName : (d.quality.quality.sonarrName ?? d.quality.quality.radarrName),
          revision: { version: d.quality.revision.version, real: d.quality.revision.real },
        }
      : null,
    // The title's languages, else those the indexer lists; an untagged title without them stays `Unknown` here.
    languages: p ? releaseLanguages(p.info.languages, r, p.info.languages) : [],
    releaseGroup: p?.info.releaseGroup ?? null,
    releaseGroupReputation: reputationOf(p?.info.releaseGroup, groups),
    customFormats: d.customFormats,
    customFormatScore: d.customFormatScore,
    rejections: d.rejections,
    rejected: !d.accepted,
    temporarilyRejected: !d.accepted && d.rejections.length > 0 && d.rejections.every((x) => x.type === 'temporary'),
    accepted: d.accepted,
    rank: d.rank,
    movieId: d.movie?.id ?? null,
    seriesId: d.series?.id ?? null,
    episodeIds: d.episodes.map((e) => e.id),
  };
}

function reputationOf(
  group: string | null | undefined,
  groups: ReadonlyMap<string, GroupReputation> | undefined,
): ReleaseView['releaseGroupReputation'] {
  const r = group ? groups?.get(group.trim().toLowerCase()) : undefined;
  return r ? { score: r.score, tier: r.tier, confidence: r.confidence } : null;
}

const grabbedView = z.object({
  status: z.enum(['grabbed', 'awaiting-grab', 'no-download-client']),
  message: z.string(),
  title: z.string(),
  guid: z.string(),
  indexer: z.string(),
  movieId: z.number().nullable(),
  episodeIds: z.array(z.number()),
  trackedDownloadId: z.number().nullable(),
  downloadClient: z.string().nullable(),
});

function presentGrab(g: GrabbedRelease): z.infer<typeof grabbedView> {
  const message =
    g.status === 'grabbed'
      ? `Sent to ${g.downloadClient}`
      : g.status === 'awaiting-grab'
        ? 'Recorded as pending: sending to download clients is not available yet; it will be grabbed once it is'
        : 'Recorded as pending: no enabled, available download client takes this protocol';
  return { ...g, message };
}

const grabBody = z.object({
  guid: z.string().min(1),
  indexerId: z.number().int().min(0).nullable(),
});

const pushBody = z
  .object({
    title: z.string().trim().min(1),
    downloadUrl: z.url().optional(),
    magnetUrl: z
      .string()
      .regex(/^magnet:\?/i, 'must be a magnet: URI')
      .optional(),
    protocol: z.enum(['torrent', 'usenet']),
    publishDate: z.iso.datetime({ offset: true }),
    indexer: z.string().trim().min(1),
    indexerId: z.number().int().positive().optional(),
    guid: z.string().min(1).optional(),
    size: z.number().int().min(0).optional(),
    seeders: z.number().int().min(0).optional(),
    leechers: z.number().int().min(0).optional(),
    infoHash: z.string().optional(),
    infoUrl: z.string().optional(),
    imdbId: z.string().optional(),
    tmdbId: z.number().int().positive().optional(),
    tvdbId: z.number().int().positive().optional(),
    categories: z.array(z.number().int()).optional(),
    freeleech: z.boolean().optional(),
    downloadVolumeFactor: z.number().min(0).optional(),
    uploadVolumeFactor: z.number().min(0).optional(),
  })
  .superRefine((b, ctx) => {
    if (!b.downloadUrl && !b.magnetUrl)
      ctx.addIssue({ code: 'custom', path: ['downloadUrl'], message: 'downloadUrl or magnetUrl is required' });
  });

export function releaseRoutes(deps: {
  interactive: InteractiveSearchService;
  now: () => number;
}): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['release'];
    app.get(
      '/release',
      {
        schema: {
          tags,
          querystring: searchQuery,
          response: { 200: z.array(releaseView) },
        },
      },
      async (req) => {
        const q = req.query;
        const target: InteractiveTarget =
          q.movieId !== undefined
            ? { movieId: q.movieId }
            : q.episodeId !== undefined
              ? { episodeId: q.episodeId }
              : { seriesId: q.seriesId!, seasonNumber: q.seasonNumber! };
        const result = await deps.interactive.search(target);
        const now = deps.now();
        return result.decisions.map((d) => presentRelease(d, now, result.groups));
      },
    );
    app.post(
      '/release',
      { schema: { tags, body: grabBody, response: { 200: grabbedView, 202: grabbedView } } },
      async (req, reply) => {
        const { grabbed } = await deps.interactive.grab(req.body.guid, req.body.indexerId || null);
        return reply.code(grabbed.status === 'grabbed' ? 200 : 202).send(presentGrab(grabbed));
      },
    );
    app.post(
      '/release/push',
      {
        schema: {
          tags,
          body: pushBody,
          response: { 200: z.object({ release: releaseView, grabbed: grabbedView.nullable() }) },
        },
      },
      async (req) => {
        const { decision, grabbed } = await deps.interactive.push(req.body);
        return { release: presentRelease(decision, deps.now()), grabbed: grabbed ? presentGrab(grabbed) : null };
      },
    );
  };
}

const searchConfigView = z.object({ rssSyncIntervalMinutes: z.number() });

/** GET/PUT /api/v1/config/search: the RSS sync interval (minimum 10 minutes; applies from the next start). */
export function searchConfigRoutes(deps: {
  settings: { get(): Promise<SearchSettings>; save(s: SearchSettings): Promise<SearchSettings> };
}): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['config'];
    app.get('/config/search', { schema: { tags, response: { 200: searchConfigView } } }, () => deps.settings.get());
    app.put(
      '/config/search',
      { schema: { tags, body: searchSettingsSchema, response: { 200: searchConfigView } } },
      (req) => deps.settings.save(req.body),
    );
  };
}
