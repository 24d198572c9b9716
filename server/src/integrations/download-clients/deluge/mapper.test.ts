import { describe, expect, it } from 'vitest';
import { mapDelugeStatus } from './mapper.js';

describe('Deluge status map', () => {
  it.each([
    ['Downloading', false, 0, 'downloading'],
    ['Seeding', true, 100, 'seeding'],
    ['Paused', false, 10, 'paused'],
    ['Paused', true, 100, 'completed'],
    ['Queued', false, 0, 'queued'],
    ['Queued', true, 100, 'completed'],
    ['Checking', false, 0, 'checking'],
    ['Allocating', false, 0, 'checking'],
    ['Moving', true, 100, 'downloading'],
    ['Error', false, 3, 'failed'],
    ['Whatever', false, 0, 'unknown'],
  ] as const)('%s (finished %s, %d%%) → %s', (state, is_finished, progress, status) => {
    expect(mapDelugeStatus({ state, is_finished, progress })).toBe(status);
  });
});
