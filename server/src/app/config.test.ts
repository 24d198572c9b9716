import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const CWD = '/srv/idkarr';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, CWD);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({}, CWD)).toEqual({
      port: 7979,
      bind: '0.0.0.0',
      dataDir: '/srv/idkarr/data',
      database: { kind: 'sqlite', file: '/srv/idkarr/data/idkarr.db' },
      apiKey: undefined,
      logLevel: 'info',
      trustedProxies: [],
      backupRetention: 7,
      tmdb: { apiKey: undefined, url: 'https://api.themoviedb.org/3' },
      tvdb: { apiKey: undefined, url: 'https://api4.thetvdb.com/v4' },
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ IDKARR_PORT: '', IDKARR_DATABASE_URL: '', IDKARR_API_KEY: '' }, CWD)).toMatchObject({
      port: 7979,
      database: { kind: 'sqlite' },
      apiKey: undefined,
    });
  });

  it('reads every variable', () => {
    const c = loadConfig(
      {
        IDKARR_PORT: '8080',
        IDKARR_BIND: '127.0.0.1',
        IDKARR_DATA_DIR: '/var/lib/idkarr',
        IDKARR_API_KEY: 'abcdefghij0123456789',
        IDKARR_LOG_LEVEL: 'debug',
        IDKARR_TRUSTED_PROXIES: ' 10.0.0.1 , 172.16.0.0/12,,',
        IDKARR_BACKUP_RETENTION: '3',
        IDKARR_TMDB_URL: 'http://127.0.0.1:9000/3',
      },
      CWD,
    );
    expect(c).toMatchObject({
      port: 8080,
      bind: '127.0.0.1',
      dataDir: '/var/lib/idkarr',
      database: { kind: 'sqlite', file: '/var/lib/idkarr/idkarr.db' },
      apiKey: 'abcdefghij0123456789',
      logLevel: 'debug',
      trustedProxies: ['10.0.0.1', '172.16.0.0/12'],
      backupRetention: 3,
      tmdb: { url: 'http://127.0.0.1:9000/3' },
    });
  });

  it.each([
    ['abc', 'IDKARR_PORT: must be a number (got "abc")'],
    ['0', 'IDKARR_PORT: must be between 1 and 65535 (got "0")'],
    ['65536', 'IDKARR_PORT: must be between 1 and 65535 (got "65536")'],
    ['80.5', 'IDKARR_PORT: must be a whole number (got "80.5")'],
  ])('refuses IDKARR_PORT=%s with one clear message', (value, message) => {
    const err = configError({ IDKARR_PORT: value });
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toBe(message);
    expect(err.message.startsWith('IDKARR_PORT:')).toBe(true);
  });

  it('refuses a bad bind address and log level', () => {
    expect(configError({ IDKARR_BIND: 'example.com' }).message).toMatch(/^IDKARR_BIND: must be an IP address/);
    expect(configError({ IDKARR_LOG_LEVEL: 'loud' }).message).toMatch(/^IDKARR_LOG_LEVEL: /);
  });

  it.each(['postgres://u:p@db:5432/idkarr', 'postgresql://db/idkarr'])('detects PostgreSQL from %s', (url) => {
    expect(loadConfig({ IDKARR_DATABASE_URL: url }, CWD).database).toEqual({ kind: 'postgres', url });
  });

  it('resolves sqlite: URLs inside the data dir', () => {
    expect(loadConfig({ IDKARR_DATABASE_URL: 'sqlite:db/main.db' }, CWD).database).toEqual({
      kind: 'sqlite',
      file: '/srv/idkarr/data/db/main.db',
    });
    expect(loadConfig({ IDKARR_DATABASE_URL: 'sqlite:/abs/x.db' }, CWD).database).toEqual({
      kind: 'sqlite',
      file: '/abs/x.db',
    });
  });

  it('refuses other database URLs', () => {
    expect(configError({ IDKARR_DATABASE_URL: 'mysql://db/x' }).message).toMatch(
      /^IDKARR_DATABASE_URL: must be postgres:\/\/… or sqlite:PATH/,
    );
  });

  it('resolves a relative data dir against the working directory', () => {
    expect(loadConfig({ IDKARR_DATA_DIR: 'state/../config' }, CWD).dataDir).toBe('/srv/idkarr/config');
    expect(loadConfig({ IDKARR_DATA_DIR: './x' }, '/home/me').database).toEqual({
      kind: 'sqlite',
      file: '/home/me/x/idkarr.db',
    });
  });

  it.each(['short', 'has spaces in it 0123456789', 'x'.repeat(129), 'semi;colon;0123456789abc'])(
    'refuses the API key %j',
    (key) => {
      expect(configError({ IDKARR_API_KEY: key }).message).toMatch(
        /^IDKARR_API_KEY: must be 20-128 characters of letters, digits, - or _/,
      );
    },
  );

  it('does not echo a rejected secret value', () => {
    expect(configError({ IDKARR_API_KEY: 'almost-my-real-key!' }).message).not.toContain('almost-my-real-key');
    expect(configError({ IDKARR_DATABASE_URL: 'mysql://u:hunter2@db/x' }).message).not.toContain('hunter2');
  });

  it('refuses a retention outside 1-1000', () => {
    expect(configError({ IDKARR_BACKUP_RETENTION: '0' }).message).toMatch(/^IDKARR_BACKUP_RETENTION: /);
  });
});
