// Splits a release name into lowercase alphanumeric tokens once, so every rule afterwards is a cheap
// string comparison or Map lookup instead of another regex pass over the whole title.

export interface Token {
  /** Lowercase ASCII letters/digits only. */
  text: string;
  /** Offsets into the original string (for case-sensitive or bracket checks). */
  start: number;
  end: number;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
}

/** Tokens are maximal runs of [a-z0-9] in the lowercased input; everything else separates. */
export function tokenize(input: string): Token[] {
  const lower = input.toLowerCase();
  const out: Token[] = [];
  let start = -1;
  const n = lower.length;
  for (let i = 0; i <= n; i++) {
    const alnum = i < n && isAlnum(lower.charCodeAt(i));
    if (alnum) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push({ text: lower.slice(start, i), start, end: i });
      start = -1;
    }
  }
  return out;
}

/** True when the token is the whole content of a `[...]` or `(...)` group. */
export function isBracketed(input: string, t: Token): boolean {
  const before = input.charCodeAt(t.start - 1);
  const after = input.charCodeAt(t.end);
  return (before === 91 && after === 93) || (before === 40 && after === 41);
}
