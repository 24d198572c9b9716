// The numeric values TRaSH-guide JSON uses for enum conditions (Radarr's numbering, which the guides publish for
// movies; Sonarr's source numbering is accepted by name). Names are accepted too, in any letter case.
import type { IndexerFlag } from './custom-format.types.js';

/** Radarr's source numbering → catalog source. */
const SOURCE_BY_NUMBER: Record<number, string> = {
  0: 'unknown',
  1: 'cam',
  2: 'telesync',
  3: 'telecine',
  4: 'workprint',
  5: 'dvd',
  6: 'television',
  7: 'web',
  8: 'webrip',
  9: 'bluray',
};

/** Names from both projects (and the catalog's own) → catalog source. */
const SOURCE_BY_NAME: Record<string, string> = {
  unknown: 'unknown',
  cam: 'cam',
  telesync: 'telesync',
  telecine: 'telecine',
  workprint: 'workprint',
  dvd: 'dvd',
  tv: 'television',
  television: 'television',
  televisionraw: 'television',
  webdl: 'web',
  web: 'web',
  webrip: 'webrip',
  bluray: 'bluray',
  blurayraw: 'bluray',
};

const MODIFIER_BY_NUMBER: Record<number, string> = {
  0: 'none',
  1: 'regional',
  2: 'screener',
  3: 'rawhd',
  4: 'brdisk',
  5: 'remux',
};
const MODIFIERS = new Set(Object.values(MODIFIER_BY_NUMBER));

/** Radarr's language ids (-1 Any, -2 Original) → parser language names. */
const LANGUAGE_BY_NUMBER: Record<number, string> = {
  [-2]: 'Original',
  [-1]: 'Any',
  0: 'Unknown',
  1: 'English',
  2: 'French',
  3: 'Spanish',
  4: 'German',
  5: 'Italian',
  6: 'Danish',
  7: 'Dutch',
  8: 'Japanese',
  9: 'Icelandic',
  10: 'Chinese',
  11: 'Russian',
  12: 'Polish',
  13: 'Vietnamese',
  14: 'Swedish',
  15: 'Norwegian',
  16: 'Finnish',
  17: 'Turkish',
  18: 'Portuguese',
  19: 'Flemish',
  20: 'Greek',
  21: 'Korean',
  22: 'Hungarian',
  23: 'Hebrew',
  24: 'Lithuanian',
  25: 'Czech',
  26: 'Hindi',
  27: 'Romanian',
  28: 'Thai',
  29: 'Bulgarian',
  30: 'Portuguese (Brazil)',
  31: 'Arabic',
  32: 'Ukrainian',
  33: 'Persian',
  34: 'Bengali',
  35: 'Slovak',
  36: 'Latvian',
  37: 'Spanish (Latino)',
  38: 'Catalan',
  39: 'Croatian',
  40: 'Serbian',
  41: 'Bosnian',
  42: 'Estonian',
  43: 'Tamil',
  44: 'Indonesian',
  45: 'Telugu',
  46: 'Macedonian',
  47: 'Slovenian',
  48: 'Malayalam',
  49: 'Kannada',
  50: 'Albanian',
  51: 'Afrikaans',
};
const LANGUAGE_NAMES = new Map(Object.values(LANGUAGE_BY_NUMBER).map((n) => [n.toLowerCase(), n]));

/** Radarr's indexer flag bits (what TRaSH movie formats carry). */
const FLAG_BY_NUMBER: Record<number, IndexerFlag> = {
  1: 'freeleech',
  2: 'halfleech',
  4: 'doubleUpload',
  8: 'golden',
  16: 'approved',
  32: 'internal',
  64: 'internal',
  128: 'scene',
  256: 'freeleech75',
  512: 'freeleech25',
};
const FLAG_BY_NAME: Record<string, IndexerFlag> = {
  freeleech: 'freeleech',
  g_freeleech: 'freeleech',
  halfleech: 'halfleech',
  g_halfleech: 'halfleech',
  doubleupload: 'doubleUpload',
  g_doubleupload: 'doubleUpload',
  internal: 'internal',
  g_internal: 'internal',
  hdb_internal: 'internal',
  ahd_internal: 'internal',
  scene: 'scene',
  g_scene: 'scene',
  freeleech75: 'freeleech75',
  g_freeleech75: 'freeleech75',
  freeleech25: 'freeleech25',
  g_freeleech25: 'freeleech25',
  nuked: 'nuked',
  golden: 'golden',
  ptp_golden: 'golden',
  approved: 'approved',
  ptp_approved: 'approved',
};

function lookup<T>(value: unknown, byNumber: Record<number, T>, byName: (s: string) => T | undefined): T | undefined {
  if (typeof value === 'number') return byNumber[value];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (/^-?\d+$/.test(trimmed)) return byNumber[Number(trimmed)];
  return byName(trimmed.toLowerCase().replace(/[\s-]/g, ''));
}

export function sourceValue(value: unknown): string | undefined {
  return lookup(value, SOURCE_BY_NUMBER, (s) => SOURCE_BY_NAME[s]);
}

export function modifierValue(value: unknown): string | undefined {
  return lookup(value, MODIFIER_BY_NUMBER, (s) => (MODIFIERS.has(s) ? s : undefined));
}

export function languageValue(value: unknown): string | undefined {
  if (typeof value === 'string' && !/^-?\d+$/.test(value.trim())) return LANGUAGE_NAMES.get(value.trim().toLowerCase());
  return lookup(value, LANGUAGE_BY_NUMBER, () => undefined);
}

export function indexerFlagValue(value: unknown): IndexerFlag | undefined {
  return lookup(value, FLAG_BY_NUMBER, (s) => FLAG_BY_NAME[s]);
}

export function resolutionValue(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Numbers for export: the TRaSH (Radarr) numbering of a catalog value. */
export function sourceNumber(source: string): number | undefined {
  return numberOf(SOURCE_BY_NUMBER, source);
}
export function modifierNumber(modifier: string): number | undefined {
  return numberOf(MODIFIER_BY_NUMBER, modifier);
}
export function languageNumber(language: string): number | undefined {
  return numberOf(LANGUAGE_BY_NUMBER, language);
}
export function indexerFlagNumber(flag: IndexerFlag): number | undefined {
  return numberOf(FLAG_BY_NUMBER, flag);
}

function numberOf<T>(table: Record<number, T>, value: T): number | undefined {
  for (const [k, v] of Object.entries(table)) if (v === value) return Number(k);
  return undefined;
}
