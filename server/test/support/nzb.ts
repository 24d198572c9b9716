// Builds a real NZB and the yEnc-encoded Usenet articles for given file contents, so a fake NNTP server
// (nntp-server.ts) can serve them and SABnzbd/NZBGet can download a job for real on loopback.
import { randomBytes } from 'node:crypto';

export interface NzbFileInput {
  name: string;
  content: Uint8Array;
}

export interface BuiltArticle {
  /** Without angle brackets, as it appears in the NZB. */
  messageId: string;
  /** The article body (yEnc lines joined with CRLF), not dot-stuffed and without the final `.`. */
  body: string;
  subject: string;
}

export interface BuiltNzb {
  title: string;
  xml: string;
  articles: BuiltArticle[];
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0');

/**
 * yEnc: each byte + 42 (mod 256); NUL, LF, CR and `=` are escaped as `=` + (byte + 64). A leading `.` is
 * escaped too, and tabs/spaces at either end of a line, so no transport can mangle the line.
 */
export function yencLines(data: Uint8Array, lineLength = 128): string[] {
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < data.length; i++) {
    const o = (data[i]! + 42) & 0xff;
    const atStart = line.length === 0;
    const atEnd = line.length >= lineLength - 1 || i === data.length - 1;
    const critical =
      o === 0x00 ||
      o === 0x0a ||
      o === 0x0d ||
      o === 0x3d ||
      (atStart && o === 0x2e) ||
      ((atStart || atEnd) && (o === 0x09 || o === 0x20));
    line += critical ? `=${String.fromCharCode((o + 64) & 0xff)}` : String.fromCharCode(o);
    if (line.length >= lineLength) {
      lines.push(line);
      line = '';
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Decodes yEnc lines (used by tests to prove the encoder round-trips). */
export function yencDecode(lines: readonly string[]): Uint8Array {
  const out: number[] = [];
  for (const line of lines) {
    for (let i = 0; i < line.length; i++) {
      let c = line.charCodeAt(i);
      if (c === 0x3d) c = (line.charCodeAt(++i) - 64) & 0xff;
      out.push((c - 42) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

/**
 * Cuts each file into `partSize`-byte yEnc multipart articles and writes the matching NZB.
 * The message ids are random per call, so two NZBs built from the same content are distinct jobs.
 */
export function buildNzb(title: string, files: readonly NzbFileInput[], partSize = 64 * 1024): BuiltNzb {
  const tag = randomBytes(6).toString('hex');
  const articles: BuiltArticle[] = [];
  const fileXml: string[] = [];
  files.forEach((file, fileIndex) => {
    const total = Math.max(1, Math.ceil(file.content.length / partSize));
    const segments: string[] = [];
    const baseSubject = `${title} [${fileIndex + 1}/${files.length}] - "${file.name}" yEnc`;
    for (let part = 1; part <= total; part++) {
      const begin = (part - 1) * partSize;
      const chunk = file.content.subarray(begin, Math.min(begin + partSize, file.content.length));
      const lines = [
        `=ybegin part=${part} total=${total} line=128 size=${file.content.length} name=${file.name}`,
        `=ypart begin=${begin + 1} end=${begin + chunk.length}`,
        ...yencLines(chunk),
        `=yend size=${chunk.length} part=${part} pcrc32=${hex8(crc32(chunk))}${
          part === total ? ` crc32=${hex8(crc32(file.content))}` : ''
        }`,
      ];
      const body = lines.join('\r\n');
      const messageId = `part${part}of${total}.f${fileIndex}.${tag}@idkarr.test`;
      const subject = `${baseSubject} (${part}/${total})`;
      articles.push({ messageId, body, subject });
      segments.push(
        `      <segment bytes="${Buffer.byteLength(body, 'latin1')}" number="${part}">${escapeXml(messageId)}</segment>`,
      );
    }
    fileXml.push(
      [
        `  <file poster="idkarr &lt;tests@idkarr.test&gt;" date="1700000000" subject="${escapeXml(`${baseSubject} (1/${total})`)}">`,
        '    <groups><group>alt.binaries.test</group></groups>',
        '    <segments>',
        ...segments,
        '    </segments>',
        '  </file>',
      ].join('\n'),
    );
  });
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE nzb PUBLIC "-//newzBin//DTD NZB 1.1//EN" "http://www.newzbin.com/DTD/nzb/nzb-1.1.dtd">',
    '<nzb xmlns="http://www.newzbin.com/DTD/2003/nzb">',
    `  <head><meta type="title">${escapeXml(title)}</meta></head>`,
    ...fileXml,
    '</nzb>',
    '',
  ].join('\n');
  return { title, xml, articles };
}
