// TVDB v4 settings. The PIN is only for user-supported keys; project keys leave it empty. TVDB publishes no
// request limit, so the default pace is generous but still bounded.
import { z } from 'zod';

export const TVDB_DEFAULT_URL = 'https://api4.thetvdb.com/v4';

export const tvdbSettings = z.object({
  apiKey: z.string().trim().min(1, 'an API key is required').meta({
    label: 'API key',
    help: 'A TVDB v4 API key (thetvdb.com → Dashboard → API keys).',
    secret: true,
    order: 1,
  }),
  pin: z.string().trim().default('').meta({
    label: 'Subscriber PIN',
    help: 'Only for user-supported keys; leave empty otherwise.',
    secret: true,
    order: 2,
  }),
  baseUrl: z
    .url('must be a URL')
    .default(TVDB_DEFAULT_URL)
    .meta({ label: 'API URL', help: 'TVDB API v4 base URL.', advanced: true, order: 3 }),
  language: z
    .string()
    .regex(/^[a-z]{3}$/, 'an ISO 639-2 language code such as eng')
    .default('eng')
    .meta({ label: 'Language', help: 'Preferred language of titles and overviews (eng, deu, fra, ...).', order: 4 }),
  certificationCountry: z
    .string()
    .regex(/^[a-z]{3}$/, 'an ISO 3166-1 alpha-3 country code such as usa')
    .default('usa')
    .meta({ label: 'Certification country', help: 'Whose content rating to use.', order: 5 }),
  rateLimitRequests: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(100)
    .meta({ label: 'Requests per window', advanced: true, order: 6 }),
  rateLimitWindowSeconds: z
    .number()
    .min(0.1)
    .max(3600)
    .default(10)
    .meta({ label: 'Rate limit window (seconds)', advanced: true, order: 7 }),
  cacheTtlMinutes: z
    .number()
    .min(0)
    .max(7 * 24 * 60)
    .default(60)
    .meta({ label: 'Cache lifetime (minutes)', help: '0 turns the cache off.', advanced: true, order: 8 }),
  timeoutSeconds: z
    .number()
    .min(0.05)
    .max(300)
    .default(30)
    .meta({ label: 'Request timeout (seconds)', advanced: true, order: 9 }),
});

export type TvdbSettings = z.output<typeof tvdbSettings>;
