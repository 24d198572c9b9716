import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiKeyStore, generateApiKey } from './api-key.store.js';

describe('ApiKeyStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'idkarr-key-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generates a key into config.json (0600) and reads it back', () => {
    const a = new ApiKeyStore(dir, undefined);
    expect(a.apiKey).toMatch(/^[0-9a-f]{32}$/);
    expect(a.fromEnv).toBe(false);
    const file = join(dir, 'config.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ apiKey: a.apiKey });
    expect(new ApiKeyStore(dir, undefined).apiKey).toBe(a.apiKey);
  });

  it('keeps other config.json fields when regenerating', () => {
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ apiKey: 'old-key-0123456789abcd', other: 1 }));
    const s = new ApiKeyStore(dir, undefined);
    expect(s.apiKey).toBe('old-key-0123456789abcd');
    const fresh = s.regenerate();
    expect(fresh).not.toBe('old-key-0123456789abcd');
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toEqual({ apiKey: fresh, other: 1 });
    expect(statSync(join(dir, 'config.json')).mode & 0o777).toBe(0o600);
  });

  it('uses the environment key without writing a file, and refuses to regenerate it', () => {
    const s = new ApiKeyStore(dir, 'from-env-0123456789abcdef');
    expect(s.apiKey).toBe('from-env-0123456789abcdef');
    expect(s.fromEnv).toBe(true);
    expect(() => statSync(join(dir, 'config.json'))).toThrow();
    expect(() => s.regenerate()).toThrow(/IDKARR_API_KEY/);
    expect(s.apiKey).toBe('from-env-0123456789abcdef');
  });

  it('generates distinct keys', () => {
    expect(new Set(Array.from({ length: 50 }, generateApiKey)).size).toBe(50);
  });
});
