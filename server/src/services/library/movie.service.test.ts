import { describe, expect, it } from 'vitest';
import { applyTagEdit } from './movie.service.js';

describe('applyTagEdit', () => {
  it.each([
    [[1, 2], [2, 3], 'add', [1, 2, 3]],
    [[1, 2], [2, 3], 'remove', [1]],
    [[1, 2], [3, 3], 'replace', [3]],
    [[], [], 'replace', []],
    [[1], [], 'add', [1]],
  ] as const)('%j %s %j → %j', (current, tags, mode, expected) => {
    expect(applyTagEdit(current, tags, mode)).toEqual(expected);
  });
});
