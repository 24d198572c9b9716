// Vocabulary for audio-language detection. Kept as plain data so matching is a Map lookup per token
// (no per-language regex), which keeps parsing linear in the title length.

/** One language: its Sonarr/Radarr name and the spellings release titles use for it. */
interface LanguageEntry {
  name: string;
  /** Full words, matched case-insensitively anywhere after the title (names, native spellings). */
  words?: string[];
  /** Three-letter style abbreviations: any case when UPPER, otherwise only next to other media tokens. */
  codes?: string[];
  /** Two-letter codes: only as an UPPERCASE token, since lowercase pairs are ordinary words (de, en, no). */
  pairs?: string[];
  /** Country names that mean the language only when followed by "Dubbed" ("Azerbaijan.Dubbed"). */
  countries?: string[];
}

const ENTRIES: LanguageEntry[] = [
  { name: 'English', words: ['english', 'ingles', 'inglés'], codes: ['eng', 'ing'], pairs: ['EN'] },
  {
    name: 'French',
    words: ['french', 'français', 'francais', 'truefrench'],
    codes: ['fra', 'fre', 'vf', 'vff', 'vf2', 'vfq', 'vfi'],
    pairs: ['FR'],
  },
  { name: 'Spanish', words: ['spanish', 'español', 'espanol', 'castellano'], codes: ['spa', 'esp'], pairs: ['ES'] },
  { name: 'German', words: ['german', 'deutsch', 'swissgerman'], codes: ['ger', 'deu'], pairs: ['DE'] },
  { name: 'Italian', words: ['italian', 'italiano'], codes: ['ita'], pairs: ['IT'] },
  { name: 'Danish', words: ['danish', 'dansk'], codes: ['dan'] },
  { name: 'Dutch', words: ['dutch', 'nederlands'], codes: ['dut', 'nld'], pairs: ['NL'] },
  { name: 'Japanese', words: ['japanese'], codes: ['jap', 'jpn'], pairs: ['JA', 'JP'] },
  { name: 'Icelandic', words: ['icelandic'] },
  { name: 'Chinese', words: ['chinese', 'cantonese', 'mandarin'], codes: ['chs', 'cht', 'chi', 'big5'], pairs: ['ZH'] },
  { name: 'Russian', words: ['russian'], codes: ['rus'], pairs: ['RU'] },
  { name: 'Polish', words: ['polish', 'polski'], codes: ['pol'], pairs: ['PL'] },
  { name: 'Vietnamese', words: ['vietnamese'], codes: ['vie'] },
  { name: 'Swedish', words: ['swedish', 'svenska'], codes: ['swe'] },
  { name: 'Norwegian', words: ['norwegian', 'norsk'], codes: ['nor'] },
  { name: 'Finnish', words: ['finnish', 'suomi'], codes: ['fin'] },
  { name: 'Turkish', words: ['turkish', 'türkçe'], codes: ['tur'] },
  { name: 'Portuguese', words: ['portuguese', 'português', 'portugues'], codes: ['por'], pairs: ['PT'] },
  { name: 'Flemish', words: ['flemish', 'vlaams'] },
  { name: 'Greek', words: ['greek'], codes: ['gre', 'ell'] },
  { name: 'Korean', words: ['korean'], codes: ['kor'] },
  { name: 'Hungarian', words: ['hungarian', 'magyar'], codes: ['hun'], pairs: ['HU'] },
  { name: 'Hebrew', words: ['hebrew'], codes: ['heb'] },
  { name: 'Lithuanian', words: ['lithuanian'], codes: ['lit'], pairs: ['LT'] },
  { name: 'Czech', words: ['czech'], codes: ['cze', 'ces'], pairs: ['CZ'] },
  { name: 'Arabic', words: ['arabic'], codes: ['ara'] },
  { name: 'Hindi', words: ['hindi'], codes: ['hin'] },
  { name: 'Bulgarian', words: ['bulgarian'], codes: ['bul'], pairs: ['BG'] },
  { name: 'Malayalam', words: ['malayalam'] },
  { name: 'Ukrainian', words: ['ukrainian'], codes: ['ukr'], pairs: ['UA'] },
  { name: 'Slovak', words: ['slovak'], codes: ['slk'], pairs: ['SK'] },
  { name: 'Thai', words: ['thai'], codes: ['tha'] },
  { name: 'Portuguese (Brazil)', words: ['brazilian', 'dublado'] },
  { name: 'Spanish (Latino)', words: ['latino'] },
  { name: 'Romanian', words: ['romanian'], codes: ['ron', 'rum'], pairs: ['RO'] },
  { name: 'Latvian', words: ['latvian'], codes: ['lav', 'lat', 'lv'], pairs: ['LV'] },
  { name: 'Persian', words: ['persian', 'farsi'], codes: ['fas'] },
  { name: 'Catalan', words: ['catalan', 'catalán', 'català', 'catala'], codes: ['cat'] },
  { name: 'Croatian', words: ['croatian'], codes: ['hrv'] },
  { name: 'Serbian', words: ['serbian'], codes: ['srp'] },
  { name: 'Bosnian', words: ['bosnian'], codes: ['bos'] },
  { name: 'Estonian', words: ['estonian'], codes: ['est'] },
  { name: 'Tamil', words: ['tamil'], codes: ['tam'] },
  { name: 'Indonesian', words: ['indonesian'], codes: ['ind'] },
  { name: 'Macedonian', words: ['macedonian'], codes: ['mkd'] },
  { name: 'Slovenian', words: ['slovenian', 'slovene'], codes: ['slv'] },
  { name: 'Azerbaijani', words: ['azerbaijani'], codes: ['aze'], countries: ['azerbaijan'] },
  { name: 'Uzbek', words: ['uzbek'], codes: ['uzb'], countries: ['uzbekistan'] },
  { name: 'Malay', words: ['malay'], codes: ['msa'] },
  { name: 'Urdu', words: ['urdu'], codes: ['urd'] },
  { name: 'Romansh', words: ['romansh', 'romansch', 'rumantsch'], codes: ['roh'] },
  { name: 'Georgian', words: ['georgian'], codes: ['geo', 'kat'], pairs: ['KA'] },
  { name: 'Bengali', words: ['bengali', 'bangla'] },
  { name: 'Telugu', words: ['telugu'], codes: ['tel'] },
  { name: 'Kannada', words: ['kannada'] },
  { name: 'Albanian', words: ['albanian'], codes: ['sqi'] },
  { name: 'Afrikaans', words: ['afrikaans'] },
  { name: 'Marathi', words: ['marathi'] },
  { name: 'Tagalog', words: ['tagalog', 'filipino'] },
  { name: 'Mongolian', words: ['mongolian', 'khalkha'] },
  { name: 'Original', words: ['original', 'orig'] },
];

