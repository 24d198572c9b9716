// Search (issue 5 items 3–4): scene-group statistics (and the releases already counted, so an RSS item seen on
// every sync counts once), per-quality-profile reputation settings, and the interactive-search release cache that
// POST /release grabs from. JSON lists are text and booleans 0/1 on both dialects, like the other tables.
import { type Migration, type MigrationDb, notNull, withId } from './helpers.js';

async function index(db: MigrationDb, table: string, columns: string[]): Promise<void> {
  await db.schema
    .createIndex(`${table}_${columns.join('_')}_idx`)
    .on(table)
    .columns(columns)
    .execute();
}

export const search: Migration = {
  name: '0007-search',
  async up(db, dialect) {
    await withId(db.schema.createTable('scene_group_stats'), dialect)
      .addColumn('group_key', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', notNull)
      .addColumn('total_releases', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('internal_releases', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('seeder_samples', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('seeders_total', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('peers_total', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('grabbed_downloads', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('completed_downloads', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('failed_downloads', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('qualities', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('categories', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('indexers', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('size_samples', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('size_within_limits', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('first_seen', 'text', notNull)
      .addColumn('last_seen', 'text', notNull)
      .addColumn('score', 'double precision', (c) => c.notNull().defaultTo(0))
      .addColumn('tier', 'text', (c) => c.notNull().defaultTo('D'))
      .addColumn('confidence', 'text', (c) => c.notNull().defaultTo('low'))
      .addColumn('updated', 'text', notNull)
      .execute();
    await index(db, 'scene_group_stats', ['score']);
    await withId(db.schema.createTable('scene_group_releases'), dialect)
      .addColumn('group_key', 'text', notNull)
      .addColumn('indexer_id', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('guid', 'text', notNull)
      .addColumn('seen', 'text', notNull)
      .addUniqueConstraint('scene_group_releases_uq', ['indexer_id', 'guid'])
      .execute();
    await index(db, 'scene_group_releases', ['seen']);
    await db.schema
      .createTable('scene_group_profile_settings')
      .addColumn('quality_profile_id', 'integer', (c) =>
        c.primaryKey().references('quality_profiles.id').onDelete('cascade'),
      )
      .addColumn('minimum_score', 'double precision', (c) => c.notNull().defaultTo(0))
      .addColumn('prefer_reputable', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await withId(db.schema.createTable('release_cache'), dialect)
      .addColumn('indexer_id', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('guid', 'text', notNull)
      .addColumn('release', 'text', notNull)
      .addColumn('search', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('expires', 'text', notNull)
      .addUniqueConstraint('release_cache_uq', ['indexer_id', 'guid'])
      .execute();
    await index(db, 'release_cache', ['expires']);
  },
};
