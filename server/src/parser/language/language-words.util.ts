// Tiny facade so other parsers can ask "is this a spelled-out language?" without the tokenizer.

import { scanWords, type Word } from '../release-group/word-scan.util.js';
import { LANGUAGE_WORDS } from './language-table.data.js';
import { allLanguageWords } from './language-tokens.lexer.js';

/** True for a full language word in any case (`English`, `castellano`), false for codes like `ENG`. */
export function isLanguageWord(word: string): boolean {
  return LANGUAGE_WORDS.has(word.toLowerCase());
}

/**
 * True when every part of `word` names a language (`VFF`, `HebDub`, `ENG`, `pt-BR`): a language tag, not a name.
 * `parts` is `scanWords(word)` when the caller already has it.
 */
export function isLanguageTag(word: string, parts: Word[] = scanWords(word)): boolean {
  return allLanguageWords(parts);
}
