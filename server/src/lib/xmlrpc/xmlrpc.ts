// A small XML-RPC codec (http://xmlrpc.com/spec.md plus the common `i8` extension rTorrent uses for sizes):
// encodes a method call, decodes a method response or fault. Only the XML that XML-RPC needs is understood:
// elements, text, character/entity references and CDATA; no attributes, namespaces or DTDs.
import { ProtocolError } from '../errors.js';

export type XmlRpcValue =
  | string
  | number
  | bigint
  | boolean
  | Date
  | Uint8Array
  | XmlRpcValue[]
  | { [key: string]: XmlRpcValue };

/** A `<fault>` answer: the remote understood the call and refused it. */
export class XmlRpcFault extends Error {
  constructor(
    readonly faultCode: number,
    readonly faultString: string,
  ) {
    super(`XML-RPC fault ${faultCode}: ${faultString}`);
    this.name = 'XmlRpcFault';
  }
}

const I4_MIN = -(2 ** 31);
const I4_MAX = 2 ** 31 - 1;

export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

export function encodeValue(v: XmlRpcValue): string {
  if (typeof v === 'string') return `<value><string>${escapeXml(v)}</string></value>`;
  if (typeof v === 'boolean') return `<value><boolean>${v ? 1 : 0}</boolean></value>`;
  if (typeof v === 'bigint') return `<value><i8>${v}</i8></value>`;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new TypeError('XML-RPC cannot carry NaN or Infinity');
    if (Number.isInteger(v))
      return v >= I4_MIN && v <= I4_MAX ? `<value><i4>${v}</i4></value>` : `<value><i8>${v}</i8></value>`;
    return `<value><double>${v}</double></value>`;
  }
  if (v instanceof Date) return `<value><dateTime.iso8601>${isoBasic(v)}</dateTime.iso8601></value>`;
  if (v instanceof Uint8Array) return `<value><base64>${Buffer.from(v).toString('base64')}</base64></value>`;
  if (Array.isArray(v)) return `<value><array><data>${v.map(encodeValue).join('')}</data></array></value>`;
  const members = Object.entries(v)
    .map(([k, m]) => `<member><name>${escapeXml(k)}</name>${encodeValue(m)}</member>`)
    .join('');
  return `<value><struct>${members}</struct></value>`;
}

function isoBasic(d: Date): string {
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, '')
    .replace(/-/g, '');
}

export function encodeCall(method: string, params: readonly XmlRpcValue[]): string {
  const ps = params.map((p) => `<param>${encodeValue(p)}</param>`).join('');
  return `<?xml version="1.0"?><methodCall><methodName>${escapeXml(method)}</methodName><params>${ps}</params></methodCall>`;
}

// ---- decoding -------------------------------------------------------------------------------------------------

interface XmlElement {
  name: string;
  children: XmlNode[];
}
type XmlNode = XmlElement | string;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

/** Parses the document into elements and text; throws ProtocolError on malformed XML. */
export function parseXml(xml: string): XmlElement {
  const bad = (why: string) => new ProtocolError(`malformed XML-RPC answer: ${why}`, xml);
  const root: XmlElement = { name: '#root', children: [] };
  const stack: XmlElement[] = [root];
  let pos = 0;
  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > pos) stack[stack.length - 1]!.children.push(decodeEntities(xml.slice(pos, textEnd)));
    if (lt < 0) break;
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt);
      if (end < 0) throw bad('unterminated processing instruction');
      pos = end + 2;
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end < 0) throw bad('unterminated comment');
      pos = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      if (end < 0) throw bad('unterminated CDATA');
      stack[stack.length - 1]!.children.push(xml.slice(lt + 9, end));
      pos = end + 3;
    } else if (xml.startsWith('<!', lt)) {
      throw bad('DTDs are not supported');
    } else {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) throw bad('unterminated tag');
      const inner = xml.slice(lt + 1, gt).trim();
      pos = gt + 1;
      if (inner.startsWith('/')) {
        const name = inner.slice(1).trim();
        const open = stack.pop();
        if (!open || open === root || open.name !== name) throw bad(`unexpected </${name}>`);
      } else {
        const selfClosing = inner.endsWith('/');
        const name = (selfClosing ? inner.slice(0, -1) : inner).trim().split(/\s+/)[0] ?? '';
        if (!/^[A-Za-z_][\w.:-]*$/.test(name)) throw bad(`bad tag <${inner}>`);
        const el: XmlElement = { name, children: [] };
        stack[stack.length - 1]!.children.push(el);
        if (!selfClosing) stack.push(el);
      }
    }
  }
  if (stack.length !== 1) throw bad(`<${stack[stack.length - 1]!.name}> is not closed`);
  return root;
}

