// Custom formats: every condition type as table rows, negate/required semantics, scoring, and TRaSH JSON
// import/export round-trip on a realistic file (fixtures/trash-formats.json; both field shapes).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTrashFormat, toTrashFormat } from './custom-format.codec.js';
import {
  compileFormat,
  compileFormats,
  conditionTest,
  customFormatScore,
  formatMatches,
  matchCustomFormats,
} from './custom-format.matcher.js';
import type {
  ConditionImplementation,
  CustomFormat,
  CustomFormatCondition,
  CustomFormatSubject,
} from './custom-format.types.js';

const GB = 1024 ** 3;
const subject = (over: Partial<CustomFormatSubject> = {}): CustomFormatSubject => ({
  title: 'Movie.1999.Extended.1080p.BluRay.REMUX.AVC.DTS-HD.MA.5.1-FraMeSToR',
  releaseGroup: 'FraMeSToR',
  source: 'bluray',
  resolution: 1080,
  modifier: 'remux',
  languages: ['English'],
  indexerFlags: new Set(),
  size: 30 * GB,
  edition: 'Extended',
  year: 1999,
  ...over,
});

const cond = (
  implementation: ConditionImplementation,
  fields: CustomFormatCondition['fields'],
  over: Partial<CustomFormatCondition> = {},
): CustomFormatCondition => ({ name: implementation, implementation, negate: false, required: false, fields, ...over });

describe('conditions', () => {
  it.each<[ConditionImplementation, CustomFormatCondition['fields'], Partial<CustomFormatSubject>, boolean]>([
    ['ReleaseTitleSpecification', { value: '\\bremux\\b' }, {}, true],
    ['ReleaseTitleSpecification', { value: '(?i)X265|HEVC' }, {}, false],
    [
      'ReleaseTitleSpecification',
      { value: '(?i)X265|HEVC' },
      { title: 'Movie.2020.1080p.WEB.h265-GRP'.replace('h265', 'x265') },
      true,
    ],
    ['ReleaseGroupSpecification', { value: '^(framestor|pmp)$' }, {}, true],
    ['ReleaseGroupSpecification', { value: '^(framestor|pmp)$' }, { releaseGroup: null }, false],
    ['SourceSpecification', { value: 9 }, {}, true],
    ['SourceSpecification', { value: 'BLURAY' }, {}, true],
    ['SourceSpecification', { value: 7 }, {}, false],
    ['SourceSpecification', { value: 'webdl' }, { source: 'web' }, true],
    ['SourceSpecification', { value: 6 }, { source: 'television' }, true],
    ['ResolutionSpecification', { value: 1080 }, {}, true],
    ['ResolutionSpecification', { value: '2160' }, {}, false],
    ['QualityModifierSpecification', { value: 5 }, {}, true],
    ['QualityModifierSpecification', { value: 'brdisk' }, {}, false],
    ['LanguageSpecification', { value: 1 }, {}, true],
    ['LanguageSpecification', { value: 'French' }, {}, false],
    ['LanguageSpecification', { value: 2, exceptLanguage: true }, {}, true],
    ['LanguageSpecification', { value: 1, exceptLanguage: true }, {}, false],
    ['LanguageSpecification', { value: -2 }, { originalLanguage: 'English' }, true],
    ['LanguageSpecification', { value: -2 }, {}, false],
    ['LanguageSpecification', { value: -1 }, {}, true],
    ['IndexerFlagSpecification', { value: 1 }, { indexerFlags: new Set(['freeleech']) }, true],
    ['IndexerFlagSpecification', { value: 'G_Internal' }, { indexerFlags: new Set(['internal']) }, true],
    ['IndexerFlagSpecification', { value: 1 }, {}, false],
    ['SizeSpecification', { min: 20, max: 40 }, {}, true],
    ['SizeSpecification', { min: 30, max: 40 }, {}, false],
    ['SizeSpecification', { min: 1, max: 30 }, {}, true],
    ['SizeSpecification', { min: 0, max: 0 }, { size: 0 }, false],
    ['EditionSpecification', { value: 'extended|uncut' }, {}, true],
    ['EditionSpecification', { value: 'imax' }, {}, false],
    ['EditionSpecification', { value: '.*' }, { edition: '' }, false],
    ['YearSpecification', { min: 1990, max: 1999 }, {}, true],
    ['YearSpecification', { min: 2000, max: 2010 }, {}, false],
    ['YearSpecification', { min: 1990, max: 1999 }, { year: 0 }, false],
  ])('%s %j on %j → %s', (implementation, fields, over, expected) => {
    expect(conditionTest(cond(implementation, fields))(subject(over))).toBe(expected);
  });

  it('refuses a regex JavaScript cannot read', () => {
    expect(() => conditionTest(cond('ReleaseTitleSpecification', { value: '(?<=a' }))).toThrow(SyntaxError);
  });
});

