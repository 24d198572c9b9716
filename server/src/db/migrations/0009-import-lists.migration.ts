// Import lists: exclusions (items never added by any list), the items each list had at its last successful fetch
// (to see which ones left it), and each list's last sync result. Lists themselves are provider definitions of kind
// `importlist`; their OAuth tokens live in the definition's secret settings.
import { type Migration, notNull, withId } from './helpers.js';

export const importLists: Migration = {
  name: '0009-import-lists',
  async up(db, dialect) {
    await withId(db.schema.createTable('import_list_exclusions'), dialect)
      .addColumn('media_type', 'text', notNull)
      .addColumn('tmdb_id', 'integer')
      .addColumn('tvdb_id', 'integer')
      .addColumn('imdb_id', 'text')
      .addColumn('title', 'text', notNull)
      .addColumn('year', 'integer')
      .addColumn('created_at', 'text', notNull)
      .execute();
    // NULLs are distinct on both dialects, so each id is unique only where it is set.
    for (const column of ['tmdb_id', 'tvdb_id', 'imdb_id']) {
      await db.schema
        .createIndex(`import_list_exclusions_${column}_unique`)
        .on('import_list_exclusions')
        .columns(['media_type', column])
        .unique()
        .execute();
    }
    await withId(db.schema.createTable('import_list_items'), dialect)
      .addColumn('list_id', 'integer', (c) => c.notNull().references('provider_definitions.id').onDelete('cascade'))
      .addColumn('media_type', 'text', notNull)
      .addColumn('tmdb_id', 'integer')
      .addColumn('tvdb_id', 'integer')
      .addColumn('imdb_id', 'text')
      .addColumn('title', 'text', notNull)
      .addColumn('year', 'integer')
      .addColumn('seen_at', 'text', notNull)
      .execute();
    await db.schema.createIndex('import_list_items_list').on('import_list_items').column('list_id').execute();
    await db.schema
      .createTable('import_list_results')
      .addColumn('list_id', 'integer', (c) => c.primaryKey().references('provider_definitions.id').onDelete('cascade'))
      .addColumn('synced_at', 'text', notNull)
      .addColumn('result', 'text', notNull)
      .execute();
  },
};
