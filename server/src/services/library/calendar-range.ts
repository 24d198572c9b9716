// Calendar windows: parsing the `start`/`end` bounds the API takes and turning a window into what the two queries
// need (movie release days are calendar days, episode air times are instants). Pure; all in UTC.

const DAY_MS = 86_400_000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// ISO 8601 date-time with an explicit offset (Z or ±hh:mm); fractions of a second allowed.
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export interface CalendarBound {
  at: Date;
  /** True when the text was a bare day (`YYYY-MM-DD`): as an end bound the whole day is included. */
  dateOnly: boolean;
}

/** A `YYYY-MM-DD` day or an ISO date-time with offset; undefined when it is neither or not a real date. */
export function parseCalendarBound(text: string): CalendarBound | undefined {
  const day = DAY_RE.exec(text);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const at = new Date(Date.UTC(y, m - 1, d));
    // Rejects 2024-02-30 and friends, which Date would roll over.
    if (at.getUTCFullYear() !== y || at.getUTCMonth() !== m - 1 || at.getUTCDate() !== d) return undefined;
    return { at, dateOnly: true };
  }
  if (!INSTANT_RE.test(text)) return undefined;
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) return undefined;
  // The day part must be a real day too (Date accepts 2024-02-30T00:00Z as March 1st).
  if (!parseCalendarBound(text.slice(0, 10))) return undefined;
  return { at, dateOnly: false };
}

/** A half-open window [start, end) of instants. */
export interface CalendarWindow {
  start: Date;
  end: Date;
}

/** `YYYY-MM-DD` of an instant, in UTC. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function startOfUtcDay(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/**
 * The window for `start`/`end` as given (either may be missing): start defaults to today 00:00 UTC, end to start
 * plus `defaultDays`; a bare-day end includes that whole day.
 */
export function calendarWindow(
  now: Date,
  start: CalendarBound | undefined,
  end: CalendarBound | undefined,
  defaultDays = 7,
): CalendarWindow {
  const from = start?.at ?? startOfUtcDay(now);
  const to = end ? (end.dateOnly ? addDays(end.at, 1) : end.at) : addDays(from, defaultDays);
  return { start: from, end: to };
}

/** The feed's window: `pastDays` before today through the whole of the `futureDays`-th day after it. */
export function feedWindow(now: Date, pastDays: number, futureDays: number): CalendarWindow {
  const today = startOfUtcDay(now);
  return { start: addDays(today, -pastDays), end: addDays(today, futureDays + 1) };
}

/** The calendar days a window touches, inclusive, for day-valued release dates. */
export function windowDays(w: CalendarWindow): { startDay: string; endDay: string } {
  return { startDay: utcDay(w.start), endDay: utcDay(new Date(w.end.getTime() - 1)) };
}
