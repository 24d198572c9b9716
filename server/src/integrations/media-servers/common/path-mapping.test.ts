import { describe, expect, it } from 'vitest';
import { secretFields, settingsJsonSchema } from '../../../providers/settings-schema.js';
import { mediaServerIntegrations } from '../index.js';
import { isWithin, libraryForPath, toServerPath } from './path-mapping.js';
import { serverUrl, wantsRescan } from './settings.fields.js';

describe('toServerPath', () => {
  const mappings = [
    { remotePath: '/media', localPath: '/data/media' },
    { remotePath: '/films', localPath: '/data/media/movies' },
    { remotePath: 'M:\\TV', localPath: '/srv/tv' },
  ];
  it.each([
    ['/data/media/tv/Show', '/media/tv/Show'],
    ['/data/media/movies/Film (2020)', '/films/Film (2020)'],
    ['/data/media', '/media'],
    ['/data/mediaX/Show', '/data/mediaX/Show'],
    ['/srv/tv/Show/Season 1', 'M:\\TV\\Show\\Season 1'],
    ['/other//place/', '/other/place'],
  ])('%s → %s', (local, remote) => {
    expect(toServerPath(local, mappings)).toBe(remote);
  });
  it('maps a root local path', () => {
    expect(toServerPath('/tv/Show', [{ remotePath: '/mnt/x', localPath: '/' }])).toBe('/mnt/x/tv/Show');
  });
});

describe('isWithin / libraryForPath', () => {
  it('compares whole segments, and Windows paths case-insensitively', () => {
    expect(isWithin('/tv', '/tv/Show')).toBe(true);
    expect(isWithin('/tv', '/tv')).toBe(true);
    expect(isWithin('/tv', '/tvshows')).toBe(false);
    expect(isWithin('D:\\TV', 'd:\\tv\\Show')).toBe(true);
    expect(isWithin('/TV', '/tv/Show')).toBe(false);
  });
  it('picks the deepest containing folder regardless of order', () => {
    const libs = [
      { id: 'root', paths: ['/data'] },
      { id: 'anime', paths: ['/data/media/anime'] },
      { id: 'media', paths: ['/data/media'] },
    ];
    expect(libraryForPath(libs, '/data/media/anime/X')?.id).toBe('anime');
    expect(libraryForPath(libs, '/data/media/tv/X')?.id).toBe('media');
    expect(libraryForPath(libs, '/elsewhere')).toBeUndefined();
  });
});

describe('settings helpers', () => {
  it('serverUrl builds from parts or takes a full URL', () => {
    expect(serverUrl({ host: 'plex.lan', port: 32400, useSsl: false, urlBase: '' })).toBe('http://plex.lan:32400');
    expect(serverUrl({ host: 'plex.lan', port: 443, useSsl: true, urlBase: '/plex/' })).toBe(
      'https://plex.lan:443/plex',
    );
    expect(serverUrl({ host: 'https://x.example/jf/', port: 1, useSsl: false, urlBase: '/y' })).toBe(
      'https://x.example/jf',
    );
    expect(serverUrl({ host: '::1', port: 8096, useSsl: false, urlBase: '' })).toBe('http://[::1]:8096');
  });
  it('wantsRescan honours updateLibrary and the per-reason switches (missing = on)', () => {
    expect(wantsRescan({}, 'import')).toBe(true);
    expect(wantsRescan({ updateLibrary: false }, 'import')).toBe(false);
    expect(wantsRescan({ onDelete: false }, 'delete')).toBe(false);
    expect(wantsRescan({ onDelete: false }, 'rename')).toBe(true);
  });
});

describe('settings schemas', () => {
  it('every media server publishes a JSON schema with the token secret and path mappings', () => {
    for (const integration of mediaServerIntegrations) {
      const json = settingsJsonSchema(integration.settings) as { properties: Record<string, Record<string, unknown>> };
      expect(json.properties.token).toMatchObject({ secret: true });
      expect(json.properties.pathMappings).toMatchObject({ type: 'array' });
      expect(secretFields(integration.settings)).toEqual(['token']);
    }
  });
});
