// Webhook settings (spec WebhookConfig): target URL and method, authentication, event switches. Link-local and
// cloud-metadata targets are refused here (save time) and again at send and connect time.
import { z } from 'zod';
import { eventFields } from '../common/event-fields.js';
import { assertSafeTarget } from '../common/url-safety.js';

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export const webhookSettings = z
  .object({
    url: z.string().trim().min(1, 'enter the webhook URL').meta({
      label: 'URL',
      help: 'Where the JSON payload is sent; LAN addresses are fine, link-local/cloud-metadata addresses are refused',
      placeholder: 'http://homeassistant.local:8123/api/webhook/idkarr',
      order: 1,
    }),
    method: z.enum(['POST', 'PUT']).default('POST').meta({ label: 'Method', order: 2 }),
    authType: z.enum(['none', 'basic', 'bearer', 'header']).default('none').meta({ label: 'Authentication', order: 3 }),
    username: z.string().default('').meta({ label: 'Username', help: 'Basic authentication', order: 4 }),
    password: z.string().default('').meta({ label: 'Password', help: 'Basic authentication', secret: true, order: 5 }),
    bearerToken: z.string().default('').meta({ label: 'Bearer token', secret: true, order: 6 }),
    headerName: z.string().default('').meta({ label: 'Header name', help: 'Custom header authentication', order: 7 }),
    headerValue: z.string().default('').meta({ label: 'Header value', secret: true, order: 8 }),
    allowLinkLocal: z.boolean().default(false).meta({
      label: 'Allow link-local targets',
      help: 'Permit 169.254.0.0/16, fe80::/10 and cloud-metadata addresses (unsafe; off unless you know why)',
      advanced: true,
      order: 30,
    }),
    ...eventFields(),
  })
  .superRefine((s, ctx) => {
    const unsafe = assertSafeTarget(s.url, { allowLinkLocal: s.allowLinkLocal });
    if (unsafe) ctx.addIssue({ code: 'custom', path: ['url'], message: unsafe.message });
    if (s.authType === 'basic' && s.username === '')
      ctx.addIssue({ code: 'custom', path: ['username'], message: 'basic authentication needs a username' });
    if (s.authType === 'bearer' && s.bearerToken === '')
      ctx.addIssue({ code: 'custom', path: ['bearerToken'], message: 'bearer authentication needs a token' });
    if (s.authType === 'header') {
      if (!HEADER_NAME.test(s.headerName))
        ctx.addIssue({ code: 'custom', path: ['headerName'], message: 'enter a valid HTTP header name' });
      if (/[\r\n]/.test(s.headerValue))
        ctx.addIssue({ code: 'custom', path: ['headerValue'], message: 'the header value cannot contain line breaks' });
    }
  });

export type WebhookSettings = z.output<typeof webhookSettings>;
