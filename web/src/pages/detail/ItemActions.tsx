// The Edit and Delete buttons of a detail page's header, each opening its dialog.
import { useState } from 'react';
import { DeleteItemModal } from './DeleteItemModal';
import { EditItemModal, type EditTarget } from './EditItemModal';

export function ItemActions({ target }: { target: EditTarget }) {
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);
  const close = () => setDialog(null);
  return (
    <>
      <button type="button" onClick={() => setDialog('edit')}>
        Edit
      </button>
      <button type="button" className="danger" onClick={() => setDialog('delete')}>
        Delete
      </button>
      {dialog === 'edit' ? <EditItemModal target={target} onClose={close} /> : null}
      {dialog === 'delete' ? <DeleteItemModal kind={target.kind} item={target.item} onClose={close} /> : null}
    </>
  );
}
