// A health source for GET /api/v1/health: notification definitions whose deliveries failed in the last day and
// have not delivered anything since. Complements the provider status (which the next health sweep may clear).
import type { NotificationOutboxRepository } from '../../db/repositories/notification-outbox.repository.js';
import type { ProviderDefinitionRepository } from '../../db/repositories/provider-definition.repository.js';
import type { Clock } from '../../lib/clock.js';
import type { HealthIssue, HealthSource } from '../health.service.js';

export const NOTIFICATION_HEALTH_WINDOW_MS = 24 * 3_600_000;

export function notificationHealthSource(deps: {
  outbox: Pick<NotificationOutboxRepository, 'recentFailures'>;
  definitions: Pick<ProviderDefinitionRepository, 'list'>;
  clock: Clock;
  windowMs?: number;
}): HealthSource {
  return async () => {
    const since = new Date(deps.clock.now() - (deps.windowMs ?? NOTIFICATION_HEALTH_WINDOW_MS)).toISOString();
    const failures = await deps.outbox.recentFailures(since);
    if (failures.length === 0) return [];
    const byId = new Map((await deps.definitions.list('notification')).map((d) => [d.id, d]));
    const issues: HealthIssue[] = [];
    for (const f of failures) {
      const d = byId.get(f.definitionId);
      if (!d?.enabled) continue;
      const n = f.failed === 1 ? '1 notification' : `${f.failed} notifications`;
      issues.push({
        source: `notification:${d.name}`,
        type: 'warning',
        message: `${n} to ${d.name} could not be delivered${f.lastError ? `: ${f.lastError}` : ''}`,
        definitionId: d.id,
        kind: 'notification',
        wikiUrl: `/settings/notification/${d.id}`,
      });
    }
    return issues;
  };
}
