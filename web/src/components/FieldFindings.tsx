// Problem-detail findings placed next to the fields they name. A form lists its fields; findings for one of them
// (`path`, or `body.path` from request validation) go under that input, wired with aria-describedby/aria-invalid;
// the rest, and the problem's detail, stay in the general ProblemNote.
import type { ReactNode } from 'react';
import { ApiError, type Finding } from '../api/client';
import { ProblemNote } from './Feedback';

export interface FieldErrors {
  /** Props for the input of `field`: aria-invalid and aria-describedby when it has findings. */
  inputProps(field: string): { 'aria-invalid'?: true; 'aria-describedby'?: string };
  /** The findings list for `field`, or nothing. */
  list(field: string): ReactNode;
}

const bare = (field: string) => field.replace(/^body\./, '');

export function fieldErrors(error: unknown, idPrefix: string): FieldErrors {
  const findings: Finding[] = error instanceof ApiError ? error.findings : [];
  const of = (field: string) => findings.filter((f) => bare(f.field) === field);
  const listId = (field: string) => `${idPrefix}-${field}-findings`;
  return {
    inputProps(field) {
      return of(field).length ? { 'aria-invalid': true, 'aria-describedby': listId(field) } : {};
    },
    list(field) {
      const mine = of(field);
      if (!mine.length) return null;
      return (
        <ul className="field-findings" id={listId(field)} data-testid={`finding-${field}`}>
          {mine.map((f) => (
            <li key={f.message} className={f.severity === 'warning' ? 'warn' : 'bad'}>
              {f.message}
            </li>
          ))}
        </ul>
      );
    },
  };
}

/** The problem's status and detail, plus any findings for fields the form does not show. */
export function FormProblem({ error, fields }: { error: unknown; fields: readonly string[] }) {
  if (!(error instanceof ApiError)) return <ProblemNote error={error} />;
  const rest = error.findings.filter((f) => !fields.includes(bare(f.field)));
  const trimmed = new ApiError(error.status, { ...error.problem, errors: rest });
  return <ProblemNote error={trimmed} />;
}
