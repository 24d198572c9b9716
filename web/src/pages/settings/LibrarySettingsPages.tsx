// Settings pages over simple library-config resources: quality profiles and definitions, custom formats (with JSON
// import and export), remote path mappings, import-list exclusions and tags. Every control is labelled; API
// problems are shown next to the form that caused them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { del, get, post, put, qs } from '../../api/client';
import { keys } from '../../api/query-keys';
import { ProblemNote, QueryView } from '../../components/Feedback';
import { Modal } from '../../components/Modal';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../library/format';

// ---- quality profiles and definitions ----

interface QualityItem {
  quality: string;
  allowed: boolean;
}
interface GroupItem {
  name: string;
  allowed: boolean;
  items: QualityItem[];
}
interface Profile {
  id: number;
  name: string;
  upgradeAllowed: boolean;
  cutoff: string;
  items: Array<QualityItem | GroupItem>;
  minFormatScore: number;
  cutoffFormatScore: number;
  formatItems: Array<{ format: number; score: number }>;
}
interface Definition {
  id: number;
  quality: { id: string; name: string };
  title: string;
  minSize: number;
  preferredSize: number;
  maxSize: number | null;
}

const itemName = (i: QualityItem | GroupItem) => ('name' in i ? i.name : i.quality);

function ProfileEditor({ profile, onClose }: { profile: Profile; onClose: () => void }) {
  const uid = useId();
  const client = useQueryClient();
  const [draft, setDraft] = useState(profile);
  const save = useMutation({
    mutationFn: () => put<Profile>(`/qualityprofile/${profile.id}`, { ...draft, id: undefined }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.qualityProfiles });
      onClose();
    },
  });
  const allowed = draft.items.filter((i) => i.allowed).map(itemName);
  return (
    <Modal label={`Edit ${profile.name}`} onClose={onClose}>
      <form
        className="schema-form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <h2>Edit {profile.name}</h2>
        <div className="form-row">
          <label htmlFor={`${uid}-name`}>Name</label>
          <input
            id={`${uid}-name`}
            type="text"
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        </div>
        <div className="form-row">
          <label>
            <input
              type="checkbox"
              checked={draft.upgradeAllowed}
              onChange={(e) => setDraft({ ...draft, upgradeAllowed: e.target.checked })}
            />{' '}
            Upgrades allowed
          </label>
        </div>
        <div className="form-row">
          <label htmlFor={`${uid}-cutoff`}>Upgrade until</label>
          <select
            id={`${uid}-cutoff`}
            value={draft.cutoff}
            onChange={(e) => setDraft({ ...draft, cutoff: e.target.value })}
          >
            {allowed.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="form-row">
          <legend>Qualities</legend>
          <div className="checkbox-list">
            {draft.items.map((item, i) => (
              <label key={itemName(item)}>
                <input
                  type="checkbox"
                  checked={item.allowed}
                  onChange={(e) =>
                    setDraft({
                      ...draft,
                      items: draft.items.map((x, j) => (j === i ? { ...x, allowed: e.target.checked } : x)),
                    })
                  }
                />{' '}
                {itemName(item)}
                {'items' in item ? ` (${item.items.map((q) => q.quality).join(', ')})` : ''}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="form-row">
          <label htmlFor={`${uid}-min`}>Minimum custom format score</label>
          <input
            id={`${uid}-min`}
            type="number"
            value={draft.minFormatScore}
            onChange={(e) => setDraft({ ...draft, minFormatScore: Number(e.target.value) })}
          />
        </div>
        <ProblemNote error={save.error} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={save.isPending}>
            Save
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}

function Definitions() {
  const client = useQueryClient();
  const defs = useQuery({ queryKey: ['qualityDefinitions'], queryFn: () => get<Definition[]>('/qualitydefinition') });
  const [edits, setEdits] = useState<Record<number, Partial<Definition>>>({});
  const save = useMutation({
    mutationFn: () =>
      put<Definition[]>(
        '/qualitydefinition/update',
        (defs.data ?? [])
          .filter((d) => edits[d.id])
          .map((d) => {
            const x = { ...d, ...edits[d.id] };
            return { id: d.id, title: x.title, minSize: x.minSize, preferredSize: x.preferredSize, maxSize: x.maxSize };
          }),
      ),
    onSuccess: async () => {
      setEdits({});
      await client.invalidateQueries({ queryKey: ['qualityDefinitions'] });
    },
  });
  const num = (d: Definition, key: 'minSize' | 'preferredSize' | 'maxSize', label: string) => {
    const v = edits[d.id]?.[key] !== undefined ? edits[d.id]![key] : d[key];
    return (
      <input
        type="number"
        min={0}
        step="0.1"
        aria-label={`${d.title} ${label}`}
        value={v === null || v === undefined ? '' : String(v)}
        onChange={(e) =>
          setEdits({
            ...edits,
            [d.id]: {
              ...edits[d.id],
              [key]: e.target.value === '' && key === 'maxSize' ? null : Number(e.target.value),
            },
          })
        }
      />
    );
  };
  return (
    <section className="section" aria-labelledby="defs-h">
      <h2 id="defs-h">Quality definitions</h2>
      <p className="muted small">Sizes in MB per minute of runtime; an empty maximum means unlimited.</p>
      <QueryView query={defs} what="quality definitions">
        {(list) => (
          <table className="data-table" aria-label="Quality definitions">
            <thead>
              <tr>
                <th scope="col">Quality</th>
                <th scope="col">Minimum</th>
                <th scope="col">Preferred</th>
                <th scope="col">Maximum</th>
              </tr>
            </thead>
            <tbody>
              {list.map((d) => (
                <tr key={d.id}>
                  <td>{d.title}</td>
                  <td>{num(d, 'minSize', 'minimum')}</td>
                  <td>{num(d, 'preferredSize', 'preferred')}</td>
                  <td>{num(d, 'maxSize', 'maximum')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
      <ProblemNote error={save.error} />
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          disabled={Object.keys(edits).length === 0 || save.isPending}
          onClick={() => save.mutate()}
        >
          Save definitions
        </button>
      </div>
    </section>
  );
}

export function ProfilesPage() {
  const profiles = useQuery({ queryKey: keys.qualityProfiles, queryFn: () => get<Profile[]>('/qualityprofile') });
  const [editing, setEditing] = useState<Profile | null>(null);
  return (
    <>
      <PageHeader title="Profiles" />
      <section className="section" aria-labelledby="profiles-h">
        <h2 id="profiles-h">Quality profiles</h2>
        <QueryView query={profiles} what="quality profiles">
          {(list) => (
            <table className="data-table" aria-label="Quality profiles">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Allowed qualities</th>
                  <th scope="col">Cutoff</th>
                  <th scope="col">Upgrades</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((p) => (
                  <tr key={p.id}>
                    <td>{p.name}</td>
                    <td>
                      {p.items
                        .filter((i) => i.allowed)
                        .map(itemName)
                        .join(', ')}
                    </td>
                    <td>{p.cutoff}</td>
                    <td>{p.upgradeAllowed ? 'Yes' : 'No'}</td>
                    <td className="actions">
                      <button type="button" aria-label={`Edit ${p.name}`} onClick={() => setEditing(p)}>
                        Edit
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryView>
      </section>
      {editing ? <ProfileEditor profile={editing} onClose={() => setEditing(null)} /> : null}
      <Definitions />
    </>
  );
}

// ---- custom formats ----

interface CustomFormat {
  id: number;
  name: string;
  includeCustomFormatWhenRenaming: boolean;
  specifications: Array<{ name: string; implementation: string; negate: boolean; required: boolean }>;
}

export function CustomFormatsPage() {
  const uid = useId();
  const client = useQueryClient();
  const formats = useQuery({ queryKey: ['customFormats'], queryFn: () => get<CustomFormat[]>('/customformat') });
  const [json, setJson] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const [parseError, setParseError] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['customFormats'] });
  const importer = useMutation({
    mutationFn: (body: unknown) => post<CustomFormat[]>(`/customformat/import${qs({ overwrite })}`, body),
    onSuccess: () => {
      setJson('');
      return refresh();
    },
  });
  const remove = useMutation({ mutationFn: (id: number) => del(`/customformat/${id}`), onSettled: refresh });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    let body: unknown;
    try {
      body = JSON.parse(json);
    } catch (err) {
      setParseError(`Not valid JSON: ${(err as Error).message}`);
      return;
    }
    setParseError(null);
    importer.mutate(body);
  };
  return (
    <>
      <PageHeader title="Custom Formats">
        <a href="/api/v1/customformat/export" download="custom-formats.json">
          Export all as JSON
        </a>
      </PageHeader>
      <QueryView query={formats} what="custom formats">
        {(list) =>
          list.length === 0 ? (
            <p className="muted">No custom formats yet.</p>
          ) : (
            <table className="data-table" aria-label="Custom formats">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Conditions</th>
                  <th scope="col">In renaming</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((f) => (
                  <tr key={f.id}>
                    <td>{f.name}</td>
                    <td>
                      {f.specifications
                        .map((s) => `${s.negate ? 'not ' : ''}${s.name} (${s.implementation})${s.required ? '*' : ''}`)
                        .join(', ')}
                    </td>
                    <td>{f.includeCustomFormatWhenRenaming ? 'Yes' : 'No'}</td>
                    <td className="actions">
                      <button type="button" aria-label={`Delete ${f.name}`} onClick={() => remove.mutate(f.id)}>
                        Delete
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryView>
      <ProblemNote error={remove.error} />
      <form className="schema-form section" onSubmit={submit} aria-labelledby={`${uid}-h`}>
        <h2 id={`${uid}-h`}>Import JSON</h2>
        <div className="form-row">
          <label htmlFor={`${uid}-json`}>Custom format JSON (one object or a list, TRaSH-guide format)</label>
          <textarea
            id={`${uid}-json`}
            rows={10}
            value={json}
            onChange={(e) => setJson(e.target.value)}
            aria-invalid={parseError ? true : undefined}
          />
        </div>
        <div className="form-row">
          <label>
            <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} /> Overwrite
            formats with the same name
          </label>
        </div>
        {parseError ? (
          <p className="error" role="alert">
            {parseError}
          </p>
        ) : null}
        <ProblemNote error={importer.error} />
        {importer.data ? (
          <p role="status" className="ok">
            Imported {importer.data.map((f) => f.name).join(', ')}.
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!json.trim() || importer.isPending}>
            Import
          </button>
        </div>
      </form>
    </>
  );
}

// ---- simple CRUD lists ----

interface Mapping {
  id: number;
  host: string;
  remotePath: string;
  localPath: string;
}

export function RemotePathMappingsPage() {
  const uid = useId();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['remotePathMappings'], queryFn: () => get<Mapping[]>('/remotepathmapping') });
  const [draft, setDraft] = useState({ host: '', remotePath: '', localPath: '' });
  const refresh = () => client.invalidateQueries({ queryKey: ['remotePathMappings'] });
  const add = useMutation({
    mutationFn: () => post('/remotepathmapping', draft),
    onSuccess: () => {
      setDraft({ host: '', remotePath: '', localPath: '' });
      return refresh();
    },
  });
  const remove = useMutation({ mutationFn: (id: number) => del(`/remotepathmapping/${id}`), onSettled: refresh });
  return (
    <>
      <PageHeader title="Remote Path Mappings" />
      <p className="muted">
        When a download client reports paths as it sees them (another machine or container), map them to local paths.
      </p>
      <QueryView query={list} what="mappings">
        {(rows) =>
          rows.length === 0 ? (
            <p className="muted">No mappings.</p>
          ) : (
            <table className="data-table" aria-label="Remote path mappings">
              <thead>
                <tr>
                  <th scope="col">Host</th>
                  <th scope="col">Remote path</th>
                  <th scope="col">Local path</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((m) => (
                  <tr key={m.id}>
                    <td>{m.host}</td>
                    <td>{m.remotePath}</td>
                    <td>{m.localPath}</td>
                    <td className="actions">
                      <button
                        type="button"
                        aria-label={`Delete mapping ${m.remotePath}`}
                        onClick={() => remove.mutate(m.id)}
                      >
                        Delete
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
        className="schema-form section"
        aria-labelledby={`${uid}-h`}
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <h2 id={`${uid}-h`}>Add mapping</h2>
        {(['host', 'remotePath', 'localPath'] as const).map((k) => (
          <div className="form-row" key={k}>
            <label htmlFor={`${uid}-${k}`}>
              {{ host: 'Host', remotePath: 'Remote path', localPath: 'Local path' }[k]}
            </label>
            <input
              id={`${uid}-${k}`}
              type="text"
              value={draft[k]}
              onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
            />
          </div>
        ))}
        <ProblemNote error={add.error ?? remove.error} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={add.isPending}>
            Add mapping
          </button>
        </div>
      </form>
    </>
  );
}

interface Exclusion {
  id: number;
  mediaType: 'movie' | 'series';
  tmdbId: number | null;
  tvdbId: number | null;
  imdbId: string | null;
  title: string;
  year: number | null;
  createdAt: string;
}

export function ImportListExclusionsPage() {
  const uid = useId();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['exclusions'], queryFn: () => get<Exclusion[]>('/importlistexclusion') });
  const [draft, setDraft] = useState({ mediaType: 'movie', title: '', year: '', tmdbId: '', tvdbId: '', imdbId: '' });
  const refresh = () => client.invalidateQueries({ queryKey: ['exclusions'] });
  const n = (s: string) => (s.trim() ? Number(s) : null);
  const add = useMutation({
    mutationFn: () =>
      post('/importlistexclusion', {
        mediaType: draft.mediaType,
        title: draft.title,
        year: n(draft.year),
        tmdbId: n(draft.tmdbId),
        tvdbId: n(draft.tvdbId),
        imdbId: draft.imdbId.trim() || null,
      }),
    onSuccess: () => {
      setDraft({ mediaType: draft.mediaType, title: '', year: '', tmdbId: '', tvdbId: '', imdbId: '' });
      return refresh();
    },
  });
  const remove = useMutation({ mutationFn: (id: number) => del(`/importlistexclusion/${id}`), onSettled: refresh });
  const field = (k: 'title' | 'year' | 'tmdbId' | 'tvdbId' | 'imdbId', label: string) => (
    <div className="form-row" key={k}>
      <label htmlFor={`${uid}-${k}`}>{label}</label>
      <input
        id={`${uid}-${k}`}
        type={k === 'title' || k === 'imdbId' ? 'text' : 'number'}
        value={draft[k]}
        onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
      />
    </div>
  );
  return (
    <>
      <PageHeader title="Import List Exclusions" />
      <QueryView query={list} what="exclusions">
        {(rows) =>
          rows.length === 0 ? (
            <p className="muted">No exclusions.</p>
          ) : (
            <table className="data-table" aria-label="Import list exclusions">
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Type</th>
                  <th scope="col">IDs</th>
                  <th scope="col">Added</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((x) => (
                  <tr key={x.id}>
                    <td>
                      {x.title}
                      {x.year ? ` (${x.year})` : ''}
                    </td>
                    <td>{x.mediaType}</td>
                    <td>
                      {[x.tmdbId ? `TMDB ${x.tmdbId}` : null, x.tvdbId ? `TVDB ${x.tvdbId}` : null, x.imdbId]
                        .filter(Boolean)
                        .join(' · ')}
                    </td>
                    <td>{formatDateTime(x.createdAt)}</td>
                    <td className="actions">
                      <button
                        type="button"
                        aria-label={`Delete exclusion ${x.title}`}
                        onClick={() => remove.mutate(x.id)}
                      >
                        Delete
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
        className="schema-form section"
        aria-labelledby={`${uid}-h`}
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <h2 id={`${uid}-h`}>Add exclusion</h2>
        <div className="form-row">
          <label htmlFor={`${uid}-type`}>Type</label>
          <select
            id={`${uid}-type`}
            value={draft.mediaType}
            onChange={(e) => setDraft({ ...draft, mediaType: e.target.value })}
          >
            <option value="movie">Movie</option>
            <option value="series">Series</option>
          </select>
        </div>
        {field('title', 'Title')}
        {field('year', 'Year')}
        {field('tmdbId', 'TMDB id')}
        {field('tvdbId', 'TVDB id')}
        {field('imdbId', 'IMDb id')}
        <ProblemNote error={add.error ?? remove.error} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={add.isPending}>
            Add exclusion
          </button>
        </div>
      </form>
    </>
  );
}

interface TagDetail {
  id: number;
  label: string;
  movieIds: number[];
  seriesIds: number[];
  downloadClientIds: number[];
  indexerIds: number[];
  notificationIds: number[];
  importListIds: number[];
}

export function TagsPage() {
  const uid = useId();
  const client = useQueryClient();
  const tags = useQuery({ queryKey: [...keys.tags, 'detail'], queryFn: () => get<TagDetail[]>('/tag/detail') });
  const [label, setLabel] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: keys.tags });
  const add = useMutation({
    mutationFn: () => post('/tag', { label }),
    onSuccess: () => {
      setLabel('');
      return refresh();
    },
  });
  const remove = useMutation({ mutationFn: (id: number) => del(`/tag/${id}`), onSettled: refresh });
  return (
    <>
      <PageHeader title="Tags" />
      <QueryView query={tags} what="tags">
        {(rows) =>
          rows.length === 0 ? (
            <p className="muted">No tags yet.</p>
          ) : (
            <table className="data-table" aria-label="Tags">
              <thead>
                <tr>
                  <th scope="col">Label</th>
                  <th scope="col">Used by</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((t) => {
                  const uses = [
                    [t.movieIds.length, 'movies'],
                    [t.seriesIds.length, 'series'],
                    [t.indexerIds.length, 'indexers'],
                    [t.downloadClientIds.length, 'download clients'],
                    [t.notificationIds.length, 'notifications'],
                    [t.importListIds.length, 'import lists'],
                  ] as const;
                  return (
                    <tr key={t.id}>
                      <td>{t.label}</td>
                      <td>
                        {uses
                          .filter(([n]) => n > 0)
                          .map(([n, what]) => `${n} ${what}`)
                          .join(', ') || 'unused'}
                      </td>
                      <td className="actions">
                        <button type="button" aria-label={`Delete tag ${t.label}`} onClick={() => remove.mutate(t.id)}>
                          Delete
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )
        }
      </QueryView>
      <form
        className="inline-controls section"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <label htmlFor={`${uid}-label`}>New tag</label>
        <input id={`${uid}-label`} type="text" value={label} onChange={(e) => setLabel(e.target.value)} />
        <button type="submit" disabled={!label.trim() || add.isPending}>
          Add tag
        </button>
      </form>
      <ProblemNote error={add.error ?? remove.error} />
    </>
  );
}
