// A checkbox whose change is saved to the server. The new state is held locally from the click until the save (and
// whatever refetch it awaits) settles: a mutation's own pending state reaches React a tick after the click, so a
// controlled checkbox reading it would snap back for a moment and a fast second click would be lost.
import { type ReactNode, useId, useState } from 'react';

export function OptimisticCheckbox({
  checked,
  save,
  label,
  ariaLabel,
}: {
  checked: boolean;
  save: (next: boolean) => Promise<unknown>;
  label?: ReactNode;
  ariaLabel?: string;
}) {
  const [pending, setPending] = useState<boolean | null>(null);
  const id = useId();
  const input = (
    <input
      type="checkbox"
      id={id}
      aria-label={ariaLabel}
      checked={pending ?? checked}
      disabled={pending !== null}
      onChange={(e) => {
        const next = e.target.checked;
        setPending(next);
        // A failed save shows through the caller's mutation error; the box falls back to the server's value.
        save(next)
          .catch(() => undefined)
          .finally(() => setPending(null));
      }}
    />
  );
  if (label === undefined) return input;
  return (
    <span>
      {input} <label htmlFor={id}>{label}</label>
    </span>
  );
}
