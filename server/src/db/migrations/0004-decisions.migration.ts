// Decision engine storage: custom formats, release profiles, delay profiles, the blocklist and pending (delayed)
// releases. JSON lists are text and booleans 0/1 on both dialects, like the library tables.
import { type Migration, type MigrationDb, notNull, withId } from './helpers.js';

async function index(db: MigrationDb, table: string, columns: string[]): Promise<void> {
  await db.schema
    .createIndex(`${table}_${columns.join('_')}_idx`)
    .on(table)
    .columns(columns)
    .execute();
}

export const decisions: Migration = {
  name: '0004-decisions',
  async up(db, dialect) {
    await withId(db.schema.createTable('custom_formats'), dialect)
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('include_in_rename', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('specifications', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();

    await withId(db.schema.createTable('release_profiles'), dialect)
      .addColumn('name', 'text', notNull)
      .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('required', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('ignored', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('indexer_id', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();

    await withId(db.schema.createTable('delay_profiles'), dialect)
      .addColumn('order', 'integer', notNull)
      .addColumn('enable_usenet', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('enable_torrent', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('preferred_protocol', 'text', (c) => c.notNull().defaultTo('usenet'))
      .addColumn('usenet_delay', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('torrent_delay', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('bypass_if_highest_quality', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    // The default profile: no tags, last in order, no delay (what Sonarr/Radarr ship).
    await db
      .insertInto('delay_profiles')
      .values({
        order: 2147483647,
        enable_usenet: 1,
        enable_torrent: 1,
        preferred_protocol: 'usenet',
        usenet_delay: 0,
        torrent_delay: 0,
        bypass_if_highest_quality: 1,
        tags: '[]',
      })
      .execute();

    await withId(db.schema.createTable('blocklist'), dialect)
      .addColumn('movie_id', 'integer', (c) => c.references('movies.id').onDelete('cascade'))
      .addColumn('series_id', 'integer', (c) => c.references('series.id').onDelete('cascade'))
      .addColumn('episode_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('source_title', 'text', notNull)
      .addColumn('quality', 'text', notNull)
      .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('custom_formats', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('indexer_id', 'integer')
      .addColumn('indexer', 'text')
      .addColumn('protocol', 'text', notNull)
      .addColumn('guid', 'text')
      .addColumn('torrent_info_hash', 'text')
      .addColumn('size', 'bigint')
      .addColumn('published_date', 'text')
      .addColumn('date', 'text', notNull)
      .addColumn('message', 'text')
      .execute();
    await index(db, 'blocklist', ['guid']);
    await index(db, 'blocklist', ['torrent_info_hash']);
    await index(db, 'blocklist', ['source_title']);
    await index(db, 'blocklist', ['movie_id']);
    await index(db, 'blocklist', ['series_id']);
    await index(db, 'blocklist', ['date']);

    await withId(db.schema.createTable('pending_releases'), dialect)
      .addColumn('movie_id', 'integer', (c) => c.references('movies.id').onDelete('cascade'))
      .addColumn('series_id', 'integer', (c) => c.references('series.id').onDelete('cascade'))
      .addColumn('episode_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('guid', 'text', notNull)
      .addColumn('indexer_id', 'integer')
      .addColumn('title', 'text', notNull)
      .addColumn('quality', 'text', notNull)
      .addColumn('revision_version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('revision_real', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('custom_format_score', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('release', 'text', notNull)
      .addColumn('reason', 'text', (c) => c.notNull().defaultTo('delay'))
      .addColumn('added', 'text', notNull)
      .addUniqueConstraint('pending_releases_guid_indexer_uq', ['guid', 'indexer_id'])
      .execute();
    await index(db, 'pending_releases', ['movie_id']);
    await index(db, 'pending_releases', ['series_id']);
  },
};
