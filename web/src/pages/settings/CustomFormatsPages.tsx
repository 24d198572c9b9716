// Settings pages over simple library-config resources: quality profiles and definitions, custom formats (with JSON
// import and export), remote path mappings, import-list exclusions and tags. Every control is labelled; API
// problems are shown next to the form that caused them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { del, get, post, qs } from '../../api/client';
import { ProblemNote, QueryView } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';

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
