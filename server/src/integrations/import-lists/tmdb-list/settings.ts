// TMDB list settings: the API key (v3 key or v4 read token), which list to read (a user list by id, the popular
// charts, a person's credits, a collection), and the shared list settings.
import { z } from 'zod';
import { importListSyncSettings } from '../../../providers/ports/import-list.port.js';

export const TMDB_LIST_TYPES = ['list', 'popularMovies', 'popularSeries', 'person', 'collection'] as const;
export type TmdbListType = (typeof TMDB_LIST_TYPES)[number];

const optionalId = z.number().int().positive().optional();

export const tmdbListSettings = z
  .object({
    apiKey: z.string().trim().min(1, 'an API key is required').meta({
      label: 'API key',
      help: 'A TMDB v3 API key or a v4 API read access token.',
      secret: true,
      order: 1,
    }),
    listType: z.enum(TMDB_LIST_TYPES).default('list').meta({ label: 'List', order: 2 }),
    listId: z
      .string()
      .trim()
      .regex(/^\d*$/, 'the number in the list URL (themoviedb.org/list/…)')
      .default('')
      .meta({ label: 'List id', order: 3 }),
    personId: optionalId.meta({ label: 'Person id', order: 4 }),
    personCredits: z.enum(['cast', 'crew', 'both']).default('cast').meta({ label: 'Person credits', order: 5 }),
    collectionId: optionalId.meta({ label: 'Collection id', order: 6 }),
    includeMovies: z.boolean().default(true).meta({ label: 'Include movies', order: 7 }),
    includeSeries: z.boolean().default(true).meta({ label: 'Include series', order: 8 }),
    pages: z
      .number()
      .int()
      .min(1)
      .max(50)
      .default(1)
      .meta({ label: 'Pages', help: 'Pages read from popular charts and long lists (20 items each).', order: 9 }),
    baseUrl: z
      .url('must be a URL')
      .default('https://api.themoviedb.org/3')
      .meta({ label: 'API URL', advanced: true, order: 20 }),
    language: z
      .string()
      .regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'an ISO 639-1 language, optionally with a region (en-US)')
      .default('en-US')
      .meta({ label: 'Language', advanced: true, order: 21 }),
    timeoutSeconds: z.number().min(0.05).max(300).default(30).meta({ label: 'Timeout (s)', advanced: true, order: 22 }),
    ...importListSyncSettings,
  })
  .superRefine((s, ctx) => {
    const need = (ok: boolean, path: string, message: string) => {
      if (!ok) ctx.addIssue({ code: 'custom', path: [path], message });
    };
    if (s.listType === 'list') need(s.listId !== '', 'listId', 'a list id is required');
    if (s.listType === 'person') need(s.personId !== undefined, 'personId', 'a person id is required');
    if (s.listType === 'collection') need(s.collectionId !== undefined, 'collectionId', 'a collection id is required');
  });

export type TmdbListSettings = z.output<typeof tmdbListSettings>;

/** v4 read access tokens are JWTs (`xxx.yyy.zzz`); they go in a Bearer header, v3 keys in `api_key`. */
export function isBearerToken(key: string): boolean {
  return key.length > 64 && key.split('.').length === 3;
}
