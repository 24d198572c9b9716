// Custom formats: named sets of conditions on a release (title regex, group, source, resolution, …) that a quality
// profile scores. The shape follows the TRaSH-guide JSON so imports and exports need no translation of meaning.

export const CONDITION_IMPLEMENTATIONS = [
  'ReleaseTitleSpecification',
  'ReleaseGroupSpecification',
  'SourceSpecification',
  'ResolutionSpecification',
  'QualityModifierSpecification',
  'LanguageSpecification',
  'IndexerFlagSpecification',
  'SizeSpecification',
  'EditionSpecification',
  'YearSpecification',
] as const;
export type ConditionImplementation = (typeof CONDITION_IMPLEMENTATIONS)[number];

/** Field values as stored: `value` for most conditions, `min`/`max` for size (GB) and year. */
export type ConditionFields = Record<string, string | number | boolean>;

export interface CustomFormatCondition {
  name: string;
  implementation: ConditionImplementation;
  negate: boolean;
  required: boolean;
  fields: ConditionFields;
}

export interface CustomFormat {
  id: number;
  name: string;
  includeCustomFormatWhenRenaming: boolean;
  specifications: CustomFormatCondition[];
}

export type CustomFormatInput = Omit<CustomFormat, 'id'>;

/** Indexer flags a release can carry (what IndexerFlagSpecification tests). */
export type IndexerFlag =
  | 'freeleech'
  | 'halfleech'
  | 'doubleUpload'
  | 'internal'
  | 'scene'
  | 'freeleech75'
  | 'freeleech25'
  | 'nuked'
  | 'golden'
  | 'approved';

/** What the conditions look at; the decision engine builds one per release. */
export interface CustomFormatSubject {
  title: string;
  releaseGroup: string | null;
  /** Quality parts as the parser/catalog spell them. */
  source: string;
  resolution: number;
  modifier: string;
  /** Language names as the parser spells them (`English`, `French`, `Portuguese (Brazil)`…). */
  languages: readonly string[];
  /** The item's original language when known (for `Original` language conditions). */
  originalLanguage?: string;
  indexerFlags: ReadonlySet<IndexerFlag>;
  /** Bytes; 0 = unknown. */
  size: number;
  edition: string;
  /** Release year; 0 = unknown. */
  year: number;
}
