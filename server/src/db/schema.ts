// Row shapes as stored. Booleans are 0/1 integers and JSON is text on both dialects, so repositories convert
// once and the rest of the code never sees a dialect difference. Timestamps are ISO-8601 UTC strings.
import type { Generated } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  created_at: string;
}

export interface SessionsTable {
  id: string; // sha256 of the cookie token, so a database leak does not leak live sessions
  user_id: number;
  created_at: string;
  expires_at: string;
}

export interface CommandsTable {
  id: Generated<number>;
  name: string;
  body: string;
  dedupe_key: string;
  status: string;
  trigger: string;
  exclusive: number;
  message: string | null;
  progress: number | null;
  queued_at: string;
  started_at: string | null;
  ended_at: string | null;
  error: string | null;
  result: string | null;
}

export interface ScheduledTasksTable {
  name: string;
  interval_minutes: number;
  last_run_at: string | null;
  last_duration_ms: number | null;
  next_run_at: string;
}

export interface ProviderDefinitionsTable {
  id: Generated<number>;
  kind: string;
  implementation: string;
  name: string;
  enabled: number;
  tags: string;
  settings: string;
  created_at: string;
  updated_at: string;
}

export interface ProviderStatusTable {
  definition_id: number;
  health: string;
  latency_ms: number | null;
  last_checked: string | null;
  message: string | null;
  failure_count: number;
  disabled_until: string | null;
  last_failure_at: string | null;
}

export interface KeyValueTable {
  key: string;
  value: string;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  commands: CommandsTable;
  scheduled_tasks: ScheduledTasksTable;
  provider_definitions: ProviderDefinitionsTable;
  provider_status: ProviderStatusTable;
  key_value: KeyValueTable;
}
