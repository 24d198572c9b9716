// ntfy settings: server (default the public ntfy.sh), topic, priority 1–5, tags, the poster as attachment, and
// either an access token (Bearer) or username/password (Basic) for protected topics.
import { z } from 'zod';
import { eventFields } from '../common/event-fields.js';
import { assertSafeTarget } from '../common/url-safety.js';

export const NTFY_DEFAULT_URL = 'https://ntfy.sh';

export const ntfySettings = z
  .object({
    serverUrl: z
      .url('must be an http(s) URL')
      .superRefine((url, ctx) => {
        const unsafe = assertSafeTarget(url, { field: 'settings.serverUrl' });
        if (unsafe) ctx.addIssue({ code: 'custom', message: unsafe.message });
      })
      .default(NTFY_DEFAULT_URL)
      .meta({ label: 'Server URL', order: 1 }),
    topic: z
      .string()
      .trim()
      .regex(/^[-_A-Za-z0-9]{1,64}$/, 'letters, digits, - and _ (up to 64)')
      .meta({ label: 'Topic', help: 'On ntfy.sh anyone who knows the topic can read it: pick a long one', order: 2 }),
    priority: z
      .number()
      .int()
      .min(1)
      .max(5)
      .default(3)
      .meta({ label: 'Priority', help: '1 min … 3 default … 5 max', order: 3 }),
    tags: z
      .array(
        z
          .string()
          .trim()
          .regex(/^[^,\s]{1,100}$/, 'one tag or emoji short code, no commas'),
      )
      .default([])
      .meta({ label: 'Tags', help: 'Emoji short codes (tv, movie_camera) show as icons', order: 4 }),
    includeImage: z.boolean().default(false).meta({ label: 'Attach poster', order: 5, advanced: true }),
    accessToken: z
      .string()
      .trim()
      .default('')
      .meta({ label: 'Access token', help: 'tk_… (or use username/password)', secret: true, order: 6 }),
    username: z.string().trim().default('').meta({ label: 'Username', order: 7, advanced: true }),
    password: z.string().default('').meta({ label: 'Password', secret: true, order: 8, advanced: true }),
    timeoutSeconds: z.number().min(1).max(120).default(30).meta({ label: 'Timeout (s)', order: 9, advanced: true }),
    ...eventFields(),
  })
  .refine((s) => !(s.accessToken && s.username), {
    message: 'use an access token or a username, not both',
    path: ['accessToken'],
  })
  .refine((s) => !s.username || s.password, { message: 'a password is required with a username', path: ['password'] });

export type NtfySettings = z.output<typeof ntfySettings>;
