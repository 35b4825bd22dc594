/** Handlers of utils/protocol/diagnostics.ts: totals and missed-ad reports in storage.local. */
import { addCounters, addMissed } from '../diagnostics';
import { countersItem, missedItem, readCounters, readDiagnostics, readMissed } from '../diagnostics-store';
import type { diagnosticsProtocol } from '../protocol/diagnostics';
import type { HandlersOf } from '../protocol/spec';
import type { BackgroundDeps } from './deps';

export function diagnosticsHandlers(deps: BackgroundDeps): HandlersOf<typeof diagnosticsProtocol> {
  // Reports from several tabs arrive together: chain the read-modify-writes.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    'diagnostics/report': ({ delta }) => serial(async () => (await countersItem.setValue(addCounters(await readCounters(), delta)), { stored: true })),
    'diagnostics/missed': (report) => serial(async () => (await missedItem.setValue(addMissed(await readMissed(), report, deps.now())), { stored: true })),
    'diagnostics/get': readDiagnostics,
  };
}
