// Audio languages named in a release title, as Sonarr/Radarr language names.
// Works on tokens after the end of the series/movie title, so "The.German.2019" or
// "Title.the.Spanish.Series.S02E06" are not mistaken for language tags.
import { stripFileExtension } from '../release-group/media-tokens.data.js';
import { parseReleaseGroup } from '../release-group/release-group-parser.js';
import { GROUP_LANGUAGES } from './language-table.data.js';
import { type LangToken, tokenize } from './language-tokens.lexer.js';

export type { SubtitleInfo } from './subtitle-info.parser.js';
export { parseSubtitleInfo } from './subtitle-info.parser.js';

/** Where the title ends: year, SxxEyy / season, NxMM, an anime " - 12" episode number. */
const TITLE_END =
  /\b(?:(?:19|20)\d{2}|S\d{1,3}(?:[ .]?E\d{1,4})?|\d{1,2}x\d{1,3}|season|temporada|stagione|saison|staffel)\b|Сезон| - \d{1,4}\b/gi;
/** Chinese-specific CJK markers (simplified/traditional, Chinese subs, Mandarin/Cantonese audio). */
const CHINESE_CJK = /[简繁]|中[文字日英]|[国國][语語]|[双雙][语語]|字幕|[粤粵][语語]/u;
const CHINESE_BRACKET = /\[(?:GB|BIG5|CHS|CHT)\]/;
const BRAZIL = /(?:^|[^\p{L}])pt[-_. ]?br(?![\p{L}])/iu;
const MAX_LENGTH = 1024;
const ZERO_WIDTH = /[\u200B-\u200D\uFEFF]/g;
const NON_ASCII = /[\u0080-\uffff]/;
const PT = /pt/i;
/** Regional variants are what the release is really about, so they lead the list. */
const LEADING = new Set(['Spanish (Latino)', 'Portuguese (Brazil)']);
const GROUP_NAMES = [...GROUP_LANGUAGES.keys()];

function titleEnd(text: string): number {
  // An exec loop, not matchAll: matchAll clones the regex on every call.
  TITLE_END.lastIndex = 0;
  for (let m = TITLE_END.exec(text); m; m = TITLE_END.exec(text)) if (m.index > 0) return m.index;
  return 0;
}

/** A bare abbreviation in mixed/lower case (`ita`, `Ger`, `lv`) is only a language among other media tokens. */
function hasMediaContext(tokens: LangToken[], i: number): boolean {
  return isContext(tokens[i - 1]) || isContext(tokens[i + 1]);
}

// Module-level helpers, not closures: a closure per call costs an allocation (and a name fix-up under tsx).
function isContext(t: LangToken | undefined): boolean {
  return t === undefined || t.kind !== 'other';
}

function isAudioLanguage(tokens: LangToken[], i: number): boolean {
  const t = tokens[i]!;
  if (t.subtitle) return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  switch (t.form) {
    case 'country':
      return next !== undefined && /^dub/i.test(next.text);
    case 'pair':
      // "DTS-ES" is an audio format, not Spanish.
      return prev?.text.toUpperCase() !== 'DTS';
    case 'code':
      return t.text === t.text.toUpperCase() || hasMediaContext(tokens, i);
    default:
      // "Original" is also an ordinary word in episode titles ("The.Original.Sin").
      return t.language !== 'Original' || hasMediaContext(tokens, i);
  }
}

/** Separators that end a run of languages: `Ukr/Eng | Sub Ukr`, `Dub UKR/Eng + Sub rus`. */
const RUN_BREAK_BEFORE = /[|+()[\]]/;
const RUN_BREAK_AFTER = /[|+[\]]/;

function gap(text: string, a: LangToken, b: LangToken): string {
  return text.slice(a.end, b.start);
}

