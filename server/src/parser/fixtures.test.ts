// Table tests: every shared fixture file through the same evaluator core as `npm run parser:eval`,
// one test per file with an accuracy floor at (or, for the largest files, just below) what the parser reaches;
// raise, never lower.
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
  'clean_title.jsonl': 1,
  'daily.jsonl': 1,
  'edition.jsonl': 1,
  'episode.jsonl': 0.99,
  'language.jsonl': 1,
  'movie.jsonl': 1,
  'multi_episode.jsonl': 1,
  'path.jsonl': 0.95,
  'quality.jsonl': 1,
  'release_group.jsonl': 0.99,
  'revision.jsonl': 1,
  'scene.jsonl': 1,
  'season.jsonl': 1,
  'series_title.jsonl': 1,
  'special.jsonl': 1,
  'subtitle.jsonl': 1,
  'unparsable.jsonl': 1,
};

// The fixtures live beside the checkout (../shared); without them this tier must fail, not pass with nothing run.
describe('release-title fixtures', () => {
  const files = existsSync(FIXTURE_DIR) ? listFixtureFiles(FIXTURE_DIR) : [];

  it('finds the shared fixture directory', () => {
    expect(existsSync(FIXTURE_DIR), `missing ${FIXTURE_DIR} (clone the shared folder beside the checkout)`).toBe(true);
  });

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