function index(pick: (e: LanguageEntry) => string[] | undefined, lower: boolean): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of ENTRIES) {
    for (const key of pick(entry) ?? []) map.set(lower ? key.toLowerCase() : key, entry.name);
  }
  return map;
}

/** Lowercased full word -> language name. */
export const LANGUAGE_WORDS = index((e) => e.words, true);
/** Lowercased abbreviation -> language name. */
export const LANGUAGE_CODES = index((e) => e.codes, true);
/** Exact-case (uppercase) two-letter code -> language name. */
export const LANGUAGE_PAIRS = index((e) => e.pairs, false);
/** Lowercased country name -> language name (only valid before "Dubbed"). */
export const LANGUAGE_COUNTRIES = index((e) => e.countries, true);

/** Release groups that only publish dubs in one language, so their name alone tells the audio. */
export const GROUP_LANGUAGES = new Map<string, string>([['videomann', 'German']]);

/** Language names each project knows; idkarr's own list is the union. */
export const SONARR_LANGUAGES: ReadonlySet<string> = new Set(
  'Unknown,English,French,Spanish,German,Italian,Danish,Dutch,Japanese,Icelandic,Chinese,Russian,Polish,Vietnamese,Swedish,Norwegian,Finnish,Turkish,Portuguese,Flemish,Greek,Korean,Hungarian,Hebrew,Lithuanian,Czech,Arabic,Hindi,Bulgarian,Malayalam,Ukrainian,Slovak,Thai,Portuguese (Brazil),Spanish (Latino),Romanian,Latvian,Persian,Catalan,Croatian,Serbian,Bosnian,Estonian,Tamil,Indonesian,Macedonian,Slovenian,Azerbaijani,Uzbek,Malay,Urdu,Romansh,Georgian,Original'.split(
    ',',
  ),
);
export const RADARR_LANGUAGES: ReadonlySet<string> = new Set(
  'Unknown,English,French,Spanish,German,Italian,Danish,Dutch,Japanese,Icelandic,Chinese,Russian,Polish,Vietnamese,Swedish,Norwegian,Finnish,Turkish,Portuguese,Flemish,Greek,Korean,Hungarian,Hebrew,Lithuanian,Czech,Hindi,Romanian,Thai,Bulgarian,Portuguese (Brazil),Arabic,Ukrainian,Persian,Bengali,Slovak,Latvian,Spanish (Latino),Catalan,Croatian,Serbian,Bosnian,Estonian,Tamil,Indonesian,Telugu,Macedonian,Slovenian,Malayalam,Kannada,Albanian,Afrikaans,Marathi,Tagalog,Urdu,Romansh,Mongolian,Georgian,Any,Original'.split(
    ',',
  ),
);
