// Air-date markers of daily shows. A date that is ambiguous (12.02.2025), before regular TV (< 1951)
// or in the future is reported as `invalid`: the release is then rejected rather than misread.
import type { Marker } from './episode-info.types.js';

export type DailyFind = { marker: Marker; invalid: false } | { marker: Marker; invalid: true };

const YMD_RE = /(?<!\d)((?:19|20)\d\d)([-._ ])(\d{1,2})\2(\d{1,2})(?!\d)/g;
const DMY_RE = /(?<![\d.])(\d{1,2})([-._ ])(\d{1,2})\2((?:19|20)\d\d)(?!\d)/g;
const COMPACT_RE = /(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)/g;
const NAMED_RE =
  /(?<![\da-z])(\d{1,2})(?:st|nd|rd|th)?[ ._-](jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}[ ._-]((?:19|20)\d\d)(?!\d)/gi;
const SHORT_RE = /(?<=[._ -])(\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[._ -]|$)/g;
const HAS_YEAR_RE = /(?:19|20)\d\d/;
const PART_RE = /[ ._-]Part[ ._]?(\d{1,2})(?!\d)/iy;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const EARLIEST_YEAR = 1951;

function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function build(s: string, start: number, end: number, iso: string | null, now: Date): DailyFind | null {
  if (!iso) return null;
  const marker: Marker = { kind: 'daily', start, end, airDate: iso };
  PART_RE.lastIndex = end;
  const p = PART_RE.exec(s);
  if (p) {
    marker.dailyPart = Number(p[1]);
    marker.end = PART_RE.lastIndex;
  }
  const year = Number(iso.slice(0, 4));
  const tomorrow = new Date(now.getTime() + 24 * 3600 * 1000);
  const limit = isoDate(tomorrow.getFullYear(), tomorrow.getMonth() + 1, tomorrow.getDate()) ?? '9999';
  return { marker, invalid: year < EARLIEST_YEAR || iso > limit };
}

function first(re: RegExp, s: string, read: (m: RegExpExecArray) => string | null | 'ambiguous', now: Date) {
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const iso = read(m);
    if (iso === 'ambiguous')
      return { marker: { kind: 'daily', start: m.index, end: re.lastIndex }, invalid: true } as DailyFind;
    const found = build(s, m.index, re.lastIndex, iso, now);
    if (found) return found;
  }
  return null;
}

/** The leftmost full air date (with a 4-digit year) in `s`. */
export function findDailyMarker(s: string, now: Date): DailyFind | null {
  // Every full date has a 19xx/20xx year; most titles have none, and then four regex scans are skipped.
  if (!HAS_YEAR_RE.test(s)) return null;
  const finds = [
    first(
      YMD_RE,
      s,
      (m) => {
        const y = Number(m[1]);
        const a = Number(m[3]);
        const b = Number(m[4]);
        return a > 12 ? isoDate(y, b, a) : isoDate(y, a, b);
      },
      now,
    ),
    first(
      DMY_RE,
      s,
      (m) => {
        const a = Number(m[1]);
        const b = Number(m[3]);
        const y = Number(m[4]);
        if (a > 12) return isoDate(y, b, a);
        if (b > 12) return isoDate(y, a, b);
        return 'ambiguous';
      },
      now,
    ),
    first(COMPACT_RE, s, (m) => isoDate(Number(m[1]), Number(m[2]), Number(m[3])), now),
    first(NAMED_RE, s, (m) => isoDate(Number(m[3]), MONTHS.indexOf(m[2]!.toLowerCase()) + 1, Number(m[1])), now),
  ];
  let best: DailyFind | null = null;
  for (const f of finds) if (f && (!best || f.marker.start < best.marker.start)) best = f;
  return best;
}

/** `Show.140722.720p`: a YYMMDD date after the title; only tried when nothing more explicit matched. */
export function findShortDailyMarker(s: string, now: Date): DailyFind | null {
  return first(SHORT_RE, s, (m) => isoDate(2000 + Number(m[1]), Number(m[2]), Number(m[3])), now);
}
