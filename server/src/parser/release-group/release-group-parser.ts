// STUB (owned by the language/release-group parser work): replace wholesale.
export function parseReleaseGroup(_title: string): string | null {
  return null;
}
