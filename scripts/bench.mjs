#!/usr/bin/env node
// `npm run bench` runs every benchmark in bench/; `npm run bench -- NAME [NAME...]` runs bench/NAME.bench.ts only.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const benchDir = join(root, 'bench');
const all = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort();
const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const chosen = names.length ? names : all;
let failed = 0;
for (const name of chosen) {
  const file = join(benchDir, `${name}.bench.ts`);
  if (!existsSync(file)) {
    process.stderr.write(`no benchmark named "${name}" (have: ${all.join(', ')})\n`);
    process.exit(2);
  }
  process.stdout.write(`\n== bench: ${name} ==\n`);
  const r = spawnSync(process.execPath, [join(root, 'scripts/run-ts.mjs'), file], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
