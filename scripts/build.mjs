#!/usr/bin/env node
// Builds the workspace (contracts → server → web when present). With --if-needed, skips when nothing changed
// since the last build, so `npm start` stays fast on a built tree.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const stamp = join(root, 'server/dist/.build-stamp');
const sourceDirs = ['packages/contracts/src', 'server/src', 'web/src'].map((d) => join(root, d));

function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

if (process.argv.includes('--if-needed') && existsSync(stamp)) {
  const built = statSync(stamp).mtimeMs;
  if (sourceDirs.every((d) => newestMtime(d) <= built)) process.exit(0);
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const tsc = join(root, 'node_modules/.bin/tsc');
process.stdout.write('Building idkarr…\n');
run(tsc, ['-p', 'packages/contracts/tsconfig.build.json']);
run(tsc, ['-p', 'server/tsconfig.build.json']);
if (existsSync(join(root, 'web/package.json'))) run('npm', ['run', '-s', 'build', '-w', 'web']);
writeFileSync(stamp, new Date().toISOString());
