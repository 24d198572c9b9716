// Tiny facade so other parsers can ask "is this a spelled-out language?" without the tokenizer.
import { LANGUAGE_WORDS } from './language-table.data.js';
import { tokenize } from './language-tokens.lexer.js';

/** True for a full language word in any case (`English`, `castellano`), false for codes like `ENG`. */
export function isLanguageWord(word: string): boolean {
  return LANGUAGE_WORDS.has(word.toLowerCase());
}

/** True when every part of `word` names a language (`VFF`, `HebDub`, `ENG`, `pt-BR`): a language tag, not a name. */
export function isLanguageTag(word: string): boolean {
  const tokens = tokenize(word);
  return tokens.length > 0 && tokens.every((t) => t.kind === 'lang');
}
