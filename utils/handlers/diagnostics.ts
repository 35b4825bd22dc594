/** Handlers of utils/protocol/diagnostics.ts: totals and missed-ad reports in storage.local. */
import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { addCounters, addMissed, Counters, MissedAd, type Counters as CountersType } from '../diagnostics';
import type { diagnosticsProtocol } from '../protocol/diagnostics';
import type { HandlersOf } from '../protocol/spec';
import type { BackgroundDeps } from './deps';

const counters = storage.defineItem<unknown>('local:diagnostics', { fallback: {} });
const missed = storage.defineItem<unknown>('local:missedAds', { fallback: [] });

async function readCounters(): Promise<CountersType> {
  const parsed = Counters.safeParse(await counters.getValue());
  return parsed.success ? parsed.data : {};
}

async function readMissed() {
  const parsed = z.array(z.object({ ...MissedAd.shape, at: z.number() })).safeParse(await missed.getValue());
  return parsed.success ? parsed.data : [];
}

export function diagnosticsHandlers(deps: BackgroundDeps): HandlersOf<typeof diagnosticsProtocol> {
  // Reports from several tabs arrive together: chain the read-modify-writes.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    'diagnostics/report': ({ delta }) => serial(async () => (await counters.setValue(addCounters(await readCounters(), delta)), { stored: true })),
    'diagnostics/missed': (report) => serial(async () => (await missed.setValue(addMissed(await readMissed(), report, deps.now())), { stored: true })),
    'diagnostics/get': async () => ({ counters: await readCounters(), missed: await readMissed() }),
  };
}
