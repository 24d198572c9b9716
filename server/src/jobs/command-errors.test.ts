import { describe, expect, it } from 'vitest';
import { CommandAbortedError, shortError } from './command-errors.js';

describe('shortError', () => {
  it('keeps only the first line, never a stack', () => {
    const err = new Error('disk full\n    at write (fs.js:1:1)');
    expect(shortError(err)).toBe('disk full');
  });

  it('bounds long messages to 300 characters', () => {
    const out = shortError(new Error('x'.repeat(1000)));
    expect(out).toHaveLength(300);
    expect(out.endsWith('…')).toBe(true);
  });

  it('describes errors without a message and non-errors', () => {
    expect(shortError(new Error(''))).toBe('failed without a message');
    expect(shortError('plain string')).toBe('plain string');
  });
});

describe('CommandAbortedError', () => {
  it('says why the command was aborted', () => {
    expect(new CommandAbortedError('cancelled').message).toBe('cancelled while running');
    expect(new CommandAbortedError('shutdown').kind).toBe('shutdown');
  });
});
