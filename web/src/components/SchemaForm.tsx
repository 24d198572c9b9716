// The one integration form: every kind (download clients, indexers, notifications, …) renders through it from the
// implementation's settings JSON Schema. Test and Save call the API; findings (`settings.password`, `name`, or
// form-wide) are shown next to their fields and announced. Secrets are password inputs; a stored secret comes back
// as the `********` sentinel, which the server keeps as-is when it is sent back unchanged.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { ApiError, type Finding, post, put, qs } from '../api/client';
import type { Implementation, ProviderDefinition, TestOutcome } from '../api/types';
import { type FormField, fieldsOf, findingTarget } from './schema-fields';

export interface SchemaFormProps {
  kind: string;
  implementation: Implementation;
  definition?: ProviderDefinition;
  onSaved: (saved: ProviderDefinition) => void;
  onCancel: () => void;
}

type Values = Record<string, unknown>;

function initialValues(impl: Implementation, def?: ProviderDefinition): Values {
  return { ...impl.defaults, ...(def?.settings ?? {}) };
}

function FieldInput(props: {
  field: FormField;
  value: unknown;
  onChange: (v: unknown) => void;
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
}) {
  const { field, value, onChange, id } = props;
  const common = {
    id,
    name: field.name,
    'aria-describedby': props.describedBy,
    'aria-invalid': props.invalid || undefined,
    required: field.required,
  };
  switch (field.kind) {
    case 'boolean':
      return (
        <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
      );
    case 'number':
      return (
        <input
          {...common}
          type="number"
          step={field.integer ? 1 : 'any'}
          min={field.min}
          max={field.max}
          value={typeof value === 'number' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      );
    case 'enum':
      return (
        <select {...common} value={value === undefined ? '' : String(value)} onChange={(e) => onChange(e.target.value)}>
          {value === undefined ? <option value="">Choose…</option> : null}
          {(field.options ?? []).map((o) => (
            <option key={String(o)} value={String(o)}>
              {String(o)}
            </option>
          ))}
        </select>
      );
    case 'enumList': {
      const selected = new Set(Array.isArray(value) ? value.map(String) : []);
      return (
        <fieldset className="checkbox-list" aria-describedby={props.describedBy} id={id}>
          <legend className="sr-only">{field.label}</legend>
          {(field.options ?? []).map((o) => (
            <label key={String(o)}>
              <input
                type="checkbox"
                checked={selected.has(String(o))}
                onChange={(e) => {
                  const next = new Set(selected);
                  if (e.target.checked) next.add(String(o));
                  else next.delete(String(o));
                  onChange((field.options ?? []).filter((x) => next.has(String(x))));
                }}
              />
              {String(o)}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'stringList':
      return (
        <input
          {...common}
          type="text"
          placeholder="comma-separated"
          value={Array.isArray(value) ? value.join(', ') : ''}
          onChange={(e) =>
            onChange(
              e.target.value
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean),
            )
          }
        />
      );
    case 'json':
      return (
        <textarea
          {...common}
          rows={3}
          defaultValue={value === undefined ? '' : JSON.stringify(value)}
          onChange={(e) => {
            try {
              onChange(e.target.value ? JSON.parse(e.target.value) : undefined);
            } catch {
              // leave the last valid value until the JSON parses
            }
          }}
        />
      );
    case 'secret':
      return (
        <input
          {...common}
          type="password"
          autoComplete="new-password"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    default:
      return (
        <input
          {...common}
          type="text"
          placeholder={field.placeholder}
          value={value === undefined || value === null ? '' : String(value)}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
}

export function SchemaForm({ kind, implementation, definition, onSaved, onCancel }: SchemaFormProps) {
  const uid = useId();
  const fields = useMemo(() => fieldsOf(implementation.fields), [implementation]);
  const [name, setName] = useState(definition?.name ?? implementation.name);
  const [enabled, setEnabled] = useState(definition?.enabled ?? true);
  const [values, setValues] = useState<Values>(() => initialValues(implementation, definition));
  const [findings, setFindings] = useState<Finding[]>([]);
  const [tested, setTested] = useState<'ok' | 'failed' | null>(null);
  const [showAdvanced, setShowAdvanced] = useState(false);
  const [warningsOnly, setWarningsOnly] = useState(false);

  const body = () => ({
    ...(definition ? { id: definition.id } : {}),
    implementation: implementation.implementation,
    name,
    enabled,
    tags: definition?.tags ?? [],
    settings: values,
  });

  const test = useMutation({
    mutationFn: () => post<TestOutcome>(`/${kind}/test`, body()),
    onMutate: () => {
      setFindings([]);
      setTested(null);
    },
    onSuccess: (r) => {
      setFindings(r.findings);
      setTested(r.ok ? 'ok' : 'failed');
    },
    onError: (err) => setFindings(err instanceof ApiError ? err.findings : []),
  });

  const save = useMutation({
    mutationFn: (forceSave: boolean) => {
      const query = qs({ forceSave: forceSave || undefined });
      const { id: _id, ...payload } = body();
      return definition
        ? put<ProviderDefinition>(`/${kind}/${definition.id}${query}`, payload)
        : post<ProviderDefinition>(`/${kind}${query}`, payload);
    },
    onMutate: () => {
      setFindings([]);
      setWarningsOnly(false);
    },
    onSuccess: onSaved,
    onError: (err) => {
      const list = err instanceof ApiError ? err.findings : [];
      setFindings(list);
      setWarningsOnly(list.length > 0 && list.every((f) => f.severity === 'warning'));
    },
  });

  const byTarget = new Map<string, Finding[]>();
  for (const f of findings) {
    const target = findingTarget(f.field);
    byTarget.set(target, [...(byTarget.get(target) ?? []), f]);
  }
  const known = new Set(['name', '', ...fields.map((f) => f.name)]);
  const general = [...(byTarget.get('') ?? []), ...findings.filter((f) => !known.has(findingTarget(f.field)))];
  const hasAdvanced = fields.some((f) => f.advanced);
  const visible = fields.filter((f) => showAdvanced || !f.advanced || byTarget.has(f.name));
  const requestError =
    (save.error && !(save.error instanceof ApiError && save.error.findings.length) ? save.error : null) ??
    (test.error && !(test.error instanceof ApiError && test.error.findings.length) ? test.error : null);

  const findingList = (target: string, id: string) => {
    const list = byTarget.get(target);
    if (!list?.length) return null;
    return (
      <ul className="field-findings" id={id} data-testid={`finding-${target}`}>
        {list.map((f) => (
          <li key={`${f.field}-${f.message}`} className={f.severity === 'warning' ? 'warn' : 'bad'}>
            {f.message}
          </li>
        ))}
      </ul>
    );
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(false);
  };

  return (
    <form className="schema-form" onSubmit={onSubmit} aria-labelledby={`${uid}-title`} noValidate>
      <h2 id={`${uid}-title`}>
        {definition ? 'Edit' : 'Add'} {implementation.name}
      </h2>
      {implementation.description ? <p className="muted small">{implementation.description}</p> : null}
      <div className="form-row">
        <label htmlFor={`${uid}-name`}>Name</label>
        <div>
          <input
            id={`${uid}-name`}
            name="name"
            value={name}
            required
            aria-invalid={byTarget.has('name') || undefined}
            aria-describedby={byTarget.has('name') ? `${uid}-name-findings` : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {findingList('name', `${uid}-name-findings`)}
        </div>
      </div>
      <div className="form-row">
        <label htmlFor={`${uid}-enabled`}>Enable</label>
        <div>
          <input
            id={`${uid}-enabled`}
            type="checkbox"
            checked={enabled}
            onChange={(e) => setEnabled(e.target.checked)}
          />
        </div>
      </div>
      {visible.map((field) => {
        const id = `${uid}-f-${field.name}`;
        const helpId = field.help ? `${id}-help` : undefined;
        const findingsId = byTarget.has(field.name) ? `${id}-findings` : undefined;
        const describedBy = [helpId, findingsId].filter(Boolean).join(' ') || undefined;
        return (
          <div className="form-row" key={field.name} data-field={field.name}>
            <label htmlFor={id}>
              {field.label}
              {field.advanced ? <span className="muted small"> (advanced)</span> : null}
            </label>
            <div>
              <FieldInput
                field={field}
                id={id}
                value={values[field.name]}
                describedBy={describedBy}
                invalid={!!findingsId}
                onChange={(v) => setValues((prev) => ({ ...prev, [field.name]: v }))}
              />
              {field.help ? (
                <div id={helpId} className="muted small">
                  {field.help}
                </div>
              ) : null}
              {findingList(field.name, `${id}-findings`)}
            </div>
          </div>
        );
      })}
      {hasAdvanced ? (
        <label className="toggle-advanced">
          <input type="checkbox" checked={showAdvanced} onChange={(e) => setShowAdvanced(e.target.checked)} /> Show
          advanced settings
        </label>
      ) : null}
      <div role="alert" aria-live="assertive">
        {general.length ? (
          <ul className="field-findings" data-testid="finding-general">
            {general.map((f) => (
              <li key={`${f.field}-${f.message}`} className={f.severity === 'warning' ? 'warn' : 'bad'}>
                {f.field ? <strong>{f.field}: </strong> : null}
                {f.message}
              </li>
            ))}
          </ul>
        ) : null}
        {findings.length ? (
          <p className="bad small" data-testid="findings-summary">
            {findings.length} problem{findings.length === 1 ? '' : 's'} found; see the marked fields.
          </p>
        ) : null}
        {tested === 'ok' && findings.length === 0 ? <p className="ok">Test passed.</p> : null}
        {requestError ? <p className="error">{requestError.message}</p> : null}
      </div>
      <div className="form-actions">
        <button type="button" onClick={() => test.mutate()} disabled={test.isPending}>
          {test.isPending ? 'Testing…' : 'Test'}
        </button>
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save'}
        </button>
        {warningsOnly ? (
          <button type="button" onClick={() => save.mutate(true)}>
            Save anyway
          </button>
        ) : null}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
