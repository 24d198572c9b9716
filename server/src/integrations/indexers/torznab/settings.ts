// Torznab (torrent) indexer settings: Newznab's connection fields plus seeding goals and minimum seeders.
import { z } from 'zod';
import { behaviourFields, categoryFields, clientFields, torrentFields } from '../common/settings.fields.js';
import { newznabConnectionFields } from '../newznab/settings.js';

export const torznabSettings = z.object({
  ...newznabConnectionFields('http://localhost:9117/api/v2.0/indexers/example/results/torznab'),
  ...categoryFields(),
  ...behaviourFields(),
  ...torrentFields(),
  ...clientFields(),
});

export type TorznabSettings = z.output<typeof torznabSettings>;
