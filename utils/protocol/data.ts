/** Messages of the data ScrollCart keeps: price watch, retention, delete everything, permissions (issue 4). */
import { z } from 'zod/mini';
import { Empty, type MessageSpecs } from './spec';

/** A bare store host as a message may carry it; the handler still checks it with the SSRF guard. */
const Host = z.string().check(z.minLength(1), z.maxLength(253));
const Count = z.int().check(z.nonnegative());

const PermissionStatus = z.object({
  /** Store hosts seen in ads that ScrollCart may not read yet, most-seen first. */
  awaiting: z.array(z.object({ host: z.string(), ads: Count })),
  /** `https://*\/*` is granted: every shop linked from an ad may be read. */
  everyShop: z.boolean(),
  /** `https://*.myshopify.com/*` is granted (Firefox lets the shopper withhold it). */
  myshopify: z.boolean(),
});

export const dataProtocol = {
  /** The card's "Allow lookups on …": opens the permission page for that store in a new tab (a content script can't ask). */
  'data/open-permission-page': {
    from: ['content', 'page'],
    request: z.object({ host: Host }),
    response: z.object({ opened: z.boolean(), reason: z.nullable(z.string()) }),
  },
  /** Which hosts seen in ads await permission, for the popup and the permission page. */
  'data/permission-status': { from: ['page'], request: Empty, response: PermissionStatus },
  /** Sent by the permission page after a grant: looks up the products of the ads linking to these stores. */
  'data/resolve-hosts': {
    from: ['page'],
    request: z.object({ hosts: z.array(Host).check(z.maxLength(50)) }),
    response: z.object({ looked: Count, found: Count, notAllowed: z.array(z.string()) }),
  },
  /** Deletes every row of every table and storage.local (settings back to their defaults). */
  'data/delete-all': { from: ['page'], request: z.object({ confirm: z.literal(true) }), response: z.object({ deleted: z.record(z.string(), Count) }) },
  /** Runs the retention pass now (also daily and at start-up), e.g. after the shopper shortened it. */
  'data/apply-retention': {
    from: ['page'],
    request: Empty,
    response: z.object({ clicks: Count, sightings: Count, snapshots: Count, products: Count }),
  },
  /** Runs the price watch now (also on its alarm): one batch of saved products re-read from their stores. */
  'data/price-watch-run': { from: ['page'], request: Empty, response: z.object({ checked: Count, notified: Count, skipped: Count }) },
} as const satisfies MessageSpecs;
