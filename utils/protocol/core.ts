/** The core messages: the feed's sightings, clicks and saves, and the overview pages read first. */
import { z } from 'zod/mini';
import { CardModel } from '../card-model';
import { AdSighting, ClickKind, LookupStatus } from '../model';
import { LEARNED_MAX } from './content-script';
import { Empty, type MessageSpecs } from './spec';

const SightingReport = z.object({
  sighting: AdSighting,
  /** true when the ad's card is on screen (an impression); false when only its data was seen. */
  appeared: z.boolean(),
  /** Made once per report and kept when it is sent again: a retried report counts its impression once. */
  reportId: z.optional(z.uuid()),
});


const SightingAck = z.object({
  itemId: z.string(),
  impressions: z.int(),
  productKey: z.nullable(z.string()),
  card: CardModel,
});

const ItemRef = z.object({ itemId: AdSighting.shape.itemId });

const Overview = z.object({
  sightings: z.int(),
  products: z.int(),
  saved: z.int(),
  recent: z.array(
    z.object({
      itemId: z.string(),
      author: z.string(),
      caption: z.string(),
      landingUrl: z.string(),
      productTitle: z.nullable(z.string()),
      lookup: z.nullable(LookupStatus),
    }),
  ),
});

export const coreProtocol = {
  /** Liveness and database check, used by tests and the popup's first paint. */
  ping: { from: ['content', 'page'], request: Empty, response: z.object({ dbOpen: z.boolean(), version: z.string() }) },
  /** An ad seen in the feed; the background records it and resolves its product. */
  'sighting/report': { from: ['content'], request: SightingReport, response: SightingAck },
  /**
   * Ads read from the feed's JSON whose cards are not on screen yet, one message per feed page:
   * recorded without an impression and their products resolved, so the card is ready when it
   * appears. No card is answered (nobody would draw it), so the content script validates little.
   */
  'sighting/learned': {
    from: ['content'],
    request: z.object({ sightings: z.array(AdSighting).check(z.maxLength(LEARNED_MAX)) }),
    response: z.object({ recorded: z.int() }),
  },
  /** A click on the ad's own CTA or on the overlay; `id` is made at the click so a retry can't duplicate it. */
  'click/record': {
    from: ['content', 'page'],
    request: z.object({ id: z.uuid(), kind: ClickKind, itemId: z.nullable(AdSighting.shape.itemId) }),
    response: z.object({ recorded: z.boolean() }),
  },
  /** Save the ad's advertised (or first available) variant; `clickId` (its `save` click) is made at the click, so a retry can't duplicate it. */
  'saved/add': { from: ['content'], request: z.extend(ItemRef, { clickId: z.uuid() }), response: z.object({ saved: z.boolean(), reason: z.nullable(z.string()) }) },
  /** What the popup and the dashboard show first. */
  'overview/get': { from: ['page'], request: Empty, response: Overview },
} as const satisfies MessageSpecs;
