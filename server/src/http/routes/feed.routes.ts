// GET /feed/v1/calendar/idkarr.ics: the calendar as an iCalendar subscription. Calendar apps cannot send headers,
// so they authenticate with the `apikey` query parameter (the auth plugin accepts it on every route).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CalendarService } from '../../services/library/calendar.service.js';
import { feedWindow } from '../../services/library/calendar-range.js';
import { calendarFeed } from '../../services/library/ical-feed.js';

const days = z.coerce.number().int().min(0).max(3650);

const feedQuery = z.object({
  apikey: z.string().optional(),
  pastDays: days.default(7),
  futureDays: days.default(28),
  tags: z
    .string()
    .regex(/^(\d+(,\d+)*)?$/, 'must be comma-separated tag ids')
    .default(''),
  unmonitored: z.enum(['true', 'false']).default('false'),
});

export function feedRoutes(deps: { calendar: CalendarService; version: string }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/feed/v1/calendar/idkarr.ics',
      {
        schema: {
          tags: ['calendar'],
          description:
            'iCalendar (RFC 5545) feed of movie releases and episodes from pastDays before today to futureDays after; tags = comma-separated tag ids.',
          querystring: feedQuery,
          produces: ['text/calendar'],
        },
      },
      async (req, reply) => {
        const q = req.query;
        const now = deps.calendar.now();
        const tags = q.tags ? q.tags.split(',').map(Number) : [];
        const result = await deps.calendar.entries(feedWindow(now, q.pastDays, q.futureDays), {
          includeUnmonitored: q.unmonitored === 'true',
          tags,
        });
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', 'inline; filename="idkarr.ics"')
          .header('cache-control', 'no-store')
          .send(calendarFeed(result, { version: deps.version, stamp: now }));
      },
    );
  };
}
