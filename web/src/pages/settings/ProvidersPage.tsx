// Settings → Download Clients / Indexers / Connect / …: the definitions of one provider kind, with add (choose an
// implementation) and edit, both through the schema-driven SchemaForm.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { del, get } from '../../api/client';
import { keys } from '../../api/query-keys';
import type { Implementation, ProviderDefinition } from '../../api/types';
import { ErrorNote, QueryView } from '../../components/Feedback';
import { Modal } from '../../components/Modal';
import { PageHeader } from '../../components/PageHeader';
import { SchemaForm } from '../../components/SchemaForm';

type Editing = { implementation: Implementation; definition?: ProviderDefinition } | 'choose' | null;

export function ProvidersPage({ kind, title }: { kind: string; title: string }) {
  const client = useQueryClient();
  const [editing, setEditing] = useState<Editing>(null);
  const list = useQuery({ queryKey: keys.providers(kind), queryFn: () => get<ProviderDefinition[]>(`/${kind}`) });
  const schema = useQuery({
    queryKey: keys.schema(kind),
    queryFn: () => get<Implementation[]>(`/${kind}/schema`),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const remove = useMutation({
    mutationFn: (id: number) => del(`/${kind}/${id}`),
    onSettled: () => client.invalidateQueries({ queryKey: keys.providers(kind) }),
  });
  const implOf = (d: ProviderDefinition) => schema.data?.find((i) => i.implementation === d.implementation);
  const close = () => setEditing(null);

  return (
    <>
      <PageHeader title={title}>
        <button type="button" className="primary" onClick={() => setEditing('choose')} disabled={!schema.data}>
          Add
        </button>
      </PageHeader>
      <ErrorNote error={schema.error ?? remove.error} />
      <QueryView query={list} what={title.toLowerCase()}>
        {(defs) =>
          defs.length === 0 ? (
            <p className="muted">Nothing configured yet. Use Add to set one up.</p>
          ) : (
            <ul className="cards" aria-label={title}>
              {defs.map((d) => {
                const impl = implOf(d);
                const health = d.status?.health;
                return (
                  <li key={d.id} className="card" data-testid="provider-card">
                    <div className="card-title">{d.name}</div>
                    <div className="muted small">{impl?.name ?? d.implementation}</div>
                    <div className="card-tags">
                      <span className={`pill ${d.enabled ? 'ok' : 'muted'}`}>{d.enabled ? 'Enabled' : 'Disabled'}</span>
                      {health && health !== 'healthy' ? (
                        <span className="pill bad" title={d.status?.message ?? ''}>
                          {health}
                        </span>
                      ) : null}
                    </div>
                    <div className="card-actions">
                      <button
                        type="button"
                        disabled={!impl}
                        aria-label={`Edit ${d.name}`}
                        onClick={() => impl && setEditing({ implementation: impl, definition: d })}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="danger"
                        aria-label={`Delete ${d.name}`}
                        onClick={() => {
                          if (window.confirm(`Delete ${d.name}?`)) remove.mutate(d.id);
                        }}
                      >
                        Delete
                      </button>
                    </div>
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryView>
      {editing === 'choose' ? (
        <Modal label={`Add ${title}`} onClose={close}>
          <h2>Add {title.replace(/s$/, '').toLowerCase()}</h2>
          <ul className="impl-grid">
            {(schema.data ?? []).map((impl) => (
              <li key={impl.implementation}>
                <button type="button" className="impl" onClick={() => setEditing({ implementation: impl })}>
                  <strong>{impl.name}</strong>
                  {impl.protocol ? <span className="muted small"> {impl.protocol}</span> : null}
                </button>
              </li>
            ))}
          </ul>
          <div className="form-actions">
            <button type="button" onClick={close}>
              Cancel
            </button>
          </div>
        </Modal>
      ) : editing ? (
        <Modal label={`${editing.definition ? 'Edit' : 'Add'} ${editing.implementation.name}`} onClose={close}>
          <SchemaForm
            kind={kind}
            implementation={editing.implementation}
            {...(editing.definition ? { definition: editing.definition } : {})}
            onCancel={close}
            onSaved={() => {
              close();
              void client.invalidateQueries({ queryKey: keys.providers(kind) });
            }}
          />
        </Modal>
      ) : null}
    </>
  );
}
