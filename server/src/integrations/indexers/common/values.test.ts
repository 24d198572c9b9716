import { describe, expect, it } from 'vitest';
import { AuthError, ProtocolError, RateLimitedError } from '../../../lib/errors.js';
import { categoriesForSearch } from './categories.js';
import { infoHashFromMagnet, normaliseImdbId, parseFeedDate, parseSize, sizeFromDescription } from './values.js';
import { newznabError, parseIndexerXml } from './xml.js';

describe('feed values', () => {
  it.each([
    ['Sat, 11 Apr 2015 21:34:00 -0600', '2015-04-12T03:34:00.000Z'],
    ['Mon, 03 Apr 2017 07:25:35 UTC', '2017-04-03T07:25:35.000Z'],
    ['Son, 03 Apr 2017 07:25:35 +0000', '2017-04-03T07:25:35.000Z'],
    ['Mon, 03 Apr 2017 07:25:35', '2017-04-03T07:25:35.000Z'],
    ['Tue, 24 Aug 2021 22:18:46 -0000', '2021-08-24T22:18:46.000Z'],
    ['2015-04-04T20:30:46+0000', '2015-04-04T20:30:46.000Z'],
  ])('date %s', (input, iso) => {
    expect(parseFeedDate(input)?.toISOString()).toBe(iso);
  });

  it('rejects nonsense dates', () => {
    expect(parseFeedDate('yesterday-ish')).toBeUndefined();
    expect(parseFeedDate(undefined)).toBeUndefined();
  });

  it('sizes', () => {
    expect(parseSize('1183105773')).toBe(1183105773);
    expect(parseSize('609.6 MiB')).toBe(Math.round(609.6 * 1024 ** 2));
    expect(parseSize('5.7 GiB')).toBe(Math.round(5.7 * 1024 ** 3));
    expect(parseSize('-5')).toBeUndefined();
    expect(parseSize('lots')).toBeUndefined();
    expect(sizeFromDescription('Category: TV/480p Size: 341 m Uploaded: 20:40')).toBe(341 * 1024 ** 2);
  });

  it('ids and hashes', () => {
    expect(normaliseImdbId('1104001')).toBe('tt1104001');
    expect(normaliseImdbId('tt0133093')).toBe('tt0133093');
    expect(normaliseImdbId(78901)).toBe('tt0078901');
    expect(normaliseImdbId('0')).toBeUndefined();
    expect(infoHashFromMagnet('magnet:?xt=urn:btih:VU2QYN66WU7FTPXSG3TFDRXW6KTEBPBF')).toBe(
      'AD350C37DEB53E59BEF236E651C6F6F2A640BC25',
    );
  });

  it('categories per search type keep custom ids', () => {
    expect(categoriesForSearch('movie', [2000, 2040, 5000, 100048])).toEqual([2000, 2040, 100048]);
    expect(categoriesForSearch('tv', [2000, 5040])).toEqual([5040]);
    expect(categoriesForSearch('tv', [2000])).toEqual([2000]);
  });
});

describe('indexer XML', () => {
  it('maps error codes', () => {
    expect(newznabError('100', 'x', 'w')).toBeInstanceOf(AuthError);
    expect(newznabError('102', 'x', 'w')).toBeInstanceOf(AuthError);
    expect(newznabError('429', 'x', 'w')).toBeInstanceOf(RateLimitedError);
    expect(newznabError('900', 'x', 'w')).toBeInstanceOf(RateLimitedError);
    expect(newznabError('203', 'x', 'w')).toBeInstanceOf(ProtocolError);
  });

  it('refuses empty, non-XML and HTML bodies', () => {
    expect(() => parseIndexerXml('', 'w')).toThrow(ProtocolError);
    expect(() => parseIndexerXml('{"json":true}', 'w')).toThrow(ProtocolError);
    expect(() => parseIndexerXml('\uFEFF<html><body>x</body></html>', 'w')).toThrow(/HTML/);
    expect(parseIndexerXml('\uFEFF<rss><channel/></rss>', 'w')).toHaveProperty('rss');
  });
});
