// Turns the raw text before the numbering into the series title Sonarr reports, plus the
// title/year split and the list of alternative names.

import { stripCjkTail } from './cjk-bracket.rules.js';
import type { SeriesTitleInfo } from './episode-info.types.js';
import { hasLatin } from './text.util.js';

/** `当我飞奔向你[...].Latin.Title` → `Latin.Title`: a leading Chinese/Japanese name followed by the Latin one. */
const LEADING_CJK_RE =
  /^(?:[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]|\[[^\]]{0,60}\]|[\s./|])+/;
const TRAILING_JUNK = new Set([...' \t-_.,;([{/|~']);
const TRAILING_SEASON_RE = /[ ._-]*\(?(?:season|saison|temporada)[ ._]*\d{1,4}\)?$/i;
const TRAILING_COMPLETE_RE = /[ ._-]+complete(?:[ ._]+series)?$/i;
/** A codec tag left between the title and a scene number (`name-x264-103`). */
const TRAILING_CODEC_RE = /[ ._-]+[xh]\.?26[45]$/i;
/** Used on whitespace-collapsed text, so single optional spaces suffice (no quadratic `\s*` scans). */
const ALT_SPLIT_RE = / ?[/|] ?|[ .]AKA[ .]/;

function stripLeadingCjk(s: string): string {
  const m = LEADING_CJK_RE.exec(s);
  if (!m || m[0].length === 0) return s;
  const last = m[0].charAt(m[0].length - 1);
  const rest = s.slice(m[0].length);
  return /[\s.\]]/.test(last) && hasLatin(rest) ? rest : s;
}

/** Drops trailing characters of `set` with a plain loop (a `[...]+$` regex is quadratic on long runs). */
function trimEndOf(s: string, set: Set<string>): string {
  let end = s.length;
  while (end > 0 && set.has(s.charAt(end - 1))) end--;
  return s.slice(0, end);
}

/** Applies end-anchored rules to the last few dozen characters only, so they stay linear. */
function replaceInTail(s: string, fn: (tail: string) => string): string {
  const cut = Math.max(0, s.length - 48);
  return s.slice(0, cut) + fn(s.slice(cut));
}

function tidy(raw: string): string {
  let s = raw;
  const bracket = s.indexOf('[');
  if (bracket > 0) s = s.slice(0, bracket);
  s = s.replace(/[?<>"]/g, '');
  // With spaces present a dot only separates when it sits between two words (`Movie.Name - S01E08`, not `Bros.`).
  s = /\s/.test(s.trim())
    ? s.replace(/_/g, ' ').replace(/(?<=[\p{L}\p{N}])\.(?=[\p{L}\p{N}])/gu, ' ')
    : s.replace(/[._]/g, ' ');
  s = s.replace(/\s+/g, ' ');
  for (let i = 0; i < 4; i++) {
    const next = replaceInTail(trimEndOf(s, TRAILING_JUNK), (t) =>
      t.replace(TRAILING_SEASON_RE, '').replace(TRAILING_COMPLETE_RE, '').replace(TRAILING_CODEC_RE, ''),
    );
    if (next === s) break;
    s = next;
  }
  s = s.replace(/^[\s\-_.,]+/, '');
  // `Seriesless (2016/S01/...)`: the marker cut the year's parenthesis.
  if (/\((?:19|20)\d\d$/.test(s)) s += ')';
  return s.trim();
}

export interface CleanedTitle {
  title: string;
  allTitles: string[];
}

/** Cleans the text before the numbering; `A / B` and `A AKA B` give alternative titles, the last one wins. */
export function cleanupSeriesTitle(raw: string): CleanedTitle {
  const base = stripLeadingCjk(raw.replace(/\s+/g, ' ').trim());
  const cut = base.indexOf('[') > 0 ? base.slice(0, base.indexOf('[')) : base;
  const pieces = cut.split(ALT_SPLIT_RE);
  // The usual title has no alternatives and no bracket: its one piece is `base`, tidied once, not twice.
  if (pieces.length === 1 && pieces[0] === base) {
    const t = tidy(base);
    return { title: t, allTitles: t ? [t] : [] };
  }
  const parts = pieces.map((p) => tidy(p)).filter((p) => p !== '');
  if (parts.length <= 1) {
    const t = tidy(base);
    return { title: t, allTitles: t ? [t] : [] };
  }
  let title = parts[parts.length - 1]!;
  if (hasLatin(title)) title = stripCjkTail(title);
  return { title, allTitles: parts };
}

const YEAR_SUFFIX_RE = /[ ._-]*\(?((?:19|20)\d\d)\)?$/;

export function seriesTitleInfo(title: string, allTitles: string[]): SeriesTitleInfo {
  const cut = Math.max(0, title.length - 16);
  const m = YEAR_SUFFIX_RE.exec(title.slice(cut));
  if (m && cut + m.index > 0) {
    return { title, titleWithoutYear: title.slice(0, cut + m.index).trim(), year: Number(m[1]), allTitles };
  }
  return { title, titleWithoutYear: title, year: 0, allTitles };
}
