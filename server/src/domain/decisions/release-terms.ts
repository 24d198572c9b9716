// Release-profile terms: plain text matches case-insensitively anywhere in the title; `/pattern/flags` is a regex
// (always case-insensitive, like Sonarr). Profiles apply to an item when their tags are empty or shared.
import type { CompiledReleaseProfile, CompiledTerm, ReleaseProfile } from './decision.types.js';

const REGEX_TERM = /^\/(.+)\/([a-z]*)$/s;

/** Throws SyntaxError for an invalid `/regex/`. */
export function compileTerm(term: string): CompiledTerm {
  const m = REGEX_TERM.exec(term.trim());
  if (m) {
    const flags = [...new Set(`${m[2]!.replace(/[gy]/g, '')}i`)].join('');
    const re = new RegExp(m[1]!, flags);
    return { source: term, test: (title) => re.test(title) };
  }
  const needle = term.trim().toLowerCase();
  return { source: term, test: (title) => needle !== '' && title.toLowerCase().includes(needle) };
}

/** Empty when every term compiles; else the message for each bad one. */
export function termErrors(terms: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of terms) {
    try {
      compileTerm(t);
    } catch (err) {
      out.push(`invalid regular expression ${t}: ${(err as Error).message}`);
    }
  }
  return out;
}

export function compileReleaseProfiles(profiles: readonly ReleaseProfile[]): CompiledReleaseProfile[] {
  const out: CompiledReleaseProfile[] = [];
  for (const profile of profiles) {
    if (!profile.enabled) continue;
    try {
      out.push({ profile, required: profile.required.map(compileTerm), ignored: profile.ignored.map(compileTerm) });
    } catch {
      // Validated on save; a profile that no longer compiles is skipped rather than failing every decision.
    }
  }
  return out;
}

export function sharesTag(a: readonly number[], b: readonly number[]): boolean {
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

export function profileApplies(p: ReleaseProfile, itemTags: readonly number[], indexerId: number | null): boolean {
  if (p.indexerId !== 0 && p.indexerId !== indexerId) return false;
  return p.tags.length === 0 || sharesTag(p.tags, itemTags);
}
