// /api/v1/movie: lookup, add, list (paged, or everything when no paging parameter is given, like Radarr), read,
// edit, delete (optionally with the folder), and the bulk editor. HTTP only; rules live in the services.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MOVIE_SORT_KEYS, type MovieFilter, type MovieSortKey } from '../../db/repositories/movie.repository.js';
import { MINIMUM_AVAILABILITIES, MOVIE_STATUSES } from '../../domain/library/movie.types.js';
import { ValidationError } from '../../lib/errors.js';
import type { AddMovieService } from '../../services/library/add-movie.service.js';
import type { LookupService } from '../../services/library/lookup.service.js';
import type { MovieService } from '../../services/library/movie.service.js';
import { plainJson, queryBool, sendLibraryList, sharedListFilter, sharedListQuery } from './library-list.http.js';

export interface MovieRoutesDeps {
  movies: MovieService;
  addMovie: AddMovieService;
  lookup: LookupService;
}

// Shared with the series, episode and queue routes.
export { queryBool } from './library-list.http.js';
export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const mediaImage = z.object({ coverType: z.string(), remoteUrl: z.string() });
export const ratings = z.record(z.string(), z.object({ value: z.number(), votes: z.number() }));
export const tagIds = z.array(z.number().int().positive()).max(1000);
export const lookupQuery = z.object({ term: z.string().trim().min(1, 'a search term is required').max(500) });
export function pageOf<T extends z.ZodType>(record: T) {
  return z.object({
    page: z.number(),
    pageSize: z.number(),
    sortKey: z.string(),
    sortDirection: z.enum(['ascending', 'descending']),
    totalRecords: z.number(),
    records: z.array(record),
  });
}

const movieResource = z
  .object({
    id: z.number(),
    tmdbId: z.number(),
    imdbId: z.string().nullable(),
    title: z.string(),
    originalTitle: z.string().nullable(),
    sortTitle: z.string(),
    cleanTitle: z.string(),
    year: z.number(),
    runtime: z.number(),
    overview: z.string().nullable(),
    status: z.enum(MOVIE_STATUSES),
    inCinemas: z.string().nullable(),
    physicalRelease: z.string().nullable(),
    digitalRelease: z.string().nullable(),
    minimumAvailability: z.enum(MINIMUM_AVAILABILITIES),
    certification: z.string().nullable(),
    genres: z.array(z.string()),
    studio: z.string().nullable(),
    images: z.array(mediaImage),
    ratings,
    monitored: z.boolean(),
    qualityProfileId: z.number(),
    path: z.string(),
    rootFolderPath: z.string(),
    tags: z.array(z.number()),
    collection: z.object({ tmdbId: z.number(), title: z.string() }).nullable(),
    added: z.string(),
    lastInfoSync: z.string().nullable(),
    movieFileId: z.number().nullable(),
    alternateTitles: z.array(z.object({ title: z.string(), cleanTitle: z.string(), source: z.string() })),
    hasFile: z.boolean(),
    isAvailable: z.boolean(),
    sizeOnDisk: z.number(),
  })
  .meta({ id: 'Movie' });

const movieLookupResource = z
  .object({
    tmdbId: z.number(),
    imdbId: z.string().nullable(),
    title: z.string(),
    originalTitle: z.string().nullable(),
    year: z.number(),
    overview: z.string().nullable(),
    images: z.array(mediaImage),
    folder: z.string(),
    id: z.number().optional(),
  })
  .meta({ id: 'MovieLookup' });

// Shared with POST /series: `path` (library import) files the item at an existing folder inside a root folder.
export const addPlace = {
  rootFolderPath: z.string().trim().min(1).optional().describe('where a new "Title (Year)" folder is made'),
  path: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe('an existing folder inside a root folder (library import); rootFolderPath may then be left out'),
};

const addMovieBody = z.object({
  tmdbId: z.number().int().positive(),
  qualityProfileId: z.number().int().positive(),
  ...addPlace,
  monitored: z.boolean().default(true),
  minimumAvailability: z.enum(MINIMUM_AVAILABILITIES).default('released'),
  tags: tagIds.default([]),
  addOptions: z.object({ searchForMovie: z.boolean().default(false) }).default({ searchForMovie: false }),
});

const editMovieBody = z.object({
  monitored: z.boolean().optional(),
  qualityProfileId: z.number().int().positive().optional(),
  minimumAvailability: z.enum(MINIMUM_AVAILABILITIES).optional(),
  tags: tagIds.optional(),
  path: z.string().trim().min(1).optional(),
});

