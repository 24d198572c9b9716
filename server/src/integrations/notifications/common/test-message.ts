// The plain `manual_test` message the chat/push notifiers send from test(). (Webhook and Custom Script send the
// richer sample from services/notifications/messages.ts, since their payloads carry series/episode fields.)
import type { NotificationMessage } from '../../../providers/ports/notifier.port.js';

export function manualTestMessage(now: number): NotificationMessage {
  return {
    type: 'manual_test',
    title: 'Test',
    message: 'This is a test message from idkarr',
    payload: {},
    occurredAt: new Date(now).toISOString(),
    instanceName: 'idkarr',
    applicationUrl: '',
  };
}
