import { describe, expect, it } from 'vitest';
import { mapQbStatus, mapQbTorrent } from './mapper.js';

describe('qBittorrent status map', () => {
  it.each([
    ['metaDL', 'downloading'],
    ['stalledDL', 'downloading'],
    ['downloading', 'downloading'],
    ['forcedDL', 'downloading'],
    ['queuedDL', 'queued'],
    ['pausedDL', 'paused'],
    ['stoppedDL', 'paused'],
    ['checkingResumeData', 'checking'],
    ['checkingUP', 'checking'],
    ['uploading', 'seeding'],
    ['stalledUP', 'seeding'],
    ['forcedUP', 'seeding'],
    ['pausedUP', 'completed'],
    ['stoppedUP', 'completed'],
    ['queuedUP', 'completed'],
    ['error', 'failed'],
    ['missingFiles', 'failed'],
    ['somethingNew', 'unknown'],
  ])('%s → %s', (state, status) => {
    expect(mapQbStatus(state)).toBe(status);
  });

  it('maps the infinite ETA to null, upper-cases the hash and prefers content_path', () => {
    const item = mapQbTorrent({
      hash: 'abcdef0123456789abcdef0123456789abcdef01',
      name: 'X',
      state: 'pausedUP',
      progress: 1,
      size: 10,
      amount_left: 0,
      eta: 8640000,
      save_path: '/d',
      content_path: '/d/X',
      category: '',
    });
    expect(item).toMatchObject({
      downloadId: 'ABCDEF0123456789ABCDEF0123456789ABCDEF01',
      eta: null,
      outputPath: '/d/X',
      category: null,
      canMoveFiles: true,
    });
  });
});

describe('qBittorrent sources (stalled detection)', () => {
  it.each([
    { state: 'stalledDL', num_seeds: 2, num_leechs: 1, want: { seeds: 2, peers: 1, clientStalled: true } },
    { state: 'metaDL', num_seeds: 0, num_leechs: 0, want: { seeds: 0, peers: 0, clientStalled: true } },
    { state: 'downloading', num_seeds: 4, num_leechs: 0, want: { seeds: 4, peers: 0, clientStalled: false } },
  ])('$state', ({ state, num_seeds, num_leechs, want }) => {
    expect(mapQbTorrent({ hash: 'ab', name: 'n', state, progress: 0.1, num_seeds, num_leechs })).toMatchObject(want);
  });
});
