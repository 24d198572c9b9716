// Subtitle side-car file names: `Movie.Title.en.forced.srt`, `Show - S01E01.eng.default.My Title.ass`,
// `Movie.pt-BR.srt`. Reads the dot-separated suffix segments from the right: language, tags and at most
// one free-text segment (the subtitle's own title).
import { LANGUAGE_CODES, LANGUAGE_PAIRS, LANGUAGE_WORDS } from './language-table.data.js';

export interface SubtitleInfo {
  language: string;
  tags: string[];
  title: string | null;
  rawTitle: string | null;
}

/** ISO 639-1 / 639-2 codes that media players write into subtitle file names. */
const ISO_CODES = new Map<string, string>(
  Object.entries({
    English: 'en eng',
    French: 'fr fre fra',
    Spanish: 'es spa',
    German: 'de ger deu',
    Italian: 'it ita',
    Danish: 'da dan',
    Dutch: 'nl dut nld',
    Japanese: 'ja jpn',
    Icelandic: 'is ice isl',
    Chinese: 'zh chi zho zh-hans zh-hant zh-cn zh-tw',
    Russian: 'ru rus',
    Polish: 'pl pol',
    Vietnamese: 'vi vie',
    Swedish: 'sv swe',
    Norwegian: 'no nb nn nor nob nno',
    Finnish: 'fi fin',
    Turkish: 'tr tur',
    Portuguese: 'pt por',
    Greek: 'el gre ell',
    Korean: 'ko kor',
    Hungarian: 'hu hun',
    Hebrew: 'he heb',
    Lithuanian: 'lt lit',
    Czech: 'cs cze ces',
    Arabic: 'ar ara',
    Hindi: 'hi hin',
    Bulgarian: 'bg bul',
    Ukrainian: 'uk ukr',
    Slovak: 'sk slo slk',
    Thai: 'th tha',
    'Portuguese (Brazil)': 'pt-br pt_br ptbr pob',
    'Spanish (Latino)': 'es-419 es-mx es_419',
    Romanian: 'ro rum ron',
    Latvian: 'lv lav',
    Persian: 'fa per fas',
    Catalan: 'ca cat',
    Croatian: 'hr hrv',
    Serbian: 'sr srp',
    Bosnian: 'bs bos',
    Estonian: 'et est',
    Tamil: 'ta tam',
    Indonesian: 'id ind',
    Macedonian: 'mk mac mkd',
    Slovenian: 'sl slv',
    Malay: 'ms may msa',
    Urdu: 'ur urd',
    Georgian: 'ka geo kat',
  }).flatMap(([name, codes]) => codes.split(' ').map((code): [string, string] => [code, name])),
);

const TAGS = new Set(['forced', 'default', 'sdh', 'cc', 'hi', 'foreign']);
const EXTENSION = /\.[a-z0-9]{2,4}$/i;
/** A trailing " - 1" is a copy counter added by tools, not part of the subtitle's title. */
const COPY_COUNTER = /\s+-\s+\d+$/;

function languageOf(segment: string): string | undefined {
  const lower = segment.toLowerCase();
  return (
    ISO_CODES.get(lower) ??
    LANGUAGE_WORDS.get(lower) ??
    LANGUAGE_CODES.get(lower) ??
    LANGUAGE_PAIRS.get(segment.toUpperCase())
  );
}

const NONE: SubtitleInfo = { language: 'Unknown', tags: [], title: null, rawTitle: null };

interface Walk {
  language?: string;
  tags: string[];
  rawTitle?: string;
}

/** Reads `parts` right to left; stops at the second free-text part (that is the video's name). */
function walk(parts: string[], allowTitle: boolean): Walk {
  const result: Walk = { tags: [] };
  for (let i = parts.length - 1; i >= 1; i--) {
    const part = parts[i]!.trim();
    const lower = part.toLowerCase();
    if (TAGS.has(lower)) {
      result.tags.unshift(lower);
      continue;
    }
    const language = result.language ? undefined : languageOf(part);
    if (language) {
      result.language = language;
      continue;
    }
    if (!allowTitle || result.rawTitle !== undefined) break;
    // `ru-something-else`: a language code glued to the title by a dash.
    const dash = part.indexOf('-');
    const prefixed = dash > 0 && !result.language ? languageOf(part.slice(0, dash)) : undefined;
    if (prefixed && dash < part.length - 1) {
      result.language = prefixed;
      result.rawTitle = part.slice(dash + 1);
      continue;
    }
    result.rawTitle = part;
  }
  return result;
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).replace(EXTENSION, '');
}

/**
 * Language, tags and own title of a subtitle file. Pass the video's file name when known: everything after
 * it is suffix, so a dotted video name (`Movie.Title.en.srt`) cannot be mistaken for a subtitle title.
 */
export function parseSubtitleInfo(fileName: string, videoFileName?: string): SubtitleInfo {
  const name = baseName(fileName);
  const video = videoFileName ? baseName(videoFileName) : '';
  const known = video.length > 0 && name.toLowerCase().startsWith(`${video.toLowerCase()}.`);
  // With the video name known, a placeholder head keeps the walk from treating its first part as the video.
  let found = walk(known ? ['', ...name.slice(video.length + 1).split('.')] : name.split('.'), true);
  if (!found.language) {
    // `Movie-Title-eng-forced`: no dots, so the suffix is dash-separated; no title can be told apart there.
    const last = name.slice(name.lastIndexOf('.') + 1);
    found = walk(last.split('-'), false);
  }
  if (!found.language) return { ...NONE, tags: [] };
  const rawTitle = found.rawTitle ?? null;
  const title = rawTitle === null ? null : rawTitle.replace(COPY_COUNTER, '').trim() || null;
  return { language: found.language, tags: found.tags, title, rawTitle };
}
