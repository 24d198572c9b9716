import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { magnetInfoHash, torrentInfoHash } from './info-hash.js';

describe('magnetInfoHash', () => {
  it('reads a hex btih in upper case', () => {
    expect(magnetInfoHash('magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&dn=x')).toBe(
      '0123456789ABCDEF0123456789ABCDEF01234567',
    );
  });
  it('converts a base32 btih to hex', () => {
    // 32 base32 characters for the 20 bytes 00 44 32 14 c7 42 54 b6 35 cf 84 65 3a 56 d7 c6 75 be 77 df
    expect(magnetInfoHash('magnet:?dn=x&xt=urn:btih:ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')).toBe(
      '00443214C74254B635CF84653A56D7C675BE77DF',
    );
  });
  it('rejects links without a v1 hash', () => {
    expect(() => magnetInfoHash('magnet:?xt=urn:btmh:1220abcd')).toThrow(ValidationError);
    expect(() => magnetInfoHash('http://example.invalid/x.torrent')).toThrow(ValidationError);
  });
});

describe('torrentInfoHash', () => {
  it('hashes exactly the bytes of the info dictionary', () => {
    const info = 'd6:lengthi5e4:name3:abc12:piece lengthi16384e6:pieces20:AAAAAAAAAAAAAAAAAAAAe';
    const file = `d8:announce22:http://127.0.0.1:1/ann7:comment2:hi4:info${info}e`;
    const expected = createHash('sha1').update(info, 'latin1').digest('hex').toUpperCase();
    expect(torrentInfoHash(Buffer.from(file, 'latin1'))).toBe(expected);
  });
  it('skips lists and nested dictionaries before info', () => {
    const info = 'd4:name1:xe';
    const file = `d13:announce-listll1:aee1:xdi1e1:ye4:info${info}e`;
    const expected = createHash('sha1').update(info).digest('hex').toUpperCase();
    expect(torrentInfoHash(Buffer.from(file))).toBe(expected);
  });
  it('rejects garbage and torrents without info', () => {
    expect(() => torrentInfoHash(Buffer.from('<html>'))).toThrow(ValidationError);
    expect(() => torrentInfoHash(Buffer.from('d1:ai1ee'))).toThrow(ValidationError);
    expect(() => torrentInfoHash(Buffer.from('d4:info'))).toThrow(ValidationError);
    expect(() => torrentInfoHash(Buffer.from('d999:x'))).toThrow(ValidationError);
  });
});
