import { describe, expect, it } from 'vitest';
import { validateSizeWindow } from './quality-size.validation.js';

describe('validateSizeWindow', () => {
  it.each([
    [{ minSize: 0, preferredSize: 0, maxSize: 0 }, []],
    [{ minSize: 2, preferredSize: 95, maxSize: null }, []],
    [{ minSize: -1, preferredSize: 5, maxSize: 10 }, ['minSize']],
    [{ minSize: 10, preferredSize: 5, maxSize: 100 }, ['preferredSize']],
    [{ minSize: 1, preferredSize: 50, maxSize: 40 }, ['maxSize']],
  ])('%o → %j', (w, fields) => {
    expect(validateSizeWindow(w).map((f) => f.field)).toEqual(fields);
  });

  it('prefixes fields of bulk entries', () => {
    expect(validateSizeWindow({ minSize: 3, preferredSize: 1, maxSize: null }, '4.')[0]!.field).toBe('4.preferredSize');
  });
});
