import { describe, expect, it } from 'vitest';
import { canonicalJson, dedupeKey } from './canonical-json.js';

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ z: { y: 1, x: [{ d: 1, c: 2 }] } }, '{"z":{"x":[{"c":2,"d":1}],"y":1}}'],
    [{ a: undefined, b: null }, '{"b":null}'],
    [[3, 1, 2], '[3,1,2]'],
    ['text', '"text"'],
  ])('%j → %s', (input, expected) => {
    expect(canonicalJson(input)).toBe(expected);
  });
});

describe('dedupeKey', () => {
  it('is the same for bodies differing only in key order', () => {
    expect(dedupeKey('Refresh', { a: 1, b: [1, 2] })).toBe(dedupeKey('Refresh', { b: [1, 2], a: 1 }));
  });

  it('differs by name, by value and by array order', () => {
    const base = dedupeKey('Refresh', { ids: [1, 2] });
    expect(dedupeKey('Rescan', { ids: [1, 2] })).not.toBe(base);
    expect(dedupeKey('Refresh', { ids: [2, 1] })).not.toBe(base);
    expect(dedupeKey('Refresh', { ids: [1, 3] })).not.toBe(base);
  });

  it('has a bounded length however large the body', () => {
    const key = dedupeKey('Big', { ids: Array.from({ length: 10_000 }, (_, i) => i) });
    expect(key).toMatch(/^Big:[0-9a-f]{64}$/);
  });
});
