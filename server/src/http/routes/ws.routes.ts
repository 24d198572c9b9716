// GET /api/v1/ws: pushes every bus event as `{type, data}` JSON. Auth is enforced by the same onRequest hook as
// every other route (browsers authenticate with the session cookie or ?apikey=, since they cannot set headers).
import type { FastifyPluginAsync } from 'fastify';
import type { EventBus } from '../../events/event-bus.js';

export function wsRoutes(events: EventBus): FastifyPluginAsync {
  return async (app) => {
    app.get('/api/v1/ws', { websocket: true, schema: { hide: true } }, (socket) => {
      const off = events.onAny((event) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
      });
      socket.on('close', off);
      socket.on('error', off);
      socket.send(JSON.stringify({ type: 'connected', data: {} }));
    });
  };
}
