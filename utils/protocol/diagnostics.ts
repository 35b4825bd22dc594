/** Messages of the diagnostics: counters from the content script, missed-ad reports, and the dashboard's read. */
import { z } from 'zod/mini';
import { Counters, MissedAd, MissedAdRecord } from '../diagnostics';
import { Empty, type MessageSpecs } from './spec';

export const diagnosticsProtocol = {
  /** Counter deltas since the content script's last report. */
  'diagnostics/report': { from: ['content'], request: z.object({ delta: Counters }), response: z.object({ stored: z.boolean() }) },
  /** "ScrollCart missed this ad": the card's non-personal shape. */
  'diagnostics/missed': { from: ['content'], request: MissedAd, response: z.object({ stored: z.boolean() }) },
  'diagnostics/get': {
    from: ['page'],
    request: Empty,
    response: z.object({ counters: Counters, missed: z.array(MissedAdRecord) }),
  },
} as const satisfies MessageSpecs;
