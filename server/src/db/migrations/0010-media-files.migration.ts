// Media files (issue 7): the library's movie and episode files, their extra files (subtitles, .nfo), and the
// import journal that makes every import and rename crash safe (intent → staged temp file → atomic rename →
// DB commit → clean-up; replayed at start). Paths are unique: one row per file on disk.
import { type Migration, type MigrationDb, notNull, withId } from './helpers.js';

async function index(db: MigrationDb, table: string, columns: string[], unique = false): Promise<void> {
  let builder = db.schema.createIndex(`${table}_${columns.join('_')}_${unique ? 'uq' : 'idx'}`).on(table);
  if (unique) builder = builder.unique();
  await builder.columns(columns).execute();
}

export const mediaFiles: Migration = {
  name: '0010-media-files',
  async up(db, dialect) {
    await withId(db.schema.createTable('movie_files'), dialect)
      .addColumn('movie_id', 'integer', (c) => c.notNull().references('movies.id').onDelete('cascade'))
      .addColumn('path', 'text', notNull)
      .addColumn('relative_path', 'text', notNull)
      .addColumn('size', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('quality', 'text', notNull)
      .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('release_group', 'text')
      .addColumn('scene_name', 'text')
      .addColumn('original_path', 'text')
      .addColumn('edition', 'text')
      .addColumn('media_info', 'text')
      .addColumn('indexer_flags', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('date_added', 'text', notNull)
      .execute();
    await index(db, 'movie_files', ['path'], true);
    await index(db, 'movie_files', ['movie_id']);
    await index(db, 'movie_files', ['original_path']);

    await withId(db.schema.createTable('episode_files'), dialect)
      .addColumn('series_id', 'integer', (c) => c.notNull().references('series.id').onDelete('cascade'))
      .addColumn('season_number', 'integer', notNull)
      .addColumn('path', 'text', notNull)
      .addColumn('relative_path', 'text', notNull)
      .addColumn('size', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('quality', 'text', notNull)
      .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('release_group', 'text')
      .addColumn('scene_name', 'text')
      .addColumn('original_path', 'text')
      .addColumn('media_info', 'text')
      .addColumn('indexer_flags', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('date_added', 'text', notNull)
      .execute();
    await index(db, 'episode_files', ['path'], true);
    await index(db, 'episode_files', ['series_id', 'season_number']);
    await index(db, 'episode_files', ['original_path']);

    await withId(db.schema.createTable('extra_files'), dialect)
      .addColumn('media_type', 'text', notNull)
      .addColumn('movie_file_id', 'integer', (c) => c.references('movie_files.id').onDelete('cascade'))
      .addColumn('episode_file_id', 'integer', (c) => c.references('episode_files.id').onDelete('cascade'))
      .addColumn('path', 'text', notNull)
      .addColumn('relative_path', 'text', notNull)
      .addColumn('kind', 'text', notNull)
      .addColumn('language', 'text')
      .addColumn('date_added', 'text', notNull)
      .execute();
    await index(db, 'extra_files', ['path'], true);
    await index(db, 'extra_files', ['movie_file_id']);
    await index(db, 'extra_files', ['episode_file_id']);

    await withId(db.schema.createTable('import_journal'), dialect)
      .addColumn('op_id', 'text', notNull)
      .addColumn('kind', 'text', notNull)
      .addColumn('state', 'text', notNull)
      .addColumn('step', 'text', notNull)
      .addColumn('mode', 'text', notNull)
      .addColumn('source', 'text', notNull)
      .addColumn('destination', 'text', notNull)
      .addColumn('plan', 'text', notNull)
      .addColumn('created', 'text', notNull)
      .addColumn('updated', 'text', notNull)
      .execute();
    await index(db, 'import_journal', ['op_id'], true);
    await index(db, 'import_journal', ['state']);
  },
};
