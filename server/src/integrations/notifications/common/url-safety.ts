// SSRF guard for notification targets (webhooks, Discord/Slack/Gotify/ntfy/Apprise URLs, ...). Self-hosters point
// notifications at their LAN (10/8, 172.16/12, 192.168/16, localhost), so those stay allowed; what is refused by
// default are link-local and cloud-metadata addresses, where a URL typed into a settings form would reach the
// host's instance credentials (169.254.169.254, fd00:ec2::254, metadata.google.internal, 100.100.100.200, ...).
//
// Three layers, each usable on its own:
//   - assertSafeTarget(url)          sync, at save time: URL shape, scheme, literal IPs and known metadata names.
//   - checkTargetUrl(url)            async, at save and send time: the above plus every address DNS resolves to.
//   - createSafeDispatcher()/safeLookup  at connect time: the address the socket actually connects to is checked
//                                    again, so DNS rebinding between the check and the request cannot slip through.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { Agent, type Dispatcher } from 'undici';
import { type Finding, ValidationError } from '../../../lib/errors.js';

const blocked = new BlockList();
// IPv4
blocked.addSubnet('169.254.0.0', 16, 'ipv4'); // link-local, incl. 169.254.169.254 (AWS, GCP, Azure, OpenStack, ...)
blocked.addAddress('100.100.100.200', 'ipv4'); // Alibaba Cloud metadata
blocked.addAddress('192.0.0.192', 'ipv4'); // Oracle Cloud metadata (legacy)
blocked.addSubnet('0.0.0.0', 8, 'ipv4'); // "this network": not a destination
blocked.addSubnet('224.0.0.0', 4, 'ipv4'); // multicast
blocked.addAddress('255.255.255.255', 'ipv4'); // broadcast
// IPv6
blocked.addSubnet('fe80::', 10, 'ipv6'); // link-local
blocked.addSubnet('fd00:ec2::', 32, 'ipv6'); // AWS IMDS over IPv6 (fd00:ec2::254) and its DNS (fd00:ec2::253)
blocked.addSubnet('ff00::', 8, 'ipv6'); // multicast
blocked.addAddress('::', 'ipv6'); // unspecified

const BLOCKED_HOSTNAMES = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
  'metadata.tencentyun.com',
  'metadata.azure.internal',
]);

export interface UrlSafetyOptions {
  /** Settings field the finding names, e.g. `settings.url`. Default `settings.url`. */
  field?: string;
  /** Opt-out for the rare user who really means a link-local target. Default false. */
  allowLinkLocal?: boolean;
  /** Schemes accepted. Default http and https. */
  protocols?: readonly string[];
}

export type LookupFn = (hostname: string) => Promise<readonly { address: string; family: number }[]>;

export interface CheckTargetOptions extends UrlSafetyOptions {
  /** DNS resolution; defaults to `dns.lookup(host, { all: true })` (what sockets use: /etc/hosts, nsswitch). */
  lookup?: LookupFn;
}

/** Why an IP address (v4 or v6, IPv4-mapped v6 included) is refused, or null when it is allowed. */
export function blockedAddressReason(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 0) return null;
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
    if (mapped?.[1]) return blockedAddressReason(mapped[1]);
    if (blocked.check(bare, 'ipv6')) return describe(bare);
    return null;
  }
  return blocked.check(bare, 'ipv4') ? describe(bare) : null;
}

function describe(address: string): string {
  if (address === '169.254.169.254' || address === '100.100.100.200' || address === '192.0.0.192')
    return `${address} is a cloud metadata address`;
  if (/^fd00:ec2:/i.test(address)) return `${address} is the AWS metadata address`;
  if (address.startsWith('169.254.') || /^fe[89ab]/i.test(address)) return `${address} is a link-local address`;
  return `${address} is not a unicast destination`;
}

function finding(field: string, message: string): Finding {
  return { field, message, severity: 'error' };
}