/** Languages right before "Sub"/"Subs" and right after it are subtitle tracks, not audio. */
function markSubtitleRuns(text: string, tokens: LangToken[]): void {
  tokens.forEach((t, i) => {
    if (t.kind !== 'sub') return;
    for (let j = i - 1; j >= 0 && tokens[j]!.kind === 'lang'; j--) {
      if (RUN_BREAK_BEFORE.test(gap(text, tokens[j]!, tokens[j + 1]!))) break;
      tokens[j]!.subtitle = true;
      // A spelled-out name ends the run: "Spanish.Catala.English.Subs" only subtitles English.
      if (tokens[j]!.form === 'word') break;
    }
    for (let j = i + 1; j < tokens.length && tokens[j]!.kind === 'lang'; j++) {
      if (RUN_BREAK_AFTER.test(gap(text, tokens[j - 1]!, tokens[j]!))) break;
      tokens[j]!.subtitle = true;
    }
  });
}

/** `DL` (dual language, not "WEB-DL") adds the original audio; `ML` (multi language) adds original and English. */
function dualLanguageTags(tokens: LangToken[], found: Found): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.text === 'DL' && tokens[i - 1]?.text.toUpperCase() !== 'WEB') add(found, 'Original', t.start);
    if (t.text === 'ML') {
      add(found, 'Original', t.start);
      add(found, 'English', t.start);
    }
  }
}

/** Language name -> offset of its first mention (the first mention decides the order). */
type Found = Map<string, number>;

function add(found: Found, name: string, pos: number): void {
  if (!found.has(name)) found.set(name, pos);
}

/** Audio languages named in a release title, as Sonarr/Radarr language names (`Unknown` when none). */
export function parseLanguages(title: string): string[] {
  // Real titles are well under this; the cap keeps hostile input inside the 1 ms budget.
  const capped = title.slice(0, MAX_LENGTH);
  // Zero-width spaces and the CJK markers are all non-ASCII: a plain ASCII title skips both scans.
  const ascii = !NON_ASCII.test(capped);
  const text = stripFileExtension(ascii ? capped : capped.replace(ZERO_WIDTH, ' '));
  const found: Found = new Map();

  const cjk = (ascii ? null : CHINESE_CJK.exec(text)) ?? (text.includes('[') ? CHINESE_BRACKET.exec(text) : null);
  if (cjk) add(found, 'Chinese', cjk.index);
  // Only ASCII letters case-fold to `p` and `t`, so a title without `pt` in any case cannot match BRAZIL.
  const brazil = PT.test(text) ? BRAZIL.exec(text) : null;
  if (brazil) add(found, 'Portuguese (Brazil)', brazil.index);

  const end = titleEnd(text);
  // The release group's name is not a language tag (`-[YTS.LT]`): only worth asking when a
  // language-looking token sits after the last dash or bracket, where groups live.
  const groupZone = Math.max(text.lastIndexOf('-'), text.lastIndexOf('['));
  // Words before both the title's end and the group zone are never classified: nothing below reads them.
  // A group name can only be one of the words when the lower-cased text contains it; usually it does not,
  // and then no word needs looking at for it.
  const lower = text.toLowerCase();
  const groupNamed = GROUP_NAMES.some((name) => lower.includes(name));
  const all = tokenize(
    brazil ? text.replace(BRAZIL, ' ') : text,
    Math.min(end, groupZone + 1),
    groupNamed
      ? (word, start) => {
          const known = GROUP_LANGUAGES.get(word.toLowerCase());
          if (known) add(found, known, start);
        }
      : undefined,
  );
  const suspect = groupZone > 0 && all.some((t) => t.kind === 'lang' && t.start > groupZone);
  const group = suspect ? parseReleaseGroup(text) : null;
  const groupStart = group ? text.lastIndexOf(group) : -1;
  const groupEnd = group && groupStart > 0 ? groupStart + group.length : -1;
  const tokens = all.filter((t) => t.start >= end && !(t.start >= groupStart && t.start < groupEnd));
  markSubtitleRuns(text, tokens);
  tokens.forEach((t, i) => {
    if (t.kind === 'lang' && isAudioLanguage(tokens, i)) add(found, t.language!, t.start);
  });
  dualLanguageTags(tokens, found);

  if (found.size === 0) return ['Unknown'];
  return [...found.entries()]
    .sort((a, b) => Number(LEADING.has(b[0])) - Number(LEADING.has(a[0])) || a[1] - b[1])
    .map(([name]) => name);
}
