// Loads fixture files and evaluates them; shared by eval.cli.ts and fixtures.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ApiModule, FixtureRecord } from './apis/api.types.js';
import { evaluateRecord, type RecordOutcome } from './compare.core.js';

export interface RecordResult {
  record: FixtureRecord;
  outcome: RecordOutcome;
}

export interface FileResult {
  file: string;
  passed: number;
  total: number;
  results: RecordResult[];
}

export function listFixtureFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(dir, f));
}

export function readFixtureFile(path: string): FixtureRecord[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as FixtureRecord);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Resolves a `needsContext` record into a runnable one. The only context in the schema is a title template
 * that must be dated "now + 2 days" (local time); any other context is reported as a failure, never skipped.
 */
export function resolveContext(record: FixtureRecord, now: Date): FixtureRecord | string {
  if (!record.needsContext) return record;
  const ctx = record.context ?? '';
  if (/now \+ 2 days/.test(ctx) && record.title.includes('{year}')) {
    const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 2);
    const title = record.title
      .replaceAll('{year}', String(d.getFullYear()))
      .replaceAll('{month}', pad2(d.getMonth() + 1))
      .replaceAll('{day}', pad2(d.getDate()));
    return { ...record, title, needsContext: false };
  }
  return `unsupported context: ${ctx}`;
}

export function evaluateRecords(records: FixtureRecord[], module: ApiModule, now = new Date()): RecordResult[] {
  return records.map((record) => {
    const resolved = resolveContext(record, now);
    if (typeof resolved === 'string') {
      return { record, outcome: { passed: false, mismatches: [], error: resolved, actual: null } };
    }
    return { record, outcome: evaluateRecord(resolved, module) };
  });
}

export function evaluateFile(path: string, module: ApiModule, now = new Date()): FileResult {
  const results = evaluateRecords(readFixtureFile(path), module, now);
  return {
    file: basename(path),
    passed: results.filter((r) => r.outcome.passed).length,
    total: results.length,
    results,
  };
}

export function formatPct(passed: number, total: number): string {
  return total === 0 ? '0.00' : ((passed / total) * 100).toFixed(2);
}
