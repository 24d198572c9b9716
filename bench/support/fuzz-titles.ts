// Deterministic title generator shared by the parser fuzz test and the parser benchmark:
// fixture titles mutated with a seeded PRNG, random token soup, and hand-made pathological strings.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Rng = () => number;

/** mulberry32: tiny, fast, good enough to make reproducible fuzz inputs from a seed. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FixtureTitle {
  title: string;
  kind: string;
  source: string;
  api: string;
  isDir: boolean;
}

/** Every record of the release-title fixtures (empty when the shared fixtures are not present). */
export function loadFixtureTitles(dir: string): FixtureTitle[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
  } catch {
    return [];
  }
  const out: FixtureTitle[] = [];
  for (const f of files.sort()) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as {
        title: string;
        kind: string;
        source: string;
        api: string;
        params?: { isDir?: boolean };
      };
      out.push({ title: r.title, kind: r.kind, source: r.source, api: r.api, isDir: r.params?.isDir === true });
    }
  }
  return out;
}

const VOCAB = [
  'S01E01',
  's02e03-e04',
  '1x02',
  'E05',
  'Season 1',
  'Part 2',
  '720p',
  '1080p',
  '2160p',
  '4K',
  'UHD',
  'BluRay',
  'Blu-ray',
  'WEB-DL',
  'WEBRip',
  'HDTV',
  'DVDRip',
  'REMUX',
  'BDRemux',
  'x264',
  'H.264',
  'HEVC',
  'AVC',
  'XviD',
  'DTS-HD.MA.5.1',
  'AAC2.0',
  'PROPER',
  'REPACK2',
  'REAL',
  'v2',
  'German',
  'MULTi',
  'VOSTFR',
  'DL',
  '-GRP',
  '[Group]',
  '(2019)',
  '2005',
  '[ABCDEF12]',
  'AKA',
  'a.k.a.',
  "Director's Cut",
  'Extended',
  'IMAX',
  '{tmdb-123}',
  'tt1234567',
  'KORSUB',
  'HC',
  '.mkv',
  '.avi',
  '- ',
  '..',
  '  ',
  '/',
  '\\',
  'É',
  'ü',
  '日本語',
  '🎬',
  '\u0000',
  'Ⅱ',
  'ß',
];
const SEPARATORS = ['.', ' ', '_', '-', '', '[', ']', '(', ')'];

function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)]!;
}

/** One random edit of a title: delete, duplicate, insert vocabulary, swap separators, truncate, flip case. */
export function mutate(title: string, rng: Rng): string {
  const n = title.length;
  const at = Math.floor(rng() * (n + 1));
  switch (Math.floor(rng() * 8)) {
    case 0:
      return title.slice(0, at) + title.slice(Math.min(n, at + 1 + Math.floor(rng() * 8)));
    case 1: {
      const len = 1 + Math.floor(rng() * 12);
      return title.slice(0, at + len) + title.slice(at, at + len) + title.slice(at + len);
    }
    case 2:
      return title.slice(0, at) + pick(rng, SEPARATORS) + pick(rng, VOCAB) + title.slice(at);
    case 3:
      return title.replace(/[. _]/g, () => pick(rng, SEPARATORS));
    case 4:
      return title.slice(0, at);
    case 5:
      return rng() < 0.5 ? title.toUpperCase() : title.toLowerCase();
    case 6:
      return title + pick(rng, SEPARATORS) + pick(rng, VOCAB).repeat(1 + Math.floor(rng() * 20));
    default:
      return String.fromCharCode(Math.floor(rng() * 0x3000)) + title;
  }
}

/** A title made of random vocabulary and random words. */
export function randomTitle(rng: Rng): string {
  const parts: string[] = [];
  const count = 1 + Math.floor(rng() * 14);
  for (let i = 0; i < count; i++) {
    if (rng() < 0.6) parts.push(pick(rng, VOCAB));
    else parts.push(Math.floor(rng() * 36 ** 5).toString(36));
    parts.push(pick(rng, SEPARATORS));
  }
  return parts.join('');
}

/** Inputs that break parsers with nested or overlapping quantifiers. */
export function pathologicalTitles(): string[] {
  return [
    '',
    ' ',
    '.'.repeat(10_000),
    'S01E01-'.repeat(2_000),
    'S01E01E02E03'.repeat(500),
    '1'.repeat(10_000),
    '2019.'.repeat(2_000),
    '1080p.'.repeat(2_000),
    'a.'.repeat(5_000),
    'A '.repeat(5_000),
    'Extended.'.repeat(3_000),
    'Special Edition '.repeat(1_000),
    'Movie (aka '.repeat(1_000),
    '['.repeat(5_000) + 'Group' + ']'.repeat(5_000),
    '('.repeat(5_000),
    '- '.repeat(5_000),
    'x'.repeat(10_000) + '.1080p.mkv',
    'Title ' + '日本語 '.repeat(2_000),
    '🎬'.repeat(5_000),
    'www.' + 'a.'.repeat(3_000) + 'com - Movie 2019',
    'The.Series.' + 'S01E01.'.repeat(1_000) + '720p.HDTV-GRP',
    'Movie ' + '2in1 '.repeat(2_000) + '2012',
    '/'.repeat(5_000) + 'Movie.2019.mkv',
    'Title.' + '-GRP'.repeat(2_500),
    'Series - ' + '01v2 '.repeat(2_000),
  ];
}

/** `count` fuzz inputs: mutated fixtures (mostly), random soup and every pathological string. */
export function fuzzTitles(seed: number, count: number, fixtures: readonly string[]): string[] {
  const rng = seededRng(seed);
  const out = pathologicalTitles();
  while (out.length < count) {
    if (fixtures.length > 0 && rng() < 0.75) {
      let t = pick(rng, fixtures);
      const edits = 1 + Math.floor(rng() * 3);
      for (let i = 0; i < edits; i++) t = mutate(t, rng);
      out.push(t);
    } else out.push(randomTitle(rng));
  }
  return out;
}
