import { describe, expect, it } from 'vitest';
import { applyMonitorType, MONITOR_TYPES, type MonitorType } from './monitor-type.rules.js';

const NOW = new Date('2025-06-01T00:00:00Z');
const past = '2024-01-01T00:00:00Z';
const future = '2025-09-01T00:00:00Z';

// S00E01 special; S01E01-02 aired (E01 on disk); S02E01 aired, S02E02 future; S03E01 unannounced.
const seasons = [0, 1, 2, 3].map((seasonNumber) => ({ seasonNumber }));
const episodes = [
  { seasonNumber: 0, episodeNumber: 1, airDateUtc: past, hasFile: true },
  { seasonNumber: 1, episodeNumber: 1, airDateUtc: past, hasFile: true },
  { seasonNumber: 1, episodeNumber: 2, airDateUtc: past, hasFile: false },
  { seasonNumber: 2, episodeNumber: 1, airDateUtc: past, hasFile: false },
  { seasonNumber: 2, episodeNumber: 2, airDateUtc: future, hasFile: false },
  { seasonNumber: 3, episodeNumber: 1, airDateUtc: null, hasFile: false },
];

const monitoredEpisodes = (type: MonitorType) =>
  applyMonitorType(type, seasons, episodes, NOW)
    .episodes.filter((e) => e.monitored)
    .map((e) => `S${e.seasonNumber}E${e.episodeNumber}`);
const monitoredSeasons = (type: MonitorType) =>
  applyMonitorType(type, seasons, episodes, NOW)
    .seasons.filter((s) => s.monitored)
    .map((s) => s.seasonNumber);

describe('applyMonitorType', () => {
  it.each<[MonitorType, string[], number[]]>([
    ['all', ['S1E1', 'S1E2', 'S2E1', 'S2E2', 'S3E1'], [1, 2, 3]],
    ['future', ['S2E2', 'S3E1'], [2, 3]],
    ['missing', ['S1E2', 'S2E1', 'S2E2', 'S3E1'], [1, 2, 3]],
    ['existing', ['S1E1'], [1]],
    ['pilot', ['S1E1'], [1]],
    ['first_season', ['S1E1', 'S1E2'], [1]],
    ['latest_season', ['S3E1'], [3]],
    ['none', [], []],
  ])('%s monitors %j in seasons %j', (type, eps, seasonNumbers) => {
    expect(monitoredEpisodes(type)).toEqual(eps);
    expect(monitoredSeasons(type)).toEqual(seasonNumbers);
  });

  it.each(MONITOR_TYPES)('never monitors specials (%s)', (type) => {
    const result = applyMonitorType(type, seasons, episodes, NOW);
    expect(result.seasons.find((s) => s.seasonNumber === 0)!.monitored).toBe(false);
    expect(result.episodes.find((e) => e.seasonNumber === 0)!.monitored).toBe(false);
  });

  it('monitors seasons without episodes only for types that want what is still to come', () => {
    const empty = [{ seasonNumber: 1 }, { seasonNumber: 2 }];
    const on = (type: MonitorType) =>
      applyMonitorType(type, empty, [], NOW)
        .seasons.filter((s) => s.monitored)
        .map((s) => s.seasonNumber);
    expect(on('all')).toEqual([1, 2]);
    expect(on('future')).toEqual([1, 2]);
    expect(on('first_season')).toEqual([1]);
    expect(on('latest_season')).toEqual([2]);
    expect(on('existing')).toEqual([]);
    expect(on('pilot')).toEqual([]);
  });

  it('keeps the caller’s extra fields and does not mutate the input', () => {
    const input = [{ seasonNumber: 1, episodeNumber: 1, airDateUtc: past, hasFile: false, id: 42 }];
    const out = applyMonitorType('all', [{ seasonNumber: 1, extra: 'x' }], input, NOW);
    expect(out.episodes[0]).toMatchObject({ id: 42, monitored: true });
    expect(out.seasons[0]).toMatchObject({ extra: 'x', monitored: true });
    expect(input[0]).not.toHaveProperty('monitored');
  });
});
