// Naming configuration: one row per media type (`series`, `movie`) holding its settings as JSON text. No rows are
// seeded: a missing row means the shipped defaults, and stored rows are read over the defaults so settings added
// by a later version start at their default.
import type { Migration } from './helpers.js';

export const naming: Migration = {
  name: '0008-naming',
  async up(db) {
    await db.schema
      .createTable('naming_config')
      .addColumn('media_type', 'text', (c) => c.primaryKey())
      .addColumn('settings', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
