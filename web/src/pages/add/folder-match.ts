// Library import: what a folder name says about its movie or series (an id tag, else title and year), and which
// lookup result to propose for it. Pure, so the rules are unit-tested without a browser.

export type ImportKind = 'movie' | 'series';

export interface FolderGuess {
  /** The lookup term: `tmdb:550`-style when the name carries an id tag, else the title. */
  term: string;
  title: string;
  year: number | null;
}

export interface Candidate {
  title: string;
  year: number;
  /** Set when the item is already in the library; never proposed. */
  id?: number;
}

// Plex/Jellyfin/Radarr/Sonarr spellings: "{tmdb-550}", "[tmdbid-550]", "{imdb-tt0137523}", "[tvdbid=79509]".
const ID_TAG = /[[{](tmdb|tvdb|imdb)(?:id)?[-=: ]?(tt\d{5,10}|\d{1,10})[\]}]/i;
const YEAR_IN_PARENS = /\((19\d{2}|20\d{2})\)/g;
const YEAR_TOKEN = /(?:^|\s)(19\d{2}|20\d{2})(?=\s|$)/g;

function idTerm(name: string, kind: ImportKind): string | null {
  const m = ID_TAG.exec(name);
  if (!m) return null;
  const source = m[1]!.toLowerCase();
  const id = m[2]!.toLowerCase();
  if (source === 'imdb' && !id.startsWith('tt')) return null;
  if (source !== 'imdb' && id.startsWith('tt')) return null;
  // Movies have no TVDB ids.
  if (kind === 'movie' && source === 'tvdb') return null;
  return `${source}:${id}`;
}

export function parseFolderName(name: string, kind: ImportKind): FolderGuess {
  // Bracketed parts are tags (ids, quality, edition), not the title.
  let text = name.replace(/\[[^\]]*\]|\{[^}]*\}/g, ' ');
  // Release-style "The.Matrix.1999.1080p" names use dots or underscores for spaces.
  if (!/\s/.test(text.trim())) text = text.replace(/[._]/g, ' ');
  text = text.replace(/\s+/g, ' ').trim();
  let year: number | null = null;
  let cut = text.length;
  const paren = [...text.matchAll(YEAR_IN_PARENS)].pop();
  if (paren?.index !== undefined) {
    year = Number(paren[1]);
    cut = paren.index;
  } else {
    // A year that is the whole title ("1917") stays the title.
    const token = [...text.matchAll(YEAR_TOKEN)].filter((m) => (m.index ?? 0) > 0).pop();
    if (token?.index !== undefined) {
      year = Number(token[1]);
      cut = token.index;
    }
  }
  const title =
    text
      .slice(0, cut)
      .replace(/[\s\-–:,.]+$/, '')
      .trim() || text;
  return { term: idTerm(name, kind) ?? title, title, year };
}

const clean = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]/g, '');

/** The index of the result to propose (-1 for none): title and year agreement first, then the provider's order. */
export function proposeMatch(guess: FolderGuess, results: readonly Candidate[]): number {
  let best = -1;
  let bestScore = -1;
  results.forEach((r, i) => {
    if (r.id !== undefined) return;
    let score = 0;
    if (clean(r.title) === clean(guess.title)) score += 4;
    if (guess.year !== null && r.year === guess.year) score += 3;
    else if (guess.year !== null && Math.abs(r.year - guess.year) === 1) score += 1;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

/** Runs at most `max` of the given tasks at once (lookups for hundreds of folders must not flood the provider). */
export function limiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    // A finished task hands its slot straight to the next waiter, so a newcomer cannot slip in between.
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
