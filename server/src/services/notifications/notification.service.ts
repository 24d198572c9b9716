// The notification dispatcher. notify() decides who gets an event (enabled, unblocked notification definitions
// whose event switch wants it and whose tags match the item) and writes one outbox row per target. Nothing is
// sent here, so a grab or an import never waits on a notifier; the OutboxWorker delivers.
import type { NotificationOutboxRepository } from '../../db/repositories/notification-outbox.repository.js';
import { wantsEvent } from '../../integrations/notifications/common/event-fields.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { NotificationMessage } from '../../providers/ports/notifier.port.js';
import type { ProviderDefinition } from '../../providers/provider.types.js';
import type { ProviderKind } from '../../providers/provider-kind.js';
import { concernsLibraryItem } from './messages.js';

export interface NotificationServiceDeps {
  outbox: NotificationOutboxRepository;
  /** ProviderHealthService: enabled, unblocked definitions of a kind. */
  providers: { available(kind: ProviderKind): Promise<ProviderDefinition[]> };
  clock: Clock;
  log: Logger;
  /** Called after rows were queued (the worker's kick), so delivery starts without waiting for its interval. */
  onQueued?: () => void;
}

/**
 * Whether a definition's tags let an item through: no tags = everything; otherwise at least one shared tag.
 * Events that are not about a library item (health, updates, tests) ignore tags.
 */
export function tagsMatch(definitionTags: readonly number[], itemTags: readonly number[], aboutItem: boolean): boolean {
  if (!aboutItem || definitionTags.length === 0) return true;
  return definitionTags.some((t) => itemTags.includes(t));
}

export class NotificationService {
  constructor(private readonly deps: NotificationServiceDeps) {}

  /** The definitions an event goes to. */
  async targets(message: NotificationMessage, itemTags: readonly number[] = []): Promise<ProviderDefinition[]> {
    // A manual test carries a sample series; it still goes to every definition.
    const aboutItem = message.type !== 'manual_test' && concernsLibraryItem(message);
    const level = message.payload.health?.level;
    return (await this.deps.providers.available('notification')).filter(
      (d) => wantsEvent(d.settings, message.type, level) && tagsMatch(d.tags, itemTags, aboutItem),
    );
  }

  /**
   * Queues `message` for every matching notification definition; returns the outbox ids. Never throws for a
   * notifier's sake: a failure to queue is logged and reported as no ids, so callers (grab, import) carry on.
   */
  async notify(message: NotificationMessage, itemTags: readonly number[] = []): Promise<number[]> {
    try {
      const targets = await this.targets(message, itemTags);
      if (targets.length === 0) return [];
      const now = new Date(this.deps.clock.now()).toISOString();
      const ids = await this.deps.outbox.enqueue(
        targets.map((d) => ({ definitionId: d.id, message, nextAttemptAt: now, createdAt: now })),
      );
      this.deps.log.debug({ eventType: message.type, targets: targets.map((d) => d.id) }, 'notification queued');
      this.deps.onQueued?.();
      return ids;
    } catch (err) {
      this.deps.log.error({ err, eventType: message.type }, 'queueing a notification failed');
      return [];
    }
  }

  /** Queues a message for one definition regardless of its switches and tags (e.g. a resend from the UI). */
  async enqueueFor(definitionId: number, message: NotificationMessage): Promise<number> {
    const now = new Date(this.deps.clock.now()).toISOString();
    const [id] = await this.deps.outbox.enqueue([{ definitionId, message, nextAttemptAt: now, createdAt: now }]);
    this.deps.onQueued?.();
    return id!;
  }
}
