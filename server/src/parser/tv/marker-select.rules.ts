// Decides which numbering a release uses. Recognisers run in a fixed order of how explicit they are
// (S01E02 and air dates first, bare numbers last); within one recogniser the leftmost match wins.
import {
  findBareAbsolute,
  findBracketAbsolute,
  findDashAbsolute,
  findSpecialToken,
  findTurkishAbsolute,
  findWordAbsolute,
} from './absolute.rules.js';
import { findBracketRelease } from './cjk-bracket.rules.js';
import { findDailyMarker, findShortDailyMarker } from './daily-date.rules.js';
import type { Marker } from './episode-info.types.js';
import { findCompactMarker, findPartMarker } from './mini-series.rules.js';
import { findSeasonPack } from './season-pack.rules.js';
import { findStandardMarker } from './standard-markers.rules.js';

export interface Selection {
  marker: Marker;
  /** End of the series title in the working string (usually marker.start). */
  titleEnd: number;
}

/** null = nothing recognised; 'reject' = recognised but invalid (ancient, future or ambiguous air date). */
export type SelectResult = Selection | null | 'reject';

const onlySeparators = (s: string): boolean => /^[\s._-]*$/.test(s);

function standardOrDaily(work: string, now: Date): SelectResult {
  const std = findStandardMarker(work);
  const daily = findDailyMarker(work, now);
  if (daily && (!std || (daily.marker.start < std.start && !onlySeparators(work.slice(daily.marker.end, std.start))))) {
    if (daily.invalid) return 'reject';
    // `Show E76 2024 08 08`: an episode tag right before the date belongs to neither title nor date.
    const tag = /[ ._]E\d{1,4}[ ._]*$/i.exec(work.slice(0, daily.marker.start));
    return { marker: daily.marker, titleEnd: tag ? tag.index : daily.marker.start };
  }
  if (std) {
    const titleEnd = daily && daily.marker.start < std.start ? daily.marker.start : std.start;
    return { marker: std, titleEnd };
  }
  return null;
}

export function selectMarker(
  work: string,
  afterSite: string,
  animeContext: boolean,
  datedPrefix: boolean,
  now: Date,
): SelectResult {
  const bracket = findBracketRelease(afterSite);
  if (bracket) return { marker: bracket, titleEnd: 0 };
  const turkish = findTurkishAbsolute(work);
  if (turkish) return { marker: turkish, titleEnd: turkish.start };
  const first = standardOrDaily(work, now);
  if (first) return first;
  // Tried in order, first hit wins; a chain of `??` instead of an array of closures built per call.
  const m =
    findDashAbsolute(work, animeContext) ??
    findWordAbsolute(work, datedPrefix) ??
    findBracketAbsolute(work) ??
    findSeasonPack(work) ??
    (animeContext ? null : findCompactMarker(work)) ??
    findPartMarker(work);
  if (m) return { marker: m, titleEnd: m.start };
  const short = findShortDailyMarker(work, now);
  if (short) return short.invalid ? 'reject' : { marker: short.marker, titleEnd: short.marker.start };
  const bare = findBareAbsolute(work, animeContext);
  if (bare) return { marker: bare, titleEnd: bare.start };
  const special = animeContext ? findSpecialToken(work) : null;
  if (special) return { marker: special, titleEnd: special.start };
  return null;
}
