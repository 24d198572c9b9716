// Starts the real services the medium/contract tiers need, once per `npm test` run.
// PostgreSQL: uses IDKARR_TEST_PG_URL when given, else starts a throwaway cluster on loopback.
// A missing service is a failure, never a silent skip.
import type { TestProject } from 'vitest/node';
import { startPostgres } from './support/postgres.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stops: Array<() => Promise<void>> = [];
  if (!process.env.IDKARR_TEST_PG_URL) {
    const pg = await startPostgres();
    process.env.IDKARR_TEST_PG_URL = pg.url;
    stops.push(pg.stop);
  }
  project.provide('pgUrl', process.env.IDKARR_TEST_PG_URL);
  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}
