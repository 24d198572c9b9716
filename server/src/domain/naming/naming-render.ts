// Renders one path component of a parsed format. Token values are computed, made filename-safe, shaped by the
// token's separator and case, and wrapped in its prefix/suffix only when non-empty. The literal text around them is
// then tidied — empty brackets and separator runs left by empty tokens collapse, leading/trailing separators go —
// before the values are put in, so a title's own punctuation is never "tidied".
import { type SanitizeOptions, sanitizeValue } from './file-name-sanitizer.js';
import type { TemplateToken } from './format-template.js';
import { absoluteNumbers, type RenderPart } from './multi-episode.js';
import type { MultiEpisodeStyle } from './naming.types.js';
import { NAMING_TOKENS, padNumber, type TokenContext } from './naming-tokens.js';
import { truncateTitle } from './title-forms.js';

export interface RenderOptions extends SanitizeOptions {
  multiEpisodeStyle: MultiEpisodeStyle;
}

const SEPARATOR_CHARS = '- ._';
const MARK_BASE = 0xe000;

function rawValue(t: TemplateToken, ctx: TokenContext, opts: RenderOptions): string {
  const def = NAMING_TOKENS.get(t.key);
  if (!def) return '';
  const episodes = ctx.episodes ?? [];
  switch (t.key) {
    case 'season': {
      const n = ctx.seasonNumber ?? episodes[0]?.seasonNumber;
      return n === undefined ? '' : padNumber(n, t.format);
    }
    case 'episode':
      return episodes.map((e) => padNumber(e.episodeNumber, t.format)).join('-');
    case 'absolute':
      return absoluteNumbers(episodes, opts.multiEpisodeStyle, t.format);
    default: {
      const v = def.value(ctx);
      return def.format === 'truncate' && t.format ? truncateTitle(v, Number(t.format)) : v;
    }
  }
}

/** The token's finished text, or '' when it has no value (then its prefix and suffix are dropped too). */
export function tokenText(t: TemplateToken, ctx: TokenContext, opts: RenderOptions): string {
  let v = sanitizeValue(rawValue(t, ctx, opts), opts);
  if (!v) return '';
  if (t.separator !== ' ') {
    const sep = t.separator;
    const escaped = sep === '.' ? '\\.' : sep === '-' ? '\\-' : sep;
    v = v.replace(/\s+/g, sep).replace(new RegExp(`[-._ ]*${escaped}[-._ ]*`, 'g'), sep);
  }
  if (t.casing === 'upper') v = v.toUpperCase();
  else if (t.casing === 'lower') v = v.toLowerCase();
  if (t.wrapper) v = `{${t.wrapper}${v}}`;
  return v;
}

/** Separator runs left where empty tokens were: whitespace once, "- -" → "-", ".." → ".". */
function tidyRun(run: string): string {
  let out = run.replace(/\s+/g, ' ');
  let prev: string;
  do {
    prev = out;
    out = out.replace(/([-._])(?:\s?\1)+/g, '$1');
  } while (out !== prev);
  return out;
}

function tidySkeleton(skeleton: string): string {
  return skeleton
    .replace(/\([\s\-._]*\)|\[[\s\-._]*\]|\{[\s\-._]*\}/g, '')
    .replace(/[\s\-._]{2,}/g, tidyRun)
    .replace(/^[\s\-._]+/, '')
    .replace(/[\s\-._]+$/, '');
}

/** Renders the parts of one component (no path breaks) into a name, before trimming and length limits. */
export function renderComponent(parts: readonly RenderPart[], ctx: TokenContext, opts: RenderOptions): string {
  const values: string[] = [];
  let skeleton = '';
  const mark = (value: string) => {
    skeleton += String.fromCharCode(MARK_BASE + values.length);
    values.push(value);
  };
  for (const part of parts) {
    if (part.kind === 'text') skeleton += part.text.replace(/[\uE000-\uF8FF]/g, '');
    else if (part.kind === 'value') mark(part.value);
    else if (part.kind === 'token') {
      const v = tokenText(part, ctx, opts);
      if (!v) continue;
      skeleton += part.prefix;
      mark(v);
      skeleton += part.suffix;
    }
  }
  const tidy = tidySkeleton(skeleton);
  let out = '';
  for (let i = 0; i < tidy.length; i++) {
    const code = tidy.charCodeAt(i);
    const index = code - MARK_BASE;
    if (index < 0 || index >= values.length) {
      out += tidy[i];
      continue;
    }
    let v = values[index]!;
    // "Mr." before a "." separator, or a value starting with the separator just written: keep one.
    const last = out[out.length - 1];
    if (last && SEPARATOR_CHARS.includes(last) && v.startsWith(last)) v = v.slice(1);
    const next = tidy[i + 1];
    if (next && SEPARATOR_CHARS.includes(next) && v.endsWith(next)) v = v.slice(0, -1);
    out += v;
  }
  return out.replace(/\s{2,}/g, ' ');
}
