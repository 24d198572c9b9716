// Prowlarr settings: the server and key, which of its indexers a search goes to, and how its indexer list is
// mirrored into idkarr (sync level, tag filter, categories the synced definitions use).
import { z } from 'zod';
import {
  apiKeyField,
  baseUrlField,
  behaviourFields,
  categoryFields,
  clientFields,
  torrentFields,
} from '../common/settings.fields.js';

/** Prowlarr's own names ("add_remove", "full") are accepted too. */
export const syncLevelField = z.preprocess(
  (v) => (v === 'add_remove' || v === 'addRemove' ? 'addOnly' : v === 'full' ? 'fullSync' : v),
  z.enum(['disabled', 'addOnly', 'fullSync']),
);

export type SyncLevel = 'disabled' | 'addOnly' | 'fullSync';

export const prowlarrSettings = z.object({
  baseUrl: baseUrlField('http://localhost:9696'),
  apiKey: apiKeyField(),
  protocol: z
    .enum(['torrent', 'usenet'])
    .default('torrent')
    .meta({ label: 'Protocol', help: "Which of Prowlarr's indexers a search uses when none are picked", order: 4 }),
  indexerIds: z.array(z.number().int().positive()).default([]).meta({
    label: 'Prowlarr indexers',
    help: 'Ids of the Prowlarr indexers to search; empty = all of the protocol',
    order: 5,
  }),
  syncLevel: syncLevelField.default('disabled').meta({
    label: 'Indexer sync',
    help: 'disabled; addOnly: add and remove Torznab/Newznab definitions; fullSync: also keep them updated',
    order: 6,
  }),
  syncTags: z.array(z.number().int().nonnegative()).default([]).meta({
    label: 'Sync tags',
    help: 'Only Prowlarr indexers with one of these tag ids are synced; empty = all',
    order: 7,
  }),
  ...categoryFields(),
  ...behaviourFields(),
  ...torrentFields(),
  ...clientFields(),
});

export type ProwlarrSettings = z.output<typeof prowlarrSettings>;
