// Makes names safe on every filesystem idkarr may write to (ext4, NTFS/SMB, APFS): illegal characters replaced the
// way Sonarr/Radarr users expect, colons by the configured mode, no leading/trailing dots or spaces, Windows
// reserved device names guarded, and each path component kept within 255 bytes of UTF-8.
import type { ColonReplacement } from './naming.types.js';

export interface SanitizeOptions {
  replaceIllegalCharacters: boolean;
  colonReplacementFormat: ColonReplacement;
}

/** Bytes a path component may take on ext4/NTFS/APFS. */
export const MAX_COMPONENT_BYTES = 255;

const REPLACEMENTS: Record<string, string> = {
  '\\': '+',
  '/': '+',
  '<': '',
  '>': '',
  '?': '!',
  '*': '-',
  '|': '',
  '"': '',
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed
const CONTROL = /[\u0000-\u001f\u007f]/g;
const ILLEGAL = /[\\/<>?*|"]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?=\.|$)/i;

function replaceColons(value: string, mode: ColonReplacement): string {
  switch (mode) {
    case 'delete':
      return value.replace(/:/g, '');
    case 'dash':
      return value.replace(/:/g, '-');
    case 'spaceDash':
      return value.replace(/:/g, ' -');
    case 'spaceDashSpace':
      return value.replace(/:/g, ' - ');
    case 'smart':
      // "Series: Title" → "Series - Title", "12:30" → "12-30", a trailing colon goes.
      return value
        .replace(/\s*:+\s*$/, '')
        .replace(/\s*:\s+/g, ' - ')
        .replace(/:/g, '-');
  }
}

/** One token's value made safe for a file or folder name (no path separators survive). */
export function sanitizeValue(value: string, opts: SanitizeOptions): string {
  let out = value.replace(CONTROL, '');
  if (opts.replaceIllegalCharacters) {
    out = replaceColons(out, opts.colonReplacementFormat).replace(ILLEGAL, (c) => REPLACEMENTS[c] ?? '');
  } else {
    out = out.replace(/[:\\/<>?*|"]/g, '');
  }
  return out.replace(/\s{2,}/g, ' ').trim();
}

/** UTF-8 length of one code point. */
function codePointBytes(cp: number): number {
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  if (cp < 0x10000) return 3;
  return 4;
}

export function utf8Length(value: string): number {
  let n = 0;
  for (const ch of value) n += codePointBytes(ch.codePointAt(0)!);
  return n;
}

/** The longest prefix of `value` that fits in `maxBytes` of UTF-8, never splitting a character. */
export function truncateToBytes(value: string, maxBytes: number): string {
  let n = 0;
  let out = '';
  for (const ch of value) {
    const b = codePointBytes(ch.codePointAt(0)!);
    if (n + b > maxBytes) break;
    n += b;
    out += ch;
  }
  return out;
}

/** Leading/trailing dots and spaces removed (Windows drops trailing ones; leading dots hide files on Unix). */
export function trimComponent(name: string): string {
  return name.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
}

/** `CON`, `nul.txt`, `COM1` cannot be created on Windows: add `_` after the device name. */
export function guardReservedName(name: string): string {
  return name.replace(RESERVED, '$1_');
}

/**
 * A whole path component (folder name, or file base name before `extension`): trimmed, reserved names guarded,
 * cut to fit 255 bytes together with the extension. Never empty: a name with nothing left becomes `_`.
 */
export function finishComponent(name: string, extension = ''): string {
  let base = trimComponent(name);
  const budget = MAX_COMPONENT_BYTES - utf8Length(extension);
  if (utf8Length(base) > budget) base = trimComponent(truncateToBytes(base, budget));
  if (!base) base = '_';
  base = guardReservedName(base);
  return base + extension;
}
