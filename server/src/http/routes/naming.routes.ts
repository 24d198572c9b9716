// /api/v1/config/naming: the naming settings per media type and previews of what they produce.
// Formats are checked by the service (findings name the field: `series.standardEpisodeFormat`); zod checks shapes.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { COLON_REPLACEMENTS, MULTI_EPISODE_STYLES } from '../../domain/naming/naming.types.js';
import type { NamingConfigPatch, NamingConfigService } from '../../services/naming/naming-config.service.js';

export interface NamingRoutesDeps {
  naming: NamingConfigService;
}

const format = z.string().max(1000);

const seriesNaming = z.object({
  renameEpisodes: z.boolean(),
  replaceIllegalCharacters: z.boolean(),
  colonReplacementFormat: z.enum(COLON_REPLACEMENTS),
  multiEpisodeStyle: z.enum(MULTI_EPISODE_STYLES),
  standardEpisodeFormat: format,
  dailyEpisodeFormat: format,
  animeEpisodeFormat: format,
  seriesFolderFormat: format,
  seasonFolderFormat: format,
  specialsFolderFormat: format,
});

const movieNaming = z.object({
  renameMovies: z.boolean(),
  replaceIllegalCharacters: z.boolean(),
  colonReplacementFormat: z.enum(COLON_REPLACEMENTS),
  standardMovieFormat: format,
  movieFolderFormat: format,
});

const namingView = z.object({ series: seriesNaming, movie: movieNaming });
const namingBody = z.object({ series: seriesNaming.partial().optional(), movie: movieNaming.partial().optional() });

const examplesView = z.object({
  singleEpisodeExample: z.string(),
  multiEpisodeExample: z.string(),
  dailyEpisodeExample: z.string(),
  animeEpisodeExample: z.string(),
  animeMultiEpisodeExample: z.string(),
  seriesFolderExample: z.string(),
  seasonFolderExample: z.string(),
  specialsFolderExample: z.string(),
  movieExample: z.string(),
  movieFolderExample: z.string(),
});

/** Query strings carry every value as text: booleans as `true`/`false`. */
function queryField(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodBoolean) return z.enum(['true', 'false']).transform((v) => v === 'true');
  return schema;
}

/** `?series.standardEpisodeFormat=…&movie.colonReplacementFormat=dash`: any field of either section. */
const exampleQuery = z.object(
  Object.fromEntries([
    ...Object.entries(seriesNaming.shape).map(([k, s]) => [`series.${k}`, queryField(s).optional()]),
    ...Object.entries(movieNaming.shape).map(([k, s]) => [`movie.${k}`, queryField(s).optional()]),
  ]),
);

function patchFromQuery(query: Record<string, unknown>): NamingConfigPatch {
  const patch: { series: Record<string, unknown>; movie: Record<string, unknown> } = { series: {}, movie: {} };
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const [section, field] = key.split('.') as ['series' | 'movie', string];
    patch[section][field] = value;
  }
  return patch as NamingConfigPatch;
}

export function namingRoutes(deps: NamingRoutesDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['naming'];
    app.get('/config/naming', { schema: { tags, response: { 200: namingView } } }, () => deps.naming.get());
    app.put('/config/naming', { schema: { tags, body: namingBody, response: { 200: namingView } } }, (req) =>
      deps.naming.update(req.body),
    );
    for (const path of ['/config/naming/example', '/config/naming/examples']) {
      app.get(path, { schema: { tags, querystring: exampleQuery, response: { 200: examplesView } } }, (req) =>
        deps.naming.examples(patchFromQuery(req.query as Record<string, unknown>)),
      );
    }
  };
}
