// Pieces the usenet-style contract tests share (NZBGet, SABnzbd, and aria2 for polling): the local NNTP server
// plus a fake web server for NZB URLs around a real daemon, polling an item until a state, and NZB sources.
import type { DownloadClientPort, DownloadItem } from '../../../src/providers/ports/download-client.port.js';
import { FakeHttpServer } from '../fake-http-server.js';
import { NntpServer } from '../nntp-server.js';

export interface UsenetRig<D> {
  nntp: NntpServer;
  web: FakeHttpServer;
  daemon: D;
}

/** Starts the NNTP and web servers, then the daemon pointed at the NNTP server; a failed daemon closes the two. */
export async function startUsenetRig<D>(start: (nntpPort: number) => Promise<D>): Promise<UsenetRig<D>> {
  const nntp = await NntpServer.start();
  const web = await FakeHttpServer.start();
  try {
    return { nntp, web, daemon: await start(nntp.port) };
  } catch (err) {
    await web.close();
    await nntp.close();
    throw err;
  }
}

/** Releases held articles first, so the daemon is not stuck on them while it stops. Tolerates a failed start. */
export async function stopUsenetRig(rig: Partial<UsenetRig<{ stop(): Promise<void> }>>): Promise<void> {
  rig.nntp?.release();
  await rig.daemon?.stop();
  await rig.web?.close();
  await rig.nntp?.close();
}

/** Polls `get` until the item satisfies `done`; the error names the last state seen. */
export async function waitForItem(
  client: Pick<DownloadClientPort, 'get'>,
  id: string,
  done: (item: DownloadItem) => boolean,
  opts: { ms?: number; intervalMs?: number; noun?: string } = {},
): Promise<DownloadItem> {
  const deadline = Date.now() + (opts.ms ?? 20_000);
  let last: DownloadItem | null = null;
  while (Date.now() < deadline) {
    last = await client.get(id);
    if (last && done(last)) return last;
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 150));
  }
  throw new Error(`${opts.noun ?? 'job'} ${id} did not reach the expected state; last: ${JSON.stringify(last)}`);
}

/** An NZB given as file content. */
export const nzbFile = (xml: string, fileName: string) => ({
  kind: 'nzbFile' as const,
  data: new TextEncoder().encode(xml),
  fileName,
});
