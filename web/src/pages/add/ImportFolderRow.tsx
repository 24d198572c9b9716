// One unmapped folder on the import page: whether to import it, the proposed match (changeable, or searched again
// with another term), its quality profile and monitoring. The page owns the choices; this row only shows them.
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { QualityProfile } from '../../api/types';
import { ProblemNote } from '../../components/Feedback';
import type { LookupResult } from './AddPage';
import { Options, SERIES_MONITOR } from './add-options';
import type { ImportKind } from './folder-match';

export const resultKey = (r: LookupResult) => `${r.tmdbId ?? ''}-${r.tvdbId ?? ''}`;

export interface RowChoice {
  selected: boolean;
  match: LookupResult | null;
  qualityProfileId: number;
  monitor: string;
}

export interface RowOutcome {
  imported?: { id: number; title: string };
  error?: unknown;
}

export function ImportFolderRow(props: {
  kind: ImportKind;
  folder: { name: string; path: string };
  term: string;
  lookup: { isPending: boolean; error: unknown; data: LookupResult[] | undefined };
  choice: RowChoice;
  profiles: QualityProfile[];
  outcome: RowOutcome | undefined;
  disabled: boolean;
  onChange: (patch: Partial<RowChoice> & { matchKey?: string; term?: string }) => void;
}) {
  const { kind, folder, choice, lookup } = props;
  const [term, setTerm] = useState(props.term);
  const name = folder.name;
  const results = lookup.data ?? [];
  return (
    <tr data-testid="import-row" data-folder={name}>
      <td>
        <input
          type="checkbox"
          aria-label={`Import ${name}`}
          checked={choice.selected}
          disabled={props.disabled || !choice.match}
          onChange={(e) => props.onChange({ selected: e.target.checked })}
        />
      </td>
      <th scope="row" className="import-folder">
        {name}
        <div className="muted small mono">{folder.path}</div>
      </th>
      <td>
        <select
          aria-label={`Match for ${name}`}
          value={choice.match ? resultKey(choice.match) : ''}
          disabled={props.disabled || lookup.isPending}
          onChange={(e) => props.onChange({ matchKey: e.target.value })}
        >
          <option value="">{lookup.isPending ? 'Looking up…' : 'No match'}</option>
          {results.map((r) => (
            <option key={resultKey(r)} value={resultKey(r)} disabled={r.id !== undefined}>
              {r.title} ({r.year}){r.id !== undefined ? ' — already in the library' : ''}
            </option>
          ))}
        </select>
        <form
          className="inline-controls"
          onSubmit={(e) => {
            e.preventDefault();
            if (term.trim()) props.onChange({ term: term.trim() });
          }}
        >
          <input
            type="search"
            aria-label={`Search term for ${name}`}
            value={term}
            disabled={props.disabled}
            onChange={(e) => setTerm(e.target.value)}
          />
          <button type="submit" aria-label={`Search again for ${name}`} disabled={props.disabled}>
            Search
          </button>
        </form>
        <ProblemNote error={lookup.error} />
      </td>
      <td>
        <select
          aria-label={`Quality profile for ${name}`}
          value={String(choice.qualityProfileId)}
          disabled={props.disabled}
          onChange={(e) => props.onChange({ qualityProfileId: Number(e.target.value) })}
        >
          {props.profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select
          aria-label={`Monitor ${name}`}
          value={choice.monitor}
          disabled={props.disabled}
          onChange={(e) => props.onChange({ monitor: e.target.value })}
        >
          {kind === 'movie' ? (
            <>
              <option value="true">Movie only</option>
              <option value="false">None</option>
            </>
          ) : (
            <Options list={SERIES_MONITOR} />
          )}
        </select>
      </td>
      <td>
        {props.outcome?.imported ? (
          <Link
            to={kind === 'movie' ? '/movie/$id' : '/series/$id'}
            params={{ id: String(props.outcome.imported.id) }}
            className="ok"
          >
            Imported: open {props.outcome.imported.title}
          </Link>
        ) : null}
        <ProblemNote error={props.outcome?.error} />
      </td>
    </tr>
  );
}
