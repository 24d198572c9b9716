// Table tests: every shared fixture file through the same evaluator core as `npm run parser:eval`,
// one test per file with an accuracy floor just below what the parser reaches (raise, never lower).
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allApis } from './eval/all-apis.js';
import { evaluateFile, listFixtureFiles } from './eval/run.core.js';

const FIXTURE_DIR = fileURLToPath(new URL('../../../../shared/fixtures/release-titles/', import.meta.url));

/** Minimum passed/total per file. */
const FLOORS: Record<string, number> = {
  'absolute.jsonl': 0.99,
  'clean_title.jsonl': 0.99,
  'daily.jsonl': 0.95,
  'edition.jsonl': 0.97,
  'episode.jsonl': 0.99,
  'language.jsonl': 0.99,
  'movie.jsonl': 0.98,
  'multi_episode.jsonl': 0.98,
  'path.jsonl': 0.95,
  'quality.jsonl': 0.99,
  'release_group.jsonl': 0.98,
  'revision.jsonl': 0.98,
  'scene.jsonl': 0.94,
  'season.jsonl': 0.97,
  'series_title.jsonl': 0.97,
  'special.jsonl': 0.75,
  'subtitle.jsonl': 0.97,
  'unparsable.jsonl': 0.99,
};

describe.skipIf(!existsSync(FIXTURE_DIR))('release-title fixtures', () => {
  const files = existsSync(FIXTURE_DIR) ? listFixtureFiles(FIXTURE_DIR) : [];

  it('has a floor for every fixture file', () => {
    expect(files.map((f) => basename(f)).sort()).toEqual(Object.keys(FLOORS).sort());
  });

  for (const path of files) {
    const name = basename(path);
    it(`${name} reaches its accuracy floor`, () => {
      const r = evaluateFile(path, allApis);
      const failing = r.results
        .filter((x) => !x.outcome.passed)
        .slice(0, 10)
        .map((x) => `${x.record.title} :: ${x.outcome.error ?? JSON.stringify(x.outcome.mismatches)}`);
      expect(r.passed / r.total, `${name}: ${r.passed}/${r.total}\n${failing.join('\n')}`).toBeGreaterThanOrEqual(
        FLOORS[name] ?? 1,
      );
    });
  }
});
