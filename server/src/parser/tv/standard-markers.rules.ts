// Season+episode markers: S01E02 (and its multi-episode forms), 1x02, "Season 1 Episode 2", the Spanish
// "Cap.102" and the Dutch "Se.1 afl.2". Each family is one bounded regex found left to right; the
// follow-on episodes (E03, -04, x05, ...) are read by a small loop of sticky regexes, never by nesting.
import type { Marker } from './episode-info.types.js';
import { hasSeasonWord, isYear, lowerOf, range, spanOf } from './text.util.js';

const SXE_RE = /s(\d{1,4})[ ._]?-?[ ._]?ep?\.?[ ._]?(\d{1,5})/gi;
const SXE_NEXT_RES = [/(?:[ ._]?-[ ._]?|[ ._]|)(?:s(\d{1,4})[ ._]?)?ep?(\d{1,5})(?!\d)/iy, /-(\d{1,5})(?![\da-z])/iy];
const NXM_RE = /(?<![\da-z])(\d{1,4})x(\d{1,4})/gi;
const NXM_NEXT_RES = [
  /x(\d{1,4})(?![\dpi])/iy,
  /[ ._]?-[ ._]?\d{1,4}x(\d{1,4})(?![\dpi])/iy,
  /[_-]x?(\d{1,3})(?![\dpix])/iy,
];
const WORDS_RE =
  /(?<![a-z])(?:season|saison|temporada)[ ._-]{0,3}(\d{1,4})[ ._-]{0,5}(?:episode|episodio|ep|capitulo)\.?[ ._]?(\d{1,4})(?!\d)/gi;
const CAP_RE = /(?<![a-z])cap\.?[ ]?(\d{1,2})(\d{2})(?:_(\d{1,2})(\d{2}))?(?!\d)/gi;
const DUTCH_RE = /(?<![a-z])se\.?[ ]?(\d{1,3})[ ._]afl\.?[ ]?(\d{1,4})((?: en \d{1,4})|(?:-\d{1,4}){0,20})(?!\d)/gi;
/** `11-02 Title`: season-episode pair opening a bare file name. */
const LEADING_PAIR_RE = /^(\d{1,2})-(\d{2})(?= [^\d\s])/;
const OF_TOTAL_RE = /[ ._]?of[ ._]?(\d{1,3})(?!\d)/iy;
const HALF_RE = /\.5(?!\d)/y;

function readFollowOns(s: string, from: number, res: RegExp[], eps: number[]): number {
  let pos = from;
  for (let guard = 0; guard < 50; guard++) {
    let advanced = false;
    for (const re of res) {
      re.lastIndex = pos;
      const m = re.exec(s);
      if (!m) continue;
      const n = Number(m[m.length - 1]);
      // Follow-on numbers only count upwards: `S12E13-3_Acts` is an episode title.
      if (n <= eps[eps.length - 1]!) continue;
      eps.push(n);
      pos = re.lastIndex;
      advanced = true;
      break;
    }
    if (!advanced) break;
  }
  return pos;
}

/** After the numbers a letter may only start a version tag (`v2`) or another marker. */
function endsCleanly(s: string, pos: number): boolean {
  const next = s.charAt(pos);
  if (next === '' || !/[a-z0-9]/i.test(next)) return true;
  return /^v\d/i.test(s.slice(pos, pos + 2));
}

function findSxE(s: string): Marker | null {
  SXE_RE.lastIndex = 0;
  for (let m = SXE_RE.exec(s); m; m = SXE_RE.exec(s)) {
    if (m.index > 0 && /\d/.test(s.charAt(m.index - 1))) continue;
    const eps = [Number(m[2])];
    let end = readFollowOns(s, SXE_RE.lastIndex, SXE_NEXT_RES, eps);
    if (!endsCleanly(s, end)) continue;
    const marker: Marker = { kind: 'standard', start: m.index, end, season: Number(m[1]), episodes: spanOf(eps) };
    HALF_RE.lastIndex = end;
    if (HALF_RE.test(s)) {
      marker.special = true;
      end = HALF_RE.lastIndex;
    }
    OF_TOTAL_RE.lastIndex = end;
    const of = OF_TOTAL_RE.exec(s);
    if (of) {
      // "S1E1-8 of 8" is the whole season, not eight episodes.
      const total = Number(of[1]);
      const list = marker.episodes!;
      if (list.length > 1 && list[0] === 1 && list[list.length - 1] === total) {
        marker.episodes = [];
        marker.fullSeason = true;
      }
    }
    marker.end = end;
    return marker;
  }
  return null;
}

function findNxM(s: string): Marker | null {
  NXM_RE.lastIndex = 0;
  for (let m = NXM_RE.exec(s); m; m = NXM_RE.exec(s)) {
    const season = Number(m[1]);
    // 1280x720 is a resolution: seasons are small numbers or years.
    if (!(season < 100 || isYear(season))) continue;
    // 1920x1080 is a resolution even though 1920 looks like a year.
    const ratio = season / Number(m[2]);
    if (m[2]!.length >= 3 && ratio > 1.2 && ratio < 2.5) continue;
    if (/^[\dpi]/i.test(s.slice(NXM_RE.lastIndex, NXM_RE.lastIndex + 1))) continue;
    const eps = [Number(m[2])];
    const end = readFollowOns(s, NXM_RE.lastIndex, NXM_NEXT_RES, eps);
    if (!endsCleanly(s, end)) continue;
    return { kind: 'standard', start: m.index, end, season, episodes: spanOf(eps) };
  }
  return null;
}

function findWords(s: string): Marker | null {
  if (!hasSeasonWord(lowerOf(s))) return null;
  WORDS_RE.lastIndex = 0;
  const m = WORDS_RE.exec(s);
  if (!m) return null;
  const eps = [Number(m[2])];
  const end = readFollowOns(s, WORDS_RE.lastIndex, [/-(\d{1,4})(?![\dpi])/y], eps);
  return { kind: 'standard', start: m.index, end, season: Number(m[1]), episodes: spanOf(eps) };
}

function findCap(s: string): Marker | null {
  if (!lowerOf(s).includes('cap')) return null;
  CAP_RE.lastIndex = 0;
  const m = CAP_RE.exec(s);
  if (!m) return null;
  const first = Number(m[2]);
  const episodes = m[4] !== undefined ? range(first, Number(m[4])) : [first];
  return { kind: 'standard', start: m.index, end: CAP_RE.lastIndex, season: Number(m[1]), episodes };
}

function findDutch(s: string): Marker | null {
  if (!lowerOf(s).includes('afl')) return null;
  DUTCH_RE.lastIndex = 0;
  const m = DUTCH_RE.exec(s);
  if (!m) return null;
  const eps = [
    Number(m[2]),
    ...(m[3] ?? '')
      .split(/-| en /)
      .filter((x) => x !== '')
      .map(Number),
  ];
  return { kind: 'standard', start: m.index, end: DUTCH_RE.lastIndex, season: Number(m[1]), episodes: spanOf(eps) };
}

function findLeadingPair(s: string): Marker | null {
  const m = LEADING_PAIR_RE.exec(s);
  if (!m) return null;
  return { kind: 'standard', start: 0, end: m[0].length, season: Number(m[1]), episodes: [Number(m[2])] };
}

/** The leftmost season+episode marker of any family (ties go to the more explicit family). */
export function findStandardMarker(s: string): Marker | null {
  let best: Marker | null = null;
  for (const find of [findSxE, findNxM, findWords, findCap, findDutch, findLeadingPair]) {
    const m = find(s);
    if (m && (!best || m.start < best.start)) best = m;
  }
  return best;
}
