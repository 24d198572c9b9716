// Reads a naming format into literal text, tokens and path breaks. Token syntax as users know it from Sonarr/Radarr:
// `{Series Title}`, `{season:00}`, separator variants `{Series.Title}`, case variants `{SERIES TITLE}`, prefix and
// suffix text inside the braces `{-Release Group}` / `{[Quality Full]}` (emitted only with a value), `{{`/`}}` for
// literal braces, and the Plex-style wrappers `{imdb-{ImdbId}}` / `{edition-{Edition Tags}}`.

export type TokenCasing = 'asis' | 'upper' | 'lower';

export interface TemplateToken {
  kind: 'token';
  /** The token as written, braces included, for error messages. */
  raw: string;
  /** Lower-case words joined by one space: `series title`, `air date`, `season`. */
  key: string;
  /** What joins the words of the value: ' ' unless the token was written `{Series.Title}`, `{Series_Title}`… */
  separator: string;
  casing: TokenCasing;
  prefix: string;
  suffix: string;
  /** Text after `:` (`00` in `{season:00}`), null when absent. */
  format: string | null;
  /** `imdb-` for `{imdb-{ImdbId}}`: the value is emitted as `{imdb-VALUE}`. */
  wrapper: string | null;
}

export interface TemplateText {
  kind: 'text';
  text: string;
}

/** A `/` or `\` in the format: the name continues in a sub-folder. */
export interface TemplateBreak {
  kind: 'break';
}

export type TemplatePart = TemplateText | TemplateToken | TemplateBreak;

export interface TemplateError {
  /** The offending text, e.g. `{Series Title` or `{Foo:%%}`. */
  raw: string;
  message: string;
}

export interface ParsedTemplate {
  parts: TemplatePart[];
  errors: TemplateError[];
}

const TOKEN_BODY = /^([- ._[(]*)([a-z0-9]+(?:[- ._]+[a-z0-9]+)?)(?::([a-z0-9]+))?([- ._)\]]*)$/i;
const WRAPPER_LABEL = /^[a-z]+-$/i;

function casingOf(word: string): TokenCasing {
  const letters = word.replace(/[^a-z]/gi, '');
  if (!letters) return 'asis';
  if (letters === letters.toUpperCase()) return 'upper';
  if (letters === letters.toLowerCase()) return 'lower';
  return 'asis';
}

function readToken(body: string, raw: string, wrapper: string | null): TemplateToken | TemplateError {
  const m = TOKEN_BODY.exec(body);
  if (!m) return { raw, message: `invalid token ${raw}` };
  const [, prefix = '', name = '', format, suffix = ''] = m;
  const sep = /[- ._]+/.exec(name);
  const words = name.split(/[- ._]+/);
  return {
    kind: 'token',
    raw,
    key: words.map((w) => w.toLowerCase()).join(' '),
    separator: sep ? sep[0][0]! : ' ',
    casing: casingOf(name),
    prefix,
    suffix,
    format: format ?? null,
    wrapper,
  };
}

export function parseTemplate(format: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const errors: TemplateError[] = [];
  let text = '';
  const flush = () => {
    if (text) parts.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < format.length) {
    const ch = format[i]!;
    if (ch === '{' && format[i + 1] === '{') {
      text += '{';
      i += 2;
      continue;
    }
    if (ch === '}') {
      if (format[i + 1] === '}') {
        text += '}';
        i += 2;
        continue;
      }
      errors.push({ raw: '}', message: 'unmatched } (write }} for a literal brace)' });
      i += 1;
      continue;
    }
    if (ch === '/' || ch === '\\') {
      flush();
      parts.push({ kind: 'break' });
      i += 1;
      continue;
    }
    if (ch !== '{') {
      text += ch;
      i += 1;
      continue;
    }
    // A token: up to the first brace.
    const next = format.slice(i + 1).search(/[{}]/);
    if (next < 0) {
      errors.push({ raw: format.slice(i), message: `unclosed token ${format.slice(i)}` });
      break;
    }
    const end = i + 1 + next;
    const body = format.slice(i + 1, end);
    if (format[end] === '{') {
      // `{imdb-{ImdbId}}`: a label, one inner token, two closing braces.
      const innerEnd = format.indexOf('}', end);
      if (!WRAPPER_LABEL.test(body) || innerEnd < 0 || format[innerEnd + 1] !== '}') {
        const raw = format.slice(i, innerEnd < 0 ? format.length : innerEnd + 1);
        errors.push({ raw, message: `invalid token ${raw}` });
        i = innerEnd < 0 ? format.length : innerEnd + 1;
        continue;
      }
      const raw = format.slice(i, innerEnd + 2);
      const token = readToken(format.slice(end + 1, innerEnd), raw, body);
      flush();
      if ('kind' in token) parts.push(token);
      else errors.push(token);
      i = innerEnd + 2;
      continue;
    }
    const raw = format.slice(i, end + 1);
    const token = readToken(body, raw, null);
    flush();
    if ('kind' in token) parts.push(token);
    else errors.push(token);
    i = end + 1;
  }
  flush();
  return { parts, errors };
}

/** The tokens of a parsed template, in order. */
export function templateTokens(parsed: ParsedTemplate): TemplateToken[] {
  return parsed.parts.filter((p): p is TemplateToken => p.kind === 'token');
}
