// Reading indexer XML safely: strip a byte-order mark, refuse HTML error pages and malformed documents with a
// ProtocolError (never a crash), and turn Newznab/Torznab `<error code=… description=…>` bodies into the error
// taxonomy. fast-xml-parser does not resolve external entities, so hostile DTDs cannot reach the file system.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AuthError, ProtocolError, RateLimitedError } from '../../../lib/errors.js';

/** Elements that may repeat and must always come back as arrays. */
const ALWAYS_ARRAY = new Set([
  'item',
  'category',
  'subcat',
  'torznab:attr',
  'newznab:attr',
  'attr',
  'enclosure',
  'tag',
  'indexer',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Values stay strings: "0123" ids and "1e5" titles must not become numbers.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ALWAYS_ARRAY.has(name),
});

export type XmlNode = Record<string, unknown>;

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parses an indexer answer; `what` names the request for messages (already redacted). */
export function parseIndexerXml(raw: string, what: string): XmlNode {
  const text = stripBom(raw).trim();
  if (text === '') throw new ProtocolError(`${what}: empty response`);
  if (/^<!doctype html|^<html[\s>]/i.test(text) || (!text.startsWith('<') && /<html[\s>]/i.test(text))) {
    throw new ProtocolError(`${what}: the indexer answered with an HTML page, not XML`, text);
  }
  if (/^[{[]/.test(text)) {
    // Newznab's `o=json` output (a mechanical XML→JSON dump whose shape varies by server) is not read; the usual
    // cause is `o=json` among the additional parameters.
    throw new ProtocolError(
      `${what}: the indexer answered JSON; idkarr reads the XML output (remove o=json from the additional parameters)`,
      text,
    );
  }
  if (!text.startsWith('<')) throw new ProtocolError(`${what}: response is not XML`, text);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new ProtocolError(`${what}: malformed XML (${valid.err.msg} at line ${valid.err.line})`, text);
  }
  let doc: XmlNode;
  try {
    doc = parser.parse(text) as XmlNode;
  } catch (err) {
    throw new ProtocolError(`${what}: malformed XML (${err instanceof Error ? err.message : String(err)})`, text);
  }
  if ('html' in doc) throw new ProtocolError(`${what}: the indexer answered with an HTML page, not XML`, text);
  const error = doc.error as XmlNode | undefined;
  if (error && typeof error === 'object') throw newznabError(attr(error, 'code'), attr(error, 'description'), what);
  return doc;
}

/**
 * Newznab/Torznab error codes: 100–102 account problems → AuthError; 429 (Prowlarr query limit), 500/501
 * (request/download limit) and 900 (upstream throttling, as Jackett reports it) → RateLimitedError; anything
 * else (bad parameter, no such item, function not available, indexer disabled) → ProtocolError.
 */
export function newznabError(code: string | undefined, description: string | undefined, what: string): Error {
  const n = Number(code);
  const msg = `${what}: indexer error ${code ?? '?'}${description ? ` (${description})` : ''}`;
  if (n >= 100 && n <= 102) return new AuthError(msg);
  if (n === 429 || n === 500 || n === 501 || n === 900) return new RateLimitedError(msg);
  return new ProtocolError(msg, description);
}

/** An attribute (`@_name`) of a parsed element, as a string. */
export function attr(node: unknown, name: string): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const v = (node as XmlNode)[`@_${name}`];
  return v === undefined || v === null ? undefined : String(v);
}

/** The text of an element, whether it came back as a string or as `{#text, @_attr}`. */
export function text(node: unknown): string | undefined {
  if (node === undefined || node === null) return undefined;
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') {
    const s = String(node).trim();
    return s === '' ? undefined : s;
  }
  if (Array.isArray(node)) return text(node[0]);
  if (typeof node === 'object') return text((node as XmlNode)['#text']);
  return undefined;
}

export function asArray<T = unknown>(value: unknown): T[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as T[];
}
