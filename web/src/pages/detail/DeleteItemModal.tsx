// The Delete dialog of the movie and series pages: removes the item from the library, and its folder only when the
// user ticks "delete files" (off by default; the server also refuses folders outside a root folder). On success the
// item's queries are dropped and the browser goes back to the index.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { del, qs } from '../../api/client';
import { keys } from '../../api/query-keys';
import { ProblemNote } from '../../components/Feedback';
import { FormActions } from '../../components/FormActions';
import { Modal } from '../../components/Modal';

export function DeleteItemModal({
  kind,
  item,
  onClose,
}: {
  kind: 'movie' | 'series';
  item: { id: number; title: string; path: string };
  onClose: () => void;
}) {
  const uid = useId();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [deleteFiles, setDeleteFiles] = useState(false);
  const remove = useMutation({
    mutationFn: () => del<void>(`/${kind}/${item.id}${qs({ deleteFiles })}`),
    onSuccess: async () => {
      // Leave first: dropping the item's query while its page still watches it would refetch it into a 404.
      await navigate({ to: kind === 'movie' ? '/movies' : '/series' });
      client.removeQueries({ queryKey: kind === 'movie' ? keys.movie(item.id) : keys.oneSeries(item.id) });
      void client.invalidateQueries({ queryKey: kind === 'movie' ? keys.movies : keys.series });
      void client.invalidateQueries({ queryKey: keys.rootFolders });
    },
  });
  return (
    <Modal label={`Delete ${item.title}`} onClose={onClose}>
      <form
        className="schema-form"
        aria-label={`Delete ${item.title}`}
        onSubmit={(e) => {
          e.preventDefault();
          remove.mutate();
        }}
      >
        <h2>Delete {item.title}?</h2>
        <p id={`${uid}-what`}>
          {item.title} is removed from the library.{' '}
          {deleteFiles ? 'Its folder and every file in it are deleted too.' : 'Its folder and files stay on disk.'}
        </p>
        <div className="form-row">
          <label>
            <input
              type="checkbox"
              checked={deleteFiles}
              aria-describedby={`${uid}-path`}
              onChange={(e) => setDeleteFiles(e.target.checked)}
            />{' '}
            Delete files
          </label>
          <p id={`${uid}-path`} className="muted small mono">
            {item.path}
          </p>
        </div>
        <ProblemNote error={remove.error} />
        <FormActions
          label="Delete"
          busyLabel="Deleting…"
          busy={remove.isPending}
          danger
          describedBy={`${uid}-what`}
          onCancel={onClose}
        />
      </form>
    </Modal>
  );
}
