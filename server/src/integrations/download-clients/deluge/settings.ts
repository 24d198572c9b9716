// Deluge settings: the shared download-client fields (deluge-web has a password but no user name). Labels must be
// lower-case, as the Label plugin only accepts [a-z0-9_-].
import { z } from 'zod';
import {
  connectionFields,
  directoryField,
  priorityFields,
  removalFields,
  timeoutFields,
} from '../common/settings.fields.js';

const LABEL = /^[a-z0-9_-]*$/;
const label = (def: string, meta: { label: string; help?: string; order: number; advanced?: boolean }) =>
  z.string().regex(LABEL, 'lower-case letters, digits, "-" and "_" only (Deluge labels)').default(def).meta(meta);

export const delugeSettings = z.object({
  ...connectionFields(8112),
  password: z
    .string()
    .default('deluge')
    .meta({ label: 'Password', help: 'The web UI password', order: 6, secret: true }),
  movieCategory: label('radarr', { label: 'Movie category', help: 'Label for movies; empty = none', order: 10 }),
  tvCategory: label('tv-sonarr', { label: 'TV category', order: 11 }),
  animeCategory: label('tv-sonarr', {
    label: 'Anime category',
    help: 'Label for anime series',
    order: 12,
    advanced: true,
  }),
  directory: directoryField(13, "Where downloads go; empty = Deluge's default"),
  ...priorityFields(),
  addPaused: z.boolean().default(false).meta({ label: 'Add paused', order: 22 }),
  ...removalFields(),
  ...timeoutFields(),
});

export type DelugeSettings = z.output<typeof delugeSettings>;
