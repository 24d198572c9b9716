// Series, seasons and episodes on both dialects: conflicts, batch upsert with stable ids, lookups, statistics,
// wanted and calendar queries.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EpisodeRepository, type EpisodeUpsert } from '../../src/db/repositories/episode.repository.js';
import { SeriesRepository } from '../../src/db/repositories/series.repository.js';
import type { Series } from '../../src/domain/library/series.types.js';
import { summarizeSeries } from '../../src/domain/library/series-statistics.js';
import { ConflictError } from '../../src/lib/errors.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { episodeMeta, newSeries } from '../support/library-factories.js';

const NOW = '2025-06-01T00:00:00.000Z';
const hours = (h: number) => new Date(Date.parse(NOW) + h * 3_600_000).toISOString();
const ep = (s: number, e: number, airHours: number | null, monitored = true): EpisodeUpsert => ({
  ...episodeMeta(s, e, {
    airDateUtc: airHours === null ? null : hours(airHours),
    airDate: airHours === null ? null : hours(airHours).slice(0, 10),
  }),
  monitored,
});

describe.each(DIALECTS)('series and episode repositories (%s)', (dialect) => {
  let tdb: TestDatabase;
  let series: SeriesRepository;
  let episodes: EpisodeRepository;
  beforeEach(async () => {
    tdb = await createTestDatabase(dialect);
    series = new SeriesRepository(tdb.database.db);
    episodes = new EpisodeRepository(tdb.database.db);
  });
  afterEach(async () => {
    await tdb.cleanup();
  });

  it('stores series, rejects duplicate tvdbId/path, allows several series without a tvdbId', async () => {
    const s = await series.insert(newSeries(1, { tags: [4], seriesType: 'anime' }));
    expect(await series.get(s.id)).toEqual(s);
    expect(await series.findByTvdbId(70001)).toEqual(s);
    expect(await series.findByTmdbId(9001)).toEqual(s);
    await expect(series.insert(newSeries(1, { path: '/other' }))).rejects.toBeInstanceOf(ConflictError);
    await expect(series.insert(newSeries(2, { path: s.path }))).rejects.toBeInstanceOf(ConflictError);
    await series.insert(newSeries(3, { tvdbId: null }));
    await series.insert(newSeries(4, { tvdbId: null }));
    expect((await series.list()).length).toBe(3);
  });

  it('upserts episodes in batches keeping ids, monitored flags and file links stable', async () => {
    const s = await series.insert(newSeries(1));
    const first = Array.from({ length: 900 }, (_, i) => ep(1 + Math.floor(i / 100), (i % 100) + 1, i - 800));
    const r1 = await episodes.upsertMany(s.id, first);
    expect(r1.insertedIds).toHaveLength(900);
    expect(r1.updatedIds).toEqual([]);
    const before = await episodes.listBySeries(s.id);
    const target = before[5]!;
    await episodes.setMonitored([target.id], false);
    await episodes.setFile([target.id], 77);

    const changed = first.map((e) => ({ ...e, title: `${e.title} (new)`, monitored: true }));
    const r2 = await episodes.upsertMany(s.id, [...changed, ep(10, 1, 500)]);
    expect(r2.updatedIds.sort((a, b) => a - b)).toEqual(before.map((e) => e.id));
    expect(r2.insertedIds).toHaveLength(1);
    const after = await episodes.listBySeries(s.id);
    expect(after.slice(0, 900).map((e) => e.id)).toEqual(before.map((e) => e.id));
    expect(after[5]).toMatchObject({
      id: target.id,
      monitored: false,
      episodeFileId: 77,
      title: `${target.title} (new)`,
    });

    expect(await episodes.deleteExcept(s.id, r2.insertedIds)).toBe(900);
    expect(await episodes.listBySeries(s.id)).toHaveLength(1);
  });

  it('finds episodes by numbers, air date, absolute and scene numbers', async () => {
    const s = await series.insert(newSeries(1));
    await episodes.upsertMany(s.id, [
      { ...ep(1, 1, -48), absoluteEpisodeNumber: 1, sceneSeasonNumber: 2, sceneEpisodeNumber: 5 },
      { ...ep(1, 2, -24), absoluteEpisodeNumber: 2 },
      { ...ep(2, 1, 24), absoluteEpisodeNumber: 3 },
    ]);
    expect((await episodes.findByNumbers(s.id, 1, [2, 1])).map((e) => e.episodeNumber)).toEqual([1, 2]);
    expect((await episodes.findByAirDate(s.id, hours(-24).slice(0, 10))).map((e) => e.episodeNumber)).toEqual([2]);
    expect((await episodes.findByAbsoluteNumbers(s.id, [3])).map((e) => e.seasonNumber)).toEqual([2]);
    expect((await episodes.findBySceneNumbers(s.id, 2, [5])).map((e) => e.episodeNumber)).toEqual([1]);
    expect(await episodes.listBySeries(s.id, 2)).toHaveLength(1);
  });

  it('pages wanted episodes of monitored series only, aired and without a file', async () => {
    const a = await series.insert(newSeries(1, { title: 'Alpha' }));
    const b = await series.insert(newSeries(2, { title: 'Beta' }));
    const off = await series.insert(newSeries(3, { title: 'Gamma', monitored: false }));
    const r = await episodes.upsertMany(a.id, [ep(1, 1, -10), ep(1, 2, -5), ep(1, 3, 5), ep(1, 4, -1, false)]);
    await episodes.upsertMany(b.id, [ep(1, 1, -20), ep(1, 2, -3)]);
    await episodes.upsertMany(off.id, [ep(1, 1, -30)]);
    await episodes.setFile([r.insertedIds[1]!], 1); // a S01E02 on disk
    const page = await episodes.wantedMissing(
      { page: 1, pageSize: 2, sortKey: 'airDateUtc', sortDirection: 'descending' },
      NOW,
    );
    expect(page.totalRecords).toBe(3);
    expect(page.records.map((e) => [e.seriesId, e.episodeNumber])).toEqual([
      [b.id, 2],
      [a.id, 1],
    ]);
    const bySeries = await episodes.wantedMissing(
      { page: 2, pageSize: 2, sortKey: 'seriesTitle', sortDirection: 'ascending' },
      NOW,
    );
    expect(bySeries.records.map((e) => [e.seriesId, e.episodeNumber])).toEqual([[b.id, 2]]);
  });

  it('returns calendar episodes in [start, end) by air time', async () => {
    const a = await series.insert(newSeries(1));
    const off = await series.insert(newSeries(2, { monitored: false }));
    await episodes.upsertMany(a.id, [ep(1, 1, -1), ep(1, 2, 0), ep(1, 3, 23), ep(1, 4, 24), ep(1, 5, 5, false)]);
    await episodes.upsertMany(off.id, [ep(1, 1, 2)]);
    const day = await episodes.calendar(NOW, hours(24));
    expect(day.map((e) => e.episodeNumber)).toEqual([2, 3]);
    const all = await episodes.calendar(NOW, hours(24), { includeUnmonitored: true });
    expect(all.map((e) => [e.seriesId, e.episodeNumber])).toEqual([
      [a.id, 2],
      [off.id, 1],
      [a.id, 5],
      [a.id, 3],
    ]);
  });

  it('computes statistics for many series in one grouped query', async () => {
    const a = await series.insert(newSeries(1));
    const b = await series.insert(newSeries(2));
    const r = await episodes.upsertMany(a.id, [
      ep(0, 1, -100),
      ep(1, 1, -50),
      ep(1, 2, -10),
      ep(1, 3, 10, true),
      ep(2, 1, 100),
    ]);
    await episodes.setFile([r.insertedIds[0]!, r.insertedIds[1]!], 5);
    await episodes.upsertMany(b.id, [ep(1, 1, -5, false)]);
    const stats = summarizeSeries(await series.seasonStatistics(NOW));
    expect(stats.get(a.id)).toMatchObject({
      seasonCount: 2,
      totalEpisodeCount: 5,
      episodeFileCount: 2,
      episodeCount: 3,
      nextAiring: hours(10),
      previousAiring: hours(-10),
    });
    expect(stats.get(b.id)).toMatchObject({ episodeCount: 0, totalEpisodeCount: 1 });
    expect((await series.seasonStatistics(NOW, [b.id])).map((s) => s.seriesId)).toEqual([b.id]);
  });

  it('keeps seasons, alternative titles and cascades deletes', async () => {
    const s = await series.insert(newSeries(1));
    await series.upsertSeasons(s.id, [
      { seasonNumber: 0, monitored: false },
      { seasonNumber: 1, monitored: true },
    ]);
    await series.upsertSeasons(s.id, [{ seasonNumber: 1, monitored: false }]);
    expect((await series.seasonsFor([s.id])).get(s.id)!.map((x) => [x.seasonNumber, x.monitored])).toEqual([
      [0, false],
      [1, false],
    ]);
    await series.replaceAlternativeTitles(s.id, [
      { title: 'La Serie', cleanTitle: 'laserie', sceneSeasonNumber: null },
    ]);
    expect((await series.findByCleanTitle('laserie')).map((x) => x.id)).toEqual([s.id]);
    await episodes.upsertMany(s.id, [ep(1, 1, 0)]);
    expect(await series.delete(s.id)).toBe(true);
    expect(await episodes.listBySeries(s.id)).toEqual([]);
    expect((await series.seasonsFor([s.id])).size).toBe(0);
  });

  it('pages and filters series over generated rows', async () => {
    const made: Series[] = [];
    for (let i = 0; i < 120; i++) {
      made.push(
        await series.insert(
          newSeries(i, { tags: i % 4 === 0 ? [2] : [], monitored: i % 3 !== 0, nextAiring: i % 2 ? hours(i) : null }),
        ),
      );
    }
    await episodes.upsertMany(made[7]!.id, [ep(1, 1, -1)]);
    const p = await series.page(
      { page: 2, pageSize: 25, sortKey: 'network', sortDirection: 'ascending' },
      { monitored: true },
    );
    const expected = made
      .filter((s) => s.monitored)
      .sort(
        (x, y) =>
          (x.network === null ? 1 : 0) - (y.network === null ? 1 : 0) ||
          (x.network ?? '').localeCompare(y.network ?? '') ||
          x.id - y.id,
      );
    expect(p.totalRecords).toBe(expected.length);
    expect(p.records.map((s) => s.id)).toEqual(expected.slice(25, 50).map((s) => s.id));
    const tagged = await series.page(
      { page: 1, pageSize: 100, sortKey: 'nextAiring', sortDirection: 'descending' },
      { tag: 2 },
    );
    expect(tagged.totalRecords).toBe(30);
    const missing = await series.page(
      { page: 1, pageSize: 10, sortKey: 'title', sortDirection: 'ascending' },
      { missingBefore: NOW },
    );
    expect(missing.records.map((s) => s.id)).toEqual([made[7]!.id]);
  });
});
