// Discord settings: the channel webhook URL (its path carries the webhook token, so the whole URL is a secret),
// display overrides and the event switches. Tests point the URL at a local fake server.
import { z } from 'zod';
import { eventFields } from '../common/event-fields.js';
import { assertSafeTarget } from '../common/url-safety.js';

export const discordSettings = z.object({
  webhookUrl: z
    .url('must be an http(s) URL')
    .superRefine((url, ctx) => {
      const unsafe = assertSafeTarget(url, { field: 'settings.webhookUrl' });
      if (unsafe) ctx.addIssue({ code: 'custom', message: unsafe.message });
    })
    .meta({
      label: 'Webhook URL',
      help: 'Channel settings → Integrations → Webhooks → Copy Webhook URL',
      placeholder: 'https://discord.com/api/webhooks/…',
      secret: true,
      order: 1,
    }),
  username: z
    .string()
    .trim()
    .max(80)
    .default('')
    .meta({ label: 'Username', help: 'Overrides the webhook name', order: 2 }),
  avatarUrl: z
    .union([z.literal(''), z.url('must be an http(s) URL')])
    .default('')
    .meta({ label: 'Avatar URL', help: 'Overrides the webhook avatar', order: 3 }),
  includeImage: z
    .boolean()
    .default(true)
    .meta({ label: 'Include poster', help: 'Poster as the embed thumbnail', order: 4 }),
  timeoutSeconds: z.number().min(1).max(120).default(30).meta({ label: 'Timeout (s)', order: 5, advanced: true }),
  ...eventFields(),
});

export type DiscordSettings = z.output<typeof discordSettings>;
