// Gotify settings: the server URL, an application token (sent as X-Gotify-Key), priority, markdown rendering and
// whether the poster is attached as the notification's big image.
import { z } from 'zod';
import { eventFields } from '../common/event-fields.js';
import { assertSafeTarget } from '../common/url-safety.js';

export const gotifySettings = z.object({
  serverUrl: z
    .url('must be an http(s) URL')
    .superRefine((url, ctx) => {
      const unsafe = assertSafeTarget(url, { field: 'settings.serverUrl' });
      if (unsafe) ctx.addIssue({ code: 'custom', message: unsafe.message });
    })
    .meta({ label: 'Server URL', placeholder: 'https://gotify.example.org', order: 1 }),
  appToken: z
    .string()
    .trim()
    .min(1, 'an application token is required')
    .meta({ label: 'App token', help: 'Apps → create an application → token', secret: true, order: 2 }),
  priority: z
    .number()
    .int()
    .min(0)
    .max(10)
    .default(5)
    .meta({ label: 'Priority', help: '0–10; ≥ 8 is high on Android', order: 3 }),
  markdown: z
    .boolean()
    .default(true)
    .meta({ label: 'Markdown', help: 'Render the message as Markdown', order: 4, advanced: true }),
  includeImage: z.boolean().default(true).meta({ label: 'Include poster', order: 5 }),
  timeoutSeconds: z.number().min(1).max(120).default(30).meta({ label: 'Timeout (s)', order: 6, advanced: true }),
  ...eventFields(),
});

export type GotifySettings = z.output<typeof gotifySettings>;
