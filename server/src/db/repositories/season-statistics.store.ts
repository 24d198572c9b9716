// `season_statistics` (migration 0011): per-season episode statistics maintained by triggers, read here and
// repaired here when the clock has passed a row's airing window. Only the series repository uses it.
import { type Kysely, sql } from 'kysely';
import type { SeasonStatistics } from '../../domain/library/series-statistics.js';
import type { DB } from '../schema.js';
import { chunk } from './library-query.util.js';

export class SeasonStatisticsStore {
  private readonly db: Kysely<StatisticsDB>;
  constructor(db: Kysely<DB>) {
    this.db = db as unknown as Kysely<StatisticsDB>;
  }

  /**
   * Per-season episode statistics for the given series (all series when omitted) at `now` (an ISO instant: what
   * has aired by then counts as available). Read from `season_statistics`, which triggers keep current on every
   * episode write (migration 0011); a row holds for any instant in [previousAiring, nextAiring), and rows outside
   * that window for `now` (an episode aired since) are recomputed from the episodes and stored back.
   */
  async read(now: string, seriesIds?: readonly number[]): Promise<SeasonStatistics[]> {
    const parts = seriesIds ? chunk([...new Set(seriesIds)], 500) : [undefined];
    const out: SeasonStatistics[] = [];
    const stale = new Set<number>();
    for (const part of parts) {
      if (part?.length === 0) continue;
      let query = this.db.selectFrom('season_statistics').selectAll();
      if (part) query = query.where('series_id', 'in', part);
      for (const r of await query.execute()) {
        const s = statisticsFromRow(r);
        if ((s.previousAiring !== null && s.previousAiring > now) || (s.nextAiring !== null && s.nextAiring <= now))
          stale.add(s.seriesId);
        else out.push(s);
      }
    }
    if (stale.size === 0) return out;
    const fresh = await this.recomputeStatistics(now, [...stale]);
    return [...out.filter((s) => !stale.has(s.seriesId)), ...fresh];
  }

  /**
   * Recomputes and stores the statistics of every series with a row outside its airing window at `now`, found
   * in SQL: for readers of the stored rows (listJsonAfter), which cannot repair on the way.
   */
  async refreshStale(now: string): Promise<void> {
    const rows = await this.db
      .selectFrom('season_statistics')
      .select('series_id')
      .distinct()
      .where((eb) => eb.or([eb('previous_airing', '>', now), eb('next_airing', '<=', now)]))
      .execute();
    if (rows.length > 0)
      await this.recomputeStatistics(
        now,
        rows.map((r) => r.series_id),
      );
  }

  private async recomputeStatistics(now: string, ids: readonly number[]): Promise<SeasonStatistics[]> {
    const fresh = await this.aggregateStatistics(now, ids);
    const store = async (trx: Kysely<StatisticsDB>) => {
      for (const part of chunk(ids, 500))
        await trx.deleteFrom('season_statistics').where('series_id', 'in', part).execute();
      for (const part of chunk(fresh, 500))
        await trx.insertInto('season_statistics').values(part.map(statisticsToRow)).execute();
    };
    await (this.db.isTransaction ? store(this.db) : this.db.transaction().execute(store));
    return fresh;
  }

  /** The statistics of these series' seasons from their episodes, in one grouped query per 500 series. */
  private async aggregateStatistics(now: string, seriesIds: readonly number[]): Promise<SeasonStatistics[]> {
    const out: SeasonStatistics[] = [];
    for (const part of chunk(seriesIds, 500)) {
      const rows = await this.db
        .selectFrom('episodes')
        .select((eb) => [
          'series_id',
          'season_number',
          eb.fn.countAll<number>().as('total'),
          sql<number>`sum(case when episode_file_id is not null then 1 else 0 end)`.as('files'),
          sql<number>`sum(case when episode_file_id is not null or (monitored = 1 and air_date_utc <= ${now}) then 1 else 0 end)`.as(
            'available',
          ),
          sql<string | null>`min(case when air_date_utc > ${now} then air_date_utc end)`.as('next_airing'),
          sql<string | null>`max(case when air_date_utc <= ${now} then air_date_utc end)`.as('previous_airing'),
        ])
        .where('series_id', 'in', part)
        .groupBy(['series_id', 'season_number'])
        .orderBy('series_id')
        .orderBy('season_number')
        .execute();
      for (const r of rows) {
        out.push({
          seriesId: r.series_id,
          seasonNumber: r.season_number,
          totalEpisodeCount: Number(r.total),
          episodeFileCount: Number(r.files),
          episodeCount: Number(r.available),
          nextAiring: r.next_airing,
          previousAiring: r.previous_airing,
        });
      }
    }
    return out;
  }
}

/** `season_statistics` (migration 0011): maintained by triggers, read and repaired only here. */
interface SeasonStatisticsTable {
  series_id: number;
  season_number: number;
  total_episode_count: number;
  episode_file_count: number;
  episode_count: number;
  next_airing: string | null;
  previous_airing: string | null;
}
type StatisticsDB = DB & { season_statistics: SeasonStatisticsTable };

function statisticsFromRow(r: SeasonStatisticsTable): SeasonStatistics {
  return {
    seriesId: r.series_id,
    seasonNumber: r.season_number,
    totalEpisodeCount: Number(r.total_episode_count),
    episodeFileCount: Number(r.episode_file_count),
    episodeCount: Number(r.episode_count),
    nextAiring: r.next_airing,
    previousAiring: r.previous_airing,
  };
}

function statisticsToRow(s: SeasonStatistics): SeasonStatisticsTable {
  return {
    series_id: s.seriesId,
    season_number: s.seasonNumber,
    total_episode_count: s.totalEpisodeCount,
    episode_file_count: s.episodeFileCount,
    episode_count: s.episodeCount,
    next_airing: s.nextAiring,
    previous_airing: s.previousAiring,
  };
}
