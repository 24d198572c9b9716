// Numbering without a season: mini-series parts ("Part.2", "Part Two", "5of9") and the scene's
// compact season+episode numbers ("Show.103.hdtv" = S01E03, "Show.10708" = S01E07-E08).
import type { Marker } from './episode-info.types.js';
import { isYear, lowerOf, wordNumber } from './text.util.js';

const PART_RE = /(?<=[ ._-])Part[ ._]?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)(?![a-z\d])/gi;
const NOF_RE = /(?<![\da-z])(\d{1,2})of(\d{1,2})(?!\d)/gi;
const COMPACT_RE = /(?<=[._-])(\d{3,5})(?:[._-](\d{3,4}))?(?=[._-]|$)/g;
const RESOLUTIONS = new Set([480, 576, 720, 1080, 2160]);

export function findPartMarker(s: string): Marker | null {
  // Each regex needs its word (`part`, `of`); checking the lower-cased title first skips most scans.
  const lower = lowerOf(s);
  PART_RE.lastIndex = 0;
  for (let m = lower.includes('part') ? PART_RE.exec(s) : null; m; m = PART_RE.exec(s)) {
    const n = wordNumber(m[1]!);
    if (n === null) continue;
    return { kind: 'standard', start: m.index, end: PART_RE.lastIndex, season: 1, episodes: [n] };
  }
  if (!lower.includes('of')) return null;
  NOF_RE.lastIndex = 0;
  const o = NOF_RE.exec(s);
  if (o) return { kind: 'standard', start: o.index, end: NOF_RE.lastIndex, season: 1, episodes: [Number(o[1])] };
  return null;
}

/** Splits 103 → S1E03, 1013 → S10E13, 10708 → S1E07+E08. */
function split(digits: string): { season: number; episodes: number[] } | null {
  if (digits.length === 3) return { season: Number(digits[0]), episodes: [Number(digits.slice(1))] };
  if (digits.length === 4) {
    if (isYear(Number(digits)) || RESOLUTIONS.has(Number(digits))) return null;
    return { season: Number(digits.slice(0, 2)), episodes: [Number(digits.slice(2))] };
  }
  return { season: Number(digits[0]), episodes: [Number(digits.slice(1, 3)), Number(digits.slice(3))] };
}

export function findCompactMarker(s: string): Marker | null {
  COMPACT_RE.lastIndex = 0;
  for (let m = COMPACT_RE.exec(s); m; m = COMPACT_RE.exec(s)) {
    // Retry right after the first number: in `show.2009.416` the year must not swallow the episode.
    COMPACT_RE.lastIndex = m.index + m[1]!.length;
    const n = Number(m[1]);
    if (RESOLUTIONS.has(n) || m.index === 0) continue;
    // `H.264` is a codec, not an episode.
    if (/[hx]\.$/i.test(s.slice(Math.max(0, m.index - 2), m.index))) continue;
    const first = split(m[1]!);
    if (!first || first.episodes.some((e) => e === 0)) continue;
    const marker: Marker = { kind: 'standard', start: m.index, end: COMPACT_RE.lastIndex, ...first };
    if (m[2] !== undefined) {
      const second = split(m[2]);
      if (second && second.season === first.season) marker.episodes = [...first.episodes, ...second.episodes];
    }
    return marker;
  }
  return null;
}
