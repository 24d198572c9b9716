// HDBits settings: account (username + passkey), the API's category/codec/medium filters, and the shared fields.
// The base URL is a setting so tests (and mirrors) can point elsewhere.
import { z } from 'zod';
import { baseUrlField, behaviourFields, clientFields, torrentFields } from '../common/settings.fields.js';

export const HDBITS_DEFAULT_URL = 'https://hdbits.org';

/** HDBits' own ids (its API documentation lists them). */
export const HDBITS_CATEGORIES = {
  movie: 1,
  tv: 2,
  documentary: 3,
  music: 4,
  sport: 5,
  audioTrack: 6,
  xxx: 7,
  misc: 8,
} as const;
export const HDBITS_CODECS = { h264: 1, mpeg2: 2, vc1: 3, xvid: 4, hevc: 5 } as const;
export const HDBITS_MEDIUMS = { bluray: 1, encode: 3, capture: 4, remux: 5, webdl: 6 } as const;

const idList = (max: number) => z.array(z.number().int().min(1).max(max));

export const hdbitsSettings = z.object({
  baseUrl: baseUrlField(HDBITS_DEFAULT_URL).default(HDBITS_DEFAULT_URL),
  username: z.string().trim().min(1, 'a username is required').meta({ label: 'Username', order: 2 }),
  passkey: z.string().trim().min(1, 'a passkey is required').meta({ label: 'Passkey', secret: true, order: 3 }),
  categories: idList(8)
    .default([HDBITS_CATEGORIES.movie, HDBITS_CATEGORIES.tv])
    .meta({ label: 'Categories', help: 'HDBits categories: 1 Movie, 2 TV, 3 Documentary, 5 Sport', order: 10 }),
  codecs: idList(5).default([]).meta({
    label: 'Codecs',
    help: '1 H.264, 2 MPEG-2, 3 VC-1, 4 XviD, 5 HEVC; empty = all',
    order: 11,
    advanced: true,
  }),
  mediums: idList(6).default([]).meta({
    label: 'Mediums',
    help: '1 Blu-ray, 3 Encode, 4 Capture, 5 Remux, 6 WEB-DL; empty = all',
    order: 12,
    advanced: true,
  }),
  ...behaviourFields(),
  ...torrentFields(),
  ...clientFields({ requestsPerMinute: 30 }),
});

export type HdbitsSettings = z.output<typeof hdbitsSettings>;