/**
 * Checks a target URL without touching the network: parses, scheme, metadata host names and literal addresses.
 * Returns a finding naming `field`, or null when the URL may be used.
 */
export function assertSafeTarget(url: string, options: UrlSafetyOptions = {}): Finding | null {
  const field = options.field ?? 'settings.url';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return finding(field, 'not a valid URL');
  }
  const protocols = options.protocols ?? ['http:', 'https:'];
  if (!protocols.includes(parsed.protocol))
    return finding(field, `the URL must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  if (!parsed.hostname) return finding(field, 'the URL has no host');
  if (options.allowLinkLocal) return null;
  const host = parsed.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (BLOCKED_HOSTNAMES.has(host))
    return finding(field, `refused: ${host} is a cloud metadata service, not a notification target`);
  const reason = blockedAddressReason(host);
  if (reason) return finding(field, `refused: ${reason}; link-local and metadata targets are not allowed`);
  return null;
}

const systemLookup: LookupFn = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses)));
  });

/**
 * assertSafeTarget plus DNS: every address the host resolves to must be allowed (a name pointing at
 * 169.254.169.254 is refused like the literal). A name that does not resolve is not this guard's business:
 * the send will fail as unreachable, and the integration's test() reports that.
 */
export async function checkTargetUrl(url: string, options: CheckTargetOptions = {}): Promise<Finding | null> {
  const sync = assertSafeTarget(url, options);
  if (sync || options.allowLinkLocal) return sync;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return null;
  let addresses: readonly { address: string }[];
  try {
    addresses = await (options.lookup ?? systemLookup)(host);
  } catch {
    return null;
  }
  for (const a of addresses) {
    const reason = blockedAddressReason(a.address);
    if (reason)
      return finding(
        options.field ?? 'settings.url',
        `refused: ${host} resolves to ${a.address} (${reason}); link-local and metadata targets are not allowed`,
      );
  }
  return null;
}

/** A send-time refusal: permanent (never retried), carries the finding. */
export class UnsafeTargetError extends ValidationError {
  constructor(f: Finding) {
    super(f.message, [f]);
  }
}

/** Throws UnsafeTargetError when checkTargetUrl finds a problem. */
export async function ensureSafeTarget(url: string, options: CheckTargetOptions = {}): Promise<void> {
  const f = await checkTargetUrl(url, options);
  if (f) throw new UnsafeTargetError(f);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net/tls/undici connect options: resolves like dns.lookup, then refuses blocked addresses with an
 * EACCES-style error, so the socket never opens towards them (whatever DNS answered at check time).
 */
export function safeLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, verbatim: true, all: true }, (err, addresses) => {
    if (err) return callback(err, options.all ? [] : '', undefined);
    for (const a of addresses) {
      const reason = blockedAddressReason(a.address);
      if (reason) {
        const refusal = Object.assign(new Error(`refused to connect to ${hostname}: ${reason}`), {
          code: 'EIDKARR_UNSAFE_TARGET',
        }) as NodeJS.ErrnoException;
        return callback(refusal, options.all ? [] : '', undefined);
      }
    }
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) {
      const none = Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' });
      return callback(none as NodeJS.ErrnoException, '', undefined);
    }
    callback(null, first.address, first.family);
  });
}

/**
 * An undici dispatcher whose connections go through safeLookup (literal-IP URLs are covered by checkTargetUrl,
 * since no lookup happens for them). Pass it to HttpClient/fetch for notification targets.
 */
export function createSafeDispatcher(
  options: { connectTimeoutMs?: number; ignoreTlsErrors?: boolean } = {},
): Dispatcher {
  return new Agent({
    connect: {
      lookup: safeLookup as never,
      rejectUnauthorized: !options.ignoreTlsErrors,
      ...(options.connectTimeoutMs !== undefined ? { timeout: options.connectTimeoutMs } : {}),
    },
  });
}
