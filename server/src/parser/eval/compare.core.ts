// Pure comparison of one fixture record's `expect` against an adapter's answer.
// Kept free of I/O so the table tests and the CLI share exactly the same rules (see the fixtures README).
import type { ApiModule, FixtureRecord } from './apis/api.types.js';

export interface KeyMismatch {
  key: string;
  expected: unknown;
  actual: unknown;
}

export interface RecordOutcome {
  passed: boolean;
  /** Why the record failed: key mismatches, an exception message or a null/non-null disagreement. */
  mismatches: KeyMismatch[];
  error?: string;
  actual: Record<string, unknown> | null;
}

type Normalizers = Record<string, (value: string) => string>;

function sameScalar(a: unknown, b: unknown, caseInsensitive: boolean): boolean {
  if (caseInsensitive && typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  // undefined is treated like null: adapters may omit a value the parser does not know.
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  return a === b;
}

function keyOf(v: unknown, ci: boolean): string {
  const s = JSON.stringify(v) ?? 'undefined';
  return ci ? s.toLowerCase() : s;
}

/** Multiset equality: arrays compare order-insensitively (FluentAssertions BeEquivalentTo). */
function sameUnordered(expected: unknown[], actual: unknown, ci: boolean): boolean {
  if (!Array.isArray(actual) || actual.length !== expected.length) return false;
  const counts = new Map<string, number>();
  for (const e of expected) counts.set(keyOf(e, ci), (counts.get(keyOf(e, ci)) ?? 0) + 1);
  for (const a of actual) {
    const k = keyOf(a, ci);
    const n = counts.get(k) ?? 0;
    if (n === 0) return false;
    counts.set(k, n - 1);
  }
  return true;
}

function sameOrdered(expected: unknown[], actual: unknown, ci: boolean): boolean {
  if (!Array.isArray(actual) || actual.length !== expected.length) return false;
  return expected.every((e, i) => sameScalar(e, actual[i], ci) || keyOf(e, ci) === keyOf(actual[i], ci));
}

function compareSeriesTitleInfo(expected: Record<string, unknown>, actual: unknown): boolean {
  if (actual === null || typeof actual !== 'object') return false;
  const act = actual as Record<string, unknown>;
  for (const [k, v] of Object.entries(expected)) {
    if (k === 'titleEquals') {
      // `"titleEquals": "titleWithoutYear"` asserts title == titleWithoutYear.
      if (act.title !== act[String(v)]) return false;
    } else if (Array.isArray(v)) {
      if (!sameUnordered(v, act[k], false)) return false;
    } else if (!sameScalar(v, act[k], false)) return false;
  }
  return true;
}

/** Compares one expected key; `actual` is the adapter's whole answer. */
export function compareKey(
  key: string,
  expected: unknown,
  actual: Record<string, unknown>,
  opts: { caseInsensitive?: boolean; normalizers?: Normalizers } = {},
): boolean {
  const ci = opts.caseInsensitive === true;
  const got = actual[key];
  const norm = opts.normalizers?.[key];
  if (norm) {
    if (typeof expected !== 'string' || typeof got !== 'string') return false;
    return norm(expected) === norm(got);
  }
  if (key === 'languagesInclude') {
    const langs = Array.isArray(actual.languages) ? (actual.languages as unknown[]) : Array.isArray(got) ? got : [];
    return Array.isArray(expected) && expected.every((e) => langs.some((l) => sameScalar(e, l, ci)));
  }
  if (key === 'languagesFirst') {
    const langs = Array.isArray(actual.languages) ? (actual.languages as unknown[]) : [];
    return sameScalar(expected, langs[0] ?? got, ci);
  }
  if (key === 'qualityNot') {
    const q = actual.quality ?? got;
    return q !== undefined && !sameScalar(expected, q, ci);
  }
  if (key === 'seriesTitleInfo') return compareSeriesTitleInfo(expected as Record<string, unknown>, got);
  if (key === 'movieTitles' && Array.isArray(expected)) return sameOrdered(expected, got, ci);
  if (Array.isArray(expected)) return sameUnordered(expected, got, ci);
  return sameScalar(expected, got, ci);
}

/** Runs one record through its adapter and compares every asserted key. Never throws. */
export function evaluateRecord(record: FixtureRecord, module: ApiModule): RecordOutcome {
  const adapter = module.adapters[record.api];
  if (!adapter) return { passed: false, mismatches: [], error: `no adapter for api ${record.api}`, actual: null };
  let actual: Record<string, unknown> | null;
  try {
    actual = adapter(record);
  } catch (err) {
    return {
      passed: false,
      mismatches: [],
      error: `adapter threw: ${(err as Error)?.message ?? String(err)}`,
      actual: null,
    };
  }
  const expectParsed = record.expect.parsed;
  if (expectParsed === false) {
    return actual === null
      ? { passed: true, mismatches: [], actual }
      : { passed: false, mismatches: [{ key: 'parsed', expected: false, actual: true }], actual };
  }
  if (actual === null) {
    return { passed: false, mismatches: [{ key: 'parsed', expected: true, actual: false }], actual };
  }
  const ci = new Set(record.caseInsensitive ?? []);
  const mismatches: KeyMismatch[] = [];
  for (const [key, expected] of Object.entries(record.expect)) {
    if (key === 'parsed') continue;
    const ok = compareKey(key, expected, actual, {
      caseInsensitive: ci.has(key),
      normalizers: module.normalizers ?? {},
    });
    if (!ok) mismatches.push({ key, expected, actual: actual[key] });
  }
  return { passed: mismatches.length === 0, mismatches, actual };
}

/** Merges the per-area modules; a later module never silently replaces an earlier adapter. */
export function mergeApiModules(modules: ApiModule[]): ApiModule {
  const adapters: ApiModule['adapters'] = {};
  const normalizers: Normalizers = {};
  for (const m of modules) {
    for (const [api, fn] of Object.entries(m.adapters)) if (!(api in adapters)) adapters[api] = fn;
    for (const [key, fn] of Object.entries(m.normalizers ?? {})) if (!(key in normalizers)) normalizers[key] = fn;
  }
  return { adapters, normalizers };
}
