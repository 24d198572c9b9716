// Anime-style absolute numbering: "Title - 07", "Title Ep01", "Title [01]", "Title 091-123",
// decimal specials ("- 12.5"), Turkish "1. Bölüm" and OVA/NCOP specials without a number.
import type { Marker } from './episode-info.types.js';
import { isYear, lowerOf, range } from './text.util.js';

/** What may follow an absolute number so it is not the start of an episode title ("- 100 Years Quest"). */
const ABS_FOLLOW_RE =
  /^(?:$|[ ._]*[[({]|[ ._]+-|_-_|v\d|[ ._]+(?:vostfr|vf|vostfr|dvd|bd|hd|end|final|raw|fin|\d{3,4}[pi]|web|hdtv|bluray|x26[45]|hevc|multi|dual|english|dubbed|subbed|dub|sub)(?![a-z])|\.\d{3,4}x\d)/i;
const DASH_RE =
  /(?:(?<=[^\s._\-\d])-|(?<=[^\s._-])[ ._]{1,3}-)[ ._]{0,3}(\d{1,4})(\.\d(?![\dx]))?(?:\.\d(?!\d))?((?:[ ]?[-~][ ]?\d{1,4}){0,30})/g;
const TURKISH_RE = /(?<![\d])(\d{1,4})\.?[ ]?(?:Bölüm|BLM)(?![a-z])/gi;
const WORD_RE = /(?<=[ ._-])(episode|episodio|ep|e)[ ._]?(\d{1,4})(?:-e?(\d{1,4})(?![\da-z]))?(?![\d])/gi;
const HASH_EP_RE = /(?<=\S)\s?#(\d{1,4})(?!\d)/g;
const BRACKET_RE = /[[{](\d{2,4})(?:-(\d{2,4}))?[\]}]|\((\d{2,4})-(\d{2,4})\)/g;
const BARE_RE = /(?<=[ ._])(\d{2,4})(?:-(\d{2,4}))?(?![\d.]\d|x\d|\d)/g;
const SPECIAL_TOKEN_RE = /(?<=[ ._-])(?:OVA|OVD|OAD|ONA|NCOP|NCED)(?![a-z])/gi;
/** Follows a mini-series `E07`: a quality, a date, another `E` number or nothing at all. */
const MINI_FOLLOW_RE =
  /^(?:$|[ ._-]+(?:\d{3,4}[pi](?![a-z])|\d{6}(?!\d)|hdtv|web|bluray|pdtv|dvd|\d{4}[ ._]\d\d[ ._]\d\d))/i;

function numbersOf(first: string, rest: string): number[] {
  const parts = [
    first,
    ...rest
      .split(/[-~]/)
      .map((x) => x.trim())
      .filter((x) => x !== ''),
  ].map(Number);
  return range(parts[0]!, parts[parts.length - 1]!);
}

export function findTurkishAbsolute(s: string): Marker | null {
  const lower = lowerOf(s);
  if (!lower.includes('blm') && !lower.includes('bölüm')) return null;
  TURKISH_RE.lastIndex = 0;
  const m = TURKISH_RE.exec(s);
  if (!m) return null;
  return { kind: 'absolute', start: m.index, end: TURKISH_RE.lastIndex, absolute: [Number(m[1])] };
}

export function findDashAbsolute(s: string, animeContext: boolean): Marker | null {
  DASH_RE.lastIndex = 0;
  for (let m = DASH_RE.exec(s); m; m = DASH_RE.exec(s)) {
    if (!ABS_FOLLOW_RE.test(s.slice(DASH_RE.lastIndex, DASH_RE.lastIndex + 12))) continue;
    const n = Number(m[1]);
    if (isYear(n) && m[3] === '') continue;
    // Outside anime releases `x264-103` is a scene number, not `Title - 103`.
    if (!animeContext && !/[ ._]/.test(m[0].slice(0, m[0].indexOf('-') + 2))) continue;
    const start = m.index;
    if (m[2])
      return { kind: 'absolute', start, end: DASH_RE.lastIndex, absolute: [], specialAbsolute: [Number(m[1]! + m[2])] };
    return { kind: 'absolute', start, end: DASH_RE.lastIndex, absolute: numbersOf(m[1]!, m[3] ?? '') };
  }
  return null;
}

/** `Ep01`, `Episode 5`, `E1135 Title`; a bare `E07` before a quality tag is a mini-series episode instead. */
export function findWordAbsolute(s: string, datedPrefix: boolean): Marker | null {
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(s); m; m = WORD_RE.exec(s)) {
    const word = m[1]!.toLowerCase();
    // A lone `E` must touch its number: `U.N.C.L.E.2015` is an acronym and a year.
    if (word === 'e' && !/^e\d/i.test(m[0])) continue;
    const first = Number(m[2]);
    const nums = m[3] !== undefined ? range(first, Number(m[3])) : [first];
    const follow = s.slice(WORD_RE.lastIndex, WORD_RE.lastIndex + 16);
    if (datedPrefix || (word === 'e' && MINI_FOLLOW_RE.test(follow))) {
      return { kind: 'standard', start: m.index, end: WORD_RE.lastIndex, season: 1, episodes: nums };
    }
    if (word === 'e' && /^[a-z]/i.test(follow)) continue;
    return { kind: 'absolute', start: m.index, end: WORD_RE.lastIndex, absolute: nums };
  }
  if (datedPrefix) {
    HASH_EP_RE.lastIndex = 0;
    const h = HASH_EP_RE.exec(s);
    if (h) return { kind: 'standard', start: h.index, end: HASH_EP_RE.lastIndex, season: 1, episodes: [Number(h[1])] };
  }
  return null;
}

export function findBracketAbsolute(s: string): Marker | null {
  BRACKET_RE.lastIndex = 0;
  for (let m = BRACKET_RE.exec(s); m; m = BRACKET_RE.exec(s)) {
    if (m.index === 0) continue;
    const a = Number(m[1] ?? m[3]);
    const bRaw = m[2] ?? m[4];
    const b = bRaw !== undefined ? Number(bRaw) : undefined;
    if (isYear(a) && (b === undefined || isYear(b))) continue;
    return {
      kind: 'absolute',
      start: m.index,
      end: BRACKET_RE.lastIndex,
      absolute: b !== undefined ? range(a, b) : [a],
    };
  }
  return null;
}

/** A plain number after the title; without an anime group tag it needs a release tag after it. */
export function findBareAbsolute(s: string, animeContext: boolean): Marker | null {
  BARE_RE.lastIndex = 0;
  for (let m = BARE_RE.exec(s); m; m = BARE_RE.exec(s)) {
    const a = Number(m[1]);
    const b = m[2] !== undefined ? Number(m[2]) : undefined;
    if (b === undefined && isYear(a)) continue;
    // `Evangelion 1.11`: the digits after a decimal point are not an episode.
    if (/\d\.$/.test(s.slice(Math.max(0, m.index - 2), m.index))) continue;
    // `H.264` / `DTS-X.264` are codecs.
    if (/[hx]\.$/i.test(s.slice(Math.max(0, m.index - 2), m.index))) continue;
    const follow = s.slice(BARE_RE.lastIndex, BARE_RE.lastIndex + 12);
    const afterSeasonTag = /[ ._]s\d{1,2}[ ._]$/i.test(s.slice(Math.max(0, m.index - 5), m.index)) && follow === '';
    const ok = animeContext ? /^(?:$|[ ._\-[(])/.test(follow) : ABS_FOLLOW_RE.test(follow) && follow !== '';
    if (!ok && !afterSeasonTag) continue;
    return { kind: 'absolute', start: m.index, end: BARE_RE.lastIndex, absolute: b !== undefined ? range(a, b) : [a] };
  }
  return null;
}

/** OVA / NCOP style specials: the series title stops at the tag. */
export function findSpecialToken(s: string): Marker | null {
  SPECIAL_TOKEN_RE.lastIndex = 0;
  const m = SPECIAL_TOKEN_RE.exec(s);
  if (!m) return null;
  return { kind: 'special', start: m.index, end: SPECIAL_TOKEN_RE.lastIndex, special: true, absolute: [] };
}

export const hasSpecialToken = (s: string): boolean => {
  SPECIAL_TOKEN_RE.lastIndex = 0;
  return SPECIAL_TOKEN_RE.test(s);
};
