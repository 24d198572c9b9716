import { type Migration, notNull, withId } from './helpers.js';

export const foundation: Migration = {
  name: '0001-foundation',
  async up(db, dialect) {
    await withId(db.schema.createTable('users'), dialect)
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', notNull)
      .addColumn('expires_at', 'text', notNull)
      .execute();
    await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();

    await withId(db.schema.createTable('commands'), dialect)
      .addColumn('name', 'text', notNull)
      .addColumn('body', 'text', notNull)
      .addColumn('dedupe_key', 'text', notNull)
      .addColumn('status', 'text', notNull)
      .addColumn('trigger', 'text', notNull)
      .addColumn('exclusive', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('message', 'text')
      .addColumn('progress', 'real')
      .addColumn('queued_at', 'text', notNull)
      .addColumn('started_at', 'text')
      .addColumn('ended_at', 'text')
      .addColumn('error', 'text')
      .addColumn('result', 'text')
      .execute();
    await db.schema.createIndex('commands_status_idx').on('commands').columns(['status', 'id']).execute();
    await db.schema.createIndex('commands_dedupe_idx').on('commands').columns(['dedupe_key', 'status']).execute();

    await db.schema
      .createTable('scheduled_tasks')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('interval_minutes', 'integer', notNull)
      .addColumn('last_run_at', 'text')
      .addColumn('last_duration_ms', 'integer')
      .addColumn('next_run_at', 'text', notNull)
      .execute();

    await withId(db.schema.createTable('provider_definitions'), dialect)
      .addColumn('kind', 'text', notNull)
      .addColumn('implementation', 'text', notNull)
      .addColumn('name', 'text', notNull)
      .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('settings', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .addUniqueConstraint('provider_definitions_kind_name_uq', ['kind', 'name'])
      .execute();
    await db.schema.createIndex('provider_definitions_kind_idx').on('provider_definitions').column('kind').execute();

    await db.schema
      .createTable('provider_status')
      .addColumn('definition_id', 'integer', (c) =>
        c.primaryKey().references('provider_definitions.id').onDelete('cascade'),
      )
      .addColumn('health', 'text', notNull)
      .addColumn('latency_ms', 'integer')
      .addColumn('last_checked', 'text')
      .addColumn('message', 'text')
      .addColumn('failure_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('disabled_until', 'text')
      .addColumn('last_failure_at', 'text')
      .execute();

    await db.schema
      .createTable('key_value')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', notNull)
      .execute();
  },
};
