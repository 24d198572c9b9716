// Pushover settings: application token and user (or group) key — both secrets —, priority −2…2 (emergency needs
// retry/expire), sound, target devices, and the API URL (tests point it at a fake server).
import { z } from 'zod';
import { eventFields } from '../common/event-fields.js';

export const PUSHOVER_DEFAULT_URL = 'https://api.pushover.net';
const key = (label: string, order: number, help: string) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{30}$/, 'a 30-character key')
    .meta({ label, help, secret: true, order });

export const pushoverSettings = z
  .object({
    apiToken: key('Application token', 1, 'The API token of your Pushover application'),
    userKey: key('User key', 2, 'Your user key or a group key'),
    priority: z.number().int().min(-2).max(2).default(0).meta({
      label: 'Priority',
      help: '-2 lowest, -1 low, 0 normal, 1 high, 2 emergency (repeats until acknowledged)',
      order: 3,
    }),
    retry: z
      .number()
      .int()
      .min(30)
      .default(60)
      .meta({ label: 'Retry (s)', help: 'Emergency: how often to repeat (≥ 30)', order: 4, advanced: true }),
    expire: z
      .number()
      .int()
      .min(30)
      .max(10_800)
      .default(3600)
      .meta({ label: 'Expire (s)', help: 'Emergency: stop repeating after (≤ 10800)', order: 5, advanced: true }),
    sound: z
      .string()
      .trim()
      .regex(/^[a-z0-9_-]*$/i, 'a sound name such as pushover or cosmic')
      .default('')
      .meta({ label: 'Sound', order: 6, advanced: true }),
    devices: z
      .array(
        z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9_-]{1,25}$/, 'device names are up to 25 letters, digits, _ or -'),
      )
      .default([])
      .meta({ label: 'Devices', help: 'Empty: all devices', order: 7 }),
    baseUrl: z
      .url('must be an http(s) URL')
      .default(PUSHOVER_DEFAULT_URL)
      .meta({ label: 'API URL', order: 8, advanced: true }),
    timeoutSeconds: z.number().min(1).max(120).default(30).meta({ label: 'Timeout (s)', order: 9, advanced: true }),
    ...eventFields(),
  })
  .refine((s) => s.priority !== 2 || s.retry <= s.expire, { message: 'retry must not exceed expire', path: ['retry'] });

export type PushoverSettings = z.output<typeof pushoverSettings>;
