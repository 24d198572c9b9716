// STUB (owned by the language/release-group parser work): replace wholesale.
export interface SubtitleInfo {
  language: string;
  tags: string[];
  title: string | null;
  rawTitle: string | null;
}

/** Audio languages named in a release title, as Sonarr/Radarr language names (`Unknown` when none). */
export function parseLanguages(_title: string): string[] {
  return ['Unknown'];
}

export function parseSubtitleInfo(_fileName: string): SubtitleInfo {
  return { language: 'Unknown', tags: [], title: null, rawTitle: null };
}
