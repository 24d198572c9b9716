import { describe, expect, it } from 'vitest';
import type { ApiModule, FixtureRecord } from './apis/api.types.js';
import { compareKey, evaluateRecord, mergeApiModules } from './compare.core.js';
import { evaluateRecords, resolveContext } from './run.core.js';

const rec = (expect: Record<string, unknown>, extra: Partial<FixtureRecord> = {}): FixtureRecord => ({
  id: 'x',
  kind: 'episode',
  title: 'T',
  expect,
  source: 'Sonarr',
  api: 'A',
  ...extra,
});

const answering = (answer: Record<string, unknown> | null): ApiModule => ({ adapters: { A: () => answer } });

describe('compareKey', () => {
  it('fails a wrong scalar and passes the right one', () => {
    expect(compareKey('seasonNumber', 2, { seasonNumber: 3 })).toBe(false);
    expect(compareKey('seasonNumber', 2, { seasonNumber: 2 })).toBe(true);
    expect(compareKey('seriesTitle', 'A', {})).toBe(false);
  });

  it('compares arrays order-insensitively but with multiplicity and length', () => {
    expect(compareKey('episodeNumbers', [1, 2], { episodeNumbers: [2, 1] })).toBe(true);
    expect(compareKey('episodeNumbers', [1, 2], { episodeNumbers: [1, 2, 3] })).toBe(false);
    expect(compareKey('episodeNumbers', [1, 1], { episodeNumbers: [1, 2] })).toBe(false);
    expect(compareKey('episodeNumbers', [], { episodeNumbers: [] })).toBe(true);
  });

  it('keeps movieTitles ordered', () => {
    expect(compareKey('movieTitles', ['a', 'b'], { movieTitles: ['a', 'b'] })).toBe(true);
    expect(compareKey('movieTitles', ['a', 'b'], { movieTitles: ['b', 'a'] })).toBe(false);
  });

  it('honours caseInsensitive keys only when asked', () => {
    expect(compareKey('releaseGroup', 'abc', { releaseGroup: 'ABC' })).toBe(false);
    expect(compareKey('releaseGroup', 'abc', { releaseGroup: 'ABC' }, { caseInsensitive: true })).toBe(true);
  });

  it('treats null and a missing value alike', () => {
    expect(compareKey('releaseGroup', null, {})).toBe(true);
    expect(compareKey('releaseGroup', null, { releaseGroup: 'X' })).toBe(false);
  });

  it('checks languagesInclude as a subset and languagesFirst as the head', () => {
    const actual = { languages: ['German', 'English'] };
    expect(compareKey('languagesInclude', ['English'], actual)).toBe(true);
    expect(compareKey('languagesInclude', ['French'], actual)).toBe(false);
    expect(compareKey('languagesFirst', 'German', actual)).toBe(true);
    expect(compareKey('languagesFirst', 'English', actual)).toBe(false);
  });

  it('checks qualityNot against the quality', () => {
    expect(compareKey('qualityNot', 'Unknown', { quality: 'SDTV' })).toBe(true);
    expect(compareKey('qualityNot', 'Unknown', { quality: 'Unknown' })).toBe(false);
  });

  it('checks seriesTitleInfo partially, including titleEquals', () => {
    const info = { title: 'Series 2022', titleWithoutYear: 'Series', year: 2022, allTitles: ['Series 2022'] };
    expect(compareKey('seriesTitleInfo', { titleWithoutYear: 'Series', year: 2022 }, { seriesTitleInfo: info })).toBe(
      true,
    );
    expect(compareKey('seriesTitleInfo', { year: 0 }, { seriesTitleInfo: info })).toBe(false);
    expect(compareKey('seriesTitleInfo', { titleEquals: 'titleWithoutYear' }, { seriesTitleInfo: info })).toBe(false);
    const same = { ...info, title: 'Series', year: 0 };
    expect(compareKey('seriesTitleInfo', { titleEquals: 'titleWithoutYear' }, { seriesTitleInfo: same })).toBe(true);
  });

  it('applies normalizers to both sides', () => {
    const normalizers = { seriesNameCleanEquals: (s: string) => s.toLowerCase().replace(/\W/g, '') };
    expect(
      compareKey('seriesNameCleanEquals', 'madseries', { seriesNameCleanEquals: 'Mad Series' }, { normalizers }),
    ).toBe(true);
    expect(
      compareKey('seriesNameCleanEquals', 'madseries', { seriesNameCleanEquals: 'Sad Series' }, { normalizers }),
    ).toBe(false);
  });
});

describe('evaluateRecord', () => {
  it('fails a wrong answer and passes a right one', () => {
    expect(evaluateRecord(rec({ seasonNumber: 1 }), answering({ seasonNumber: 2 })).passed).toBe(false);
    expect(evaluateRecord(rec({ seasonNumber: 1 }), answering({ seasonNumber: 1 })).passed).toBe(true);
  });

  it('requires null for parsed:false and non-null for everything else', () => {
    expect(evaluateRecord(rec({ parsed: false }), answering(null)).passed).toBe(true);
    expect(evaluateRecord(rec({ parsed: false }), answering({})).passed).toBe(false);
    expect(evaluateRecord(rec({ parsed: true }), answering(null)).passed).toBe(false);
    expect(evaluateRecord(rec({ seasonNumber: 1 }), answering(null)).passed).toBe(false);
  });

  it('turns a throwing or missing adapter into a failure', () => {
    const throwing: ApiModule = {
      adapters: {
        A: () => {
          throw new Error('boom');
        },
      },
    };
    const out = evaluateRecord(rec({ parsed: true }), throwing);
    expect(out.passed).toBe(false);
    expect(out.error).toContain('boom');
    expect(evaluateRecord(rec({ parsed: true }, { api: 'Nope' }), throwing).passed).toBe(false);
  });

  it('merges modules without letting a later one replace an adapter', () => {
    const merged = mergeApiModules([answering({ v: 1 }), answering({ v: 2 })]);
    expect(merged.adapters.A?.(rec({}))).toEqual({ v: 1 });
  });
});

describe('needsContext', () => {
  it('dates a template title now + 2 days', () => {
    const r = rec(
      { parsed: false },
      { title: 'Show {year}.{month}.{day}', needsContext: true, context: 'replace ... (local now + 2 days)' },
    );
    const resolved = resolveContext(r, new Date(2024, 1, 28));
    expect(typeof resolved === 'string' ? resolved : resolved.title).toBe('Show 2024.03.01');
  });

  it('counts an unknown context as a failed record, never drops it', () => {
    const r = rec({ parsed: true }, { needsContext: true, context: 'something else' });
    const results = evaluateRecords([r], answering({}));
    expect(results).toHaveLength(1);
    expect(results[0]!.outcome.passed).toBe(false);
  });
});
