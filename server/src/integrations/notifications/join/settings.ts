// Join (joaoapps) settings: the API key (secret), target devices by id or name (none = all devices), priority and
// the API URL (tests point it at a fake server).
import { z } from 'zod';
import { eventFields } from '../common/event-fields.js';

export const JOIN_DEFAULT_URL = 'https://joinjoaomgcd.appspot.com';

export const joinSettings = z.object({
  apiKey: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{16,64}$/, 'the API key from joinjoaomgcd.appspot.com → Join API')
    .meta({ label: 'API key', secret: true, order: 1 }),
  deviceIds: z
    .array(z.string().trim().min(1))
    .default([])
    .meta({ label: 'Device ids', help: 'Empty (with no names): all devices', order: 2 }),
  deviceNames: z
    .array(z.string().trim().min(1))
    .default([])
    .meta({ label: 'Device names', help: 'Matched by Join, e.g. "Pixel 8"', order: 3, advanced: true }),
  priority: z
    .number()
    .int()
    .min(-2)
    .max(2)
    .default(0)
    .meta({ label: 'Priority', help: '-2 lowest … 2 highest', order: 4 }),
  includeImage: z.boolean().default(true).meta({ label: 'Include poster', help: 'As the notification icon', order: 5 }),
  baseUrl: z
    .url('must be an http(s) URL')
    .default(JOIN_DEFAULT_URL)
    .meta({ label: 'API URL', order: 6, advanced: true }),
  timeoutSeconds: z.number().min(1).max(120).default(30).meta({ label: 'Timeout (s)', order: 7, advanced: true }),
  ...eventFields(),
});

export type JoinSettings = z.output<typeof joinSettings>;
