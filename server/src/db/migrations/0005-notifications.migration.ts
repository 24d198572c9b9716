// The notification outbox: one row per (event, notification definition). The dispatcher only inserts; a worker
// delivers, retries with backoff and records the outcome, so a grab or import never waits on a notifier and a
// restart loses nothing that was queued.
import { type Migration, notNull, withId } from './helpers.js';

export const notifications: Migration = {
  name: '0005-notifications',
  async up(db, dialect) {
    await withId(db.schema.createTable('notification_outbox'), dialect)
      .addColumn('definition_id', 'integer', (c) =>
        c.notNull().references('provider_definitions.id').onDelete('cascade'),
      )
      .addColumn('event_type', 'text', notNull)
      .addColumn('message', 'text', notNull)
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text', notNull)
      .addColumn('last_error', 'text')
      .addColumn('result', 'text')
      .addColumn('created_at', 'text', notNull)
      .addColumn('sent_at', 'text')
      .execute();
    // The worker's claim query, the history filter and the cascade/health lookups.
    await db.schema
      .createIndex('notification_outbox_status_next_attempt_at_idx')
      .on('notification_outbox')
      .columns(['status', 'next_attempt_at'])
      .execute();
    await db.schema
      .createIndex('notification_outbox_definition_id_status_idx')
      .on('notification_outbox')
      .columns(['definition_id', 'status'])
      .execute();
    await db.schema
      .createIndex('notification_outbox_created_at_idx')
      .on('notification_outbox')
      .column('created_at')
      .execute();
  },
};
