import { describe, expect, it } from 'vitest';
import { ProtocolError } from '../errors.js';
import { decodeResponse, encodeCall, encodeValue, XmlRpcFault } from './xmlrpc.js';

const ok = (value: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<methodResponse>\n<params>\n<param><value>${value}</value></param>\n</params>\n</methodResponse>\n`;

describe('encodeCall', () => {
  it('encodes strings (escaped), ints, i8, doubles, booleans, base64, arrays and structs', () => {
    const xml = encodeCall('load.raw_start', [
      '',
      new Uint8Array([1, 2, 3]),
      'd.custom1.set=a&b<c>',
      42,
      2 ** 40,
      10n,
      1.5,
      true,
      ['x', 1],
      { k: 'v' },
    ]);
    expect(xml).toBe(
      '<?xml version="1.0"?><methodCall><methodName>load.raw_start</methodName><params>' +
        '<param><value><string></string></value></param>' +
        '<param><value><base64>AQID</base64></value></param>' +
        '<param><value><string>d.custom1.set=a&amp;b&lt;c&gt;</string></value></param>' +
        '<param><value><i4>42</i4></value></param>' +
        '<param><value><i8>1099511627776</i8></value></param>' +
        '<param><value><i8>10</i8></value></param>' +
        '<param><value><double>1.5</double></value></param>' +
        '<param><value><boolean>1</boolean></value></param>' +
        '<param><value><array><data><value><string>x</string></value><value><i4>1</i4></value></data></array></value></param>' +
        '<param><value><struct><member><name>k</name><value><string>v</string></value></member></struct></value></param>' +
        '</params></methodCall>',
    );
  });
  it('encodes dates in the ISO 8601 basic form and refuses NaN', () => {
    expect(encodeValue(new Date(Date.UTC(2020, 0, 2, 3, 4, 5)))).toBe(
      '<value><dateTime.iso8601>20200102T03:04:05</dateTime.iso8601></value>',
    );
    expect(() => encodeValue(Number.NaN)).toThrow(TypeError);
  });
});

describe('decodeResponse', () => {
  it('decodes scalars, untyped strings and entities', () => {
    expect(decodeResponse(ok('<string>0.9.8</string>'))).toBe('0.9.8');
    expect(decodeResponse(ok('plain &amp; &#65;&#x42; <![CDATA[<raw>]]>'))).toBe('plain & AB <raw>');
    expect(decodeResponse(ok('<i4>-7</i4>'))).toBe(-7);
    expect(decodeResponse(ok('<int>3</int>'))).toBe(3);
    expect(decodeResponse(ok('<i8>8589934592</i8>'))).toBe(8589934592);
    expect(decodeResponse(ok('<i8>92233720368547758</i8>'))).toBe(92233720368547758n);
    expect(decodeResponse(ok('<boolean>1</boolean>'))).toBe(true);
    expect(decodeResponse(ok('<double>0.25</double>'))).toBe(0.25);
    expect(decodeResponse(ok('<string/>'))).toBe('');
    expect(decodeResponse(ok('<base64>AQ\nID</base64>'))).toEqual(new Uint8Array([1, 2, 3]));
    expect(decodeResponse(ok('<dateTime.iso8601>20200102T03:04:05</dateTime.iso8601>'))).toEqual(
      new Date(Date.UTC(2020, 0, 2, 3, 4, 5)),
    );
  });
  it('decodes nested arrays (d.multicall2 rows) and structs', () => {
    const xml = ok(
      '<array><data>\n<value><array><data><value><string>ABC</string></value><value><i8>1</i8></value></data></array></value>\n' +
        '<value><array><data/></array></value></data></array>',
    );
    expect(decodeResponse(xml)).toEqual([['ABC', 1], []]);
    expect(
      decodeResponse(
        ok(
          '<struct><member><name>a</name><value><i4>1</i4></value></member><member><name>b</name><value>x</value></member></struct>',
        ),
      ),
    ).toEqual({ a: 1, b: 'x' });
  });
  it('throws faults with code and string', () => {
    const xml =
      '<?xml version="1.0"?><methodResponse><fault><value><struct><member><name>faultCode</name><value><i4>-501</i4></value></member>' +
      '<member><name>faultString</name><value><string>Could not find info-hash.</string></value></member></struct></value></fault></methodResponse>';
    const err = (() => {
      try {
        decodeResponse(xml);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(XmlRpcFault);
    expect(err).toMatchObject({ faultCode: -501, faultString: 'Could not find info-hash.' });
  });
  it('rejects malformed or foreign documents as ProtocolError', () => {
    for (const bad of [
      '<html><body>502 Bad Gateway</body></html>',
      '<methodResponse><params><param><value><i4>x</i4></value></param></params></methodResponse>',
      '<methodResponse><params><param><value><i4>1</value></param></params></methodResponse>',
      '<methodResponse><params></params></methodResponse>',
      '<methodResponse><params><param><value><blob>1</blob></value></param></params></methodResponse>',
      '<!DOCTYPE x [<!ENTITY a "b">]><methodResponse/>',
      '<methodResponse><params><param><value><boolean>2</boolean></value></param></params></methodResponse>',
      '',
      '<methodResponse',
    ]) {
      expect(() => decodeResponse(bad), bad).toThrow(ProtocolError);
    }
  });
});
