// Size windows of quality definitions (MB per minute): 0 ≤ min ≤ preferred ≤ max, where a null max means no limit.
import type { Finding } from '../../lib/errors.js';

export interface SizeWindow {
  minSize: number;
  preferredSize: number;
  maxSize: number | null;
}

/** `prefix` names the record in a bulk request (`3.` → `3.maxSize`). */
export function validateSizeWindow(w: SizeWindow, prefix = ''): Finding[] {
  const findings: Finding[] = [];
  const error = (field: string, message: string) =>
    findings.push({ field: prefix + field, message, severity: 'error' });
  if (w.minSize < 0) error('minSize', 'must not be negative');
  if (w.preferredSize < w.minSize) error('preferredSize', `must be at least minSize (${w.minSize})`);
  if (w.maxSize !== null && w.maxSize < w.preferredSize) {
    error('maxSize', `must be at least preferredSize (${w.preferredSize})`);
  }
  return findings;
}
