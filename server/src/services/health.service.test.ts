import { describe, expect, it } from 'vitest';
import { HealthService } from './health.service.js';

describe('HealthService', () => {
  it('is empty with no sources', async () => {
    expect(await new HealthService().issues()).toEqual([]);
  });

  it('concatenates sync and async sources in registration order and reports a failing source', async () => {
    const h = new HealthService();
    h.register(() => [{ source: 'a', type: 'warning', message: 'A' }]);
    h.register(async () => {
      throw new Error('db gone');
    });
    h.register(async () => [
      { source: 'b', type: 'error', message: 'B', wikiUrl: '/settings/indexer/1', definitionId: 1, kind: 'indexer' },
    ]);
    expect(await h.issues()).toEqual([
      { source: 'a', type: 'warning', message: 'A' },
      { source: 'health', type: 'error', message: 'a health check failed: db gone' },
      { source: 'b', type: 'error', message: 'B', wikiUrl: '/settings/indexer/1', definitionId: 1, kind: 'indexer' },
    ]);
  });
});
