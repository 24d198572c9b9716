// Trakt list settings: the app's client id/secret (trakt.tv → Settings → Your API Apps), the OAuth tokens the
// device sign-in stores (secrets, refreshed before they expire), which list to read, and the shared list settings.
import { z } from 'zod';
import { importListSyncSettings } from '../../../providers/ports/import-list.port.js';

export const TRAKT_DEFAULT_URL = 'https://api.trakt.tv';

export const TRAKT_LIST_TYPES = [
  'watchlist',
  'collection',
  'userList',
  'popularMovies',
  'trendingMovies',
  'popularShows',
  'trendingShows',
] as const;
export type TraktListType = (typeof TRAKT_LIST_TYPES)[number];

/** Lists read from a user's account; the others are public charts. */
export const USER_LIST_TYPES: readonly TraktListType[] = ['watchlist', 'collection', 'userList'];

export const traktSettings = z
  .object({
    clientId: z
      .string()
      .trim()
      .min(1, 'a client id is required')
      .meta({ label: 'Client ID', help: 'From trakt.tv → Settings → Your API Apps.', secret: true, order: 1 }),
    clientSecret: z
      .string()
      .trim()
      .min(1, 'a client secret is required')
      .meta({ label: 'Client secret', secret: true, order: 2 }),
    accessToken: z
      .string()
      .default('')
      .meta({ label: 'Access token', help: 'Filled in by the Trakt sign-in.', secret: true, order: 3 }),
    refreshToken: z.string().default('').meta({ label: 'Refresh token', secret: true, order: 4 }),
    expiresAt: z
      .string()
      .default('')
      .meta({ label: 'Token expiry', help: 'ISO time the access token expires.', advanced: true, order: 5 }),
    listType: z.enum(TRAKT_LIST_TYPES).default('watchlist').meta({ label: 'List', order: 10 }),
    username: z
      .string()
      .trim()
      .default('me')
      .meta({ label: 'User', help: '"me" for the signed-in user, or another user\'s slug.', order: 11 }),
    listSlug: z.string().trim().default('').meta({ label: 'List slug', help: 'For user lists.', order: 12 }),
    includeMovies: z.boolean().default(true).meta({ label: 'Include movies', order: 13 }),
    includeShows: z.boolean().default(true).meta({ label: 'Include shows', order: 14 }),
    limit: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(100)
      .meta({ label: 'Limit', help: 'Items read from popular/trending charts.', order: 15 }),
    baseUrl: z.url('must be a URL').default(TRAKT_DEFAULT_URL).meta({ label: 'API URL', advanced: true, order: 20 }),
    refreshMarginHours: z
      .number()
      .min(0)
      .max(24 * 60)
      .default(48)
      .meta({ label: 'Refresh tokens this long before expiry (hours)', advanced: true, order: 21 }),
    timeoutSeconds: z.number().min(0.05).max(300).default(30).meta({ label: 'Timeout (s)', advanced: true, order: 22 }),
    ...importListSyncSettings,
  })
  .superRefine((s, ctx) => {
    if (s.listType === 'userList' && s.listSlug === '')
      ctx.addIssue({ code: 'custom', path: ['listSlug'], message: 'a list slug is required for user lists' });
  });

export type TraktSettings = z.output<typeof traktSettings>;
