// TMDB settings. The base URL is a setting so tests (and mirrors) can point elsewhere; the rate limit defaults
// to ~40 requests per 10 s, the ceiling TMDB documented for years and still a polite pace.
import { z } from 'zod';

export const TMDB_DEFAULT_URL = 'https://api.themoviedb.org/3';

export const tmdbSettings = z.object({
  apiKey: z.string().trim().min(1, 'an API key is required').meta({
    label: 'API key',
    help: 'A TMDB v3 API key or a v4 API read access token (themoviedb.org → Settings → API).',
    secret: true,
    order: 1,
  }),
  baseUrl: z
    .url('must be a URL')
    .default(TMDB_DEFAULT_URL)
    .meta({ label: 'API URL', help: 'TMDB API v3 base URL.', advanced: true, order: 2 }),
  authMode: z.enum(['auto', 'apiKey', 'bearer']).default('auto').meta({
    label: 'Authentication',
    help: 'auto: a JWT-shaped key is sent as a Bearer token, anything else as the api_key parameter.',
    advanced: true,
    order: 3,
  }),
  language: z
    .string()
    .regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'an ISO 639-1 language, optionally with a region (en-US)')
    .default('en-US')
    .meta({ label: 'Language', help: 'Language of titles and overviews, e.g. en-US or de-DE.', order: 4 }),
  certificationCountry: z
    .string()
    .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 country code such as US')
    .default('US')
    .meta({ label: 'Certification country', help: 'Whose age ratings to use.', order: 5 }),
  includeAdult: z.boolean().default(false).meta({ label: 'Include adult titles', advanced: true, order: 6 }),
  imageBaseUrl: z
    .url('must be a URL')
    .default('https://image.tmdb.org/t/p/original')
    .meta({ label: 'Image URL', help: 'Prefix for poster and fanart paths.', advanced: true, order: 7 }),
  rateLimitRequests: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(40)
    .meta({ label: 'Requests per window', advanced: true, order: 8 }),
  rateLimitWindowSeconds: z
    .number()
    .min(0.1)
    .max(3600)
    .default(10)
    .meta({ label: 'Rate limit window (seconds)', advanced: true, order: 9 }),
  cacheTtlMinutes: z
    .number()
    .min(0)
    .max(7 * 24 * 60)
    .default(60)
    .meta({ label: 'Cache lifetime (minutes)', help: '0 turns the cache off.', advanced: true, order: 10 }),
  timeoutSeconds: z
    .number()
    .min(0.05)
    .max(300)
    .default(30)
    .meta({ label: 'Request timeout (seconds)', advanced: true, order: 11 }),
});

export type TmdbSettings = z.output<typeof tmdbSettings>;

/** v4 read access tokens are JWTs (`xxx.yyy.zzz`, far longer than a 32-hex-digit v3 key). */
export function usesBearer(settings: Pick<TmdbSettings, 'apiKey' | 'authMode'>): boolean {
  if (settings.authMode !== 'auto') return settings.authMode === 'bearer';
  return settings.apiKey.length > 64 && settings.apiKey.split('.').length === 3;
}
