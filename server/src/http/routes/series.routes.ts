// /api/v1/series: lookup, add, list with statistics (paged, or everything when no paging parameter is given, like
// Sonarr), read, edit (season monitoring included), delete, and /season/monitor. HTTP only.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SERIES_SORT_KEYS, type SeriesFilter, type SeriesSortKey } from '../../db/repositories/series.repository.js';
import { MONITOR_TYPES, type MonitorType } from '../../domain/library/monitor-type.rules.js';
import { NEW_ITEM_MONITORING, SERIES_STATUSES, SERIES_TYPES } from '../../domain/library/series.types.js';
import type { AddSeriesService } from '../../services/library/add-series.service.js';
import type { LookupService } from '../../services/library/lookup.service.js';
import type { SeriesService } from '../../services/library/series.service.js';
import { plainJson, queryBool, sendLibraryList, sharedListFilter, sharedListQuery } from './library-list.http.js';
import { addPlace, idParams, lookupQuery, mediaImage, pageOf, ratings, tagIds } from './movie.routes.js';

export interface SeriesRoutesDeps {
  series: SeriesService;
  addSeries: AddSeriesService;
  lookup: LookupService;
}

const statistics = z.object({
  episodeCount: z.number(),
  episodeFileCount: z.number(),
  totalEpisodeCount: z.number(),
  percentOfEpisodes: z.number(),
  sizeOnDisk: z.number(),
  nextAiring: z.string().nullable(),
  previousAiring: z.string().nullable(),
});

const seriesResource = z
  .object({
    id: z.number(),
    tvdbId: z.number().nullable(),
    tmdbId: z.number().nullable(),
    imdbId: z.string().nullable(),
    title: z.string(),
    sortTitle: z.string(),
    cleanTitle: z.string(),
    year: z.number(),
    status: z.enum(SERIES_STATUSES),
    overview: z.string().nullable(),
    network: z.string().nullable(),
    airTime: z.string().nullable(),
    runtime: z.number(),
    seriesType: z.enum(SERIES_TYPES),
    certification: z.string().nullable(),
    genres: z.array(z.string()),
    images: z.array(mediaImage),
    ratings,
    monitored: z.boolean(),
    monitorNewItems: z.enum(NEW_ITEM_MONITORING),
    qualityProfileId: z.number(),
    path: z.string(),
    rootFolderPath: z.string(),
    seasonFolder: z.boolean(),
    tags: z.array(z.number()),
    added: z.string(),
    lastInfoSync: z.string().nullable(),
    firstAired: z.string().nullable(),
    lastAired: z.string().nullable(),
    nextAiring: z.string().nullable(),
    previousAiring: z.string().nullable(),
    seasons: z.array(z.object({ seasonNumber: z.number(), monitored: z.boolean(), statistics })),
    statistics: statistics.extend({ seasonCount: z.number() }),
    alternateTitles: z
      .array(z.object({ title: z.string(), cleanTitle: z.string(), sceneSeasonNumber: z.number().nullable() }))
      .optional(),
  })
  .meta({ id: 'Series' });

const seriesLookupResource = z
  .object({
    tvdbId: z.number().nullable(),
    tmdbId: z.number().nullable(),
    imdbId: z.string().nullable(),
    title: z.string(),
    year: z.number(),
    overview: z.string().nullable(),
    status: z.enum(SERIES_STATUSES),
    network: z.string().nullable(),
    firstAired: z.string().nullable(),
    images: z.array(mediaImage),
    folder: z.string(),
    id: z.number().optional(),
  })
  .meta({ id: 'SeriesLookup' });

// The spec's names plus Sonarr's camelCase spellings (firstSeason, lastSeason/latestSeason).
const SONARR_MONITOR: Record<string, MonitorType> = {
  firstSeason: 'first_season',
  lastSeason: 'latest_season',
  latestSeason: 'latest_season',
};
const monitorType = z.preprocess(
  (v) => (typeof v === 'string' && v in SONARR_MONITOR ? SONARR_MONITOR[v] : v),
  z.enum(MONITOR_TYPES),
);

const seasonFlags = z.array(z.object({ seasonNumber: z.number().int().min(0), monitored: z.boolean() })).max(1000);

