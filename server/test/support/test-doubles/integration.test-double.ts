// A fake integration for every kind whose behaviour the test controls: ok, findings, throw, or slow.
// Never listed in the shipped registries; tests build a ProviderRegistry from these.
import { z } from 'zod';
import type { Finding } from '../../../src/lib/errors.js';
import { type AnyIntegration, defineIntegration, type IntegrationContext } from '../../../src/providers/integration.js';
import type { IntegrationInstance, PortFor } from '../../../src/providers/ports.js';
import { PROVIDER_KINDS, type ProviderKind } from '../../../src/providers/provider-kind.js';
import { ProviderRegistry } from '../../../src/providers/provider-registry.js';

export type TestDoubleBehaviour =
  | { mode: 'ok'; latencyMs?: number }
  | { mode: 'findings'; findings: Finding[] }
  | { mode: 'throw'; error: () => Error }
  /** Waits on the context clock (advance a FakeClock to finish it), then succeeds. */
  | { mode: 'slow'; delayMs: number };

/** Shared switchboard: set `test`/`health` before acting; read the counters afterwards. */
export class IntegrationTestDoubleControl {
  test: TestDoubleBehaviour = { mode: 'ok' };
  health: TestDoubleBehaviour = { mode: 'ok', latencyMs: 12 };
  created = 0;
  disposed = 0;
  testCalls = 0;
  healthCalls = 0;
  readonly settingsSeen: Record<string, unknown>[] = [];
  readonly contexts: IntegrationContext[] = [];
}

export const testDoubleSettings = z.object({
  url: z
    .url()
    .meta({ label: 'URL', help: 'Where the service listens', order: 1, placeholder: 'http://localhost:8080' }),
  apiKey: z.string().min(1).meta({ label: 'API key', secret: true, order: 2 }),
  password: z.string().default('').meta({ label: 'Password', secret: true, order: 3 }),
  priority: z.number().int().min(1).max(50).default(25).meta({ label: 'Priority', advanced: true, order: 4 }),
});

async function act<T>(
  behaviour: TestDoubleBehaviour,
  ctx: IntegrationContext,
  ok: (latencyMs: number) => T,
  findings: (f: Finding[]) => T,
): Promise<T> {
  switch (behaviour.mode) {
    case 'ok':
      return ok(behaviour.latencyMs ?? 12);
    case 'findings':
      return findings(behaviour.findings);
    case 'throw':
      throw behaviour.error();
    case 'slow':
      await ctx.clock.sleep(behaviour.delayMs);
      return ok(behaviour.delayMs);
  }
}

export function integrationTestDouble(
  kind: ProviderKind,
  control: IntegrationTestDoubleControl,
  id = 'test-double',
): AnyIntegration {
  return defineIntegration({
    kind,
    id,
    name: `Test double (${kind})`,
    description: 'A controllable fake for tests',
    ...(kind === 'downloadclient' || kind === 'indexer' ? { protocol: 'torrent' as const } : {}),
    capabilities: ['testing'],
    settings: testDoubleSettings,
    errorFields: { auth: 'apiKey', connection: 'url' },
    create(settings, ctx) {
      control.created++;
      control.settingsSeen.push(settings);
      control.contexts.push(ctx);
      const instance: IntegrationInstance = {
        test: () => {
          control.testCalls++;
          return act(
            control.test,
            ctx,
            () => [],
            (f) => f,
          );
        },
        healthCheck: () => {
          control.healthCalls++;
          return act(
            control.health,
            ctx,
            (latencyMs) => ({ latencyMs }),
            () => ({ latencyMs: 1 }),
          );
        },
        dispose: () => {
          control.disposed++;
        },
      };
      // A double of every kind offers only the operations all kinds share.
      return instance as PortFor<typeof kind>;
    },
  });
}

/** A registry holding one double per kind, all driven by the same control. */
export function testDoubleRegistry(control: IntegrationTestDoubleControl): ProviderRegistry {
  return new ProviderRegistry(Object.fromEntries(PROVIDER_KINDS.map((k) => [k, [integrationTestDouble(k, control)]])));
}
