import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, formatDay, formatUtc, renderICalendar } from './ical.js';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('escapeText', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', 'a\\,b'],
    ['a;b', 'a\\;b'],
    ['back\\slash', 'back\\\\slash'],
    ['line1\nline2', 'line1\\nline2'],
    ['line1\r\nline2', 'line1\\nline2'],
    ['cr\ronly', 'cr\\nonly'],
    ['\\,;', '\\\\\\,\\;'],
  ])('%j → %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });
});

describe('foldLine', () => {
  it('leaves a 75-octet line alone', () => {
    const line = 'x'.repeat(75);
    expect(foldLine(line)).toBe(line);
  });

  it('folds a long ASCII line into 75-octet physical lines that unfold to the original', () => {
    const line = `SUMMARY:${'abcdefghij'.repeat(20)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBe(3);
    for (const p of physical) expect(octets(p)).toBeLessThanOrEqual(75);
    expect(octets(physical[0]!)).toBe(75);
    for (const p of physical.slice(1)) expect(p.startsWith(' ')).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('counts octets, not characters, and never splits a multi-byte character', () => {
    const line = `SUMMARY:${'é'.repeat(50)}${'日本'.repeat(20)}😀😀😀`;
    const folded = foldLine(line);
    for (const p of folded.split('\r\n')) {
      expect(octets(p)).toBeLessThanOrEqual(75);
      expect(p).not.toContain('\uFFFD');
      // Each physical line is valid UTF-8 on its own (no lone surrogates, no cut sequences).
      expect(Buffer.from(p, 'utf8').toString('utf8')).toBe(p);
      expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(p)).toBe(false);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
});

describe('formatting', () => {
  it('writes instants in UTC and days without dashes', () => {
    expect(formatUtc(new Date('2024-03-05T21:04:09.500+02:00'))).toBe('20240305T190409Z');
    expect(formatDay('2024-12-31')).toBe('20241231');
    expect(() => formatDay('2024-1-1')).toThrow();
  });
});

describe('renderICalendar', () => {
  const text = renderICalendar({
    prodId: '-//idkarr//idkarr 1.0//EN',
    name: 'idkarr',
    stamp: new Date('2024-01-01T00:00:00Z'),
    events: [
      {
        uid: 'idkarr-episode-1@idkarr',
        summary: 'Show, The - S01E02 - Pilot; Part 1',
        start: { kind: 'instant', at: new Date('2024-01-05T02:00:00Z') },
        end: { kind: 'instant', at: new Date('2024-01-05T02:45:00Z') },
        description: `First line\nSecond line ${'long '.repeat(30)}`,
        categories: ['Episode'],
        status: 'CONFIRMED',
      },
      {
        uid: 'idkarr-movie-7-inCinemas@idkarr',
        summary: 'Movie (2024) - In Cinemas',
        start: { kind: 'day', day: '2024-01-10' },
        end: { kind: 'day', day: '2024-01-11' },
      },
    ],
  });

  it('uses CRLF everywhere and ends with CRLF', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('holds the calendar and event properties, escaped and folded', () => {
    const unfolded = text.replace(/\r\n /g, '');
    const lines = unfolded.split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//idkarr//idkarr 1.0//EN']);
    expect(lines).toContain('SUMMARY:Show\\, The - S01E02 - Pilot\\; Part 1');
    expect(lines).toContain('DTSTART:20240105T020000Z');
    expect(lines).toContain('DTEND:20240105T024500Z');
    expect(lines).toContain('DTSTAMP:20240101T000000Z');
    expect(lines).toContain('DTSTART;VALUE=DATE:20240110');
    expect(lines).toContain('DTEND;VALUE=DATE:20240111');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines.find((l) => l.startsWith('DESCRIPTION:'))).toMatch(/^DESCRIPTION:First line\\nSecond line long/);
    for (const physical of text.split('\r\n')) expect(octets(physical)).toBeLessThanOrEqual(75);
  });
});
