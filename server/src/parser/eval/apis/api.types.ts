// Contract between the evaluator and the per-area adapters that call the parser for one fixture `api`.
export interface FixtureRecord {
  id: string;
  kind: string;
  title: string;
  expect: Record<string, unknown>;
  source: 'Sonarr' | 'Radarr';
  api: string;
  params?: Record<string, unknown>;
  needsContext?: boolean;
  context?: string;
  derived?: string[];
  caseInsensitive?: string[];
}

/** Returns the parser's answer shaped like `expect` (same key names), or null when the parser rejected the input. */
export type ApiAdapter = (record: FixtureRecord) => Record<string, unknown> | null;

export interface ApiModule {
  adapters: Record<string, ApiAdapter>;
  /** Applied to both expected and actual value of a key before comparing (e.g. `movieTitleCleanEquals`). */
  normalizers?: Record<string, (value: string) => string>;
}
