// Settings → Media management, download handling (GET/PUT /config/downloadclient): when a download counts as
// stalled and whether a failed one is searched again; and the hardlink preflight shown per root folder
// (GET /rootfolder/hardlink-check against every known download folder, and the result of adding one).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { get, put } from '../../api/client';
import { keys } from '../../api/query-keys';
import { ProblemNote, QueryView } from '../../components/Feedback';

interface DownloadHandling {
  stalledMinutes: number;
  stalledNoProgress: boolean;
  stalledNoAvailability: boolean;
  redownloadFailed: boolean;
}

export interface HardlinkCheck {
  downloadPath: string;
  rootFolderPath: string;
  hardlinks: boolean;
  message: string;
}

const handlingKey = ['config', 'downloadclient'] as const;
// Under the root folder key, so adding or removing a root folder checks again.
const hardlinkKey = [...keys.rootFolders, 'hardlink-check'] as const;

export function useHardlinkChecks() {
  return useQuery({ queryKey: hardlinkKey, queryFn: () => get<HardlinkCheck[]>('/rootfolder/hardlink-check') });
}

/** One root folder's preflight: "yes", "copy only" with the reason, or nothing known. */
export function HardlinkStatus({ checks }: { checks: HardlinkCheck[] | undefined }) {
  if (!checks) return <span className="muted">—</span>;
  if (checks.length === 0)
    return <span className="muted">no download folder known (add one under File management)</span>;
  const failing = checks.filter((c) => !c.hardlinks);
  if (failing.length === 0) return <span title={checks.map((c) => c.message).join('\n')}>Yes</span>;
  return (
    <ul>
      {failing.map((c) => (
        <li key={c.downloadPath} className="warn">
          {c.message}
        </li>
      ))}
    </ul>
  );
}

function DownloadHandlingForm({ saved }: { saved: DownloadHandling }) {
  const uid = useId();
  const client = useQueryClient();
  const [draft, setDraft] = useState(saved);
  const save = useMutation({
    mutationFn: () => put<DownloadHandling>('/config/downloadclient', draft),
    onSuccess: (s) => {
      client.setQueryData(handlingKey, s);
      setDraft(s);
    },
  });
  const set = (patch: Partial<DownloadHandling>) => setDraft({ ...draft, ...patch });
  const check = (key: Exclude<keyof DownloadHandling, 'stalledMinutes'>, label: string) => (
    <div className="form-row">
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
      <h2 id={`${uid}-h`}>Download handling</h2>
      <div className="form-row">
        <label htmlFor={`${uid}-min`}>Stalled after (minutes)</label>
        <input
          id={`${uid}-min`}
          type="number"
          min={1}
          max={10080}
          value={draft.stalledMinutes}
          aria-describedby={`${uid}-min-help`}
          onChange={(e) => set({ stalledMinutes: Number(e.target.value) })}
        />
        <p id={`${uid}-min-help`} className="muted small">
          A stalled download is failed, blocklisted and (if enabled below) searched again.
        </p>
      </div>
      {check('stalledNoProgress', 'Stalled when nothing was downloaded for that long')}
      {check(
        'stalledNoAvailability',
        'Stalled when a torrent had no seeds or peers (or its client says stalled) for that long',
      )}
      {check('redownloadFailed', 'Search again after a failed or stalled download')}
      <ProblemNote error={save.error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          Save download handling
        </button>
      </div>
    </form>
  );
}

export function DownloadHandlingSection() {
  const settings = useQuery({ queryKey: handlingKey, queryFn: () => get<DownloadHandling>('/config/downloadclient') });
  return (
    <QueryView query={settings} what="download handling">
      {(s) => <DownloadHandlingForm saved={s} />}
    </QueryView>
  );
}
