// The Edit dialog of the movie and series pages: monitoring, quality profile, minimum availability (movies) or
// series type and season folders (series), folder and tags, saved with PUT /movie/:id or /series/:id. The API's
// findings show under the fields they name; the path is sent only when changed (nothing moves on disk).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { get, put } from '../../api/client';
import { keys } from '../../api/query-keys';
import type { Movie, QualityProfile, Series, Tag } from '../../api/types';
import { FormProblem, fieldErrors } from '../../components/FieldFindings';
import { FormActions } from '../../components/FormActions';
import { Modal } from '../../components/Modal';
import { TagCheckboxes } from '../../components/TagCheckboxes';
import { MOVIE_AVAILABILITY, Options, SERIES_TYPES } from '../add/add-options';

export type EditTarget =
  | { kind: 'movie'; item: Movie & { minimumAvailability: string } }
  | { kind: 'series'; item: Series & { seasonFolder: boolean } };

interface Draft {
  monitored: boolean;
  qualityProfileId: number;
  path: string;
  tags: number[];
  minimumAvailability: string;
  seriesType: string;
  seasonFolder: boolean;
}

const FIELDS = ['monitored', 'qualityProfileId', 'path', 'tags', 'minimumAvailability', 'seriesType', 'seasonFolder'];

function initialDraft(t: EditTarget): Draft {
  return {
    monitored: t.item.monitored,
    qualityProfileId: t.item.qualityProfileId,
    path: t.item.path,
    tags: [...t.item.tags],
    minimumAvailability: t.kind === 'movie' ? t.item.minimumAvailability : 'released',
    seriesType: t.kind === 'series' ? t.item.seriesType : 'standard',
    seasonFolder: t.kind === 'series' ? t.item.seasonFolder : true,
  };
}

function body(t: EditTarget, d: Draft): Record<string, unknown> {
  const common = {
    monitored: d.monitored,
    qualityProfileId: d.qualityProfileId,
    tags: d.tags,
    ...(d.path.trim() !== t.item.path ? { path: d.path.trim() } : {}),
  };
  return t.kind === 'movie'
    ? { ...common, minimumAvailability: d.minimumAvailability }
    : { ...common, seriesType: d.seriesType, seasonFolder: d.seasonFolder };
}

export function EditItemModal({ target, onClose }: { target: EditTarget; onClose: () => void }) {
  const uid = useId();
  const client = useQueryClient();
  const profiles = useQuery({
    queryKey: keys.qualityProfiles,
    queryFn: () => get<QualityProfile[]>('/qualityprofile'),
  });
  const tags = useQuery({ queryKey: keys.tags, queryFn: () => get<Tag[]>('/tag') });
  const [draft, setDraft] = useState(() => initialDraft(target));
  const { kind, item } = target;
  const save = useMutation({
    mutationFn: () => put<unknown>(`/${kind}/${item.id}`, body(target, draft)),
    onSuccess: (saved) => {
      client.setQueryData(kind === 'movie' ? keys.movie(item.id) : keys.oneSeries(item.id), saved);
      void client.invalidateQueries({ queryKey: kind === 'movie' ? keys.movies : keys.series });
      onClose();
    },
  });
  const errs = fieldErrors(save.error, uid);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  // One labelled control, with the findings for its field below it (in the control's column).
  const row = (name: keyof Draft, label: string, control: (id: string) => ReactNode) => (
    <div className="form-row">
      <label htmlFor={`${uid}-${name}`}>{label}</label>
      <div>
        {control(`${uid}-${name}`)}
        {errs.list(name)}
      </div>
    </div>
  );
  const toggle = (name: 'monitored' | 'seasonFolder', label: string) => (
    <div className="form-row">
      <label>
        <input type="checkbox" checked={draft[name]} onChange={(e) => set({ [name]: e.target.checked })} /> {label}
      </label>
      {errs.list(name)}
    </div>
  );
  return (
    <Modal label={`Edit ${item.title}`} onClose={onClose}>
      <form className="schema-form" onSubmit={submit} aria-label={`Edit ${item.title}`}>
        <h2>Edit {item.title}</h2>
        {toggle('monitored', 'Monitored')}
        {row('qualityProfileId', 'Quality profile', (id) => (
          <select
            id={id}
            value={String(draft.qualityProfileId)}
            onChange={(e) => set({ qualityProfileId: Number(e.target.value) })}
            {...errs.inputProps('qualityProfileId')}
          >
            {(profiles.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        ))}
        {kind === 'movie'
          ? row('minimumAvailability', 'Minimum availability', (id) => (
              <select
                id={id}
                value={draft.minimumAvailability}
                onChange={(e) => set({ minimumAvailability: e.target.value })}
                {...errs.inputProps('minimumAvailability')}
              >
                <Options list={MOVIE_AVAILABILITY} />
              </select>
            ))
          : row('seriesType', 'Series type', (id) => (
              <select
                id={id}
                value={draft.seriesType}
                onChange={(e) => set({ seriesType: e.target.value })}
                {...errs.inputProps('seriesType')}
              >
                <Options list={SERIES_TYPES} />
              </select>
            ))}
        {kind === 'series' ? toggle('seasonFolder', 'Season folders') : null}
        {row('path', 'Path', (id) => (
          <input
            id={id}
            type="text"
            value={draft.path}
            onChange={(e) => set({ path: e.target.value })}
            {...errs.inputProps('path')}
          />
        ))}
        <TagCheckboxes
          tags={tags.data ?? []}
          value={draft.tags}
          onChange={(next) => set({ tags: next })}
          invalid={errs.inputProps('tags')}
        >
          {errs.list('tags')}
        </TagCheckboxes>
        <FormProblem error={save.error} fields={FIELDS} />
        <FormActions
          label="Save"
          busyLabel="Saving…"
          busy={save.isPending}
          disabled={!profiles.data}
          onCancel={onClose}
        />
      </form>
    </Modal>
  );
}
