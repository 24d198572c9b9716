// Settings → Media management: naming formats for series and movies with a live preview
// (GET /config/naming/example with the edited values, debounced), saved with PUT /config/naming; plus the
// media-management options (hardlinks, extras, recycle bin, free space) from /config/mediamanagement; root folders
// with their hardlink preflight, and download handling (DownloadHandlingSettings.tsx).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { del, get, post, put, qs } from '../../api/client';
import { keys } from '../../api/query-keys';
import type { RootFolder } from '../../api/types';
import { ProblemNote, QueryView } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatBytes } from '../library/format';
import {
  DownloadHandlingSection,
  type HardlinkCheck,
  HardlinkStatus,
  useHardlinkChecks,
} from './DownloadHandlingSettings';

interface SeriesNaming {
  renameEpisodes: boolean;
  replaceIllegalCharacters: boolean;
  colonReplacementFormat: string;
  multiEpisodeStyle: string;
  standardEpisodeFormat: string;
  dailyEpisodeFormat: string;
  animeEpisodeFormat: string;
  seriesFolderFormat: string;
  seasonFolderFormat: string;
  specialsFolderFormat: string;
}
interface MovieNaming {
  renameMovies: boolean;
  replaceIllegalCharacters: boolean;
  colonReplacementFormat: string;
  standardMovieFormat: string;
  movieFolderFormat: string;
}
interface Naming {
  series: SeriesNaming;
  movie: MovieNaming;
}
type Examples = Record<string, string>;

const COLON = [
  { value: 'delete', label: 'Delete' },
  { value: 'dash', label: 'Replace with dash' },
  { value: 'spaceDash', label: 'Replace with space dash' },
  { value: 'spaceDashSpace', label: 'Replace with space dash space' },
  { value: 'smart', label: 'Smart replace' },
];
const MULTI = ['extend', 'duplicate', 'repeat', 'scene', 'range', 'prefixedRange'];

const SERIES_FORMATS: Array<{ key: keyof SeriesNaming; label: string; example: string }> = [
  { key: 'standardEpisodeFormat', label: 'Standard episode format', example: 'singleEpisodeExample' },
  { key: 'dailyEpisodeFormat', label: 'Daily episode format', example: 'dailyEpisodeExample' },
  { key: 'animeEpisodeFormat', label: 'Anime episode format', example: 'animeEpisodeExample' },
  { key: 'seriesFolderFormat', label: 'Series folder format', example: 'seriesFolderExample' },
  { key: 'seasonFolderFormat', label: 'Season folder format', example: 'seasonFolderExample' },
  { key: 'specialsFolderFormat', label: 'Specials folder format', example: 'specialsFolderExample' },
];
const MOVIE_FORMATS: Array<{ key: keyof MovieNaming; label: string; example: string }> = [
  { key: 'standardMovieFormat', label: 'Standard movie format', example: 'movieExample' },
  { key: 'movieFolderFormat', label: 'Movie folder format', example: 'movieFolderExample' },
];

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

function exampleQuery(n: Naming): string {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(n.series)) params[`series.${k}`] = String(v);
  for (const [k, v] of Object.entries(n.movie)) params[`movie.${k}`] = String(v);
  return qs(params);
}

