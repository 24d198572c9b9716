// Bounds a remote call by the injected clock, so a hung integration cannot stall a save or a health sweep.
import type { Clock } from '../lib/clock.js';
import { TimeoutError } from '../lib/errors.js';

export async function withTimeout<T>(clock: Clock, ms: number, what: string, work: () => Promise<T>): Promise<T> {
  const abort = new AbortController();
  const timer = clock.sleep(ms, abort.signal).then(
    () => {
      throw new TimeoutError(`${what} timed out after ${Math.round(ms / 1000)} s`);
    },
    // Aborted because the work finished first: nothing to report.
    () => new Promise<never>(() => {}),
  );
  try {
    return await Promise.race([work(), timer]);
  } finally {
    abort.abort();
  }
}
