// Settings pages over simple library-config resources: quality profiles and definitions, custom formats (with JSON
// import and export), remote path mappings, import-list exclusions and tags. Every control is labelled; API
// problems are shown next to the form that caused them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { del, get, post } from '../../api/client';
import { keys } from '../../api/query-keys';
import { ProblemNote, QueryView } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../library/format';

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
