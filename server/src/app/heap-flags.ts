// V8 heap tuning `idkarr serve` applies to itself (so every way of starting it gets it: npm start, npx idkarr,
// node server/bin/idkarr.js). V8 otherwise lets garbage grow the old generation by up to 4× the live heap before
// collecting: with ~45 MB live, the process sat at 240–280 MB after a few hundred list requests. A 1.2× growth
// step keeps it near 170 MB for a few more (concurrent, incremental) major collections. Set at run time because
// this flag is read at every collection; flags read only at start-up (semi-space sizes) would need a re-exec.
import { setFlagsFromString } from 'node:v8';

export const SERVER_HEAP_FLAGS: readonly string[] = ['--heap-growing-percent=20'];

/**
 * Applies SERVER_HEAP_FLAGS except those the user already gave node on the command line (by flag name, so
 * `node --heap-growing-percent=50 server/bin/idkarr.js` wins; NODE_OPTIONS cannot carry these flags); returns the
 * ones applied.
 */
export function applyServerHeapFlags(execArgv: readonly string[] = process.execArgv): string[] {
  const chosen = execArgv.map(flagName);
  const applied = SERVER_HEAP_FLAGS.filter((f) => !chosen.includes(flagName(f)));
  for (const flag of applied) setFlagsFromString(flag);
  return applied;
}

/** `--heap_growing_percent=20` and `--heap-growing-percent=20` name the same flag. */
function flagName(arg: string): string {
  return arg.split('=')[0]!.replaceAll('_', '-');
}
