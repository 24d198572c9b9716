// parseEpisodeTitle: release title → ParsedEpisodeInfo, or null when the title carries no usable
// episode numbering. Pure and total: never throws, bounded work per input.
import { isTooLong } from '../input-limit.js';
import { parseLanguages } from '../language/language-parser.js';
import { parseQuality } from '../quality/quality-parser.js';
import { parseReleaseGroup } from '../release-group/release-group-parser.js';
import { hasSpecialToken } from './absolute.rules.js';
import type { Marker, ParsedEpisodeInfo, ParseOptions } from './episode-info.types.js';
import { buildEpisodeInfo } from './episode-info.util.js';
import { type SelectResult, selectMarker } from './marker-select.rules.js';
import { isObfuscated } from './obfuscation.rules.js';
import { cleanupSeriesTitle } from './series-title.util.js';
import { hasNonLatinLetters, range, spanOf } from './text.util.js';
import { type PreparedTitle, prepareTitle } from './title-prep.normalize.js';

const BEFORE_ABS_RE = /[ ._-](\d{2,4})(\.\d)?(?:[ ._]*-[ ._]*|[ ._]*[([]|(?<=\d{3})[ ._]+)$/;
const AFTER_ABS_RE = /^[ ._]*(?:-[ ._]*)?\(?(\d{2,4})((?:-\d{2,4}){0,30})\)?(?=$|[ ._\])]|-[ ._])/;
/** `[第01-15集]`: Chinese "episodes 1-15" inside a season release. */
const CJK_EPISODES_RE = /第(\d{1,4})-(\d{1,4})[集话話]/;
const PAREN_SEASON_RE = /\(\s*season\s*(\d{1,3})\s*\)/i;

/** Anime releases also carry the absolute number next to S01E02 (`Title - 12 (S01E12)`, `S10E14 214`). */
function addAbsoluteNextToStandard(work: string, marker: Marker, titleEnd: number, anime: boolean): number {
  // Only the tail before the marker can hold the number; a bounded slice keeps the `$`-anchored regex linear.
  const off = Math.max(0, titleEnd - 24);
  const before = BEFORE_ABS_RE.exec(work.slice(off, titleEnd));
  if (before && anime) {
    if (before[2]) marker.specialAbsolute = [Number(before[1]! + before[2])];
    else marker.absolute = [Number(before[1])];
    return off + before.index;
  }
  const after = AFTER_ABS_RE.exec(work.slice(marker.end));
  if (after && (anime || /^0\d\d$/.test(after[1]!))) {
    const nums = [after[1]!, ...after[2]!.split('-').filter((x) => x !== '')].map(Number);
    marker.absolute = spanOf(nums);
  }
  return titleEnd;
}

function select(prep: PreparedTitle, anime: boolean, now: Date): { result: SelectResult; work: string } {
  let work = prep.work;
  let result = selectMarker(work, prep.afterSite, anime, prep.datedPrefix, now);
  // `Кириллица (S2E1-4) / Latin (S2E1-4)`: prefer the numbering after the first localised name.
  const slash = work.indexOf(' / ');
  if (
    result &&
    result !== 'reject' &&
    result.marker.title === undefined &&
    slash > 0 &&
    result.marker.start < slash &&
    hasNonLatinLetters(work.slice(0, slash))
  ) {
    const rest = work.slice(slash + 3);
    const again = selectMarker(rest, rest, anime, prep.datedPrefix, now);
    if (again && again !== 'reject') {
      work = rest;
      result = again;
    }
  }
  return { result, work };
}

export function parseEpisodeTitle(title: string, opts: ParseOptions = {}): ParsedEpisodeInfo | null {
  try {
    return parse(title, opts);
  } catch {
    return null;
  }
}

function parse(title: string, opts: ParseOptions): ParsedEpisodeInfo | null {
  if (typeof title !== 'string' || title.trim() === '' || isTooLong(title)) return null;
  const prep = prepareTitle(title);
  if (isObfuscated(prep.releaseTitle)) return null;
  const anime = prep.animeGroup !== null || prep.hash !== '';
  const { result, work } = select(prep, anime, opts.now ?? new Date());
  if (result === null || result === 'reject') return null;
  const { marker } = result;
  let titleEnd = result.titleEnd;
  if (marker.kind === 'standard') titleEnd = addAbsoluteNextToStandard(work, marker, titleEnd, anime);
  if (marker.kind === 'season' && !marker.multiSeason) {
    const c = CJK_EPISODES_RE.exec(work);
    if (c) {
      marker.episodes = range(Number(c[1]), Number(c[2]));
      marker.fullSeason = false;
    }
  }
  let rawTitle = marker.title ?? work.slice(0, titleEnd);
  if (marker.kind === 'absolute' || marker.kind === 'special') {
    const ps = PAREN_SEASON_RE.exec(rawTitle);
    if (ps) {
      marker.season = Number(ps[1]);
      rawTitle = rawTitle.slice(0, ps.index);
    }
    if (marker.kind === 'absolute' && anime && hasSpecialToken(work.slice(marker.end))) marker.special = true;
  }
  const cleaned = cleanupSeriesTitle(rawTitle);
  let seriesTitle = cleaned.title;
  // Anime season tags read `S2` even when the release wrote `S02`.
  if (marker.kind === 'absolute') seriesTitle = seriesTitle.replace(/(?<=\s)S0(\d)$/, 'S$1');
  return buildEpisodeInfo({
    marker,
    seriesTitle,
    allTitles: cleaned.allTitles,
    releaseTitle: prep.releaseTitle,
    releaseGroup: prep.animeGroup ?? parseReleaseGroup(title),
    releaseHash: prep.hash,
    languages: parseLanguages(title),
    quality: parseQuality(title),
  });
}
