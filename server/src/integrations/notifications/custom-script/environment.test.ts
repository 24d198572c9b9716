import { describe, expect, it } from 'vitest';
import { messageContext, renameMessage } from '../../../services/notifications/messages.js';
import { buildEnvironment } from './environment.js';

const CTX = messageContext({ applicationUrl: 'http://nas:7979', now: 0 });
const file = (id: number, name: string, folder: string) => ({
  id,
  relativePath: name,
  path: `${folder}/${name}`,
  quality: 'Bluray-1080p',
  qualityVersion: 1,
  size: 1,
  dateAdded: '2030-01-01T00:00:00.000Z',
  previousRelativePath: `old-${name}`,
  previousPath: `${folder}/old-${name}`,
});

describe('custom script environment of a Rename', () => {
  it('a movie: the moviefile lists (ids by comma, paths by pipe, as Radarr)', () => {
    const movie = { id: 2, title: 'Film', year: 1999, folderPath: '/m/Film', tmdbId: 550 };
    const env = buildEnvironment(
      renameMessage(CTX, {
        subject: { movie },
        renamedFiles: [file(7, 'a.mkv', '/m/Film'), file(8, 'b.mkv', '/m/Film')],
      }),
    );
    expect(env).toMatchObject({
      idkarr_eventtype: 'Rename',
      idkarr_movie_path: '/m/Film',
      idkarr_moviefile_ids: '7,8',
      idkarr_moviefile_relativepaths: 'a.mkv|b.mkv',
      idkarr_moviefile_paths: '/m/Film/a.mkv|/m/Film/b.mkv',
      idkarr_moviefile_previousrelativepaths: 'old-a.mkv|old-b.mkv',
      idkarr_moviefile_previouspaths: '/m/Film/old-a.mkv|/m/Film/old-b.mkv',
    });
    expect(Object.keys(env).some((k) => k.startsWith('idkarr_episodefile_'))).toBe(false);
  });

  it('a series: the episodefile lists (as Sonarr)', () => {
    const series = { id: 1, title: 'Show', titleSlug: 'show', path: '/tv/Show', type: 'standard', year: 2020 };
    const env = buildEnvironment(
      renameMessage(CTX, { subject: { series }, renamedFiles: [file(3, 'e.mkv', '/tv/Show')] }),
    );
    expect(env).toMatchObject({
      idkarr_eventtype: 'Rename',
      idkarr_series_path: '/tv/Show',
      idkarr_episodefile_ids: '3',
      idkarr_episodefile_paths: '/tv/Show/e.mkv',
      idkarr_episodefile_previouspaths: '/tv/Show/old-e.mkv',
    });
  });
});
