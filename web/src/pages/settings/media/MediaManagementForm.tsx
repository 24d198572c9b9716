// File management options from /config/mediamanagement (hardlinks, extras, recycle bin, free space).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { put } from '../../../api/client';
import { keys } from '../../../api/query-keys';
import { ProblemNote } from '../../../components/Feedback';
import { CheckboxRow } from '../../../components/FormRows';

export interface MediaManagement {
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

export function MediaManagementForm({ saved }: { saved: MediaManagement }) {
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
    <CheckboxRow key={key} label={label} checked={draft[key]} onChange={(v) => set({ [key]: v })} />
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
