// IMDb CSV exports and RSS watchlists → list items. Both export layouts are read by column name: the classic one
// (`Title Type` = movie, tvSeries, ...) and the 2024 one (`Original Title` column, `TV Series`, `TV Mini Series`).
// RSS titles carry the type in the year's parentheses: "Name (2013)", "Name (2013 Documentary)",
// "Name (2011 TV Series)". Episodes, games and specials are not library items and are skipped.
import { XMLParser } from 'fast-xml-parser';
import { ProtocolError } from '../../../lib/errors.js';
import type { ListItem, ListMediaType } from '../../../providers/ports/import-list.port.js';
import { parseCsv, parseCsvRecords } from './csv.js';

const SERIES_TYPES = new Set(['tvseries', 'tvminiseries']);
const MOVIE_TYPES = new Set(['movie', 'tvmovie', 'video', 'short', 'tvshort', 'documentary', 'shortfilm']);

/** Classic ids (`tvMiniSeries`) and display names (`TV Mini Series`, `TV Mini-Series`) alike. */
export function imdbTitleType(raw: string): ListMediaType | undefined {
  const key = raw.toLowerCase().replace(/[^a-z]/g, '');
  if (key === '') return 'movie';
  if (SERIES_TYPES.has(key)) return 'series';
  if (MOVIE_TYPES.has(key)) return 'movie';
  return undefined;
}

function year(raw: string | undefined): number | undefined {
  const n = Number.parseInt(raw ?? '', 10);
  return Number.isFinite(n) && n > 1800 ? n : undefined;
}

export function mapListExport(csv: string): ListItem[] {
  const [header = []] = parseCsv(csv);
  if (!header.some((h) => h.trim() === 'Const'))
    throw new ProtocolError('the IMDb export has no Const column (is the list private?)', csv.slice(0, 200));
  const records = parseCsvRecords(csv);
  const items: ListItem[] = [];
  for (const r of records) {
    const imdbId = (r.Const ?? '').trim();
    if (!/^tt\d+$/.test(imdbId)) continue;
    const mediaType = imdbTitleType(r['Title Type'] ?? '');
    if (!mediaType) continue;
    const item: ListItem = { mediaType, title: (r.Title || r['Original Title'] || imdbId).trim(), imdbId };
    const y = year(r.Year);
    if (y !== undefined) item.year = y;
    items.push(item);
  }
  return items;
}

const TITLE = /^(.*)\s\((\d{4})(?:[–-]\d{0,4})?(?:\s+([^)]*))?\)\s*$/;

export function mapWatchlistRss(xml: string): ListItem[] {
  let doc: { rss?: { channel?: { item?: unknown } } };
  try {
    doc = new XMLParser({ processEntities: true, htmlEntities: true, parseTagValue: false }).parse(xml);
  } catch (err) {
    throw new ProtocolError(`the IMDb watchlist feed is not XML: ${(err as Error).message}`, xml.slice(0, 200));
  }
  const channel = doc.rss?.channel;
  if (!channel) throw new ProtocolError('the IMDb watchlist feed has no RSS channel', xml.slice(0, 200));
  const raw = channel.item;
  const entries = (Array.isArray(raw) ? raw : raw ? [raw] : []) as { title?: unknown; link?: unknown }[];
  const items: ListItem[] = [];
  for (const e of entries) {
    const imdbId = /\/title\/(tt\d+)/.exec(String(e.link ?? ''))?.[1];
    const text = String(e.title ?? '').trim();
    if (!imdbId || !text) continue;
    const m = TITLE.exec(text);
    const mediaType = imdbTitleType(m?.[3] ?? '');
    if (!mediaType) continue;
    const item: ListItem = { mediaType, title: m ? m[1]!.trim() : text, imdbId };
    if (m) item.year = Number(m[2]);
    items.push(item);
  }
  return items;
}
