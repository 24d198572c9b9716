// Chinese/Japanese fansub releases written as a run of bracketed fields:
// `[Group][中文名 / Latin Title][12][1080p]...` or `【Group】★新番★[Title][01-24完]`.
// The series title is the first field with a Latin name (else the first field), the episode the first
// purely numeric field.
import type { Marker } from './episode-info.types.js';
import { hasCjk, hasLatin, isYear, range } from './text.util.js';

const FIELD_RE = /^\s*(?:\[([^[\]]{0,200})\]|【([^【】]{0,200})】|★[^★[【]{0,40}★?)/;
const EPISODE_FIELD_RE = /^(?:第)?(\d{1,4})(?:-(\d{1,4}))?(?:\s?(?:END|Fin|完|集|话|話|v\d))*$/i;

/** Picks the Latin name out of `中文名 / Latin Title` or `中文名_Latin Title`; trims CJK tails. */
export function latinAlternative(field: string): string {
  const parts = field
    .split(hasCjk(field) ? /\s*[/|]\s*|\s*_\s*/ : /\s*[/|]\s*/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const latin = parts.filter((p) => hasLatin(p));
  let pick = latin.length > 0 ? latin[latin.length - 1]! : (parts[0] ?? field);
  if (hasLatin(pick)) pick = stripCjkTail(pick);
  return pick
    .replace(/_/g, ' ')
    .replace(/[\s-]+$/, '')
    .trim();
}

/** `SERIES 靦腆英雄` → `SERIES`: a trailing run of ideographs repeats the name in Chinese. */
export function stripCjkTail(s: string): string {
  const m = /[\s\u3000]*[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+[\s\u3000]*$/.exec(s);
  if (!m || m.index === 0) return s;
  return s.slice(0, m.index).trim();
}

export function findBracketRelease(afterSite: string): Marker | null {
  let rest = afterSite;
  let pos = 0;
  const fields: string[] = [];
  for (let i = 0; i < 20; i++) {
    const m = FIELD_RE.exec(rest);
    if (!m) return null;
    pos += m[0].length;
    rest = rest.slice(m[0].length);
    const content = m[1] ?? m[2];
    if (content === undefined) continue;
    const ep = EPISODE_FIELD_RE.exec(content.trim());
    if (ep && fields.length >= 2 && !(isYear(Number(ep[1])) && ep[2] === undefined)) {
      const candidates = fields.slice(1).filter((f) => !/^(?:19|20)\d\d$/.test(f.trim()));
      const titleField = candidates.find((f) => hasLatin(f)) ?? candidates[0];
      if (titleField === undefined) return null;
      const first = Number(ep[1]);
      const absolute = ep[2] !== undefined ? range(first, Number(ep[2])) : [first];
      return { kind: 'absolute', start: 0, end: pos, absolute, title: latinAlternative(titleField) };
    }
    fields.push(content);
  }
  return null;
}
