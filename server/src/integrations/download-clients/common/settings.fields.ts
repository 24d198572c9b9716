// Settings fields shared by download clients (spec: DownloadClientConfig). Each client builds its schema from
// these plus its own fields, so the settings forms look the same for every client.
import { z } from 'zod';

export const connectionFields = (defaultPort: number, opts: { urlBase?: string } = {}) => ({
  host: z.string().min(1).default('localhost').meta({ label: 'Host', order: 1 }),
  port: z.number().int().min(1).max(65535).default(defaultPort).meta({ label: 'Port', order: 2 }),
  useSsl: z.boolean().default(false).meta({ label: 'Use SSL', order: 3, advanced: true }),
  urlBase: z
    .string()
    .default(opts.urlBase ?? '')
    .meta({
      label: 'URL base',
      help: 'Path prefix when the client sits behind a reverse proxy, e.g. /qbt',
      order: 4,
      advanced: true,
    }),
});

export const credentialFields = () => ({
  username: z.string().default('').meta({ label: 'Username', order: 5 }),
  password: z.string().default('').meta({ label: 'Password', order: 6, secret: true }),
});

export const categoryFields = (defaults: { movie: string; tv: string; anime?: string }) => ({
  movieCategory: z
    .string()
    .default(defaults.movie)
    .meta({ label: 'Movie category', help: 'Category/label for movies; empty = none', order: 10 }),
  tvCategory: z.string().default(defaults.tv).meta({ label: 'TV category', order: 11 }),
  animeCategory: z
    .string()
    .default(defaults.anime ?? defaults.tv)
    .meta({ label: 'Anime category', help: 'Category for anime series', order: 12, advanced: true }),
});

export const priorityField = z.enum(['high', 'normal', 'low']);

export const priorityFields = () => ({
  recentPriority: priorityField
    .default('normal')
    .meta({ label: 'Recent priority', help: 'Priority for items released in the last 14 days', order: 20 }),
  olderPriority: priorityField.default('normal').meta({ label: 'Older priority', order: 21 }),
});

export const removalFields = () => ({
  removeCompletedDownloads: z
    .boolean()
    .default(true)
    .meta({ label: 'Remove completed', help: 'Remove from the client after import (and seeding goals)', order: 30 }),
  removeFailedDownloads: z.boolean().default(true).meta({ label: 'Remove failed', order: 31 }),
  // Which client a grab goes to when several can take the protocol: lowest number first (Sonarr's client priority).
  priority: z.number().int().min(1).max(50).default(1).meta({
    label: 'Client priority',
    help: '1 (highest) to 50; grabs go to the highest-priority client',
    order: 32,
    advanced: true,
  }),
});

/**
 * The request timeout every client has, last in the form. The usenet-era clients say "Request timeout" and list
 * their meta keys in another order; both are kept so each client's published JSON Schema stays byte-identical.
 */
export const timeoutFields = (label: 'Timeout (seconds)' | 'Request timeout (seconds)' = 'Timeout (seconds)') => ({
  timeoutSeconds: z
    .number()
    .min(1)
    .max(300)
    .default(30)
    .meta(label === 'Timeout (seconds)' ? { label, order: 40, advanced: true } : { label, advanced: true, order: 40 }),
});

/** A base download directory; '' means the client's own default. Where it sits and its help differ per client. */
export const directoryField = (order: number, help: string) =>
  z.string().default('').meta({ label: 'Directory', help, order });

/** Picks the category for a media type; empty string means "no category". */
export function categoryFor(
  settings: { movieCategory: string; tvCategory: string; animeCategory: string },
  mediaType: 'movie' | 'tv' | 'anime',
): string {
  if (mediaType === 'movie') return settings.movieCategory;
  if (mediaType === 'anime') return settings.animeCategory || settings.tvCategory;
  return settings.tvCategory;
}

export function baseUrl(s: { host: string; port: number; useSsl: boolean; urlBase: string }): string {
  const base = s.urlBase ? `/${s.urlBase.replace(/^\/+|\/+$/g, '')}` : '';
  return `${s.useSsl ? 'https' : 'http'}://${s.host}:${s.port}${base}`;
}