const elements = (el: XmlElement): XmlElement[] => el.children.filter((c): c is XmlElement => typeof c !== 'string');
const text = (el: XmlElement): string => el.children.map((c) => (typeof c === 'string' ? c : text(c))).join('');

function only(el: XmlElement, name: string, xml: string): XmlElement {
  const found = elements(el).find((c) => c.name === name);
  if (!found) throw new ProtocolError(`malformed XML-RPC answer: <${el.name}> has no <${name}>`, xml);
  return found;
}

function decodeInt(s: string, xml: string): number | bigint {
  const t = s.trim();
  if (!/^[+-]?\d+$/.test(t)) throw new ProtocolError(`malformed XML-RPC integer "${t}"`, xml);
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : BigInt(t);
}

export function decodeValue(value: XmlElement, xml: string): XmlRpcValue {
  const typed = elements(value)[0];
  if (!typed) return text(value); // no type element: a string
  const body = text(typed);
  switch (typed.name) {
    case 'string':
      return body;
    case 'i4':
    case 'int':
    case 'i8':
    case 'ex:i8':
      return decodeInt(body, xml);
    case 'boolean': {
      const t = body.trim();
      if (t !== '0' && t !== '1') throw new ProtocolError(`malformed XML-RPC boolean "${t}"`, xml);
      return t === '1';
    }
    case 'double': {
      const n = Number(body.trim());
      if (body.trim() === '' || Number.isNaN(n)) throw new ProtocolError(`malformed XML-RPC double "${body}"`, xml);
      return n;
    }
    case 'base64':
      return new Uint8Array(Buffer.from(body.replace(/\s+/g, ''), 'base64'));
    case 'dateTime.iso8601': {
      const m = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(body.trim());
      if (!m) throw new ProtocolError(`malformed XML-RPC date "${body}"`, xml);
      return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
    }
    case 'array':
      return elements(only(typed, 'data', xml))
        .filter((c) => c.name === 'value')
        .map((c) => decodeValue(c, xml));
    case 'struct': {
      const out: Record<string, XmlRpcValue> = {};
      for (const member of elements(typed).filter((c) => c.name === 'member')) {
        out[text(only(member, 'name', xml))] = decodeValue(only(member, 'value', xml), xml);
      }
      return out;
    }
    case 'nil':
    case 'ex:nil':
      return '';
    default:
      throw new ProtocolError(`unknown XML-RPC type <${typed.name}>`, xml);
  }
}

/** Decodes a methodResponse; a fault is thrown as XmlRpcFault, anything unreadable as ProtocolError. */
export function decodeResponse(xml: string): XmlRpcValue {
  const root = parseXml(xml);
  const response = elements(root)[0];
  if (response?.name !== 'methodResponse' || elements(root).length !== 1 || nonBlankText(root))
    throw new ProtocolError('not an XML-RPC methodResponse', xml);
  const fault = elements(response).find((c) => c.name === 'fault');
  if (fault) {
    const v = decodeValue(only(fault, 'value', xml), xml);
    const s = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, XmlRpcValue>) : {};
    const code = typeof s.faultCode === 'number' ? s.faultCode : Number(s.faultCode ?? 0);
    throw new XmlRpcFault(code, String(s.faultString ?? ''));
  }
  const param = only(only(response, 'params', xml), 'param', xml);
  return decodeValue(only(param, 'value', xml), xml);
}

function nonBlankText(el: XmlElement): boolean {
  return el.children.some((c) => typeof c === 'string' && c.trim() !== '');
}
