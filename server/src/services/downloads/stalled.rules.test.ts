import { describe, expect, it } from 'vitest';
import type { DownloadItem } from '../../providers/ports/download-client.port.js';
import { assessStalled, hasNoSources, type StalledPolicy } from './stalled.rules.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const min = (m: number) => T0 + m * 60_000;
const policy = (over: Partial<StalledPolicy> = {}): StalledPolicy => ({
  stalledMinutes: 60,
  noProgress: true,
  noAvailability: true,
  ...over,
});
const item = (over: Partial<DownloadItem> = {}) =>
  ({ status: 'downloading', rawStatus: 'downloading', ...over }) as DownloadItem;

describe('hasNoSources', () => {
  it.each([
    { name: '0 seeds and 0 peers', i: { seeds: 0, peers: 0 }, want: true },
    { name: 'seeds only known, 0', i: { seeds: 0 }, want: true },
    { name: 'a peer', i: { seeds: 0, peers: 1 }, want: false },
    { name: 'a seed', i: { seeds: 1, peers: 0 }, want: false },
    { name: 'unknown counts (usenet, clients that do not say)', i: {}, want: false },
    { name: 'null counts', i: { seeds: null, peers: null }, want: false },
    { name: 'client says stalled, whatever the counts', i: { seeds: 3, peers: 3, clientStalled: true }, want: true },
  ])('$name → $want', ({ i, want }) => {
    expect(hasNoSources(i)).toBe(want);
  });
});

describe('assessStalled', () => {
  it.each([
    { name: 'progress within the window', at: 59, last: 0, since: null, i: {}, p: {}, stalled: false },
    { name: 'no progress past the window', at: 61, last: 0, since: null, i: {}, p: {}, stalled: /no progress for 61/ },
    { name: 'no-progress rule off', at: 61, last: 0, since: null, i: {}, p: { noProgress: false }, stalled: false },
    {
      name: 'all off (0 minutes)',
      at: 600,
      last: 0,
      since: 0,
      i: { seeds: 0 },
      p: { stalledMinutes: 0 },
      stalled: false,
    },
    {
      name: 'no sources for the window, progress rule off',
      at: 61,
      last: 61,
      since: min(0),
      i: { seeds: 0, peers: 0 },
      p: { noProgress: false },
      stalled: /no seeds or peers connected for 61/,
    },
    {
      name: 'no sources, but not for long enough',
      at: 61,
      last: 61,
      since: min(30),
      i: { seeds: 0, peers: 0 },
      p: { noProgress: false },
      stalled: false,
    },
    {
      name: 'client-reported stalled for the window',
      at: 90,
      last: 90,
      since: min(10),
      i: { clientStalled: true, rawStatus: 'stalledDL' },
      p: { noProgress: false },
      stalled: /reported stalled by the client for 80 minutes \(qBittorrent state stalledDL\)/,
    },
    {
      name: 'availability rule off',
      at: 600,
      last: 600,
      since: min(0),
      i: { seeds: 0, peers: 0 },
      p: { noAvailability: false },
      stalled: false,
    },
    {
      name: 'paused never stalls',
      at: 600,
      last: 0,
      since: min(0),
      i: { status: 'paused', seeds: 0 },
      p: {},
      stalled: false,
    },
    { name: 'queued never stalls', at: 600, last: 0, since: null, i: { status: 'queued' }, p: {}, stalled: false },
  ] as const)('$name', ({ at, last, since, i, p, stalled }) => {
    const r = assessStalled({
      now: min(at),
      item: item(i as Partial<DownloadItem>),
      lastProgressAt: min(last),
      unavailableSince: since,
      policy: policy(p),
      clientName: 'qBittorrent',
    });
    if (stalled === false) expect(r.reason).toBeUndefined();
    else expect(r.reason).toMatch(stalled);
  });

  it('starts the no-sources timer at the first poll without sources and clears it when a source appears', () => {
    const base = { lastProgressAt: min(0), policy: policy(), clientName: 'c' };
    const first = assessStalled({ ...base, now: min(5), item: item({ seeds: 0, peers: 0 }), unavailableSince: null });
    expect(first.unavailableSince).toBe(min(5));
    const kept = assessStalled({ ...base, now: min(6), item: item({ seeds: 0, peers: 0 }), unavailableSince: min(5) });
    expect(kept.unavailableSince).toBe(min(5));
    const back = assessStalled({ ...base, now: min(7), item: item({ seeds: 1, peers: 0 }), unavailableSince: min(5) });
    expect(back.unavailableSince).toBeNull();
    const waiting = assessStalled({ ...base, now: min(8), item: item({ status: 'paused' }), unavailableSince: min(5) });
    expect(waiting.unavailableSince).toBeNull();
  });
});
