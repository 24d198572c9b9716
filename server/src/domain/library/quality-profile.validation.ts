// Checks a profile before it is stored. Findings name the field (`items.3.quality`, `cutoff`) so the API can answer
// 400 with something a form can point at.
import type { Finding } from '../../lib/errors.js';
import { qualityById } from '../quality/quality-catalog.js';
import { cutoffIndex } from './quality-profile.rules.js';
import { isGroup, itemKey, type QualityProfileInput } from './quality-profile.types.js';

const error = (field: string, message: string): Finding => ({ field, message, severity: 'error' });

export function validateQualityProfile(input: QualityProfileInput): Finding[] {
  const findings: Finding[] = [];
  const seenQualities = new Set<string>();
  const seenGroups = new Set<string>();
  const checkQuality = (quality: string, field: string) => {
    if (!qualityById(quality)) findings.push(error(field, `unknown quality "${quality}"`));
    else if (seenQualities.has(quality)) findings.push(error(field, `quality "${quality}" is listed twice`));
    seenQualities.add(quality);
  };
  input.items.forEach((item, i) => {
    if (!isGroup(item)) {
      checkQuality(item.quality, `items.${i}.quality`);
      return;
    }
    if (qualityById(item.name)) findings.push(error(`items.${i}.name`, `group name "${item.name}" is a quality id`));
    else if (seenGroups.has(item.name)) findings.push(error(`items.${i}.name`, `group "${item.name}" is listed twice`));
    seenGroups.add(item.name);
    if (item.items.length === 0) findings.push(error(`items.${i}.items`, `group "${item.name}" has no qualities`));
    item.items.forEach((leaf, j) => {
      checkQuality(leaf.quality, `items.${i}.items.${j}.quality`);
    });
  });
  if (!input.items.some((item) => item.allowed)) {
    findings.push(error('items', 'at least one quality must be allowed'));
  }
  const cutoffAt = cutoffIndex(input);
  if (cutoffAt < 0) {
    findings.push(error('cutoff', `cutoff "${input.cutoff}" is not a quality or group of this profile`));
  } else if (!input.items[cutoffAt]!.allowed) {
    findings.push(error('cutoff', `cutoff "${itemKey(input.items[cutoffAt]!)}" must be an allowed quality or group`));
  }
  return findings;
}