const addSeriesBody = z.object({
  tvdbId: z.number().int().positive().optional(),
  tmdbId: z.number().int().positive().optional(),
  qualityProfileId: z.number().int().positive(),
  ...addPlace,
  seriesType: z.enum(SERIES_TYPES).default('standard'),
  seasonFolder: z.boolean().default(true),
  monitored: z.boolean().default(true),
  monitorNewItems: z.enum(NEW_ITEM_MONITORING).default('all'),
  /** Also accepted inside addOptions, where Sonarr puts it. */
  monitor: monitorType.optional(),
  tags: tagIds.default([]),
  addOptions: z
    .object({ monitor: monitorType.optional(), searchForMissingEpisodes: z.boolean().default(false) })
    .default({ searchForMissingEpisodes: false }),
});

const editSeriesBody = z.object({
  monitored: z.boolean().optional(),
  monitorNewItems: z.enum(NEW_ITEM_MONITORING).optional(),
  qualityProfileId: z.number().int().positive().optional(),
  seriesType: z.enum(SERIES_TYPES).optional(),
  seasonFolder: z.boolean().optional(),
  tags: tagIds.optional(),
  path: z.string().trim().min(1).optional(),
  seasons: seasonFlags.optional(),
});

const listQuery = z.object({
  ...sharedListQuery,
  sortKey: z.enum(Object.keys(SERIES_SORT_KEYS) as [SeriesSortKey, ...SeriesSortKey[]]).optional(),
  seriesType: z.enum(SERIES_TYPES).optional(),
  status: z.enum(SERIES_STATUSES).optional(),
  tvdbId: z.coerce.number().int().positive().optional(),
});

export function seriesRoutes(deps: SeriesRoutesDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['series'];
    app.get(
      '/series/lookup',
      {
        schema: {
          tags,
          summary: 'Search by title, `tvdb:ID`, `tmdb:ID` or `imdb:ttID`',
          querystring: lookupQuery,
          response: { 200: z.array(seriesLookupResource) },
        },
      },
      (req) => deps.lookup.series(req.query.term),
    );

    app.get(
      '/series',
      {
        schema: {
          tags,
          summary: 'Every series with statistics, or one page when page/pageSize/sortKey is given',
          querystring: listQuery,
          response: { 200: z.union([pageOf(seriesResource), z.array(seriesResource)]) },
        },
      },
      async (req, reply) => {
        reply.serializer(plainJson);
        const q = req.query;
        const filter: SeriesFilter = {
          ...sharedListFilter(q),
          ...(q.seriesType === undefined ? {} : { seriesType: q.seriesType }),
          ...(q.status === undefined ? {} : { status: q.status }),
        };
        // Sonarr's `?tvdbId=`: the matching series as a list (empty when not in the library).
        if (q.tvdbId !== undefined) return deps.series.byTvdbId(q.tvdbId);
        return sendLibraryList(reply, q, filter, deps.series);
      },
    );

    app.post(
      '/series',
      {
        schema: {
          tags,
          summary: 'Add a series by tvdbId or tmdbId with its episodes, under rootFolderPath or at an existing path',
          body: addSeriesBody,
          response: { 201: seriesResource },
        },
      },
      async (req, reply) => {
        const { monitor, addOptions, ...rest } = req.body;
        const series = await deps.addSeries.add({
          ...rest,
          monitor: monitor ?? addOptions.monitor ?? 'all',
          addOptions: { searchForMissingEpisodes: addOptions.searchForMissingEpisodes },
        });
        return reply.code(201).send(await deps.series.get(series.id));
      },
    );

    app.put(
      '/season/monitor',
      {
        schema: {
          tags,
          summary: 'Monitor or unmonitor one season and all of its episodes',
          body: z.object({
            seriesId: z.number().int().positive(),
            seasonNumber: z.number().int().min(0),
            monitored: z.boolean(),
          }),
          response: { 200: seriesResource },
        },
      },
      (req) => deps.series.setSeasonMonitored(req.body.seriesId, req.body.seasonNumber, req.body.monitored),
    );

    app.get('/series/:id', { schema: { tags, params: idParams, response: { 200: seriesResource } } }, (req) =>
      deps.series.get(req.params.id),
    );

    app.put(
      '/series/:id',
      { schema: { tags, params: idParams, body: editSeriesBody, response: { 200: seriesResource } } },
      (req) => deps.series.update(req.params.id, req.body),
    );

    app.delete(
      '/series/:id',
      {
        schema: {
          tags,
          summary: 'Remove a series; deleteFiles=true also deletes its folder (only inside a root folder)',
          params: idParams,
          querystring: z.object({
            deleteFiles: queryBool.default(false),
            addImportListExclusion: queryBool.default(false),
          }),
        },
      },
      async (req, reply) => {
        await deps.series.delete(req.params.id, { deleteFiles: req.query.deleteFiles });
        return reply.code(204).send();
      },
    );
  };
}