function NamingForm({ saved }: { saved: Naming }) {
  const uid = useId();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Naming>(saved);
  const debounced = useDebounced(draft, 250);
  const examples = useQuery({
    queryKey: [...keys.naming, 'example', debounced],
    queryFn: () => get<Examples>(`/config/naming/example${exampleQuery(debounced)}`),
    placeholderData: (prev) => prev,
    retry: false,
  });
  const save = useMutation({
    mutationFn: () => put<Naming>('/config/naming', draft),
    onSuccess: (n) => {
      client.setQueryData(keys.naming, n);
      setDraft(n);
    },
  });
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const setSeries = (patch: Partial<SeriesNaming>) => setDraft({ ...draft, series: { ...draft.series, ...patch } });
  const setMovie = (patch: Partial<MovieNaming>) => setDraft({ ...draft, movie: { ...draft.movie, ...patch } });
  const findings = (field: string) =>
    [save.error, examples.error]
      .flatMap((e) =>
        e && typeof e === 'object' && 'findings' in e
          ? (e as { findings: Array<{ field: string; message: string }> }).findings
          : [],
      )
      .filter((f) => f.field.endsWith(field));

  const preview = (key: string, label: string) => (
    <output className="naming-preview" aria-label={`${label} preview`} data-testid={`preview-${key}`}>
      {examples.data?.[key] ?? '…'}
    </output>
  );

  const formatRow = (section: 'series' | 'movie', key: string, label: string, example: string, value: string) => {
    const id = `${uid}-${section}-${key}`;
    const f = findings(`${section}.${key}`);
    return (
      <div className="form-row" key={key}>
        <label htmlFor={id}>{label}</label>
        <div>
          <input
            id={id}
            type="text"
            value={value}
            size={60}
            aria-invalid={f.length > 0 || undefined}
            onChange={(e) =>
              section === 'series' ? setSeries({ [key]: e.target.value }) : setMovie({ [key]: e.target.value })
            }
          />
          {preview(example, label)}
          {f.map((x) => (
            <p key={x.message} className="error small">
              {x.message}
            </p>
          ))}
        </div>
      </div>
    );
  };

  return (
    <form
      className="schema-form"
      aria-label="Naming"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <section className="section" aria-labelledby={`${uid}-movies`}>
        <h2 id={`${uid}-movies`}>Movie naming</h2>
        <div className="form-row">
          <label>
            <input
              type="checkbox"
              checked={draft.movie.renameMovies}
              onChange={(e) => setMovie({ renameMovies: e.target.checked })}
            />{' '}
            Rename movies
          </label>
        </div>
        <div className="form-row">
          <label>
            <input
              type="checkbox"
              checked={draft.movie.replaceIllegalCharacters}
              onChange={(e) => setMovie({ replaceIllegalCharacters: e.target.checked })}
            />{' '}
            Replace illegal characters (movies)
          </label>
        </div>
        <div className="form-row">
          <label htmlFor={`${uid}-mcolon`}>Movie colon replacement</label>
          <select
            id={`${uid}-mcolon`}
            value={draft.movie.colonReplacementFormat}
            onChange={(e) => setMovie({ colonReplacementFormat: e.target.value })}
          >
            {COLON.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        {MOVIE_FORMATS.map((f) => formatRow('movie', f.key, f.label, f.example, String(draft.movie[f.key])))}
      </section>
      <section className="section" aria-labelledby={`${uid}-series`}>
        <h2 id={`${uid}-series`}>Episode naming</h2>
        <div className="form-row">
          <label>
            <input
              type="checkbox"
              checked={draft.series.renameEpisodes}
              onChange={(e) => setSeries({ renameEpisodes: e.target.checked })}
            />{' '}
            Rename episodes
          </label>
        </div>
        <div className="form-row">
          <label>
            <input
              type="checkbox"
              checked={draft.series.replaceIllegalCharacters}
              onChange={(e) => setSeries({ replaceIllegalCharacters: e.target.checked })}
            />{' '}
            Replace illegal characters (episodes)
          </label>
        </div>
        <div className="form-row">
          <label htmlFor={`${uid}-scolon`}>Episode colon replacement</label>
          <select
            id={`${uid}-scolon`}
            value={draft.series.colonReplacementFormat}
            onChange={(e) => setSeries({ colonReplacementFormat: e.target.value })}
          >
            {COLON.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="form-row">
          <label htmlFor={`${uid}-multi`}>Multi-episode style</label>
          <select
            id={`${uid}-multi`}
            value={draft.series.multiEpisodeStyle}
            onChange={(e) => setSeries({ multiEpisodeStyle: e.target.value })}
          >
            {MULTI.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </div>
        {SERIES_FORMATS.map((f) => formatRow('series', f.key, f.label, f.example, String(draft.series[f.key])))}
        <div className="form-row">
          <span>Multi-episode example</span>
          {preview('multiEpisodeExample', 'Multi-episode')}
        </div>
      </section>
      <ProblemNote error={save.error ?? examples.error} />
      {save.isSuccess && !dirty ? (
        <p role="status" className="ok">
          Saved.
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!dirty || save.isPending}>
          Save
        </button>
        <button type="button" disabled={!dirty} onClick={() => setDraft(saved)}>
          Discard changes
        </button>
      </div>
    </form>
  );
}

interface MediaManagement {
  copyUsingHardlinks: boolean;
  importExtraFiles: boolean;
  importNfo: boolean;
  extraFileExtensions: string[];
  recycleBin: string;
  recycleBinCleanupDays: number;
  minimumFreeSpaceMb: number;
  downloadFolders: string[];
  skipSampleCheck: boolean;
}

function MediaManagementForm({ saved }: { saved: MediaManagement }) {
  const uid = useId();
  const client = useQueryClient();
  const [draft, setDraft] = useState(saved);
  const save = useMutation({
    mutationFn: () => put<MediaManagement>('/config/mediamanagement', draft),
    onSuccess: (m) => {
      client.setQueryData([...keys.naming, 'mediamanagement'], m);
      setDraft(m);
    },
  });
  const set = (patch: Partial<MediaManagement>) => setDraft({ ...draft, ...patch });
  const check = (key: 'copyUsingHardlinks' | 'importExtraFiles' | 'importNfo' | 'skipSampleCheck', label: string) => (
    <div className="form-row" key={key}>
      <label>
        <input type="checkbox" checked={draft[key]} onChange={(e) => set({ [key]: e.target.checked })} /> {label}
      </label>
    </div>
  );
  return (
    <form
      className="schema-form section"
      aria-labelledby={`${uid}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2 id={`${uid}-h`}>File management</h2>
      {check('copyUsingHardlinks', 'Use hardlinks instead of copy')}
      {check('importExtraFiles', 'Import extra files')}
      {check('importNfo', 'Import .nfo files')}
      {check('skipSampleCheck', 'Skip the sample check')}
      <div className="form-row">
        <label htmlFor={`${uid}-ext`}>Extra file extensions</label>
        <input
          id={`${uid}-ext`}
          type="text"
          value={draft.extraFileExtensions.join(', ')}
          onChange={(e) => set({ extraFileExtensions: e.target.value.split(/[,\s]+/).filter(Boolean) })}
        />
      </div>
      <div className="form-row">
        <label htmlFor={`${uid}-bin`}>Recycle bin</label>
        <input
          id={`${uid}-bin`}
          type="text"
          value={draft.recycleBin}
          onChange={(e) => set({ recycleBin: e.target.value })}
        />
      </div>
      <div className="form-row">
        <label htmlFor={`${uid}-days`}>Recycle bin cleanup (days)</label>
        <input
          id={`${uid}-days`}
          type="number"
          min={0}
          value={draft.recycleBinCleanupDays}
          onChange={(e) => set({ recycleBinCleanupDays: Number(e.target.value) })}
        />
      </div>
      <div className="form-row">
        <label htmlFor={`${uid}-free`}>Minimum free space (MB)</label>
        <input
          id={`${uid}-free`}
          type="number"
          min={0}
          value={draft.minimumFreeSpaceMb}
          onChange={(e) => set({ minimumFreeSpaceMb: Number(e.target.value) })}
        />
      </div>
      <ProblemNote error={save.error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          Save file management
        </button>
      </div>
    </form>
  );
}

function RootFolders() {
  const uid = useId();
  const client = useQueryClient();
  const [path, setPath] = useState('');
  const roots = useQuery({ queryKey: keys.rootFolders, queryFn: () => get<RootFolder[]>('/rootfolder') });
  const hardlinks = useHardlinkChecks();
  const done = () => client.invalidateQueries({ queryKey: keys.rootFolders });
  const add = useMutation({
    mutationFn: () => post<RootFolder & { hardlinks: HardlinkCheck[] }>('/rootfolder', { path: path.trim() }),
    onSuccess: () => {
      setPath('');
      return done();
    },
  });
  const remove = useMutation({ mutationFn: (id: number) => del(`/rootfolder/${id}`), onSettled: done });
  return (
    <section className="section" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>Root folders</h2>
      <QueryView query={roots} what="root folders">
        {(list) =>
          list.length === 0 ? (
            <p className="muted">No root folders yet.</p>
          ) : (
            <table className="data-table" aria-label="Root folders">
              <thead>
                <tr>
                  <th scope="col">Path</th>
                  <th scope="col">Free space</th>
                  <th scope="col">Unmapped folders</th>
                  <th scope="col">Hardlinks from downloads</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((r) => (
                  <tr key={r.id}>
                    <td>
                      {r.path} {r.accessible ? null : <span className="error">(not accessible)</span>}
                    </td>
                    <td>{r.freeSpace === null ? '—' : formatBytes(r.freeSpace)}</td>
                    <td>{r.unmappedFolders.length}</td>
                    <td>
                      <HardlinkStatus checks={hardlinks.data?.filter((c) => c.rootFolderPath === r.path)} />
                    </td>
                    <td className="actions">
                      <button
                        type="button"
                        aria-label={`Remove root folder ${r.path}`}
                        onClick={() => remove.mutate(r.id)}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryView>
      <form
        className="inline-controls"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <label htmlFor={`${uid}-path`}>New root folder</label>
        <input
          id={`${uid}-path`}
          type="text"
          value={path}
          placeholder="/media/movies"
          onChange={(e) => setPath(e.target.value)}
        />
        <button type="submit" disabled={!path.trim() || add.isPending}>
          Add root folder
        </button>
      </form>
      {add.data ? (
        <p role="status">
          Added {add.data.path}. Hardlinks from downloads: <HardlinkStatus checks={add.data.hardlinks} />
        </p>
      ) : null}
      <ProblemNote error={add.error ?? remove.error} />
    </section>
  );
}

export function NamingSettingsPage() {
  const naming = useQuery({ queryKey: keys.naming, queryFn: () => get<Naming>('/config/naming') });
  const mm = useQuery({
    queryKey: [...keys.naming, 'mediamanagement'],
    queryFn: () => get<MediaManagement>('/config/mediamanagement'),
  });
  return (
    <>
      <PageHeader title="Media Management" />
      <RootFolders />
      <QueryView query={naming} what="naming">
        {(n) => <NamingForm saved={n} />}
      </QueryView>
      <QueryView query={mm} what="media management">
        {(m) => <MediaManagementForm saved={m} />}
      </QueryView>
      <DownloadHandlingSection />
    </>
  );
}
