// Settings pages over simple library-config resources: quality profiles and definitions, custom formats (with JSON
// import and export), remote path mappings, import-list exclusions and tags. Every control is labelled; API
// problems are shown next to the form that caused them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { get, put } from '../../api/client';
import { keys } from '../../api/query-keys';
import { ProblemNote, QueryView } from '../../components/Feedback';
import { Modal } from '../../components/Modal';
import { PageHeader } from '../../components/PageHeader';

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