describe('format matching: negate and required', () => {
  const format = (specifications: CustomFormatCondition[]): CustomFormat => ({
    id: 1,
    name: 'f',
    includeCustomFormatWhenRenaming: false,
    specifications,
  });
  const title = (value: string, over: Partial<CustomFormatCondition> = {}) =>
    cond('ReleaseTitleSpecification', { value }, over);
  const res = (value: number, over: Partial<CustomFormatCondition> = {}) =>
    cond('ResolutionSpecification', { value }, over);

  it.each<[string, CustomFormatCondition[], boolean]>([
    ['no conditions never match', [], false],
    ['one of several optional conditions', [title('nope'), title('remux')], true],
    ['none of the optional conditions', [title('nope'), title('nada')], false],
    ['negated miss matches', [title('x265', { negate: true })], true],
    ['negated hit fails', [title('remux', { negate: true })], false],
    ['required miss fails the group', [title('remux'), title('nope', { required: true })], false],
    ['all required hit', [title('remux', { required: true }), title('framestor', { required: true })], true],
    ['each type needs a match: title hits, resolution misses', [title('remux'), res(2160)], false],
    ['each type needs a match: both hit', [title('remux'), res(2160), res(1080)], true],
    [
      'required negated resolution (not 2160p) with optional titles',
      [res(2160, { negate: true, required: true }), title('nope'), title('remux')],
      true,
    ],
    [
      'required negated resolution fails on 2160p',
      [res(1080, { negate: true, required: true }), title('remux')],
      false,
    ],
  ])('%s', (_what, conditions, expected) => {
    expect(formatMatches(compileFormat(format(conditions)), subject())).toBe(expected);
  });
});

const FIXTURE = JSON.parse(
  readFileSync(new URL('./fixtures/trash-formats.json', import.meta.url), 'utf8'),
) as unknown[];

function importAll(): CustomFormat[] {
  return FIXTURE.map((json, i) => {
    const r = readTrashFormat(json);
    if (!r.ok) throw new Error(JSON.stringify(r.findings));
    return { id: i + 1, ...r.format };
  });
}

describe('TRaSH JSON', () => {
  it('imports both field shapes to the same conditions', () => {
    const formats = importAll();
    expect(formats.map((f) => f.name)).toEqual([
      'Remux Tier 01',
      'x265 (HD)',
      'BR-DISK',
      'Freeleech WEB',
      'French Audio',
      'Big Old Extended',
    ]);
    expect(formats[1]!.specifications[1]).toEqual({
      name: 'Not 2160p',
      implementation: 'ResolutionSpecification',
      negate: true,
      required: true,
      fields: { value: 2160 },
    });
    expect(formats[4]!.specifications[0]!.fields).toEqual({ value: 2, exceptLanguage: false });
  });

  it('round-trips: export → import gives the same formats, export is stable', () => {
    const formats = importAll();
    const exported = formats.map(toTrashFormat);
    const again = exported.map((json, i) => {
      const r = readTrashFormat(JSON.parse(JSON.stringify(json)));
      if (!r.ok) throw new Error('re-import failed');
      return { id: i + 1, ...r.format };
    });
    expect(again).toEqual(formats);
    expect(again.map(toTrashFormat)).toEqual(exported);
    expect(exported[0]).not.toHaveProperty('trash_id');
  });

  it('scores a remux, an x265 web release and a freeleech web release per profile', () => {
    const compiled = compileFormats(importAll());
    const items = [
      { format: 1, score: 1800 },
      { format: 2, score: -10000 },
      { format: 3, score: -10000 },
      { format: 4, score: 5 },
      { format: 5, score: 50 },
      { format: 6, score: 7 },
    ];
    const remux = matchCustomFormats(compiled, subject());
    expect(remux.map((f) => f.name)).toEqual(['Remux Tier 01', 'Big Old Extended']);
    expect(customFormatScore(items, remux)).toBe(1807);
    const web = subject({
      title: 'Movie.2020.1080p.WEB-DL.DDP5.1.x265-GRP',
      releaseGroup: 'GRP',
      source: 'web',
      modifier: 'none',
      languages: ['French', 'English'],
      indexerFlags: new Set(['freeleech']),
      edition: '',
      year: 2020,
      size: 3 * GB,
    });
    expect(matchCustomFormats(compiled, web).map((f) => f.name)).toEqual([
      'x265 (HD)',
      'Freeleech WEB',
      'French Audio',
    ]);
    expect(customFormatScore(items, matchCustomFormats(compiled, web))).toBe(-10000 + 5 + 50);
    const disk = subject({
      title: 'Movie.1999.COMPLETE.BLURAY-GRP',
      modifier: 'brdisk',
      releaseGroup: 'GRP',
      edition: '',
    });
    expect(matchCustomFormats(compiled, disk).map((f) => f.name)).toEqual(['BR-DISK']);
  });

  it('refuses bad input with the field path', () => {
    const bad = readTrashFormat({
      name: 'Bad',
      specifications: [
        { name: 'ok', implementation: 'ReleaseTitleSpecification', fields: { value: 'x' } },
        { name: 'broken', implementation: 'ReleaseTitleSpecification', fields: { value: '([a-z' } },
      ],
    });
    expect(bad).toMatchObject({ ok: false, findings: [{ field: 'specifications.1.fields.value' }] });
    const unknown = readTrashFormat({ name: 'X', specifications: [{ name: 'y', implementation: 'Nope', fields: {} }] });
    expect(unknown.ok).toBe(false);
    const empty = readTrashFormat({
      name: 'X',
      specifications: [{ name: 'y', implementation: 'SourceSpecification', fields: [] }],
    });
    expect(empty).toMatchObject({ ok: false, findings: [{ message: expect.stringMatching(/needs a value/) }] });
    expect(readTrashFormat({ specifications: [] }).ok).toBe(false);
  });
});
