// Fuzz test for every public parser entry point: seeded random and mutated fixture titles plus
// pathological strings must never throw and never take long (catastrophic regex backtracking shows up here).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fuzzTitles, loadFixtureTitles, pathologicalTitles } from '../../../bench/support/fuzz-titles.js';
import { parserEntryPoints as entry } from '../../../bench/support/parser-entry.js';

const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/release-titles', import.meta.url));
// Generous per-input bound: CI boxes are noisy; the benchmark enforces the real 1 ms budget.
const SLOW_MS = 50;
const SEED = 20_260_521;

function entryPoints(): [string, (t: string) => unknown][] {
  return [
    ['parseQuality', entry.parseQuality],
    ['parseMovieTitle', entry.parseMovieTitle],
    ['parseMoviePath', entry.parseMoviePath],
    ['parseLanguages', entry.parseLanguages],
    ['parseReleaseGroup', entry.parseReleaseGroup],
    ['parseEpisodeTitle', entry.parseEpisodeTitle],
    ['parsePath', entry.parsePath],
  ];
}

function timed(parse: (t: string) => unknown, input: string): number {
  const t0 = performance.now();
  parse(input);
  return performance.now() - t0;
}

/** Runs every entry point on every input; returns the failures (throws and slow inputs). */
function run(inputs: string[]): string[] {
  const problems: string[] = [];
  for (const [name, parse] of entryPoints()) {
    // Warm the JIT first so compile time is not charged to the first inputs.
    for (const input of inputs.slice(0, 50)) timed(parse, input);
    for (const input of inputs) {
      const label = JSON.stringify(input.slice(0, 80));
      let ms: number;
      try {
        ms = timed(parse, input);
        // A GC pause can hit any single call: only an input that is slow twice is a finding.
        if (ms > SLOW_MS) ms = Math.min(ms, timed(parse, input));
      } catch (err) {
        problems.push(`${name} threw on ${label}: ${(err as Error).message}`);
        continue;
      }
      if (ms > SLOW_MS) problems.push(`${name} took ${ms.toFixed(1)} ms on ${label}`);
    }
  }
  return problems;
}

describe('parser fuzz', () => {
  it('survives pathological strings without throwing or backtracking', () => {
    expect(run(pathologicalTitles())).toEqual([]);
  });

  it('survives random and mutated fixture titles', () => {
    const fixtures = loadFixtureTitles(FIXTURES).map((r) => r.title);
    const inputs = fuzzTitles(SEED, 3_000, fixtures);
    expect(inputs.length).toBeGreaterThanOrEqual(3_000);
    expect(run(inputs)).toEqual([]);
  });

  it('is deterministic for a seed', () => {
    expect(fuzzTitles(7, 200, ['A.Title.2019.1080p'])).toEqual(fuzzTitles(7, 200, ['A.Title.2019.1080p']));
  });
});
