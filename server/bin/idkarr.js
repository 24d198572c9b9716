#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm run build`, or by `npm start`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('idkarr is not built yet: run `npm run build` (or `npm start`) first.\n');
  process.exit(1);
}
const { main } = await import(cli);
process.exitCode = await main(process.argv.slice(2));
// Backstop: if a stray handle (socket, timer) outlives main(), exit anyway instead of hanging a container stop.
setTimeout(() => process.exit(), 3000).unref();
