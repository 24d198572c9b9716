// Apprise API settings: the server, then either stateless Apprise URLs (they embed each target's credentials, so
// they are a secret) or the key of a configuration stored on the server; tags, body format and optional basic auth.
import { z } from 'zod';
import { eventFields } from '../common/event-fields.js';
import { assertSafeTarget } from '../common/url-safety.js';

export const APPRISE_FORMATS = ['text', 'markdown', 'html'] as const;

export const appriseSettings = z
  .object({
    serverUrl: z
      .url('must be an http(s) URL')
      .superRefine((url, ctx) => {
        const unsafe = assertSafeTarget(url, { field: 'settings.serverUrl' });
        if (unsafe) ctx.addIssue({ code: 'custom', message: unsafe.message });
      })
      .meta({ label: 'Apprise API URL', placeholder: 'http://apprise:8000', order: 1 }),
    configKey: z
      .string()
      .trim()
      .regex(/^([A-Za-z0-9_-]{1,128})?$/, 'letters, digits, - and _')
      .default('')
      .meta({ label: 'Configuration key', help: 'A configuration stored on the Apprise server', order: 2 }),
    statelessUrls: z.string().trim().default('').meta({
      label: 'Apprise URLs',
      help: 'Comma-separated, e.g. tgram://token/chat (instead of a key)',
      secret: true,
      order: 3,
    }),
    tags: z
      .array(
        z
          .string()
          .trim()
          .regex(/^[\w.-]+$/, 'a tag name'),
      )
      .default([])
      .meta({ label: 'Tags', help: 'Any of these tags (configuration key only)', order: 4 }),
    format: z.enum(APPRISE_FORMATS).default('text').meta({ label: 'Body format', order: 5, advanced: true }),
    username: z.string().trim().default('').meta({ label: 'Username', order: 6, advanced: true }),
    password: z.string().default('').meta({ label: 'Password', secret: true, order: 7, advanced: true }),
    timeoutSeconds: z.number().min(1).max(120).default(30).meta({ label: 'Timeout (s)', order: 8, advanced: true }),
    ...eventFields(),
  })
  .refine((s) => Boolean(s.configKey) !== Boolean(s.statelessUrls), {
    message: 'set either a configuration key or Apprise URLs (one of them)',
    path: ['configKey'],
  });

export type AppriseSettings = z.output<typeof appriseSettings>;
