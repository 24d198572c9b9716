import { describe, expect, it } from 'vitest';
import { mapTrStatus } from './mapper.js';

const t = (status: number, over: { error?: number; left?: number; pct?: number } = {}) => ({
  status,
  error: over.error ?? 0,
  leftUntilDone: over.left ?? 100,
  percentDone: over.pct ?? 0.5,
});

describe('Transmission status map', () => {
  it.each([
    [t(0), 'paused'],
    [t(0, { left: 0, pct: 1 }), 'completed'],
    [t(1), 'checking'],
    [t(2), 'checking'],
    [t(3), 'queued'],
    [t(4), 'downloading'],
    [t(5, { left: 0, pct: 1 }), 'completed'],
    [t(6, { left: 0, pct: 1 }), 'seeding'],
    [t(4, { error: 2 }), 'warning'],
    [t(6, { error: 1, left: 0, pct: 1 }), 'seeding'],
    [t(4, { error: 3 }), 'failed'],
    [t(9), 'unknown'],
  ])('%o → %s', (torrent, status) => {
    expect(mapTrStatus(torrent)).toBe(status);
  });
});
