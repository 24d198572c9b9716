// Lenient readers for the values indexers send: RFC 822 dates with numeric offsets, `UTC`, no zone or a wrong
// weekday; sizes as bytes or as "1.37 GB" / "609.6 MiB" / "341 m" text; numbers that may be empty or "(removed)".

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

const RFC822 =
  /^(?:[A-Za-z]{2,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{2}:?\d{2}|[A-Za-z]{1,4})?$/;

/** Parses a feed date; the weekday is ignored (some indexers get it wrong), a missing zone means UTC. */
export function parseFeedDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const s = value.trim();
  const m = RFC822.exec(s);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    if (month === undefined) return undefined;
    let year = Number(m[3]);
    if (year < 100) year += year < 70 ? 2000 : 1900;
    const zone = m[7];
    let offsetMin = 0;
    if (zone) {
      const num = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
      if (num) offsetMin = (num[1] === '-' ? -1 : 1) * (Number(num[2]) * 60 + Number(num[3]));
      else offsetMin = ZONES[zone.toUpperCase()] ?? 0;
    }
    const utc = Date.UTC(year, month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)) - offsetMin * 60_000;
    const d = new Date(utc);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  // ISO 8601 and anything else Date understands; a bare date-time without zone is taken as UTC.
  const iso = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s) ? `${s.replace(' ', 'T')}Z` : s;
  const d = new Date(iso.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const UNITS: Record<string, number> = {
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
  t: 1024 ** 4,
  tb: 1024 ** 4,
  tib: 1024 ** 4,
};

/** A byte count: a plain non-negative integer, or a number with a unit. */
export function parseSize(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const s = value.trim();
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^(\d+(?:[.,]\d+)?)\s*([kmgt]i?b?|b)$/i.exec(s);
  if (!m) return undefined;
  return Math.round(Number(m[1]!.replace(',', '.')) * UNITS[m[2]!.toLowerCase()]!);
}

/** "Size: 1.37 GB" inside a description, as IPTorrents and TorrentDay send it. */
export function sizeFromDescription(description: string | undefined): number | undefined {
  if (!description) return undefined;
  const m = /\bsize:?\s*(\d+(?:[.,]\d+)?\s*(?:[kmgt]i?b|[kmgt])\b)/i.exec(description);
  return m ? parseSize(m[1]) : undefined;
}

/** A non-negative integer, else undefined. */
export function parseCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const s = value.trim();
  if (!/^-?\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n >= 0 && Number.isSafeInteger(n) ? n : undefined;
}

export function parseDecimal(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const s = value.trim();
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  return Number(s);
}

/** IMDb ids in any form ("1104001", "tt1104001", "0133093") → "tt" + at least 7 digits. */
export function normaliseImdbId(value: string | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = /^(?:tt)?(\d+)$/i.exec(String(value).trim());
  if (!m || Number(m[1]) === 0) return undefined;
  return `tt${m[1]!.padStart(7, '0')}`;
}

/** A positive id, else undefined (indexers send 0 for "unknown"). */
export function parseId(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'number' ? value : parseCount(value);
  return n !== undefined && n > 0 ? n : undefined;
}

/** The info hash from a magnet URI (hex, or base32 as some feeds send). */
export function infoHashFromMagnet(magnet: string | undefined): string | undefined {
  if (!magnet) return undefined;
  const m = /xt=urn:btih:([a-z0-9]+)/i.exec(magnet);
  if (!m) return undefined;
  const hash = m[1]!;
  if (/^[0-9a-f]{40}$/i.test(hash)) return hash.toUpperCase();
  if (/^[a-z2-7]{32}$/i.test(hash)) return base32ToHex(hash.toUpperCase());
  return undefined;
}

function base32ToHex(s: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of s) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  let hex = '';
  for (let i = 0; i + 4 <= bits.length; i += 4) hex += Number.parseInt(bits.slice(i, i + 4), 2).toString(16);
  return hex.toUpperCase();
}
