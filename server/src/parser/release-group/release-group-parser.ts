// Release group of a release title: `...x264-GROUP`, anime `[Group] Title - 01`, `(... x265 Group)`,
// `... [Group]`. Trailing noise (file extension, repost/indexer tags, site tags, CRC) is peeled off first.
import { isLanguageTag, isLanguageWord } from '../language/language-words.util.js';
import { blockGroup, isGroupWord, isMediaWord, splitWords } from './group-block.util.js';
import { lastMediaTokenEnd, stripFileExtension } from './media-tokens.data.js';
import { trailingLetterWord } from './tail-scan.util.js';
import { isSiteTag, stripTrailingNoise } from './trailing-noise.util.js';

export { parseReleaseHash } from './release-hash.util.js';

const MAX_TAIL = 200;
const PAREN_YEAR = /\((?:19|20)\d{2}\)/;
const PREFIX_BRACKET = /^\s*\[([^\]]+)\]/;
const TRAILING_BRACKET = /\[([^[\]]*)\]\s*$/;
const TRAILING_PAREN = /\(([^()]*)\)\s*$/;
/** `... x265) QxR`: a bare group after a technical parenthesis. */
const AFTER_PAREN = /\(([^()]*)\)\s+([\p{L}\p{N}]+)$/u;
/** `8-Bit`, `10 bit` are one media word; left split, the `Bit` would look like a group. */
const BIT_DEPTH = /(\d{1,2})[- ]?bits?\b/gi;
const BLU_RAY = /blu-ray/gi;

/** `[SubGroup] Title - 01`: anime releases name the group first. */
function prefixGroup(title: string): string | null {
  const match = PREFIX_BRACKET.exec(title);
  if (!match) return null;
  const name = match[1]!.trim();
  if (isSiteTag(name)) return null;
  return isGroupWord(name) || /^[\p{L}\p{N}]+(?:[ -][\p{L}\p{N}]+){1,2}$/u.test(name) ? name : null;
}

/** Text after the last media token decides: `-Group`, `.Group`, ` - Group`, or nothing. */
function afterMedia(text: string): string | null {
  const end = lastMediaTokenEnd(text);
  if (end < 0) {
    const bare = /[^\s-]-([\p{L}\p{N}]+)$/u.exec(text);
    return bare ? bare[1]! : null;
  }
  const tail = text.slice(end);
  // `-Group` right after the media part keeps inner dashes (`-Erai-raws`); otherwise the last dash wins.
  const lead = /^[\s.)\]]*?(\s?)-(\s?)/u.exec(tail);
  const dotted = !lead && tail.startsWith('.') && !/\s/.test(tail);
  const dash = lead ? lead.index + lead[0].length - 1 - lead[2]!.length : dotted ? -1 : tail.lastIndexOf('-');
  if (dash >= 0) {
    const spaced = tail[dash - 1] === ' ' && tail[dash + 1] === ' ';
    const group = tail
      .slice(dash + 1)
      .trim()
      .replace(/-+$/, '');
    const words = group.split(' ');
    if (!group || words.length > (spaced ? 1 : 4) || !words.every(isGroupWord)) return null;
    return group;
  }
  if (dotted) {
    const parts = tail.slice(1).split('.');
    // `...DD.2.0.By.Uploader`: "by X" credits an uploader, not a group.
    if (parts.some((p) => p.toLowerCase() === 'by')) return null;
    let last = parts[parts.length - 1]!;
    // `.HUNDUB-LOL`, `.SK-iCZi`: a language tag glued to the group by a dash.
    const dash = last.indexOf('-');
    if (dash > 0 && isLanguageTag(last.slice(0, dash))) last = last.slice(dash + 1);
    return isGroupWord(last) ? last : null;
  }
  // `Movie (2022) ... AVC Group`: renamed/p2p titles with a "(year)" drop the dash before the group;
  // scene titles with spaces (`... XviD LOL`) lost it in conversion, so there it is not trusted.
  const bare = /^ ([\p{L}\p{N}]+)$/u.exec(tail);
  if (bare && PAREN_YEAR.test(text) && isGroupWord(bare[1]!)) return bare[1]!;
  return null;
}

/** Drops a trailing language word glued to the group (`-SKGTV English`, `-SKGTV_English`). */
function dropTrailingLanguage(text: string): string {
  const match = trailingLetterWord(text);
  if (match && isLanguageWord(match.group) && /-[^\s]+[\s._]+[\p{L}]+$/u.test(text)) return text.slice(0, match.index);
  return text;
}

// The episode and movie parsers ask for the group of a title and the language parser often asks again
// for the same string right after; the answer is a pure function of the string, so the last one is kept.
let lastTitle: string | undefined;
let lastGroup: string | null = null;

export function parseReleaseGroup(title: string): string | null {
  if (title === lastTitle) return lastGroup;
  const group = findReleaseGroup(title);
  lastTitle = title;
  lastGroup = group;
  return group;
}

function findReleaseGroup(title: string): string | null {
  const prefix = prefixGroup(title);
  if (prefix) return prefix;
  // Groups sit at the end; bounding the text keeps every end-anchored regex cheap on hostile input.
  let text = stripTrailingNoise(stripFileExtension(title.slice(-MAX_TAIL).trim()));
  text = dropTrailingLanguage(text);
  // Both rewrites need their word somewhere in the text; one lower-cased copy checks that for both.
  const lower = text.toLowerCase();
  if (lower.includes('bit')) text = text.replace(BIT_DEPTH, '$1bit');
  if (lower.includes('blu-ray')) text = text.replace(BLU_RAY, 'BluRay');

  for (let guard = 0; guard < 4; guard++) {
    // Both block regexes end in `\s*$`: the text must end in their closer once trailing space is gone.
    const last = text.trimEnd().slice(-1);
    const bracket = last === ']' ? TRAILING_BRACKET.exec(text) : null;
    if (bracket) return blockGroup(bracket[1]!, true, afterMedia);
    const paren = last === ')' ? TRAILING_PAREN.exec(text) : null;
    if (paren) {
      const content = paren[1]!;
      if (splitWords(content).some(isMediaWord)) return blockGroup(content, false, afterMedia);
      // `(Blue Lock, Multi-Subs)`: a note after the group; look before it.
      text = text.slice(0, paren.index).trimEnd();
      continue;
    }
    if (text.endsWith(')')) {
      text = text.slice(0, -1);
      continue;
    }
    break;
  }
  const afterParen = text.includes(')') ? AFTER_PAREN.exec(text) : null;
  if (afterParen && splitWords(afterParen[1]!).some(isMediaWord) && isGroupWord(afterParen[2]!)) return afterParen[2]!;
  return afterMedia(text);
}