const movieIds = z.array(z.number().int().positive()).min(1).max(10_000);
const editorBody = z.object({
  movieIds,
  monitored: z.boolean().optional(),
  qualityProfileId: z.number().int().positive().optional(),
  minimumAvailability: z.enum(MINIMUM_AVAILABILITIES).optional(),
  rootFolderPath: z.string().trim().min(1).optional(),
  tags: tagIds.optional(),
  applyTags: z.enum(['add', 'remove', 'replace']).default('add'),
  moveFiles: z.boolean().default(false),
});
const editorDeleteBody = z.object({
  movieIds,
  deleteFiles: z.boolean().default(false),
  addImportExclusion: z.boolean().default(false),
});

const listQuery = z.object({
  ...sharedListQuery,
  sortKey: z.enum(Object.keys(MOVIE_SORT_KEYS) as [MovieSortKey, ...MovieSortKey[]]).optional(),
  missing: queryBool.optional(),
  tmdbId: z.coerce.number().int().positive().optional(),
});

const deleteQuery = z.object({
  deleteFiles: queryBool.default(false),
  addImportExclusion: queryBool.default(false),
});

export function movieRoutes(deps: MovieRoutesDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['movie'];
    app.get(
      '/movie/lookup',
      {
        schema: {
          tags,
          summary: 'Search TMDB by title, `tmdb:ID` or `imdb:ttID`',
          querystring: lookupQuery,
          response: { 200: z.array(movieLookupResource) },
        },
      },
      (req) => deps.lookup.movies(req.query.term),
    );

    app.get(
      '/movie',
      {
        schema: {
          tags,
          summary: 'Every movie, or one page when page/pageSize/sortKey is given',
          querystring: listQuery,
          response: { 200: z.union([pageOf(movieResource), z.array(movieResource)]) },
        },
      },
      async (req, reply) => {
        reply.serializer(plainJson);
        const q = req.query;
        const filter: MovieFilter = {
          ...sharedListFilter(q),
          ...(q.missing === undefined ? {} : { missing: q.missing }),
        };
        // Radarr's `?tmdbId=`: the matching movie as a list (empty when not in the library).
        if (q.tmdbId !== undefined) return deps.movies.byTmdbId(q.tmdbId);
        return sendLibraryList(reply, q, filter, deps.movies);
      },
    );

    app.post(
      '/movie',
      {
        schema: {
          tags,
          summary: 'Add a movie by tmdbId, into a new folder under rootFolderPath or at an existing path',
          body: addMovieBody,
          response: { 201: movieResource },
        },
      },
      async (req, reply) => {
        const movie = await deps.addMovie.add(req.body);
        return reply.code(201).send(await deps.movies.get(movie.id));
      },
    );

    app.put(
      '/movie/editor',
      {
        schema: {
          tags,
          summary: 'Bulk edit: monitoring, profile, availability, tags (add/remove/replace), root folder',
          body: editorBody,
          response: { 202: z.array(movieResource) },
        },
      },
      async (req, reply) => {
        const { moveFiles, ...edit } = req.body;
        if (moveFiles) {
          const message = 'moving files is not supported yet; change the root folder with moveFiles=false';
          throw new ValidationError(message, [{ field: 'body.moveFiles', message, severity: 'error' }]);
        }
        return reply.code(202).send(await deps.movies.edit(edit));
      },
    );

    app.delete(
      '/movie/editor',
      { schema: { tags, summary: 'Delete many movies', body: editorDeleteBody } },
      async (req, reply) => {
        await deps.movies.deleteMany(req.body.movieIds, { deleteFiles: req.body.deleteFiles });
        return reply.code(204).send();
      },
    );

    app.get('/movie/:id', { schema: { tags, params: idParams, response: { 200: movieResource } } }, (req) =>
      deps.movies.get(req.params.id),
    );

    app.put(
      '/movie/:id',
      { schema: { tags, params: idParams, body: editMovieBody, response: { 200: movieResource } } },
      (req) => deps.movies.update(req.params.id, req.body),
    );

    app.delete(
      '/movie/:id',
      {
        schema: {
          tags,
          summary: 'Remove a movie; deleteFiles=true also deletes its folder (only inside a root folder)',
          params: idParams,
          querystring: deleteQuery,
        },
      },
      async (req, reply) => {
        await deps.movies.delete(req.params.id, { deleteFiles: req.query.deleteFiles });
        return reply.code(204).send();
      },
    );
  };
}
