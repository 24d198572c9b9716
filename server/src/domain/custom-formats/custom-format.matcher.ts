// Which custom formats a release has, and what they are worth in a profile.
// A condition matches when its test passes, inverted by `negate`. A format matches when, for every implementation
// type it uses, all `required` conditions of that type match and at least one condition of that type matches.
// Compile once per evaluation (regexes are built here), then match many releases without allocating per condition.
import type { ProfileFormatItem } from '../library/quality-profile.types.js';
import type {
  ConditionImplementation,
  CustomFormat,
  CustomFormatCondition,
  CustomFormatSubject,
} from './custom-format.types.js';
import {
  indexerFlagValue,
  languageValue,
  modifierValue,
  resolutionValue,
  sourceValue,
} from './custom-format.values.js';

const GB = 1024 ** 3;

type Test = (s: CustomFormatSubject) => boolean;

interface CompiledCondition {
  negate: boolean;
  required: boolean;
  test: Test;
}

export interface CompiledFormat {
  format: CustomFormat;
  /** Conditions grouped by implementation type. */
  groups: CompiledCondition[][];
}

/**
 * A .NET regex as the guides write it, for JavaScript: a leading `(?i)` is dropped (matching is always
 * case-insensitive, as in Sonarr/Radarr). Throws SyntaxError for what JavaScript cannot express.
 */
export function compilePattern(pattern: string): RegExp {
  const body = pattern.replace(/^\(\?i\)/, '');
  return new RegExp(body, 'i');
}

function num(fields: CustomFormatCondition['fields'], name: string): number {
  const v = fields[name];
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : 0;
}

const never: Test = () => false;

/** The test a condition runs; throws SyntaxError for an invalid regex. */
export function conditionTest(c: Pick<CustomFormatCondition, 'implementation' | 'fields'>): Test {
  const value = c.fields.value;
  switch (c.implementation as ConditionImplementation) {
    case 'ReleaseTitleSpecification': {
      const re = compilePattern(String(value ?? ''));
      return (s) => re.test(s.title);
    }
    case 'ReleaseGroupSpecification': {
      const re = compilePattern(String(value ?? ''));
      return (s) => s.releaseGroup !== null && re.test(s.releaseGroup);
    }
    case 'EditionSpecification': {
      const re = compilePattern(String(value ?? ''));
      return (s) => s.edition !== '' && re.test(s.edition);
    }
    case 'SourceSpecification': {
      const want = sourceValue(value);
      return want === undefined ? never : (s) => s.source === want;
    }
    case 'ResolutionSpecification': {
      const want = resolutionValue(value);
      return want === undefined ? never : (s) => s.resolution === want;
    }
    case 'QualityModifierSpecification': {
      const want = modifierValue(value);
      return want === undefined ? never : (s) => s.modifier === want;
    }
    case 'LanguageSpecification': {
      const want = languageValue(value);
      if (want === undefined) return never;
      const except = c.fields.exceptLanguage === true || c.fields.exceptLanguage === 'true';
      if (want === 'Any') return (s) => s.languages.length > 0;
      if (want === 'Original') {
        return (s) =>
          s.originalLanguage !== undefined &&
          (except ? s.languages.some((l) => l !== s.originalLanguage) : s.languages.includes(s.originalLanguage));
      }
      return except ? (s) => s.languages.some((l) => l !== want) : (s) => s.languages.includes(want);
    }
    case 'IndexerFlagSpecification': {
      const want = indexerFlagValue(value);
      return want === undefined ? never : (s) => s.indexerFlags.has(want);
    }
    case 'SizeSpecification': {
      const min = num(c.fields, 'min') * GB;
      const max = num(c.fields, 'max') * GB;
      return (s) => s.size > 0 && s.size > min && (max <= 0 || s.size <= max);
    }
    case 'YearSpecification': {
      const min = num(c.fields, 'min');
      const max = num(c.fields, 'max');
      return (s) => s.year > 0 && s.year >= min && (max <= 0 || s.year <= max);
    }
    default:
      return never;
  }
}

export function compileFormat(format: CustomFormat): CompiledFormat {
  const byType = new Map<string, CompiledCondition[]>();
  for (const c of format.specifications) {
    const list = byType.get(c.implementation) ?? [];
    list.push({ negate: c.negate, required: c.required, test: conditionTest(c) });
    byType.set(c.implementation, list);
  }
  return { format, groups: [...byType.values()] };
}

/** Compiles every format; a format whose regex no longer compiles is left out rather than failing the run. */
export function compileFormats(formats: readonly CustomFormat[]): CompiledFormat[] {
  const out: CompiledFormat[] = [];
  for (const f of formats) {
    try {
      out.push(compileFormat(f));
    } catch {
      // Stored formats are validated on save; a broken one simply never matches.
    }
  }
  return out;
}

export function formatMatches(compiled: CompiledFormat, subject: CustomFormatSubject): boolean {
  if (compiled.groups.length === 0) return false;
  for (const group of compiled.groups) {
    let any = false;
    for (const c of group) {
      const hit = c.test(subject) !== c.negate;
      if (hit) any = true;
      else if (c.required) return false;
    }
    if (!any) return false;
  }
  return true;
}

export function matchCustomFormats(compiled: readonly CompiledFormat[], subject: CustomFormatSubject): CustomFormat[] {
  const out: CustomFormat[] = [];
  for (const f of compiled) if (formatMatches(f, subject)) out.push(f.format);
  return out;
}

/** Sum of the profile's scores for the matched formats (formats the profile does not list score 0). */
export function customFormatScore(
  formatItems: readonly ProfileFormatItem[],
  matched: readonly Pick<CustomFormat, 'id'>[],
): number {
  let score = 0;
  for (const m of matched) {
    for (const item of formatItems) {
      if (item.format === m.id) {
        score += item.score;
        break;
      }
    }
  }
  return score;
}
