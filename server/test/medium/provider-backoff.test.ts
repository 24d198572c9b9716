// The health service with the real backoff policy (lib/resilience/backoff.ts) on both dialects: the startup grace
// holds the first step, escalation follows the steps after it, download clients are capped lower, success clears.
import { afterEach, describe, expect, it } from 'vitest';
import { UnreachableError } from '../../src/lib/errors.js';
import { ProviderBackoffPolicy } from '../../src/lib/resilience/backoff.js';
import type { ProviderBackoff } from '../../src/providers/backoff.port.js';
import type { ProviderKind } from '../../src/providers/provider-kind.js';
import { DIALECTS } from '../support/databases.js';
import { type ProviderHarness, providerHarness, START, validInput } from '../support/test-doubles/provider-harness.js';

const MIN = 60_000;

describe.each(DIALECTS)('provider backoff with the real policy (%s)', (dialect) => {
  let h: ProviderHarness;
  afterEach(async () => {
    await h.close();
  });

  async function setup(kind: ProviderKind) {
    h = await providerHarness(
      dialect,
      (clock): ProviderBackoff => new ProviderBackoffPolicy({ clock, startedAt: START }),
    );
    const def = await h.definitions.create(kind, validInput());
    h.control.health = { mode: 'throw', error: () => new UnreachableError('refused') };
    return def;
  }

  /** Fails a check now and returns how long the provider is blocked for. */
  async function failOnce(id: number): Promise<number> {
    await h.health.checkAll();
    const status = await h.statusRepo.get(id);
    return Date.parse(status?.disabledUntil ?? '') - h.clock.now();
  }

  it('holds the first step during the startup grace, then escalates, and a success clears', async () => {
    const def = await setup('indexer');
    expect(await failOnce(def.id)).toBe(MIN);
    await h.clock.advance(MIN);
    expect(await failOnce(def.id)).toBe(MIN); // still within 15 minutes of start
    await h.clock.advance(15 * MIN);
    expect(await failOnce(def.id)).toBe(5 * MIN);
    await h.clock.advance(5 * MIN);
    expect(await failOnce(def.id)).toBe(15 * MIN);
    expect((await h.statusRepo.get(def.id))?.failureCount).toBe(3);

    await h.clock.advance(15 * MIN);
    h.control.health = { mode: 'ok' };
    await h.health.checkAll();
    expect(await h.statusRepo.get(def.id)).toMatchObject({ health: 'healthy', failureCount: 0, disabledUntil: null });
  });

  it('caps download clients at 15 minutes', async () => {
    const def = await setup('downloadclient');
    await h.clock.advance(20 * MIN);
    const blocks: number[] = [];
    for (let i = 0; i < 6; i++) {
      const ms = await failOnce(def.id);
      blocks.push(ms / MIN);
      await h.clock.advance(ms);
    }
    expect(blocks).toEqual([1, 5, 15, 15, 15, 15]);
  });
});
