// Audio languages named in a release title, as Sonarr/Radarr language names.
// Works on tokens after the end of the series/movie title, so "The.German.2019" or
// "Title.the.Spanish.Series.S02E06" are not mistaken for language tags.
import { FILE_EXTENSION } from '../release-group/media-tokens.data.js';
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
/** Regional variants are what the release is really about, so they lead the list. */
const LEADING = new Set(['Spanish (Latino)', 'Portuguese (Brazil)']);

function titleEnd(text: string): number {
  for (const match of text.matchAll(TITLE_END)) if (match.index > 0) return match.index;
  return 0;
}

/** A bare abbreviation in mixed/lower case (`ita`, `Ger`, `lv`) is only a language among other media tokens. */
function hasMediaContext(tokens: LangToken[], i: number): boolean {
  const isContext = (t: LangToken | undefined) => t === undefined || t.kind !== 'other';
  return isContext(tokens[i - 1]) || isContext(tokens[i + 1]);
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
function dualLanguageTags(tokens: LangToken[], add: (name: string, pos: number) => void): void {
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1]?.text.toUpperCase();
    if (t.text === 'DL' && prev !== 'WEB') add('Original', t.start);
    if (t.text === 'ML') {
      add('Original', t.start);
      add('English', t.start);
    }
  });
}

/** Audio languages named in a release title, as Sonarr/Radarr language names (`Unknown` when none). */
export function parseLanguages(title: string): string[] {
  // Real titles are well under this; the cap keeps hostile input inside the 1 ms budget.
  const text = title.slice(0, MAX_LENGTH).replace(ZERO_WIDTH, ' ').replace(FILE_EXTENSION, '');
  const found = new Map<string, number>();
  const add = (name: string, pos: number) => {
    if (!found.has(name)) found.set(name, pos);
  };

  const cjk = CHINESE_CJK.exec(text) ?? CHINESE_BRACKET.exec(text);
  if (cjk) add('Chinese', cjk.index);
  const brazil = BRAZIL.exec(text);
  if (brazil) add('Portuguese (Brazil)', brazil.index);

  const all = tokenize(brazil ? text.replace(BRAZIL, ' ') : text);
  for (const t of all) {
    const known = GROUP_LANGUAGES.get(t.text.toLowerCase());
    if (known) add(known, t.start);
  }

  const end = titleEnd(text);
  // The release group's name is not a language tag (`-[YTS.LT]`): only worth asking when a
  // language-looking token sits after the last dash or bracket, where groups live.
  const groupZone = Math.max(text.lastIndexOf('-'), text.lastIndexOf('['));
  const suspect = groupZone > 0 && all.some((t) => t.kind === 'lang' && t.start > groupZone);
  const group = suspect ? parseReleaseGroup(text) : null;
  const groupStart = group ? text.lastIndexOf(group) : -1;
  const groupEnd = group && groupStart > 0 ? groupStart + group.length : -1;
  const tokens = all.filter((t) => t.start >= end && !(t.start >= groupStart && t.start < groupEnd));
  markSubtitleRuns(text, tokens);
  tokens.forEach((t, i) => {
    if (t.kind === 'lang' && isAudioLanguage(tokens, i)) add(t.language!, t.start);
  });
  dualLanguageTags(tokens, add);

  if (found.size === 0) return ['Unknown'];
  return [...found.entries()]
    .sort((a, b) => Number(LEADING.has(b[0])) - Number(LEADING.has(a[0])) || a[1] - b[1])
    .map(([name]) => name);
}
