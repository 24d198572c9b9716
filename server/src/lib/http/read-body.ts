// Reads a response body chunk by chunk and stops at a byte cap, so a misbehaving indexer streaming gigabytes
// cannot exhaust memory: we never hold more than the cap plus one chunk.
import { ProtocolError } from '../errors.js';

export async function readBodyCapped(response: Response, maxBytes: number, what: string): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new ProtocolError(`${what}: response of ${declared} bytes exceeds the ${maxBytes}-byte limit`);
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Cancelling tears down the connection, so the server stops sending instead of us draining it.
      await reader.cancel().catch(() => {});
      throw new ProtocolError(`${what}: response body exceeds the ${maxBytes}-byte limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** The first `maxBytes` of a body as text, for error messages; the rest is never read. */
export async function readExcerpt(response: Response, maxBytes = 2048): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    while (total < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.byteLength;
    }
  } catch {
    // An excerpt is best effort; the status code already tells the story.
  } finally {
    await reader.cancel().catch(() => {});
  }
  return Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
}
