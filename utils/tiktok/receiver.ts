/**
 * The content script's end of the tap channel: validates each record, turns ads into
 * sightings once per page load, and counts what it skipped so missed ads stay visible.
 */
import type { AdSighting } from '../model';
import { isItemsOn } from './channel';
import { parseFeedItem } from './items';

export interface ReceiverStats {
  ads: number;
  organic: number;
  skipped: Record<string, number>;
}

export interface TapReceiver {
  /** Feed it `message` events' data; returns the new sightings it found. */
  receive(data: unknown): AdSighting[];
  stats: ReceiverStats;
}

export function createTapReceiver(channel: string, maxItemsPerMessage = 200): TapReceiver {
  const seen = new Set<string>();
  const stats: ReceiverStats = { ads: 0, organic: 0, skipped: {} };
  const skip = (reason: string) => (stats.skipped[reason] = (stats.skipped[reason] ?? 0) + 1);
  return {
    stats,
    receive(data) {
      if (!isItemsOn(data, channel)) return [];
      const fresh: AdSighting[] = [];
      if (data.items.length > maxItemsPerMessage) skip('too-many-items');
      for (const raw of data.items.slice(0, maxItemsPerMessage)) {
        const parsed = parseFeedItem(raw, data.source, String(data.page));
        if (parsed.kind === 'skipped') skip(parsed.reason);
        else if (parsed.kind === 'organic') stats.organic += 1;
        else if (!seen.has(parsed.sighting.itemId)) {
          seen.add(parsed.sighting.itemId);
          stats.ads += 1;
          fresh.push(parsed.sighting);
        }
      }
      return fresh;
    },
  };
}
