import { describe, expect, it } from 'vitest';
import { AuthError, ProtocolError, RateLimitedError, TimeoutError, UnreachableError } from '../errors.js';
import { errorForStatus, mapFetchError } from './error-mapping.js';

function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}
const sysErr = (code: string) => Object.assign(new Error(code), { code });

describe('mapFetchError', () => {
  it.each([
    ['ECONNREFUSED', UnreachableError, 'GET u: connection refused'],
    ['ENOTFOUND', UnreachableError, 'GET u: host not found (ENOTFOUND)'],
    ['EAI_AGAIN', UnreachableError, 'GET u: host not found (EAI_AGAIN)'],
    ['ECONNRESET', UnreachableError, 'GET u: request failed (ECONNRESET)'],
    ['UND_ERR_CONNECT_TIMEOUT', TimeoutError, 'GET u: timed out (UND_ERR_CONNECT_TIMEOUT)'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', ProtocolError, 'GET u: TLS error (DEPTH_ZERO_SELF_SIGNED_CERT)'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', ProtocolError, 'GET u: TLS error (ERR_TLS_CERT_ALTNAME_INVALID)'],
  ])('%s → %s', (code, kind, message) => {
    const mapped = mapFetchError(fetchFailed(sysErr(code)), 'GET u');
    expect(mapped).toBeInstanceOf(kind);
    expect(mapped.message).toBe(message);
  });

  it('finds the code inside an AggregateError (IPv6 and IPv4 both refused)', () => {
    const agg = new AggregateError([sysErr('ECONNREFUSED'), sysErr('ECONNREFUSED')]);
    expect(mapFetchError(fetchFailed(agg), 'GET u').message).toBe('GET u: connection refused');
  });

  it('passes taxonomy errors through and wraps unknown ones as unreachable', () => {
    const own = new AuthError('x');
    expect(mapFetchError(own, 'GET u')).toBe(own);
    expect(mapFetchError(fetchFailed(new Error('bad port')), 'GET u').message).toBe('GET u: request failed (bad port)');
  });
});

describe('errorForStatus', () => {
  it('carries Retry-After on 429 and the excerpt on unexpected 4xx', () => {
    const limited = errorForStatus(429, 'GET u', '', 5000);
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).retryAfterMs).toBe(5000);
    expect((errorForStatus(400, 'GET u', 'bad field') as ProtocolError).excerpt).toBe('bad field');
    expect(errorForStatus(408, 'GET u', '')).toBeInstanceOf(TimeoutError);
  });
});
