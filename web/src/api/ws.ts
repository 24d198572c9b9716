// One WebSocket to /api/v1/ws (the session cookie authenticates it). Each `{type, data}` event invalidates the
// queries it makes stale; the socket reconnects with backoff and, after a reconnect, refetches everything active
// because events may have been missed in between.
import type { QueryClient } from '@tanstack/react-query';
import { keysForEvent } from './query-keys';

export type Listener = (event: { type: string; data: unknown }) => void;

export function connectEvents(client: QueryClient, onEvent?: Listener): () => void {
  let socket: WebSocket | undefined;
  let attempt = 0;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const open = () => {
    const proto = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(`${proto}//${window.location.host}/api/v1/ws`);
    socket.onmessage = (msg) => {
      let event: { type: string; data: unknown };
      try {
        event = JSON.parse(String(msg.data));
      } catch {
        return;
      }
      if (event.type === 'connected') {
        if (attempt > 0) void client.invalidateQueries();
        attempt = 0;
      }
      for (const queryKey of keysForEvent(event.type, event.data)) void client.invalidateQueries({ queryKey });
      onEvent?.(event);
    };
    socket.onclose = () => {
      if (closed) return;
      attempt++;
      timer = setTimeout(open, Math.min(30_000, 500 * 2 ** Math.min(attempt, 6)));
    };
  };
  open();
  return () => {
    closed = true;
    if (timer) clearTimeout(timer);
    socket?.close();
  };
}
