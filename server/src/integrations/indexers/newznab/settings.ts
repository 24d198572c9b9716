// Newznab (Usenet) indexer settings: the site URL, API path and key, plus the fields every indexer shares.
import { z } from 'zod';
import { baseUrlField, behaviourFields, categoryFields, clientFields } from '../common/settings.fields.js';

export const newznabConnectionFields = (placeholder: string) => ({
  baseUrl: baseUrlField(placeholder),
  apiPath: z
    .string()
    .trim()
    .regex(/^\/[^?#]*$/, 'a path starting with /')
    .default('/api')
    .meta({ label: 'API path', help: 'Usually /api', order: 2, advanced: true }),
  apiKey: z.string().trim().default('').meta({ label: 'API key', secret: true, order: 3 }),
  additionalParameters: z.string().trim().default('').meta({
    label: 'Additional parameters',
    help: 'Sent with every request, e.g. &attrs=poster',
    order: 4,
    advanced: true,
  }),
});

export const newznabSettings = z.object({
  ...newznabConnectionFields('https://indexer.example'),
  ...categoryFields(),
  ...behaviourFields(),
  ...clientFields(),
});

export type NewznabSettings = z.output<typeof newznabSettings>;
