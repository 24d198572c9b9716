import { describe, expect, it } from 'vitest';
import { downloadMessage, grabMessage, type MessageContext, subjectLabel, testMessage, titleSlug } from './messages.js';
import { tagsMatch } from './notification.service.js';

const CTX: MessageContext = {
  instanceName: 'idkarr',
  applicationUrl: 'http://nas:7979/',
  occurredAt: '2030-01-01T00:00:00.000Z',
};
const SERIES = { id: 4, title: 'Tom & Jerry <3 *Uncut*', titleSlug: 'x', path: '/tv/x', type: 'standard', year: 2024 };
const EPS = [
  { id: 2, episodeNumber: 2, seasonNumber: 1, title: 'Two' },
  { id: 1, episodeNumber: 1, seasonNumber: 1, title: 'One' },
];
const RELEASE = { quality: 'WEBDL-1080p', qualityVersion: 1, releaseTitle: 'T', indexer: 'I', size: 1 };
const FILE = {
  id: 1,
  relativePath: 'a',
  path: '/a',
  quality: 'WEBDL-1080p',
  qualityVersion: 1,
  size: 1,
  dateAdded: '',
};

describe('notification messages', () => {
  it('labels episodes in order and keeps special characters as plain text (renderers escape)', () => {
    expect(subjectLabel({ series: SERIES, episodes: EPS })).toBe(
      'Tom & Jerry <3 *Uncut* (2024) - S01E01-E02 - One + Two',
    );
    expect(subjectLabel({ movie: { id: 1, title: 'Film', year: 1999, folderPath: '', tmdbId: 1 } })).toBe(
      'Film (1999)',
    );
  });

  it('grab: title, message, media fields, link and payload', () => {
    const m = grabMessage(CTX, { subject: { series: SERIES, episodes: EPS }, release: RELEASE, downloadClient: 'SAB' });
    expect(m).toMatchObject({
      type: 'grab',
      title: 'Grabbed',
      message: 'Tom & Jerry <3 *Uncut* (2024) - S01E01-E02 - One + Two [WEBDL-1080p]',
      mediaType: 'episode',
      mediaTitle: SERIES.title,
      quality: 'WEBDL-1080p',
      link: 'http://nas:7979/series/4',
      occurredAt: CTX.occurredAt,
      instanceName: 'idkarr',
      payload: { series: SERIES, episodes: EPS, release: RELEASE, downloadClient: 'SAB' },
    });
    expect('downloadId' in m.payload).toBe(false);
  });

  it('an import that replaced files is an upgrade', () => {
    const subject = { series: SERIES, episodes: EPS };
    expect(downloadMessage(CTX, { subject, file: FILE }).type).toBe('download');
    const up = downloadMessage(CTX, { subject, file: FILE, replacedFiles: [FILE] });
    expect(up).toMatchObject({
      type: 'upgrade',
      title: 'Upgraded',
      payload: { isUpgrade: true, deletedFiles: [FILE] },
    });
    expect(up.payload.episodeFile).toEqual(FILE);
  });

  it('test message and helpers', () => {
    expect(testMessage(CTX)).toMatchObject({ type: 'manual_test', message: 'This is a test message from idkarr' });
    expect(titleSlug("Grey's Anatomy: Élan!", 2005)).toBe('greys-anatomy-elan-2005');
    expect(tagsMatch([], [1], true)).toBe(true);
    expect(tagsMatch([1, 2], [2], true)).toBe(true);
    expect(tagsMatch([1, 2], [3], true)).toBe(false);
    expect(tagsMatch([1, 2], [], false)).toBe(true);
  });
});
