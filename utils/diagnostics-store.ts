/**
 * Where the diagnostics live: storage.local, read back through their schemas (a value that
 * no longer parses reads as empty rather than breaking the dashboard or the export).
 */
import { storage } from 'wxt/utils/storage';
import { z } from 'zod/mini';
import { Counters, MissedAdRecord } from './diagnostics';

export const countersItem = storage.defineItem<unknown>('local:diagnostics', { fallback: {} });
export const missedItem = storage.defineItem<unknown>('local:missedAds', { fallback: [] });

export async function readCounters(): Promise<Counters> {
  const parsed = Counters.safeParse(await countersItem.getValue());
  return parsed.success ? parsed.data : {};
}

export async function readMissed(): Promise<MissedAdRecord[]> {
  const parsed = z.array(MissedAdRecord).safeParse(await missedItem.getValue());
  return parsed.success ? parsed.data : [];
}

export async function readDiagnostics(): Promise<{ counters: Counters; missed: MissedAdRecord[] }> {
  return { counters: await readCounters(), missed: await readMissed() };
}
