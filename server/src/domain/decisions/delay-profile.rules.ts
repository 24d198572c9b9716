// Choosing the delay profile for an item: the lowest `order` among profiles sharing a tag with the item, else the
// default (untagged) profile. Sonarr/Radarr behave the same way.
import type { DelayProfile, Protocol } from './decision.types.js';
import { sharesTag } from './release-terms.js';

export function delayProfileFor(
  profiles: readonly DelayProfile[],
  itemTags: readonly number[],
): DelayProfile | undefined {
  let best: DelayProfile | undefined;
  let fallback: DelayProfile | undefined;
  for (const p of profiles) {
    if (p.tags.length === 0) {
      if (!fallback || p.order < fallback.order) fallback = p;
    } else if (sharesTag(p.tags, itemTags) && (!best || p.order < best.order)) {
      best = p;
    }
  }
  return best ?? fallback;
}

export function protocolDelay(p: DelayProfile, protocol: Protocol): number {
  return protocol === 'usenet' ? p.usenetDelay : p.torrentDelay;
}

export function protocolEnabled(p: DelayProfile, protocol: Protocol): boolean {
  return protocol === 'usenet' ? p.enableUsenet : p.enableTorrent;
}
