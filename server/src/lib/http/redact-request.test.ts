import { describe, expect, it } from 'vitest';
import { maskSecrets, redactHeaders, redactHttpUrl } from './redact-request.js';

describe('redactHttpUrl', () => {
  it.each([
    ['http://h/api?apikey=abc&t=search&q=x', 'http://h/api?apikey=[redacted]&t=[redacted]&q=x'],
    ['http://h/rss?rsskey=abc&torrent_pass=def&cat=5', 'http://h/rss?rsskey=[redacted]&torrent_pass=[redacted]&cat=5'],
    ['http://h/x?API_KEY=1&Token=2&password=3', 'http://h/x?API_KEY=[redacted]&Token=[redacted]&password=[redacted]'],
    ['http://user:pw@h/x', 'http://[redacted]@h/x'],
    ['http://h/plain?page=2', 'http://h/plain?page=2'],
  ])('%s', (url, expected) => {
    expect(redactHttpUrl(url)).toBe(expected);
  });

  it('masks known secret values in the path, raw and URL-encoded', () => {
    expect(redactHttpUrl('https://api.telegram.org/bot123:ABCdef/sendMessage', ['123:ABCdef'])).toBe(
      'https://api.telegram.org/bot[redacted]/sendMessage',
    );
    expect(maskSecrets('/hook/a%2Fb%3Dc', ['a/b=c'])).toBe('/hook/[redacted]');
    expect(maskSecrets('/short/ab', ['ab'])).toBe('/short/ab');
  });
});

describe('redactHeaders', () => {
  it('hides credentials and keeps the rest', () => {
    const headers = new Headers({ Authorization: 'Basic x', 'X-Api-Key': 'k', Cookie: 'SID=1', Accept: 'text/xml' });
    expect(redactHeaders(headers)).toEqual({
      accept: 'text/xml',
      authorization: '[redacted]',
      cookie: '[redacted]',
      'x-api-key': '[redacted]',
    });
    expect(redactHeaders({ 'X-Transmission-Session-Id': 'abc', 'user-agent': 'idkarr/1' })).toEqual({
      'X-Transmission-Session-Id': '[redacted]',
      'user-agent': 'idkarr/1',
    });
  });
});
