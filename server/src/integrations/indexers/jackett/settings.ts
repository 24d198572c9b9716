// Jackett settings: the Jackett server, its API key and which of its indexers to use ("all" aggregates every
// configured tracker and tells per release which one found it).
import { z } from 'zod';
import {
  apiKeyField,
  baseUrlField,
  behaviourFields,
  categoryFields,
  clientFields,
  torrentFields,
} from '../common/settings.fields.js';

export const jackettSettings = z.object({
  baseUrl: baseUrlField('http://localhost:9117'),
  apiKey: apiKeyField(),
  indexerId: z
    .string()
    .trim()
    .regex(/^[a-z0-9._-]+$/i, 'a Jackett indexer id such as "iptorrents", or "all"')
    .default('all')
    .meta({ label: 'Jackett indexer', help: '"all" searches every configured tracker', order: 2 }),
  additionalParameters: z
    .string()
    .trim()
    .default('')
    .meta({ label: 'Additional parameters', order: 4, advanced: true }),
  ...categoryFields(),
  ...behaviourFields(),
  ...torrentFields(),
  ...clientFields(),
});

export type JackettSettings = z.output<typeof jackettSettings>;

export function jackettApiPath(indexerId: string): string {
  return `/api/v2.0/indexers/${encodeURIComponent(indexerId)}/results/torznab/api`;
}
