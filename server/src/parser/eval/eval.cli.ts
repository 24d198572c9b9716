// `npm run -s parser:eval -- DIR [--failures [FILE]]`: accuracy of the release-title parser over fixture files.
// Prints one row per file, then `accuracy: PASSED/TOTAL (PCT%)` as the last line; exits 0 whenever it ran.
import { allApis } from './all-apis.js';
import { evaluateFile, type FileResult, formatPct, listFixtureFiles } from './run.core.js';

function printFailures(result: FileResult, out: (s: string) => void): void {
  for (const { record, outcome } of result.results) {
    if (outcome.passed) continue;
    const diff = outcome.error
      ? outcome.error
      : outcome.mismatches
          .map((m) => `${m.key}: expected ${JSON.stringify(m.expected)} got ${JSON.stringify(m.actual)}`)
          .join('; ');
    out(`  FAIL ${record.id} ${JSON.stringify(record.title)}\n       ${diff}`);
  }
}

function main(argv: string[]): number {
  const args = [...argv];
  let failures: string | true | undefined;
  const fi = args.indexOf('--failures');
  if (fi >= 0) {
    const next = args[fi + 1];
    if (next !== undefined && !next.startsWith('--') && next.endsWith('.jsonl')) {
      failures = next;
      args.splice(fi, 2);
    } else {
      failures = true;
      args.splice(fi, 1);
    }
  }
  const dir = args[0];
  if (!dir) {
    process.stderr.write('usage: parser:eval DIR [--failures [FILE.jsonl]]\n');
    return 2;
  }
  const out = (s: string): void => {
    process.stdout.write(`${s}\n`);
  };
  let passed = 0;
  let total = 0;
  const rows: FileResult[] = [];
  let files: string[];
  try {
    files = listFixtureFiles(dir);
  } catch (err) {
    process.stderr.write(`parser:eval: cannot read ${dir}: ${(err as Error).message}\n`);
    return 2;
  }
  for (const path of files) {
    const r = evaluateFile(path, allApis);
    rows.push(r);
    passed += r.passed;
    total += r.total;
  }
  const width = Math.max(0, ...rows.map((r) => r.file.length));
  for (const r of rows) {
    out(
      `${r.file.padEnd(width)}  ${`${r.passed}/${r.total}`.padStart(9)}  ${formatPct(r.passed, r.total).padStart(6)}%`,
    );
    if (failures === true || (typeof failures === 'string' && failures.endsWith(r.file))) printFailures(r, out);
  }
  out(`accuracy: ${passed}/${total} (${formatPct(passed, total)}%)`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
