import { describe, expect, it } from 'vitest';
import type { DownloadItem } from '../../providers/ports/download-client.port.js';
import type { TrackedDownload } from './download.types.js';
import { formatTimeLeft } from './queue.service.js';
import { type AssessContext, assess, assessMissing, PATH_NOT_FOUND_TITLE } from './tracking.rules.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

const tracked = (over: Partial<TrackedDownload> = {}): TrackedDownload => ({
  id: 1,
  downloadClientId: 1,
  downloadId: 'H',
  protocol: 'torrent',
  title: 'T',
  indexer: null,
  indexerId: null,
  guid: null,
  infoHash: null,
  size: 100,
  remainingSize: 100,
  progress: 0,
  etaSeconds: null,
  clientStatus: 'downloading',
  quality: { quality: 'x', revision: { version: 1, real: 0 } },
  languages: [],
  release: {
    guid: null,
    infoHash: null,
    releaseGroup: null,
    customFormatScore: 0,
    customFormats: [],
    publishDate: null,
    downloadUrl: null,
  },
  mediaType: 'movie',
  movieId: 1,
  seriesId: null,
  episodeIds: [],
  status: 'downloading',
  statusMessages: [],
  outputPath: null,
  added: iso(T0),
  lastSeen: iso(T0),
  lastProgressAt: iso(T0),
  lastProgress: 100,
  seedRatio: null,
  seedTimeMinutes: null,
  importAttempts: 0,
  ...over,
});

const item = (over: Partial<DownloadItem> = {}): DownloadItem => ({
  downloadId: 'H',
  title: 'T',
  category: null,
  status: 'downloading',
  rawStatus: 'downloading',
  totalSize: 100,
  remainingSize: 100,
  progress: 0,
  downloadSpeed: 0,
  uploadSpeed: 0,
  eta: null,
  outputPath: null,
  message: null,
  ratio: null,
  seedingTimeSeconds: null,
  addedAt: null,
  completedAt: null,
  canMoveFiles: false,
  ...over,
});

const ctx = (minutesLater: number, reachable = true): AssessContext => ({
  now: T0 + minutesLater * 60_000,
  stalledMinutes: 60,
  clientName: 'qBittorrent',
  clientHost: 'nas',
  checkPath: (p) => ({ localPath: p.replace('/remote', '/local'), reachable, mapped: p.startsWith('/remote') }),
});

describe('assess', () => {
  it.each([
    {
      name: 'progress resets the stall timer',
      t: {},
      i: { remainingSize: 50, progress: 0.5 },
      at: 90,
      want: { transition: null, status: undefined },
    },
    {
      name: 'no progress past the threshold → failed',
      t: {},
      i: {},
      at: 61,
      want: { transition: 'failed', status: undefined },
    },
    {
      name: 'no progress within the threshold → nothing',
      t: {},
      i: {},
      at: 59,
      want: { transition: null, status: undefined },
    },
    {
      name: 'paused never stalls',
      t: {},
      i: { status: 'paused' as const },
      at: 600,
      want: { transition: null, status: undefined },
    },
    {
      name: 'client failure → failed',
      t: {},
      i: { status: 'failed' as const, message: 'missing files' },
      at: 1,
      want: { transition: 'failed', status: undefined },
    },
    {
      name: 'grabbed seen → downloading',
      t: { status: 'grabbed' as const },
      i: { remainingSize: 90 },
      at: 1,
      want: { transition: null, status: 'downloading' },
    },
    {
      name: 'completed with a reachable path',
      t: {},
      i: { status: 'seeding' as const, remainingSize: 0, progress: 1, outputPath: '/remote/T' },
      at: 1,
      want: { transition: 'completed', status: 'completed' },
    },
    {
      name: 'completed again → no new transition',
      t: { status: 'completed' as const },
      i: { status: 'completed' as const, remainingSize: 0, outputPath: '/remote/T' },
      at: 1,
      want: { transition: null, status: undefined },
    },
  ])('$name', ({ t, i, at, want }) => {
    const a = assess(tracked(t), item(i), ctx(at));
    expect(a.transition).toBe(want.transition);
    expect(a.patch.status).toBe(want.status);
  });

  it('maps the output path; an unreachable one blocks with one message naming client, path and host', () => {
    const ok = assess(tracked(), item({ status: 'completed', remainingSize: 0, outputPath: '/remote/T' }), ctx(1));
    expect(ok.patch.outputPath).toBe('/local/T');
    const blocked = assess(
      tracked(),
      item({ status: 'completed', remainingSize: 0, outputPath: '/data/T' }),
      ctx(1, false),
    );
    expect(blocked.patch.status).toBe('importBlocked');
    expect(blocked.patch.statusMessages).toEqual([
      {
        title: PATH_NOT_FOUND_TITLE,
        messages: [
          expect.stringMatching(
            /^Download client qBittorrent reports files in \/data\/T, .*remote path mapping for host nas/,
          ),
        ],
      },
    ]);
  });

  it('writes nothing for an unchanged download seen recently', () => {
    expect(assess(tracked(), item(), ctx(1)).patch).toEqual({});
    expect(Object.keys(assess(tracked(), item(), ctx(11)).patch)).toEqual(['lastSeen']);
  });

  it('missing from the client: a message first, removed after the grace time', () => {
    expect(assessMissing(tracked(), T0 + 60_000).removed).toBe(false);
    expect(assessMissing(tracked(), T0 + 6 * 60_000)).toMatchObject({ removed: true, patch: { status: 'removed' } });
  });
});

describe('formatTimeLeft', () => {
  it.each([
    [null, null],
    [-1, null],
    [0, '00:00:00'],
    [125, '00:02:05'],
    [3600 * 25 + 61, '1.01:01:01'],
  ])('%s → %s', (s, out) => expect(formatTimeLeft(s)).toBe(out));
});
