// Slack settings: the incoming-webhook URL (its path is the credential, so it is a secret) and the legacy overrides
// incoming webhooks still honour for classic apps (channel, username, icon).
import { z } from 'zod';
import { eventFields } from '../common/event-fields.js';
import { assertSafeTarget } from '../common/url-safety.js';

export const slackSettings = z.object({
  webhookUrl: z
    .url('must be an http(s) URL')
    .superRefine((url, ctx) => {
      const unsafe = assertSafeTarget(url, { field: 'settings.webhookUrl' });
      if (unsafe) ctx.addIssue({ code: 'custom', message: unsafe.message });
    })
    .meta({ label: 'Webhook URL', placeholder: 'https://hooks.slack.com/services/T…/B…/…', secret: true, order: 1 }),
  channel: z
    .string()
    .trim()
    .regex(/^([#@]?[\w.-]+)?$/, 'a channel such as #media')
    .default('')
    .meta({ label: 'Channel', help: 'Overrides the webhook channel (classic webhooks only)', order: 2 }),
  username: z.string().trim().max(80).default('').meta({ label: 'Username', order: 3 }),
  icon: z
    .string()
    .trim()
    .regex(/^(|:[\w+-]+:|https?:\/\/\S+)$/, 'an emoji such as :tv: or an image URL')
    .default('')
    .meta({ label: 'Icon', help: 'An emoji (:tv:) or an image URL', order: 4 }),
  timeoutSeconds: z.number().min(1).max(120).default(30).meta({ label: 'Timeout (s)', order: 5, advanced: true }),
  ...eventFields(),
});

export type SlackSettings = z.output<typeof slackSettings>;
