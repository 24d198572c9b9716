// The library: movies and series (with seasons, episodes, alternative titles), root folders, tags, quality
// definitions and profiles. Sized for 20k movies / 5k series / 250k episodes: every lookup path and every list
// sort/filter has an index, and foreign keys cascade so deleting a series never leaves orphan episodes.
import { defaultQualityDefinitions, defaultQualityProfiles } from '../../domain/library/default-quality-profiles.js';
import { type Migration, type MigrationDb, notNull, withId } from './helpers.js';

async function indexes(db: MigrationDb, table: string, list: (string | string[])[]): Promise<void> {
  for (const cols of list) {
    const columns = Array.isArray(cols) ? cols : [cols];
    await db.schema
      .createIndex(`${table}_${columns.join('_')}_idx`)
      .on(table)
      .columns(columns)
      .execute();
  }
}

export const library: Migration = {
  name: '0002-library',
  async up(db, dialect) {
    await withId(db.schema.createTable('quality_profiles'), dialect)
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('upgrade_allowed', 'integer', notNull)
      .addColumn('cutoff', 'text', notNull)
      .addColumn('items', 'text', notNull)
      .addColumn('min_format_score', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('cutoff_format_score', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('format_items', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();

    await withId(db.schema.createTable('quality_definitions'), dialect)
      .addColumn('quality_id', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text', notNull)
      .addColumn('weight', 'integer', notNull)
      .addColumn('min_size', 'real', notNull)
      .addColumn('preferred_size', 'real', notNull)
      .addColumn('max_size', 'real')
      .execute();

    await withId(db.schema.createTable('root_folders'), dialect)
      .addColumn('path', 'text', (c) => c.notNull().unique())
      .execute();

    await withId(db.schema.createTable('tags'), dialect)
      .addColumn('label', 'text', (c) => c.notNull().unique())
      .execute();

    await withId(db.schema.createTable('movies'), dialect)
      .addColumn('tmdb_id', 'integer', (c) => c.notNull().unique())
      .addColumn('imdb_id', 'text')
      .addColumn('title', 'text', notNull)
      .addColumn('original_title', 'text')
      .addColumn('sort_title', 'text', notNull)
      .addColumn('clean_title', 'text', notNull)
      .addColumn('year', 'integer', notNull)
      .addColumn('runtime', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('overview', 'text')
      .addColumn('status', 'text', notNull)
      .addColumn('in_cinemas', 'text')
      .addColumn('physical_release', 'text')
      .addColumn('digital_release', 'text')
      .addColumn('minimum_availability', 'text', notNull)
      .addColumn('certification', 'text')
      .addColumn('genres', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('studio', 'text')
      .addColumn('images', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('ratings', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('monitored', 'integer', notNull)
      .addColumn('quality_profile_id', 'integer', (c) => c.notNull().references('quality_profiles.id'))
      .addColumn('path', 'text', (c) => c.notNull().unique())
      .addColumn('root_folder_path', 'text', notNull)
      .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('collection_tmdb_id', 'integer')
      .addColumn('collection_title', 'text')
      .addColumn('added', 'text', notNull)
      .addColumn('last_info_sync', 'text')
      .addColumn('movie_file_id', 'integer')
      .execute();
    await indexes(db, 'movies', [
      'imdb_id',
      'clean_title',
      'sort_title',
      'year',
      'added',
      'root_folder_path',
      'quality_profile_id',
      'collection_tmdb_id',
      'in_cinemas',
      'digital_release',
      'physical_release',
      // Wanted (missing) lists: monitored movies without a file.
      ['monitored', 'movie_file_id'],
    ]);

    await withId(db.schema.createTable('movie_alternative_titles'), dialect)
      .addColumn('movie_id', 'integer', (c) => c.notNull().references('movies.id').onDelete('cascade'))
      .addColumn('title', 'text', notNull)
      .addColumn('clean_title', 'text', notNull)
      .addColumn('source', 'text', notNull)
      .execute();
    await indexes(db, 'movie_alternative_titles', ['movie_id', 'clean_title']);

    await withId(db.schema.createTable('series'), dialect)
      .addColumn('tvdb_id', 'integer', (c) => c.unique())
      .addColumn('tmdb_id', 'integer')
      .addColumn('imdb_id', 'text')
      .addColumn('title', 'text', notNull)
      .addColumn('sort_title', 'text', notNull)
      .addColumn('clean_title', 'text', notNull)
      .addColumn('year', 'integer', notNull)
      .addColumn('status', 'text', notNull)
      .addColumn('overview', 'text')
      .addColumn('network', 'text')
      .addColumn('air_time', 'text')
      .addColumn('runtime', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('series_type', 'text', notNull)
      .addColumn('certification', 'text')
      .addColumn('genres', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('images', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('ratings', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('monitored', 'integer', notNull)
      .addColumn('monitor_new_items', 'text', (c) => c.notNull().defaultTo('all'))
      .addColumn('quality_profile_id', 'integer', (c) => c.notNull().references('quality_profiles.id'))
      .addColumn('path', 'text', (c) => c.notNull().unique())
      .addColumn('root_folder_path', 'text', notNull)
      .addColumn('season_folder', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('added', 'text', notNull)
      .addColumn('last_info_sync', 'text')
      .addColumn('first_aired', 'text')
      .addColumn('last_aired', 'text')
      .addColumn('next_airing', 'text')
      .addColumn('previous_airing', 'text')
      .execute();
    await indexes(db, 'series', [
      'tmdb_id',
      'imdb_id',
      'clean_title',
      'sort_title',
      'year',
      'added',
      'root_folder_path',
      'quality_profile_id',
      'next_airing',
    ]);

    await withId(db.schema.createTable('series_alternative_titles'), dialect)
      .addColumn('series_id', 'integer', (c) => c.notNull().references('series.id').onDelete('cascade'))
      .addColumn('title', 'text', notNull)
      .addColumn('clean_title', 'text', notNull)
      .addColumn('scene_season_number', 'integer')
      .execute();
    await indexes(db, 'series_alternative_titles', ['series_id', 'clean_title']);

    await withId(db.schema.createTable('seasons'), dialect)
      .addColumn('series_id', 'integer', (c) => c.notNull().references('series.id').onDelete('cascade'))
      .addColumn('season_number', 'integer', notNull)
      .addColumn('monitored', 'integer', notNull)
      .addUniqueConstraint('seasons_series_season_uq', ['series_id', 'season_number'])
      .execute();

    await withId(db.schema.createTable('episodes'), dialect)
      .addColumn('series_id', 'integer', (c) => c.notNull().references('series.id').onDelete('cascade'))
      .addColumn('tvdb_id', 'integer')
      .addColumn('tmdb_id', 'integer')
      .addColumn('season_number', 'integer', notNull)
      .addColumn('episode_number', 'integer', notNull)
      .addColumn('absolute_episode_number', 'integer')
      .addColumn('scene_season_number', 'integer')
      .addColumn('scene_episode_number', 'integer')
      .addColumn('scene_absolute_episode_number', 'integer')
      .addColumn('title', 'text')
      .addColumn('overview', 'text')
      .addColumn('air_date', 'text')
      .addColumn('air_date_utc', 'text')
      .addColumn('runtime', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('monitored', 'integer', notNull)
      .addColumn('episode_file_id', 'integer')
      .addColumn('unverified_scene_numbering', 'integer', (c) => c.notNull().defaultTo(0))
      // Also the index for "episodes of a series" and "episode by S/E" lookups.
      .addUniqueConstraint('episodes_series_season_episode_uq', ['series_id', 'season_number', 'episode_number'])
      .execute();
    await indexes(db, 'episodes', [
      'air_date_utc',
      'tvdb_id',
      'episode_file_id',
      // Wanted (missing): monitored, no file, aired — ordered by air date straight from the index.
      ['monitored', 'episode_file_id', 'air_date_utc'],
      // Parser matches: daily shows by air date, anime by absolute number, scene-numbered releases.
      ['series_id', 'air_date'],
      ['series_id', 'absolute_episode_number'],
      ['series_id', 'scene_season_number', 'scene_episode_number'],
    ]);

    for (const p of defaultQualityProfiles()) {
      await db
        .insertInto('quality_profiles')
        .values({
          name: p.name,
          upgrade_allowed: p.upgradeAllowed ? 1 : 0,
          cutoff: p.cutoff,
          items: JSON.stringify(p.items),
          min_format_score: p.minFormatScore,
          cutoff_format_score: p.cutoffFormatScore,
          format_items: JSON.stringify(p.formatItems),
        })
        .execute();
    }
    await db
      .insertInto('quality_definitions')
      .values(
        defaultQualityDefinitions().map((d) => ({
          quality_id: d.qualityId,
          title: d.title,
          weight: d.weight,
          min_size: d.minSize,
          preferred_size: d.preferredSize,
          max_size: d.maxSize,
        })),
      )
      .execute();
  },
};
