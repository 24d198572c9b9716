// Turns the outcome of an integration's test() into findings: thrown taxonomy errors become findings on the
// field the implementation names, and every message is scrubbed of the secrets it was tested with.
import {
  AuthError,
  type Finding,
  IdkarrError,
  RateLimitedError,
  TimeoutError,
  UnreachableError,
} from '../lib/errors.js';
import type { AnyIntegration } from './integration.js';
import { scrubSecrets } from './secrets.js';

function fieldFor(integration: AnyIntegration, err: IdkarrError): string {
  const fields = integration.errorFields;
  const name =
    err instanceof AuthError
      ? fields?.auth
      : err instanceof UnreachableError || err instanceof TimeoutError
        ? fields?.connection
        : undefined;
  return name ? `settings.${name}` : '';
}

export function errorToFindings(integration: AnyIntegration, err: unknown, secrets: readonly string[]): Finding[] {
  if (err instanceof RateLimitedError) {
    // The remote is reachable and knows us; being throttled right now is no reason to refuse the settings.
    return [
      { field: '', message: scrubSecrets(`rate limited by the remote: ${err.message}`, secrets), severity: 'warning' },
    ];
  }
  if (err instanceof IdkarrError) {
    return [{ field: fieldFor(integration, err), message: scrubSecrets(err.message, secrets), severity: 'error' }];
  }
  // An unexpected error is a bug in the integration; its message may hold anything, so it is not shown.
  return [{ field: '', message: 'the test failed with an unexpected error; see the server log', severity: 'error' }];
}

export function scrubFindings(findings: readonly Finding[], secrets: readonly string[]): Finding[] {
  return findings.map((f) => ({ field: f.field, message: scrubSecrets(f.message, secrets), severity: f.severity }));
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
