// A tracked download row for tests: a movie torrent half way through, every field overridable.
import type { NewTrackedDownload } from '../../src/services/downloads/download.types.js';

export function trackedDownload(n: number, over: Partial<NewTrackedDownload> = {}): NewTrackedDownload {
  const added = new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString();
  const hash = n.toString(16).padStart(40, '0').toUpperCase();
  return {
    downloadClientId: 0,
    downloadId: hash,
    protocol: 'torrent',
    title: `Release.${n}.1080p.BluRay.x264-GRP`,
    indexer: 'Fake Indexer',
    indexerId: null,
    guid: `guid-${n}`,
    infoHash: hash.toLowerCase(),
    size: 1_000_000,
    remainingSize: 500_000,
    progress: 0.5,
    etaSeconds: null,
    clientStatus: 'downloading',
    quality: { quality: 'bluray-1080p', revision: { version: 1, real: 0 } },
    languages: ['english'],
    release: {
      guid: `guid-${n}`,
      infoHash: hash.toLowerCase(),
      releaseGroup: 'GRP',
      customFormatScore: 0,
      customFormats: [],
      publishDate: null,
      downloadUrl: null,
    },
    mediaType: 'movie',
    movieId: null,
    seriesId: null,
    episodeIds: [],
    status: 'downloading',
    statusMessages: [],
    outputPath: null,
    added,
    lastSeen: added,
    lastProgressAt: added,
    lastProgress: 500_000,
    seedRatio: null,
    seedTimeMinutes: null,
    importAttempts: 0,
    ...over,
  };
}
