import { describe, expect, it } from 'vitest';
import { calendarWindow, feedWindow, parseCalendarBound, windowDays } from './calendar-range.js';

describe('parseCalendarBound', () => {
  it.each([
    ['2024-01-05', '2024-01-05T00:00:00.000Z', true],
    ['2024-02-29', '2024-02-29T00:00:00.000Z', true],
    ['2024-01-05T10:00:00Z', '2024-01-05T10:00:00.000Z', false],
    ['2024-01-05T10:00Z', '2024-01-05T10:00:00.000Z', false],
    ['2024-01-05T10:00:00.123+02:00', '2024-01-05T08:00:00.123Z', false],
  ])('%s → %s', (text, iso, dateOnly) => {
    const b = parseCalendarBound(text);
    expect(b?.at.toISOString()).toBe(iso);
    expect(b?.dateOnly).toBe(dateOnly);
  });

  it.each([
    '',
    'tomorrow',
    '2024-13-01',
    '2023-02-29',
    '2024-02-30',
    '2024-1-5',
    '2024-01-05T10:00:00',
    '2024-02-30T00:00Z',
    '2024-01-05T25:00Z',
  ])('rejects %j', (text) => {
    expect(parseCalendarBound(text)).toBeUndefined();
  });
});

describe('windows', () => {
  const now = new Date('2024-06-15T13:45:00Z');

  it('defaults to today 00:00 UTC for 7 days', () => {
    const w = calendarWindow(now, undefined, undefined);
    expect([w.start.toISOString(), w.end.toISOString()]).toEqual([
      '2024-06-15T00:00:00.000Z',
      '2024-06-22T00:00:00.000Z',
    ]);
    expect(windowDays(w)).toEqual({ startDay: '2024-06-15', endDay: '2024-06-21' });
  });

  it('includes the whole of a bare-day end, and an instant end exactly', () => {
    const s = parseCalendarBound('2024-06-01');
    const day = calendarWindow(now, s, parseCalendarBound('2024-06-30'));
    expect(day.end.toISOString()).toBe('2024-07-01T00:00:00.000Z');
    expect(windowDays(day)).toEqual({ startDay: '2024-06-01', endDay: '2024-06-30' });
    const instant = calendarWindow(now, s, parseCalendarBound('2024-06-30T12:00:00Z'));
    expect(instant.end.toISOString()).toBe('2024-06-30T12:00:00.000Z');
    expect(windowDays(instant).endDay).toBe('2024-06-30');
  });

  it('feed window spans pastDays before today to the end of the futureDays-th day', () => {
    const w = feedWindow(now, 7, 28);
    expect(w.start.toISOString()).toBe('2024-06-08T00:00:00.000Z');
    expect(w.end.toISOString()).toBe('2024-07-14T00:00:00.000Z');
    expect(windowDays(feedWindow(now, 0, 0))).toEqual({ startDay: '2024-06-15', endDay: '2024-06-15' });
  });
});
