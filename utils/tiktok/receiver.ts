/**
 * The content script's end of the tap channel: checks each message (channel-check.ts), turns ads
 * into sightings once per page load (the lead counts impressions on visibility), keeps the
 * tap's own counters, and counts everything it skipped or refused so missed ads stay visible
 * on the dashboard. DOM sightings go through `add` so every source shares one count; they are
 * never rate-limited (the page rendered each card, it did not post it on the channel), and
 * never keep the feed JSON of the same ad from arriving later to improve the record.
 */
import type { AdSighting, SightingSource } from '../model';
import { CHANNEL_TAG, type ClickMessage, type TapStats } from './channel';
import { checkTapMessage } from './channel-check';
import { parseFeedItem } from './items';
import { isTikTokShopUrl } from './links';
import { buildSighting } from './sighting';
import { NOT_LANDING_HOSTS } from './signals';
import { KNOWN_LIMIT } from './tap-outbox';

/** Organic ids remembered, as many as the tap remembers; cleared when full. */
const ORGANIC_LIMIT = KNOWN_LIMIT;

export interface ReceiverStats {
  /** From the tap: feed responses seen, by endpoint (or `prefetch:`/`ssr:` key). */
  responses: Record<string, number>;
  /** From the tap: its other counters (items in lists, candidates forwarded, …); null until it reports. */
  tap: Omit<TapStats, 'responses'> | null;
  /** Candidates parsed here. */
  parsed: number;
  /** Distinct ads, whichever source found them. */
  ads: number;
  /** Organic items: the ids the tap sent as organic, and candidates the parser found organic. */
  organic: number;
  /** Ads seen again (another source, another page of the feed). */
  duplicates: number;
  /** Per-item reasons: the parser's, `click-*`, `flood` for items cut by a cap, `flood-ads` for new ads over the rate budget. */
  skipped: Record<string, number>;
  /** New ads each source reported: an ad the DOM found before its feed JSON arrived counts for both. */
  adsBySource: Record<SightingSource, number>;
  /** Messages with our tag refused: `invalid` (shape) or `other-channel`. */
  rejected: Record<string, number>;
  clicks: number;
}

/** A `window.open` after a click in a feed card, for the click history (`sighting` when it made a new one). */
export interface CardClick {
  itemId: string | null;
  url: string;
  page: string;
  sighting: AdSighting | null;
}

export interface ReceiverOptions {
  /** Items read from one message; the rest are counted as `flood`. */
  maxItemsPerMessage?: number;
  /** Items read per page load, all messages together. */
  maxItemsPerPage?: number;
  /**
   * New ads from the channel accepted at once, then per second: each new ad costs a database
   * row and a store lookup, so a page forging ads on the channel is slowed to this rate and the
   * rest are counted as `flood-ads`. A person meets a few ads a minute; a feed page of 30.
   * Ads the content script found in the DOM itself are not counted against it.
   */
  adBurst?: number;
  adsPerSecond?: number;
  now?: () => number;
  onClick?: (click: CardClick) => void;
}

export interface TapReceiver {
  /** Feed it `message` events' data; returns the new sightings it found. */
  receive(data: unknown): AdSighting[];
  /** Records a sighting found elsewhere (the DOM detector); true when it is new, false for a duplicate (or a channel ad over the flood budget). */
  add(sighting: AdSighting): boolean;
  /** Has an ad with this item id been reported in this page load? */
  knows(itemId: string): boolean;
  /** Did the feed's JSON say this item is organic? Its card needs no DOM fallback. */
  isOrganic(itemId: string): boolean;
  stats: ReceiverStats;
}

