import { describe, expect, it } from 'vitest';
import { applyServerHeapFlags, SERVER_HEAP_FLAGS } from './heap-flags.js';

describe('server heap flags', () => {
  it('applies its flags unless node was started with the same flag (either spelling)', () => {
    expect(applyServerHeapFlags([])).toEqual(SERVER_HEAP_FLAGS);
    expect(applyServerHeapFlags(['--conditions=source', '--max-old-space-size=512'])).toEqual(SERVER_HEAP_FLAGS);
    expect(applyServerHeapFlags(['--heap-growing-percent=50'])).toEqual([]);
    expect(applyServerHeapFlags(['--heap_growing_percent=40'])).toEqual([]);
  });
});
