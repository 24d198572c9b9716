// Change the logged-in user's password. The server checks the current password and the new one's strength; its
// findings (currentPassword, newPassword) go under those fields. The confirmation is checked here, since the
// server never sees it.
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { get, post } from '../../../api/client';
import { FormProblem, fieldErrors } from '../../../components/FieldFindings';

const FIELDS = ['currentPassword', 'newPassword'] as const;

export function ChangePasswordSection() {
  const uid = useId();
  const me = useQuery({
    queryKey: ['auth', 'me'],
    queryFn: () => get<{ kind: 'apiKey' | 'session'; username: string | null }>('/auth/me'),
  });
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: () => post<void>('/auth/password', { currentPassword: current, newPassword: next }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setConfirm('');
    },
  });
  const errs = fieldErrors(change.error, uid);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const differs = next !== confirm;
    setMismatch(differs);
    if (!differs) change.mutate();
  };
  const row = (field: string, label: string, value: string, set: (v: string) => void, autoComplete: string) => (
    <div className="form-row" data-field={field}>
      <label htmlFor={`${uid}-${field}`}>{label}</label>
      <input
        id={`${uid}-${field}`}
        type="password"
        autoComplete={autoComplete}
        required
        value={value}
        onChange={(e) => set(e.target.value)}
        {...errs.inputProps(field)}
      />
      {errs.list(field)}
    </div>
  );

  return (
    <section aria-labelledby={`${uid}-heading`} className="section">
      <h2 id={`${uid}-heading`}>Password</h2>
      {me.data?.kind === 'apiKey' ? (
        <p className="muted">This browser uses the API key, not a login: there is no user password to change here.</p>
      ) : (
        <form onSubmit={submit} aria-label="Change password">
          {me.data?.username ? (
            <p className="muted small">
              Logged in as <strong>{me.data.username}</strong>.
            </p>
          ) : null}
          {row('currentPassword', 'Current password', current, setCurrent, 'current-password')}
          {row('newPassword', 'New password', next, setNext, 'new-password')}
          <div className="form-row" data-field="confirmPassword">
            <label htmlFor={`${uid}-confirmPassword`}>Confirm new password</label>
            <input
              id={`${uid}-confirmPassword`}
              type="password"
              autoComplete="new-password"
              required
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
              {...(mismatch ? { 'aria-invalid': true, 'aria-describedby': `${uid}-confirm-findings` } : {})}
            />
            {mismatch ? (
              <ul className="field-findings" id={`${uid}-confirm-findings`}>
                <li className="bad">does not match the new password</li>
              </ul>
            ) : null}
          </div>
          <FormProblem error={change.error} fields={FIELDS} />
          <div className="form-actions">
            <button type="submit" className="primary" disabled={change.isPending}>
              {change.isPending ? 'Changing…' : 'Change password'}
            </button>
            <span role="status" className="muted small">
              {change.isSuccess ? 'Password changed. Other sessions stay logged in until they expire.' : ''}
            </span>
          </div>
        </form>
      )}
    </section>
  );
}
