// RFC 5545 iCalendar writer for the calendar feed: CRLF line endings, lines folded at 75 octets (never inside a
// UTF-8 sequence), TEXT values escaped (`\\`, `;`, `,`, newlines), UTC date-times and all-day VALUE=DATE events.
// Pure: the feed service decides what goes in, this only spells it.

export type ICalTime =
  /** A date-time, written in UTC (`YYYYMMDDTHHMMSSZ`). */
  | { kind: 'instant'; at: Date }
  /** An all-day value (`VALUE=DATE:YYYYMMDD`), from a calendar day `YYYY-MM-DD`. */
  | { kind: 'day'; day: string };

export interface ICalEvent {
  /** Globally unique and stable for the same item across fetches (clients update events by UID). */
  uid: string;
  summary: string;
  start: ICalTime;
  /** Exclusive end; omitted = the event ends when it starts (RFC 5545 §3.6.1). */
  end?: ICalTime;
  description?: string | null;
  location?: string | null;
  categories?: readonly string[];
  status?: 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';
}

export interface ICalCalendar {
  /** PRODID, e.g. `-//idkarr//idkarr 0.1.0//EN`. */
  prodId: string;
  /** X-WR-CALNAME: the name most clients show for a subscribed calendar. */
  name: string;
  /** DTSTAMP of every event: when this feed was generated. */
  stamp: Date;
  events: readonly ICalEvent[];
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds one content line (RFC 5545 §3.1): no physical line longer than 75 octets, continuation lines start with a
 * single space (which counts toward their 75), and a multi-octet character is never split.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0) ?? 0);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYYMMDDTHHMMSSZ` */
export function formatUtc(at: Date): string {
  return (
    `${pad(at.getUTCFullYear(), 4)}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}` +
    `T${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}Z`
  );
}

/** `YYYY-MM-DD` → `YYYYMMDD`. */
export function formatDay(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a calendar day: ${day}`);
  return day.replace(/-/g, '');
}

function timeProperty(name: 'DTSTART' | 'DTEND', t: ICalTime): string {
  return t.kind === 'instant' ? `${name}:${formatUtc(t.at)}` : `${name};VALUE=DATE:${formatDay(t.day)}`;
}

function eventLines(e: ICalEvent, stamp: string): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${escapeText(e.uid)}`, `DTSTAMP:${stamp}`, timeProperty('DTSTART', e.start)];
  if (e.end) lines.push(timeProperty('DTEND', e.end));
  lines.push(`SUMMARY:${escapeText(e.summary)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
  if (e.status) lines.push(`STATUS:${e.status}`);
  lines.push('END:VEVENT');
  return lines;
}

/** The whole VCALENDAR object, every line folded and CRLF-terminated. */
export function renderICalendar(cal: ICalCalendar): string {
  const stamp = formatUtc(cal.stamp);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${cal.prodId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(cal.name)}`,
  ];
  for (const e of cal.events) lines.push(...eventLines(e, stamp));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
