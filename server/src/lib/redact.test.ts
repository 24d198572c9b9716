import { describe, expect, it } from 'vitest';
import { createRedactor, isSecretKey, REDACTED, redactDeep, redactUrl, secretKeyMatcher } from './redact.js';

describe('isSecretKey', () => {
  it.each([
    'apiKey',
    'api_key',
    'APIKEY',
    'x-api-key',
    'password',
    'token',
    'accessToken',
    'cookie',
    'webhookUrl',
    'botToken',
  ])('%s is a secret', (k) => expect(isSecretKey(k)).toBe(true));
  it.each(['username', 'url', 'host', 'port', 'tokens', 'keyword'])('%s is not', (k) =>
    expect(isSecretKey(k)).toBe(false),
  );
});

describe('redactUrl', () => {
  it.each([
    ['/api/v1/log?apikey=abc&page=2', `/api/v1/log?apikey=${REDACTED}&page=2`],
    ['http://idx/api?t=search&apikey=K&q=x', `http://idx/api?t=${REDACTED}&apikey=${REDACTED}&q=x`],
    ['https://u:pw@host:8080/path?x=1', `https://${REDACTED}@host:8080/path?x=1`],
    [
      'http://h/rss?passkey=PK&API_KEY=K2&token=T',
      `http://h/rss?passkey=${REDACTED}&API_KEY=${REDACTED}&token=${REDACTED}`,
    ],
    ['/plain/path', '/plain/path'],
    ['/p?flag', '/p?flag'],
  ])('%s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });

  it('does not throw on a malformed percent escape', () => {
    expect(() => redactUrl('/ping?%zz=1&apikey=K')).not.toThrow();
  });
});

describe('redactDeep', () => {
  it('replaces secret-named fields at any depth and redacts URL fields', () => {
    const input = {
      apiKey: 'K1',
      password: 'P1',
      nested: { token: 'T1', list: [{ secret: 'S1', name: 'ok' }], callbackUrl: 'http://h/cb?apikey=K2' },
      url: 'http://idx/api?apikey=K3',
      username: 'admin',
      empty: { password: '' },
    };
    const out = redactDeep(input);
    expect(out).toEqual({
      apiKey: REDACTED,
      password: REDACTED,
      nested: {
        token: REDACTED,
        list: [{ secret: REDACTED, name: 'ok' }],
        callbackUrl: `http://h/cb?apikey=${REDACTED}`,
      },
      url: `http://idx/api?apikey=${REDACTED}`,
      username: 'admin',
      empty: { password: '' },
    });
    expect(JSON.stringify(out)).not.toMatch(/K1|K2|K3|P1|T1|S1/);
    // The input is untouched.
    expect(input.apiKey).toBe('K1');
  });

  it('cuts cycles', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(redactDeep(a)).toEqual({ name: 'a', self: '[circular]' });
  });

  it('passes primitives through', () => {
    expect(redactDeep('x')).toBe('x');
    expect(redactDeep(null)).toBe(null);
    expect(redactDeep(3)).toBe(3);
  });
});

describe('secretKeyMatcher and createRedactor', () => {
  it('adds exact field names (any case) to the built-in ones', () => {
    const isSecret = secretKeyMatcher(['userKey', 'pin']);
    for (const k of ['userKey', 'USERKEY', 'pin', 'apiKey', 'password']) expect(isSecret(k), k).toBe(true);
    for (const k of ['pins', 'user', 'keyword']) expect(isSecret(k), k).toBe(false);
    expect(secretKeyMatcher()).toBe(isSecretKey);
  });

  it('redacts the extra names at any depth, like redactDeep', () => {
    const redact = createRedactor(secretKeyMatcher(['appToken']));
    expect(redact({ settings: { appToken: 'A1', list: [{ appToken: 'A2' }], token: 'T', host: 'h' } })).toEqual({
      settings: { appToken: REDACTED, list: [{ appToken: REDACTED }], token: REDACTED, host: 'h' },
    });
    expect(redactDeep({ appToken: 'A1' })).toEqual({ appToken: 'A1' });
  });
});
