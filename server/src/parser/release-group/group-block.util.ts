// Groups written inside a trailing bracket or parenthesis: `[QxR]`, `(1080p BluRay x265 Tigole)`,
// `[Softsubs (SEV)]`, `(... x265-TheSickle[TAoE])`.
import { isLanguageTag } from '../language/language-words.util.js';
import { isMediaToken } from './media-tokens.data.js';
import { scanWords } from './word-scan.util.js';

const GROUP_WORD = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,29}$/u;
/** Words that describe the release, never name who made it. */
const NOT_GROUP =
  /^(?:v\d{1,2}|\d+|[0-9a-f]{8}|subs?|softsubs|batch|multi|dual|audio|complete|proper|repack|rerip|real|internal|remastered|extended|uncut|unrated|limited|hybrid|sample)$/i;

export function splitWords(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length > 0);
}

/** True when any part of `word` (split at `.`, `-`, `_`) is a media token: `x264`, `WEB-DL`, `480p`. */
export function isMediaWord(word: string): boolean {
  for (const part of scanWords(word)) if (isMediaToken(part.text)) return true;
  return false;
}

/** Could `word` be a release group's name on its own? */
export function isGroupWord(word: string): boolean {
  if (!GROUP_WORD.test(word)) return false;
  // One scan of the parts serves the media, language and descriptive-word checks.
  const parts = scanWords(word);
  for (const part of parts) if (isMediaToken(part.text)) return false;
  if (isLanguageTag(word, parts)) return false;
  // `Dual-Audio`, `Multi-Subs`: every part describes the release.
  return !parts.every((part) => NOT_GROUP.test(part.text));
}

/**
 * Group named in the content of a trailing block. `fallback` handles `x265-Group` glued inside the block.
 * Returns null when the block is only technical (`[HTDV-480p]`, `[BDRemux ... Subs]`) or a note (`[v3]`).
 */
export function blockGroup(
  content: string,
  bracket: boolean,
  fallback: (text: string) => string | null,
): string | null {
  const text = content.trim();
  const inner = /[([]([^()[\]]+)[)\]]$/.exec(text);
  if (inner) {
    const name = inner[1]!.trim();
    if (/^-?[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(name) && !isMediaWord(name)) return name;
  }
  if (bracket && isGroupWord(text)) return text;
  const words = splitWords(text);
  if (!words.some(isMediaWord)) return null;
  const last = words[words.length - 1]!;
  if (isGroupWord(last)) return last;
  return isMediaWord(last) ? fallback(last) : null;
}
