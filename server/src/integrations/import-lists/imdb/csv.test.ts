import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from './csv.js';

describe('parseCsv (RFC 4180)', () => {
  it.each([
    [
      'plain fields',
      'a,b,c\n1,2,3\n',
      [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    ],
    [
      'no final line end',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF line ends',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['quoted comma', 'a,"b, c",d', [['a', 'b, c', 'd']]],
    ['doubled quote', '"Rewatch, ""S2"" first",x', [['Rewatch, "S2" first', 'x']]],
    [
      'line break inside quotes',
      '"one\ntwo",3\n4,5',
      [
        ['one\ntwo', '3'],
        ['4', '5'],
      ],
    ],
    ['empty fields', 'a,,c,\n', [['a', '', 'c', '']]],
    ['empty quoted field', '"",x', [['', 'x']]],
    [
      'byte order mark',
      '\uFEFFConst,Title\ntt1,X',
      [
        ['Const', 'Title'],
        ['tt1', 'X'],
      ],
    ],
    ['blank lines', 'a\n\nb\n', [['a'], ['b']]],
    ['UTF-8 text', 'Shōgun,Thérèse', [['Shōgun', 'Thérèse']]],
  ])('%s', (_name, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it('keys records by header and fills missing trailing cells', () => {
    expect(parseCsvRecords('Const,Title,Year\ntt1,"A, B"\n')).toEqual([{ Const: 'tt1', Title: 'A, B', Year: '' }]);
  });
});
