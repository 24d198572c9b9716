// The tags of an item as a labelled group of checkboxes (add, import, edit); `children` go below, e.g. field findings.
import type { ReactNode } from 'react';
import type { Tag } from '../api/types';

export function TagCheckboxes(props: {
  tags: readonly Tag[];
  value: readonly number[];
  onChange: (next: number[]) => void;
  invalid?: { 'aria-invalid'?: true; 'aria-describedby'?: string };
  disabled?: boolean;
  children?: ReactNode;
}) {
  const { value, onChange } = props;
  return (
    <fieldset className="form-row" disabled={props.disabled} {...props.invalid}>
      <legend>Tags</legend>
      {props.tags.length ? (
        <div className="checkbox-list">
          {props.tags.map((t) => (
            <label key={t.id}>
              <input
                type="checkbox"
                checked={value.includes(t.id)}
                onChange={(e) => onChange(e.target.checked ? [...value, t.id] : value.filter((x) => x !== t.id))}
              />{' '}
              {t.label}
            </label>
          ))}
        </div>
      ) : (
        <p className="muted small">No tags yet (Settings → Tags).</p>
      )}
      {props.children}
    </fieldset>
  );
}
