// Import an existing library: the folders of a root folder that no movie or series owns yet (GET /rootfolder's
// unmappedFolders), each with a match proposed from its name (an id tag, else title and year, through the lookup
// API), changeable per folder with its quality profile and monitoring; tags and search-after-import apply to every
// folder. Importing adds the selected folders one by one with POST /movie or /series and `path`, so each item keeps
// its folder and the server links the files in it.
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useId, useMemo, useState } from 'react';
import { get, post, qs } from '../../api/client';
import { keys } from '../../api/query-keys';
import type { QualityProfile, RootFolder, Tag } from '../../api/types';
import { Loading, ProblemNote } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { TagCheckboxes } from '../../components/TagCheckboxes';
import type { LookupResult } from './AddPage';
import { MOVIE_AVAILABILITY, Options, SERIES_TYPES } from './add-options';
import { type ImportKind, limiter, parseFolderName, proposeMatch } from './folder-match';
import { ImportFolderRow, type RowChoice, type RowOutcome, resultKey } from './ImportFolderRow';

type Override = Partial<Omit<RowChoice, 'match'>> & { matchKey?: string; term?: string };

// Shared by every row of every visit: at most three lookups in flight.
const lookupSlot = limiter(3);

export function ImportPage({ kind }: { kind: ImportKind }) {
  const uid = useId();
  const client = useQueryClient();
  const navigate = useNavigate();
  const roots = useQuery({ queryKey: keys.rootFolders, queryFn: () => get<RootFolder[]>('/rootfolder') });
  const profiles = useQuery({
    queryKey: keys.qualityProfiles,
    queryFn: () => get<QualityProfile[]>('/qualityprofile'),
  });
  const tags = useQuery({ queryKey: keys.tags, queryFn: () => get<Tag[]>('/tag') });
  const [rootPath, setRootPath] = useState('');
  const [availability, setAvailability] = useState('released');
  const [seriesType, setSeriesType] = useState('standard');
  const [chosenTags, setChosenTags] = useState<number[]>([]);
  const [search, setSearch] = useState(false);
  const [overrides, setOverrides] = useState<Record<string, Override>>({});
  const [outcomes, setOutcomes] = useState<Record<string, RowOutcome>>({});
  const [running, setRunning] = useState(false);
  const root = roots.data?.find((r) => r.path === rootPath) ?? roots.data?.[0];
  const folders = root?.unmappedFolders ?? [];
  const guesses = useMemo(() => folders.map((f) => parseFolderName(f.name, kind)), [folders, kind]);
  const terms = folders.map((f, i) => overrides[f.path]?.term ?? guesses[i]!.term);
  const lookups = useQueries({
    queries: terms.map((term) => ({
      queryKey: ['lookup', kind, term],
      queryFn: () => lookupSlot(() => get<LookupResult[]>(`/${kind}/lookup${qs({ term })}`)),
      staleTime: 10 * 60_000,
      retry: false,
    })),
  });
  const defaultProfile = profiles.data?.[0]?.id ?? 0;

  const choices: RowChoice[] = folders.map((f, i) => {
    const o = overrides[f.path] ?? {};
    const results = lookups[i]?.data ?? [];
    const proposed = results[proposeMatch(guesses[i]!, results)] ?? null;
    const match = o.matchKey === undefined ? proposed : (results.find((r) => resultKey(r) === o.matchKey) ?? null);
    return {
      match,
      selected: match !== null && (o.selected ?? true),
      qualityProfileId: o.qualityProfileId ?? defaultProfile,
      monitor: o.monitor ?? (kind === 'movie' ? 'true' : 'all'),
    };
  });
  const chosen = folders.map((f, i) => ({ folder: f, choice: choices[i]! })).filter((r) => r.choice.selected);
  const imported = Object.values(outcomes).flatMap((o) => (o.imported ? [o.imported] : []));

  const change = (path: string, patch: Override) => {
    setOverrides((all) => {
      const next = { ...all, [path]: { ...all[path], ...patch } };
      // A new search term proposes afresh.
      if (patch.term !== undefined) delete next[path]!.matchKey;
      return next;
    });
  };

  const importSelected = async () => {
    setRunning(true);
    for (const { folder, choice } of chosen) {
      const m = choice.match!;
      const common = { qualityProfileId: choice.qualityProfileId, path: folder.path, tags: chosenTags };
      try {
        const added =
          kind === 'movie'
            ? await post<{ id: number; title: string }>('/movie', {
                ...common,
                tmdbId: m.tmdbId,
                monitored: choice.monitor === 'true',
                minimumAvailability: availability,
                addOptions: { searchForMovie: search },
              })
            : await post<{ id: number; title: string }>('/series', {
                ...common,
                ...(m.tvdbId ? { tvdbId: m.tvdbId } : { tmdbId: m.tmdbId }),
                seriesType,
                monitored: choice.monitor !== 'none',
                addOptions: { monitor: choice.monitor, searchForMissingEpisodes: search },
              });
        setOutcomes((all) => ({ ...all, [folder.path]: { imported: { id: added.id, title: added.title } } }));
      } catch (error) {
        setOutcomes((all) => ({ ...all, [folder.path]: { error } }));
      }
    }
    setRunning(false);
    await Promise.all([
      client.invalidateQueries({ queryKey: keys.rootFolders }),
      client.invalidateQueries({ queryKey: kind === 'movie' ? keys.movies : keys.series }),
    ]);
  };

  const noun = kind === 'movie' ? 'movies' : 'series';
  return (
    <>
      <PageHeader title={`Import ${noun}`}>
        <Link to={kind === 'movie' ? '/add/movie' : '/add/series'}>
          Add a new {kind === 'movie' ? 'movie' : 'series'}
        </Link>
      </PageHeader>
      <p className="muted">
        Folders in a root folder that no movie or series uses yet. Each is matched by its name; importing keeps the
        folder and its files where they are.
      </p>
      <form aria-label="Import options" onSubmit={(e) => e.preventDefault()}>
        <div className="toolbar">
          <div className="field-inline">
            <label htmlFor={`${uid}-root`}>Root folder</label>
            <select id={`${uid}-root`} value={root?.path ?? ''} onChange={(e) => setRootPath(e.target.value)}>
              {(roots.data ?? []).map((r) => (
                <option key={r.id} value={r.path}>
                  {r.path} ({r.unmappedFolders.length} unmapped)
                </option>
              ))}
            </select>
          </div>
          <div className="field-inline">
            <label htmlFor={`${uid}-kind`}>Import as</label>
            <select
              id={`${uid}-kind`}
              value={kind}
              onChange={(e) =>
                void navigate({ to: e.target.value === 'movie' ? '/add/import/movie' : '/add/import/series' })
              }
            >
              <option value="movie">Movies</option>
              <option value="series">Series</option>
            </select>
          </div>
          {kind === 'movie' ? (
            <div className="field-inline">
              <label htmlFor={`${uid}-avail`}>Minimum availability</label>
              <select id={`${uid}-avail`} value={availability} onChange={(e) => setAvailability(e.target.value)}>
                <Options list={MOVIE_AVAILABILITY} />
              </select>
            </div>
          ) : (
            <div className="field-inline">
              <label htmlFor={`${uid}-type`}>Series type</label>
              <select id={`${uid}-type`} value={seriesType} onChange={(e) => setSeriesType(e.target.value)}>
                <Options list={SERIES_TYPES} />
              </select>
            </div>
          )}
        </div>
        {/* Like the folder rows, fixed while an import runs: every folder of one run gets the same options. */}
        <div className="schema-form section">
          {tags.data && tags.data.length > 0 ? (
            <TagCheckboxes tags={tags.data} value={chosenTags} onChange={setChosenTags} disabled={running} />
          ) : null}
          <div>
            <label>
              <input
                type="checkbox"
                checked={search}
                disabled={running}
                onChange={(e) => setSearch(e.target.checked)}
              />{' '}
              {kind === 'movie' ? 'Start search for missing movies' : 'Start search for missing episodes'}
            </label>
          </div>
        </div>
      </form>
      {roots.isPending || profiles.isPending ? <Loading what="root folders" /> : null}
      <ProblemNote error={roots.error ?? profiles.error} />
      {roots.data?.length === 0 ? (
        <p className="warn">
          No root folder yet: add one under <Link to="/settings/mediamanagement">Media Management</Link>.
        </p>
      ) : null}
      {imported.length ? (
        <section className="section" aria-label="Imported">
          <p role="status" className="ok">
            Imported {imported.length} {imported.length === 1 ? 'folder' : 'folders'}.
          </p>
          <ul>
            {imported.map((i) => (
              <li key={i.id}>
                <Link to={kind === 'movie' ? '/movie/$id' : '/series/$id'} params={{ id: String(i.id) }}>
                  {i.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {root && folders.length === 0 ? <p className="muted">Every folder in {root.path} is in the library.</p> : null}
      {folders.length ? (
        <section className="section" aria-labelledby={`${uid}-folders`}>
          <h2 id={`${uid}-folders`}>Unmapped folders in {root?.path}</h2>
          <table className="data-table" aria-label="Unmapped folders">
            <thead>
              <tr>
                <th scope="col">Import</th>
                <th scope="col">Folder</th>
                <th scope="col">Match</th>
                <th scope="col">Quality profile</th>
                <th scope="col">Monitor</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {folders.map((f, i) => (
                <ImportFolderRow
                  key={`${kind}:${f.path}`}
                  kind={kind}
                  folder={f}
                  term={terms[i]!}
                  lookup={lookups[i]!}
                  choice={choices[i]!}
                  profiles={profiles.data ?? []}
                  outcome={outcomes[f.path]}
                  disabled={running}
                  onChange={(patch) => change(f.path, patch)}
                />
              ))}
            </tbody>
          </table>
          <div className="form-actions">
            <span role="status" className="muted">
              {running ? 'Importing…' : `${chosen.length} of ${folders.length} selected`}
            </span>
            <button
              type="button"
              className="primary"
              disabled={running || chosen.length === 0}
              onClick={() => void importSelected()}
            >
              {running ? 'Importing…' : `Import ${chosen.length} selected`}
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}

export const ImportMoviesPage = () => <ImportPage kind="movie" />;
export const ImportSeriesPage = () => <ImportPage kind="series" />;
