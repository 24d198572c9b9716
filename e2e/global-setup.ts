// e2e tier: build web/dist once (when it is missing or stale) before any spec starts a server.
import { ensureWebBuilt } from './support/web-build.js';

export default function setup(): void {
  ensureWebBuilt();
}