function isNotLanding(url: string): boolean {
  if (isTikTokShopUrl(url)) return false;
  const host = new URL(url).hostname;
  return NOT_LANDING_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

export function createTapReceiver(channel: string, options: ReceiverOptions = {}): TapReceiver {
  const { maxItemsPerMessage = 200, maxItemsPerPage = 20000, adBurst = 300, adsPerSecond = 1, now = () => performance.now(), onClick } = options;
  // Ads reported from the channel (feed JSON, clicks), and those the DOM detector found: apart,
  // so an ad first found in the DOM still gets its richer feed JSON through.
  const seen = new Set<string>();
  const foundInDom = new Set<string>();
  // Ids the tap read as organic (in memory only, never sent on); bounded like the tap's own.
  const organicIds = new Set<string>();
  const noteOrganic = (itemId: string) => {
    if (organicIds.size >= ORGANIC_LIMIT) organicIds.clear();
    organicIds.add(itemId);
  };
  // A token bucket of new ads (issue 7: floods are rate-limited and counted).
  let tokens = adBurst;
  let refilledAt = now();
  const takeAdToken = (): boolean => {
    const at = now();
    tokens = Math.min(adBurst, tokens + ((at - refilledAt) / 1000) * adsPerSecond);
    refilledAt = at;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
  const stats: ReceiverStats = {
    responses: {},
    tap: null,
    parsed: 0,
    ads: 0,
    organic: 0,
    duplicates: 0,
    skipped: {},
    adsBySource: { api: 0, ssr: 0, prefetch: 0, dom: 0, click: 0 },
    rejected: {},
    clicks: 0,
  };
  const bump = (counts: Record<string, number>, key: string, by = 1) => (counts[key] = (counts[key] ?? 0) + by);

  const add = (sighting: AdSighting): boolean => {
    const { itemId, source } = sighting;
    const fromDom = source === 'dom';
    const known = seen.has(itemId) || foundInDom.has(itemId);
    if (fromDom ? known : seen.has(itemId)) {
      stats.duplicates += 1;
      return false;
    }
    // The bucket is for what the page posts on the channel. A card the page rendered cost it a
    // real DOM node, and a feed record of a card already found in the DOM adds no row or lookup.
    if (!fromDom && !known && !takeAdToken()) {
      bump(stats.skipped, 'flood-ads');
      return false;
    }
    (fromDom ? foundInDom : seen).add(itemId);
    if (!known) stats.ads += 1;
    stats.adsBySource[source] += 1;
    return true;
  };

  const receiveClick = (message: ClickMessage): AdSighting[] => {
    stats.clicks += 1;
    let sighting: AdSighting | null = null;
    if (message.itemId === null) bump(stats.skipped, 'click-no-id');
    else {
      const built = buildSighting({ itemId: message.itemId, landingUrlRaw: message.url, source: 'click', page: message.page });
      if (!built.ok) bump(stats.skipped, `click-${built.reason}`);
      else if (!built.sighting.landingUrl || isNotLanding(built.sighting.landingUrl)) bump(stats.skipped, 'click-not-landing');
      else if (add(built.sighting)) sighting = built.sighting;
    }
    onClick?.({ itemId: message.itemId, url: message.url, page: message.page, sighting });
    return sighting ? [sighting] : [];
  };

  const receive = (data: unknown): AdSighting[] => {
    const head = data as { tag?: unknown; kind?: unknown; channel?: unknown; items?: unknown } | null;
    // Most window messages are not ours; our own hello/ready carry nothing to read.
    if (!head || head.tag !== CHANNEL_TAG || head.kind === 'hello' || head.kind === 'ready') return [];
    if (head.channel !== channel) return (bump(stats.rejected, 'other-channel'), []);
    // Cut a flood before validating it, so a forged million-item message costs nothing.
    let cut = 0;
    if (Array.isArray(head.items)) {
      const room = Math.max(0, Math.min(maxItemsPerMessage, maxItemsPerPage - stats.parsed));
      cut = Math.max(0, head.items.length - room);
      if (cut > 0) data = { ...head, items: head.items.slice(0, room) };
    }
    const message = checkTapMessage(data);
    if (!message) return (bump(stats.rejected, 'invalid'), []);
    if (message.kind === 'stats') {
      // Field by field: keys the page added to the message never become counters.
      const { responses, items, candidates, unreadable, dropped, clicks, clicksIgnored } = message.stats;
      stats.responses = { ...responses };
      stats.tap = { items, candidates, unreadable, dropped, clicks, clicksIgnored };
      return [];
    }
    if (message.kind === 'click') return receiveClick(message);
    if (cut > 0) bump(stats.skipped, 'flood', cut);
    for (const itemId of message.organic ?? []) noteOrganic(itemId);
    stats.organic += message.organic?.length ?? 0;
    const fresh: AdSighting[] = [];
    for (const raw of message.items) {
      stats.parsed += 1;
      const item = parseFeedItem(raw, message.source, message.page);
      if (item.kind === 'skipped') bump(stats.skipped, item.reason);
      else if (item.kind === 'organic') {
        stats.organic += 1;
        noteOrganic(item.itemId);
      }
      else if (add(item.sighting)) fresh.push(item.sighting);
    }
    return fresh;
  };

  const isOrganic = (itemId: string) => organicIds.has(itemId) && !seen.has(itemId) && !foundInDom.has(itemId);
  return { receive, add, knows: (itemId) => seen.has(itemId) || foundInDom.has(itemId), isOrganic, stats };
}
