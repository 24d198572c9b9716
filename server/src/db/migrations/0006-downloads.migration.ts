// Download tracking storage (issue 6) and history (issue 7 item 5): remote path mappings, the tracked downloads
// that make up the queue, and the history of grabs, imports, failures, deletions and renames. JSON is text and
// sizes are bigint on both dialects, like the library tables.
import { type Migration, type MigrationDb, notNull, withId } from './helpers.js';

async function index(db: MigrationDb, table: string, columns: string[], unique = false): Promise<void> {
  let builder = db.schema.createIndex(`${table}_${columns.join('_')}_${unique ? 'uq' : 'idx'}`).on(table);
  if (unique) builder = builder.unique();
  await builder.columns(columns).execute();
}

export const downloads: Migration = {
  name: '0006-downloads',
  async up(db, dialect) {
    await withId(db.schema.createTable('remote_path_mappings'), dialect)
      .addColumn('host', 'text', notNull)
      .addColumn('remote_path', 'text', notNull)
      .addColumn('local_path', 'text', notNull)
      .addUniqueConstraint('remote_path_mappings_host_remote_uq', ['host', 'remote_path'])
      .execute();

    await withId(db.schema.createTable('tracked_downloads'), dialect)
      .addColumn('download_client_id', 'integer', notNull)
      .addColumn('download_id', 'text', notNull)
      .addColumn('protocol', 'text', notNull)
      .addColumn('title', 'text', notNull)
      .addColumn('indexer', 'text')
      .addColumn('indexer_id', 'integer')
      .addColumn('guid', 'text')
      .addColumn('info_hash', 'text')
      .addColumn('size', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('remaining_size', 'bigint')
      .addColumn('progress', 'real', (c) => c.notNull().defaultTo(0))
      .addColumn('eta_seconds', 'integer')
      .addColumn('client_status', 'text')
      .addColumn('quality', 'text', notNull)
      .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('release', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('media_type', 'text', notNull)
      .addColumn('movie_id', 'integer', (c) => c.references('movies.id').onDelete('cascade'))
      .addColumn('series_id', 'integer', (c) => c.references('series.id').onDelete('cascade'))
      .addColumn('episode_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('status', 'text', notNull)
      .addColumn('status_messages', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('output_path', 'text')
      .addColumn('added', 'text', notNull)
      .addColumn('last_seen', 'text')
      .addColumn('last_progress_at', 'text')
      .addColumn('last_progress', 'bigint')
      .addColumn('seed_ratio', 'real')
      .addColumn('seed_time_minutes', 'integer')
      .addColumn('import_attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await index(db, 'tracked_downloads', ['download_client_id', 'download_id'], true);
    await index(db, 'tracked_downloads', ['status']);
    await index(db, 'tracked_downloads', ['movie_id']);
    await index(db, 'tracked_downloads', ['series_id']);
    await index(db, 'tracked_downloads', ['guid']);
    await index(db, 'tracked_downloads', ['info_hash']);

    await withId(db.schema.createTable('history'), dialect)
      .addColumn('event_type', 'text', notNull)
      .addColumn('date', 'text', notNull)
      .addColumn('source_title', 'text', notNull)
      .addColumn('quality', 'text', notNull)
      .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('custom_format_score', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('movie_id', 'integer', (c) => c.references('movies.id').onDelete('cascade'))
      .addColumn('series_id', 'integer', (c) => c.references('series.id').onDelete('cascade'))
      .addColumn('episode_id', 'integer', (c) => c.references('episodes.id').onDelete('cascade'))
      .addColumn('download_id', 'text')
      .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
    await index(db, 'history', ['date']);
    await index(db, 'history', ['movie_id']);
    await index(db, 'history', ['series_id', 'episode_id']);
    await index(db, 'history', ['download_id']);
    await index(db, 'history', ['event_type']);
  },
};
