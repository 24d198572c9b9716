#!/usr/bin/env node
// Runs a TypeScript entry point from source (dev tools: parser:eval, benches) with the workspace's `source` condition.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const [file, ...args] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: run-ts.mjs FILE [ARGS...]\n');
  process.exit(2);
}
const r = spawnSync(
  process.execPath,
  ['--conditions=source', '--import', 'tsx', '--expose-gc', resolve(process.cwd(), file), ...args],
  { stdio: 'inherit', cwd: process.cwd(), env: process.env },
);
process.exit(r.status ?? 1);
