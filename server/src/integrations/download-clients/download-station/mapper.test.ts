import { describe, expect, it } from 'vitest';
import type { DsTask } from './api.js';
import { mapTask, taskSources } from './mapper.js';

const ctx = { categoryOf: () => 'tv', shares: new Map<string, string>() };
const task = (type: string, detail: NonNullable<DsTask['additional']>['detail']): DsTask => ({
  id: 'dbid_1',
  type,
  title: 't',
  size: 100,
  status: 'downloading',
  additional: { detail },
});

describe('Download Station sources', () => {
  it.each([
    [
      { connected_seeders: 0, connected_leechers: 0, connected_peers: 0 },
      { seeds: 0, peers: 0 },
    ],
    [
      { connected_seeders: 27, connected_leechers: 4, connected_peers: 31 },
      { seeds: 27, peers: 4 },
    ],
    [
      { connected_seeders: 50, connected_leechers: 0, connected_peers: 50 },
      { seeds: 50, peers: 0 },
    ],
  ])('a torrent task with %o → %o', (detail, want) => {
    expect(taskSources('bt', detail)).toEqual(want);
    expect(mapTask(task('bt', detail), ctx)).toMatchObject(want);
  });

  it.each(['nzb', 'https', 'ftp', 'emule'])('a %s task has no sources to count: unknown, not zero', (type) => {
    const item = mapTask(task(type, { connected_seeders: 0, connected_leechers: 0, connected_peers: 0 }), ctx);
    expect(item).not.toHaveProperty('seeds');
    expect(item).not.toHaveProperty('peers');
  });

  it('a torrent task without the counts (no detail block, or an older DSM) stays unknown', () => {
    expect(taskSources('bt', undefined)).toEqual({});
    expect(taskSources('bt', { destination: 'downloads/tv' })).toEqual({});
    expect(mapTask(task('bt', undefined), ctx)).not.toHaveProperty('seeds');
  });
});
