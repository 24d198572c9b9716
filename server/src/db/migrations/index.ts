// The one ordered migration list for both dialects. Append only; never edit a migration that has shipped.
import { foundation } from './0001-foundation.migration.js';
import { library } from './0002-library.migration.js';
import { libraryIndexes } from './0003-library-indexes.migration.js';
import { decisions } from './0004-decisions.migration.js';
import { notifications } from './0005-notifications.migration.js';
import { downloads } from './0006-downloads.migration.js';
import { search } from './0007-search.migration.js';
import { naming } from './0008-naming.migration.js';
import { importLists } from './0009-import-lists.migration.js';
import { mediaFiles } from './0010-media-files.migration.js';
import { libraryPerf } from './0011-library-perf.migration.js';
import type { Migration } from './helpers.js';

export const migrations: Migration[] = [
  foundation,
  library,
  libraryIndexes,
  decisions,
  notifications,
  downloads,
  search,
  naming,
  importLists,
  mediaFiles,
  libraryPerf,
];
