// GET /api/v1/calendar: movie releases and episode air times in a window. Also holds the compact movie, episode
// and series views the calendar and wanted lists share.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Movie } from '../../domain/library/movie.types.js';
import type { Episode, Series } from '../../domain/library/series.types.js';
import { type CalendarService, MOVIE_RELEASE_TYPES } from '../../services/library/calendar.service.js';
import { calendarWindow, parseCalendarBound } from '../../services/library/calendar-range.js';

const image = z.object({ coverType: z.string(), remoteUrl: z.string() });

export const movieView = z.object({
  id: z.number(),
  tmdbId: z.number(),
  imdbId: z.string().nullable(),
  title: z.string(),
  originalTitle: z.string().nullable(),
  sortTitle: z.string(),
  year: z.number(),
  runtime: z.number(),
  overview: z.string().nullable(),
  status: z.string(),
  inCinemas: z.string().nullable(),
  digitalRelease: z.string().nullable(),
  physicalRelease: z.string().nullable(),
  minimumAvailability: z.string(),
  certification: z.string().nullable(),
  genres: z.array(z.string()),
  studio: z.string().nullable(),
  images: z.array(image),
  monitored: z.boolean(),
  qualityProfileId: z.number(),
  path: z.string(),
  rootFolderPath: z.string(),
  tags: z.array(z.number()),
  added: z.string(),
  hasFile: z.boolean(),
  movieFileId: z.number().nullable(),
});

export const seriesSummaryView = z.object({
  id: z.number(),
  tvdbId: z.number().nullable(),
  tmdbId: z.number().nullable(),
  imdbId: z.string().nullable(),
  title: z.string(),
  sortTitle: z.string(),
  year: z.number(),
  status: z.string(),
  network: z.string().nullable(),
  airTime: z.string().nullable(),
  runtime: z.number(),
  seriesType: z.string(),
  images: z.array(image),
  monitored: z.boolean(),
  qualityProfileId: z.number(),
  path: z.string(),
  tags: z.array(z.number()),
});

export const episodeWithSeriesView = z.object({
  id: z.number(),
  seriesId: z.number(),
  tvdbId: z.number().nullable(),
  seasonNumber: z.number(),
  episodeNumber: z.number(),
  absoluteEpisodeNumber: z.number().nullable(),
  title: z.string().nullable(),
  overview: z.string().nullable(),
  airDate: z.string().nullable(),
  airDateUtc: z.string().nullable(),
  runtime: z.number(),
  monitored: z.boolean(),
  hasFile: z.boolean(),
  episodeFileId: z.number().nullable(),
  series: seriesSummaryView,
});

export function presentMovie(m: Movie): z.infer<typeof movieView> {
  return {
    id: m.id,
    tmdbId: m.tmdbId,
    imdbId: m.imdbId,
    title: m.title,
    originalTitle: m.originalTitle,
    sortTitle: m.sortTitle,
    year: m.year,
    runtime: m.runtime,
    overview: m.overview,
    status: m.status,
    inCinemas: m.inCinemas,
    digitalRelease: m.digitalRelease,
    physicalRelease: m.physicalRelease,
    minimumAvailability: m.minimumAvailability,
    certification: m.certification,
    genres: m.genres,
    studio: m.studio,
    images: m.images,
    monitored: m.monitored,
    qualityProfileId: m.qualityProfileId,
    path: m.path,
    rootFolderPath: m.rootFolderPath,
    tags: m.tags,
    added: m.added,
    hasFile: m.movieFileId !== null,
    movieFileId: m.movieFileId,
  };
}

export function presentSeriesSummary(s: Series): z.infer<typeof seriesSummaryView> {
  return {
    id: s.id,
    tvdbId: s.tvdbId,
    tmdbId: s.tmdbId,
    imdbId: s.imdbId,
    title: s.title,
    sortTitle: s.sortTitle,
    year: s.year,
    status: s.status,
    network: s.network,
    airTime: s.airTime,
    runtime: s.runtime,
    seriesType: s.seriesType,
    images: s.images,
    monitored: s.monitored,
    qualityProfileId: s.qualityProfileId,
    path: s.path,
    tags: s.tags,
  };
}

export function presentEpisode(e: Episode, s: Series): z.infer<typeof episodeWithSeriesView> {
  return {
    id: e.id,
    seriesId: e.seriesId,
    tvdbId: e.tvdbId,
    seasonNumber: e.seasonNumber,
    episodeNumber: e.episodeNumber,
    absoluteEpisodeNumber: e.absoluteEpisodeNumber,
    title: e.title,
    overview: e.overview,
    airDate: e.airDate,
    airDateUtc: e.airDateUtc,
    runtime: e.runtime,
    monitored: e.monitored,
    hasFile: e.episodeFileId !== null,
    episodeFileId: e.episodeFileId,
    series: presentSeriesSummary(s),
  };
}

const bound = z
  .string()
  .refine((s) => parseCalendarBound(s) !== undefined, 'must be a date (YYYY-MM-DD) or an ISO date-time with offset');

const calendarQuery = z
  .object({
    start: bound.optional(),
    end: bound.optional(),
    unmonitored: z.enum(['true', 'false']).default('false'),
  })
  .superRefine((q, ctx) => {
    if (!q.start || !q.end) return;
    const s = parseCalendarBound(q.start);
    const e = parseCalendarBound(q.end);
    if (s && e && e.at.getTime() < s.at.getTime())
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'must not be before start' });
  });

const calendarView = z.object({
  start: z.string(),
  end: z.string(),
  movies: z.array(movieView.extend({ releaseType: z.enum(MOVIE_RELEASE_TYPES), releaseDate: z.string() })),
  episodes: z.array(episodeWithSeriesView),
});

export function calendarRoutes(deps: { calendar: CalendarService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/calendar',
      {
        schema: {
          tags: ['calendar'],
          description:
            'Movie releases (cinema, digital, physical) and episode air times in [start, end). Defaults: today 00:00 UTC, 7 days; a bare-day end includes that day.',
          querystring: calendarQuery,
          response: { 200: calendarView },
        },
      },
      async (req) => {
        const q = req.query;
        const start = q.start === undefined ? undefined : parseCalendarBound(q.start);
        const end = q.end === undefined ? undefined : parseCalendarBound(q.end);
        const window = calendarWindow(deps.calendar.now(), start, end);
        const result = await deps.calendar.entries(window, { includeUnmonitored: q.unmonitored === 'true' });
        return {
          start: window.start.toISOString(),
          end: window.end.toISOString(),
          movies: result.movies.map((m) => ({
            ...presentMovie(m.movie),
            releaseType: m.releaseType,
            releaseDate: m.releaseDate,
          })),
          episodes: result.episodes.map((e) => presentEpisode(e.episode, e.series)),
        };
      },
    );
  };
}
