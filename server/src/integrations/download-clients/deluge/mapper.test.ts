import { describe, expect, it } from 'vitest';
import { DELUGE_FIELDS, type DelugeTorrent, mapDelugeStatus, mapDelugeTorrent } from './mapper.js';

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

describe('Deluge sources', () => {
  const base: DelugeTorrent = {
    hash: 'ab',
    name: 'n',
    state: 'Downloading',
    progress: 10,
    total_size: 100,
    total_done: 10,
    total_wanted: 100,
    download_payload_rate: 0,
    upload_payload_rate: 0,
    eta: 0,
    save_path: '/dl',
    message: 'OK',
    ratio: 0,
    seeding_time: 0,
    time_added: 0,
    is_finished: false,
  };

  it('asks the daemon for the connected counts', () => {
    expect(DELUGE_FIELDS).toEqual(expect.arrayContaining(['num_seeds', 'num_peers']));
  });

  it.each([
    [0, 0],
    [3, 5],
  ])('num_seeds %d, num_peers %d → seeds and peers as given', (num_seeds, num_peers) => {
    expect(mapDelugeTorrent({ ...base, num_seeds, num_peers })).toMatchObject({ seeds: num_seeds, peers: num_peers });
  });

  it('leaves the counts out when the daemon does not send them (unknown is not zero)', () => {
    const item = mapDelugeTorrent(base);
    expect(item).not.toHaveProperty('seeds');
    expect(item).not.toHaveProperty('peers');
    expect(item.clientStalled).toBeUndefined();
  });
});
