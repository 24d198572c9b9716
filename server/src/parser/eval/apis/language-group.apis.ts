// Evaluator adapters for the language, subtitle and release-group fixture APIs.

import { parseLanguages, parseSubtitleInfo } from '../../language/language-parser.js';
import { RADARR_LANGUAGES, SONARR_LANGUAGES } from '../../language/language-table.data.js';
import { parseReleaseGroup, parseReleaseHash } from '../../release-group/release-group-parser.js';
import type { ApiModule, FixtureRecord } from './api.types.js';

/** idkarr knows the union of both projects' languages; a record is judged by its own project's list. */
function projectLanguages(record: FixtureRecord, languages: string[]): string[] {
  const known = record.source === 'Sonarr' ? SONARR_LANGUAGES : RADARR_LANGUAGES;
  const kept = languages.filter((name) => known.has(name));
  return kept.length > 0 ? kept : ['Unknown'];
}

export const apis: ApiModule = {
  adapters: {
    'LanguageParser.ParseLanguages': (record) => ({
      languages: projectLanguages(record, parseLanguages(record.title)),
    }),
    'LanguageParser.ParseSubtitleLanguage': (record) => ({
      subtitleLanguage: parseSubtitleInfo(record.title).language,
    }),
    'LanguageParser.ParseSubtitleLanguageInformation': (record) => {
      const info = parseSubtitleInfo(record.title);
      return {
        subtitleLanguage: info.language,
        languageTags: info.tags,
        subtitleTitle: info.title,
        subtitleRawTitle: info.rawTitle,
      };
    },
    'ReleaseGroupParser.ParseReleaseGroup': (record) => ({
      releaseGroup: parseReleaseGroup(record.title),
      releaseHash: parseReleaseHash(record.title),
    }),
  },
};
