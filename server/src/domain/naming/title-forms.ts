// The title shapes naming tokens offer: with year, article moved to the end, cleaned of punctuation, first letter,
// joined episode titles. Pure string functions.

const ARTICLE = /^(The|An|A) (.*?)((?: *\([^)]+\))*)$/i;
const TRAILING_YEAR = /\s*\((\d{4})\)$/;

/** "The Office (US)" → "Office, The (US)"; titles without a leading article are unchanged. */
export function titleThe(title: string): string {
  return title.replace(ARTICLE, (_m, article: string, rest: string, tail: string) =>
    rest ? `${rest}, ${article}${tail}` : _m,
  );
}

/** "Title" + 2010 → "Title (2010)"; no year (0) or a title already ending in "(2010)" stays as it is. */
export function titleYear(title: string, year: number): string {
  if (!year) return title;
  const m = TRAILING_YEAR.exec(title);
  if (m && Number(m[1]) === year) return title;
  return `${title} (${year})`;
}

/** "Doctor Who (2005)" → "Doctor Who". */
export function titleWithoutYear(title: string): string {
  return title.replace(TRAILING_YEAR, '');
}

/**
 * Punctuation-free title for dotted names: `&` → "and", separators become spaces, Latin accents dropped, anything
 * but letters, digits, spaces, dots and dashes removed, lone dashes between words removed.
 * "Star Wars: Episode IV - A New Hope" → "Star Wars Episode IV A New Hope".
 */
export function cleanTitle(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/&/g, ' and ')
    .replace(/[/\\_]/g, ' ')
    .replace(/[^\p{L}\p{N}\s.-]/gu, '')
    .replace(/(^|\s)[-.]+(?=\s|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** First character of the sortable title, upper-cased: "The Wire" → "W". */
export function titleFirstCharacter(title: string): string {
  const first = [...titleThe(title).trim()][0];
  return first ? first.toUpperCase() : '';
}

const PART_SUFFIX = /(?:\s*\(\d+\)|,?\s+Part\s+\d+|\s*\(Part\s+\d+\))$/i;

/**
 * One title for the episodes in a file: a shared base title once ("Pilot (1)" + "Pilot (2)" → "Pilot"),
 * otherwise the titles joined with " + ".
 */
export function joinEpisodeTitles(titles: readonly (string | null)[]): string {
  const known = titles.map((t) => t?.trim() ?? '').filter((t) => t.length > 0);
  if (known.length === 0) return '';
  if (known.length === 1) return known[0]!;
  const bases = known.map((t) => t.replace(PART_SUFFIX, '').trim());
  if (bases[0] && bases.every((b) => b === bases[0])) return bases[0];
  return known.join(' + ');
}

/** Edition words capitalised where the source wrote them lower-case: "director's cut" → "Director's Cut". */
export function editionTitle(edition: string): string {
  return edition
    .trim()
    .split(/\s+/)
    .map((w) => (w === w.toLowerCase() ? w.charAt(0).toUpperCase() + w.slice(1) : w))
    .join(' ');
}

/** Cut a title to `max` characters, marking the cut with "...". */
export function truncateTitle(title: string, max: number): string {
  const chars = [...title];
  if (chars.length <= max) return title;
  if (max <= 3) return chars.slice(0, max).join('');
  return `${chars
    .slice(0, max - 3)
    .join('')
    .trimEnd()}...`;
}
