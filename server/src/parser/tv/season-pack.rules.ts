// Whole-season releases: S01, Season 4, Saison3, Temporada 10, multi-season (S01-05, S01 S04,
// Season 01 - Season 07), partial seasons (S07.Vol.1, S06.P1), extras/subpacks and season specials.
import type { Marker } from './episode-info.types.js';
import { hasSeasonWord, isYear, lowerOf } from './text.util.js';

const S_RE = /(?<![a-z0-9])s(\d{1,4})(?![a-z0-9])/gi;
const WORD_RE = /(?<![a-z])(?:seasons?|saison|temporada)[ ._]{0,3}(\d{1,4})(?!\d)/gi;
/** "Series Title - Series 1 (1970)": British "series" for season, only after a dash. */
const SERIES_WORD_RE = /(?<= - )series (\d{1,2})(?![\d])/gi;
const MULTI_S_RE = /(?:[ ._]?-[ ._]?|[ ._])s?(\d{1,4})(?![\d])/iy;
const MULTI_WORD_RE = /[ ._]*-[ ._]*(?:(?:season|saison|temporada)[ ._]*)?(\d{1,4})(?!\d)/iy;
const FOLLOW_NUMBER_RE = /[ ._-]+(\d{1,4})(?![\da-z])/iy;
const EXTRAS_RE = /[ ._-]+(?:extras|subpack|sub[ ._]pack)(?![a-z])/iy;
const PARTIAL_RE = /[ ._-]+(?:vol(?:ume)?|p|part)[ ._]?(\d{1,2})(?![\d])/iy;
const SPECIAL_RE = /[ ._-]+special(?![a-z])/iy;

function sticky(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(s);
}

function describe(s: string, start: number, end: number, season: number, viaS: boolean): Marker | null {
  const marker: Marker = { kind: 'season', start, end, season, episodes: [], fullSeason: true };
  const multi = viaS ? sticky(MULTI_S_RE, s, end) : sticky(MULTI_WORD_RE, s, end);
  if (multi) {
    const second = Number(multi[1]);
    if (second > season && !isYear(second) && multi[1]!.length <= 2 + (viaS ? 0 : 2)) {
      marker.multiSeason = true;
      marker.end = end + multi[0].length;
      return marker;
    }
  }
  const num = sticky(FOLLOW_NUMBER_RE, s, end);
  // "Title S21 999" is an anime absolute number after a season tag, not a season pack.
  if (num && !isYear(Number(num[1]))) return null;
  if (sticky(EXTRAS_RE, s, end)) marker.seasonExtra = true;
  const part = sticky(PARTIAL_RE, s, end);
  if (part) {
    marker.fullSeason = false;
    marker.partialSeason = true;
    marker.seasonPart = Number(part[1]);
  }
  if (sticky(SPECIAL_RE, s, end)) {
    marker.fullSeason = false;
    marker.special = true;
  }
  return marker;
}

function insideSquareBrackets(s: string, at: number): boolean {
  const open = s.lastIndexOf('[', at);
  return open >= 0 && s.lastIndexOf(']', at) < open;
}

/** First usable match of `re` in `s`, kept when it starts before `best`; a plain function, not a per-call closure. */
function consider(s: string, re: RegExp, viaS: boolean, best: Marker | null): Marker | null {
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    // Inside `[...]` an S-number is a tag of the release (`[2160p x265 S82 Joy]`), not its season.
    if (insideSquareBrackets(s, m.index)) continue;
    const found = describe(s, m.index, re.lastIndex, Number(m[1]), viaS);
    if (found) return !best || found.start < best.start ? found : best;
  }
  return best;
}

export function findSeasonPack(s: string): Marker | null {
  let best = consider(s, S_RE, true, null);
  // The word regexes need their word in the title; a lower-cased `includes` is far cheaper than the scan.
  const lower = lowerOf(s);
  if (hasSeasonWord(lower)) best = consider(s, WORD_RE, false, best);
  return lower.includes(' - series') ? consider(s, SERIES_WORD_RE, false, best) : best;
}
