// A dialog form's buttons: the submit action (with its busy label) and Cancel.
export function FormActions(props: {
  label: string;
  busyLabel: string;
  busy: boolean;
  disabled?: boolean;
  danger?: boolean;
  describedBy?: string;
  onCancel: () => void;
}) {
  return (
    <div className="form-actions">
      <button
        type="submit"
        className={props.danger ? 'danger' : 'primary'}
        disabled={props.busy || props.disabled}
        aria-describedby={props.describedBy}
      >
        {props.busy ? props.busyLabel : props.label}
      </button>
      <button type="button" onClick={props.onCancel}>
        Cancel
      </button>
    </div>
  );
}
