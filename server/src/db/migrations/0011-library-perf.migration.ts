// Season statistics kept next to the episodes, and PostgreSQL page indexes (issue 4 benchmark: 20,000 movies,
// 5,000 series, 250,000 episodes).
//
// Every series list used to aggregate all episodes (250,000 index entries for the unpaginated list, most of the
// time of that request). `season_statistics` holds the same per-season aggregate, recomputed for a season by
// triggers whenever one of its episodes is inserted, deleted or changes a column the statistics read (from any
// code path: refresh, import, monitoring, file links, cascading deletes).
//
// The aggregate depends on the time (what has aired counts as available). A row computed at instant t is the
// same for every instant in [previous_airing, next_airing): no episode airs in between. Readers check that
// window against their own clock and recompute the few rows outside it (a season whose next episode has aired
// since), so the table is never wrong, only sometimes not yet refreshed.
import { sql } from 'kysely';
import type { Migration } from './helpers.js';

const COLUMNS =
  'series_id, season_number, total_episode_count, episode_file_count, episode_count, next_airing, previous_airing';

/** The current instant as an ISO string (what `Date.prototype.toISOString` gives), per dialect. */
const NOW = {
  sqlite: `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  postgres: `to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
};

/** The per-season aggregate of `episodes` at instant `now` (an SQL expression giving an ISO instant). */
function seasonStatisticsSelect(now: string, where: string): string {
  return `select series_id, season_number, count(*),
      sum(case when episode_file_id is not null then 1 else 0 end),
      sum(case when episode_file_id is not null or (monitored = 1 and air_date_utc <= ${now}) then 1 else 0 end),
      min(case when air_date_utc > ${now} then air_date_utc end),
      max(case when air_date_utc <= ${now} then air_date_utc end)
    from episodes where ${where} group by series_id, season_number`;
}

export const libraryPerf: Migration = {
  name: '0011-library-perf',
  async up(db, dialect) {
    await db.schema
      .createTable('season_statistics')
      .addColumn('series_id', 'integer', (c) => c.notNull().references('series.id').onDelete('cascade'))
      .addColumn('season_number', 'integer', (c) => c.notNull())
      .addColumn('total_episode_count', 'integer', (c) => c.notNull())
      .addColumn('episode_file_count', 'integer', (c) => c.notNull())
      .addColumn('episode_count', 'integer', (c) => c.notNull())
      .addColumn('next_airing', 'text')
      .addColumn('previous_airing', 'text')
      .addPrimaryKeyConstraint('season_statistics_pk', ['series_id', 'season_number'])
      .execute();

    if (dialect === 'sqlite') {
      const now = NOW.sqlite;
      const refresh = (ref: 'new' | 'old') => `
        delete from season_statistics where series_id = ${ref}.series_id and season_number = ${ref}.season_number;
        insert into season_statistics (${COLUMNS})
          ${seasonStatisticsSelect(now, `series_id = ${ref}.series_id and season_number = ${ref}.season_number`)};`;
      await sql
        .raw(`create trigger episodes_statistics_insert after insert on episodes begin ${refresh('new')} end`)
        .execute(db);
      await sql
        .raw(`create trigger episodes_statistics_delete after delete on episodes begin ${refresh('old')} end`)
        .execute(db);
      const watched = 'series_id, season_number, episode_file_id, monitored, air_date_utc';
      await sql
        .raw(
          `create trigger episodes_statistics_update after update of ${watched} on episodes begin ${refresh('new')} end`,
        )
        .execute(db);
      // An episode moved to another season (or series) leaves its old one too.
      await sql
        .raw(
          `create trigger episodes_statistics_move after update of series_id, season_number on episodes
            when old.series_id <> new.series_id or old.season_number <> new.season_number
            begin ${refresh('old')} end`,
        )
        .execute(db);
    } else {
      const now = NOW.postgres;
      const refresh = (ref: 'new' | 'old') => `
        delete from season_statistics where series_id = ${ref}.series_id and season_number = ${ref}.season_number;
        insert into season_statistics (${COLUMNS})
          ${seasonStatisticsSelect(now, `series_id = ${ref}.series_id and season_number = ${ref}.season_number`)};`;
      await sql
        .raw(
          `create function episodes_statistics_refresh() returns trigger language plpgsql as $$
          begin
            if tg_op in ('UPDATE', 'DELETE') then ${refresh('old')} end if;
            if tg_op in ('UPDATE', 'INSERT') and (tg_op = 'INSERT' or old.series_id <> new.series_id
                or old.season_number <> new.season_number) then ${refresh('new')} end if;
            return null;
          end $$`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger episodes_statistics after insert or delete or update of
            series_id, season_number, episode_file_id, monitored, air_date_utc
          on episodes for each row execute function episodes_statistics_refresh()`,
        )
        .execute(db);
    }
    // PostgreSQL pages pick the page's ids first (library-query.util deferPageRows): with the id in the sort index
    // that is an index-only scan however deep the OFFSET. SQLite indexes end with the rowid already.
    if (dialect === 'postgres')
      for (const table of ['movies', 'series'])
        for (const column of ['sort_title', 'year', 'added'])
          await db.schema.createIndex(`${table}_${column}_id_idx`).on(table).columns([column, 'id']).execute();

    // Existing libraries: the aggregate of every season now.
    await sql
      .raw(`insert into season_statistics (${COLUMNS}) ${seasonStatisticsSelect(NOW[dialect], '1 = 1')}`)
      .execute(db);
  },
};
