// Info-hashes of what torrent clients are handed: the v1 SHA-1 of a .torrent's bencoded `info` dictionary, or the
// `btih` of a magnet link. Clients such as qBittorrent and rTorrent answer an add without naming the torrent, so the
// adapter computes the id itself. Results are upper-case hex, the download-client port's id format.
import { createHash } from 'node:crypto';
import { ValidationError } from '../errors.js';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The upper-case hex info-hash of a magnet link (`xt=urn:btih:` as 40 hex or 32 base32 characters). */
export function magnetInfoHash(uri: string): string {
  if (!/^magnet:\?/i.test(uri)) throw new ValidationError('not a magnet link');
  const params = new URLSearchParams(uri.slice(uri.indexOf('?') + 1));
  for (const xt of params.getAll('xt')) {
    const m = /^urn:btih:([0-9a-z]+)$/i.exec(xt);
    if (!m?.[1]) continue;
    const v = m[1];
    if (/^[0-9a-f]{40}$/i.test(v)) return v.toUpperCase();
    if (/^[a-z2-7]{32}$/i.test(v)) return base32ToHex(v.toUpperCase());
  }
  throw new ValidationError('the magnet link has no BitTorrent v1 info-hash (xt=urn:btih:…)');
}

function base32ToHex(s: string): string {
  let bits = '';
  for (const c of s) bits += BASE32.indexOf(c).toString(2).padStart(5, '0');
  let hex = '';
  for (let i = 0; i + 4 <= bits.length; i += 4) hex += Number.parseInt(bits.slice(i, i + 4), 2).toString(16);
  return hex.toUpperCase();
}

/** The upper-case hex v1 info-hash of a .torrent file. */
export function torrentInfoHash(data: Uint8Array): string {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const span = infoSpan(buf);
  return createHash('sha1').update(buf.subarray(span.start, span.end)).digest('hex').toUpperCase();
}

/** Byte range of the top-level `info` value, found by walking the bencode without building it. */
function infoSpan(buf: Buffer): { start: number; end: number } {
  const bad = (why: string) => new ValidationError(`not a valid .torrent file: ${why}`);
  if (buf[0] !== 0x64) throw bad('it does not start with a dictionary');
  let pos = 1;
  const skip = (depth: number): void => {
    if (depth > 64) throw bad('nested too deeply');
    const c = buf[pos];
    if (c === undefined) throw bad('truncated');
    if (c === 0x69) {
      const end = buf.indexOf(0x65, pos);
      if (end < 0) throw bad('unterminated integer');
      pos = end + 1;
    } else if (c === 0x6c || c === 0x64) {
      pos++;
      while (buf[pos] !== 0x65) {
        if (pos >= buf.length) throw bad('unterminated list or dictionary');
        skip(depth + 1);
      }
      pos++;
    } else if (c >= 0x30 && c <= 0x39) {
      readString();
    } else throw bad(`unexpected byte at ${pos}`);
  };
  const readString = (): Buffer => {
    const colon = buf.indexOf(0x3a, pos);
    if (colon < 0) throw bad('unterminated string length');
    const len = Number(buf.toString('latin1', pos, colon));
    if (!Number.isSafeInteger(len) || colon + 1 + len > buf.length) throw bad('string past the end');
    const s = buf.subarray(colon + 1, colon + 1 + len);
    pos = colon + 1 + len;
    return s;
  };
  while (pos < buf.length && buf[pos] !== 0x65) {
    const key = readString().toString('latin1');
    const start = pos;
    skip(0);
    if (key === 'info') return { start, end: pos };
  }
  throw bad('no info dictionary');
}
