/**
 * Decides which feed cards get a product card, and keeps each one in step with its card:
 * mounted when an ad appears, updated when the background answers, removed when the card
 * leaves or is recycled for another item. The UI itself is injected (`mount`).
 */
import type { CardModel } from '../card-model';
import type { AdSighting, ClickKind } from '../model';
import type { CardHooks } from './watch-cards';

export interface CardHandle {
  update(model: CardModel, saved?: boolean | string | null): void;
  isAttached(): boolean;
  remove(): void;
}

export interface OverlayDeps {
  /** Sends the sighting to the background; the card to draw, or null if it could not answer. */
  report(sighting: AdSighting, appeared: boolean): Promise<CardModel | null>;
  /** Sends ads whose cards are not on screen yet, all in one message: recorded, their products resolved, no card asked for. */
  learned(sightings: AdSighting[]): void;
  save(itemId: string): Promise<true | string>;
  click(kind: ClickKind, itemId: string): void;
  mount(card: Element, model: CardModel, actions: { onSave(): void; onBuy(): void; onAllow(host: string): void }): Promise<CardHandle>;
  /** Opens the permission page for a store host. */
  allow(host: string): void;
  /** The DOM fallback, for ad cards whose feed JSON the tap never saw: hooks only (`thorough` false), or also label texts. */
  sightingFromCard(card: Element, thorough: boolean): AdSighting | null;
  /** Runs the thorough fallback later, when the page is idle; `run` checks the card still shows the item. */
  whenIdle(run: () => void): void;
  itemIdOf(card: Element): string | null;
  /** The feed's JSON said the item is organic: its card gets no DOM fallback at all. */
  isOrganic(itemId: string): boolean;
  /** Settings may hide the overlay (a paused site, chips turned off); the sighting is recorded all the same. */
  shows(sighting: AdSighting): boolean;
}

interface Entry {
  itemId: string;
  sighting: AdSighting;
  model: CardModel;
  saved: boolean | string | null;
  handle?: CardHandle;
  /** A mount is under way (mounting is async): not to be started twice. */
  mounting: boolean;
  gone: boolean;
}

export interface AdOverlays {
  hooks: CardHooks;
  /** Ads read from the feed's own JSON, usually before their cards render. */
  learn(sightings: AdSighting[]): void;
  /**
   * Settings changed (a site paused or resumed, chips turned off or on): removes the cards
   * `shows` now hides and mounts the ones it now shows, on the feed cards already on screen.
   */
  reconsider(): void;
  stats: { mounted: number; domFallbacks: number; reportFailures: number };
}

const firstModel = (s: AdSighting): CardModel => (s.adKind === 'product-link' ? { state: 'pending' } : { state: 'not-shoppable', adKind: s.adKind });

export function createAdOverlays(deps: OverlayDeps): AdOverlays {
  const known = new Map<string, AdSighting>();
  const entries = new Map<Element, Entry>();
  // Cards on screen whose item was not known to be an ad when they appeared: the feed's JSON
  // (parsed by the tap in idle time) may say so a moment later, and then they are drawn at once.
  const passedOver = new Map<string, Element>();
  const stats = { mounted: 0, domFallbacks: 0, reportFailures: 0 };

  const hide = (entry: Entry) => {
    entry.handle?.remove();
    entry.handle = undefined;
  };

  const show = (entry: Entry, change: { model?: CardModel; saved?: boolean | string }) => {
    if (change.model) entry.model = change.model;
    // The background has the last word on the ad's kind (the content script only reads the URL's shape).
    if (change.model?.state === 'not-shoppable' && change.model.adKind !== entry.sighting.adKind) {
      entry.sighting = { ...entry.sighting, adKind: change.model.adKind };
      if (!deps.shows(entry.sighting)) return hide(entry);
    }
    if (change.saved !== undefined) entry.saved = change.saved;
    if (!entry.gone) entry.handle?.update(entry.model, entry.saved);
  };

  const refresh = async (entry: Entry, appeared: boolean) => {
    const model = await deps.report(entry.sighting, appeared);
    if (model) show(entry, { model });
    else stats.reportFailures += 1;
  };

  const mount = async (card: Element, entry: Entry) => {
    entry.mounting = true;
    const handle = await deps.mount(card, entry.model, {
      onSave: () => void deps.save(entry.itemId).then((saved) => show(entry, { saved })),
      onBuy: () => deps.click('checkout', entry.itemId),
      onAllow: (host) => deps.allow(host),
    });
    entry.mounting = false;
    // The settings can change while the card mounts (a pause from the popup): they win.
    if (entry.gone || !deps.shows(entry.sighting)) return handle.remove();
    entry.handle = handle;
    stats.mounted += 1;
  };

  const appear = (card: Element, itemId: string, thorough = false) => {
    let sighting = known.get(itemId);
    if (!sighting) {
      // Most cards: the tap read their JSON, and it said organic. No hook test, no label walk.
      if (deps.isOrganic(itemId)) return;
      sighting = deps.sightingFromCard(card, thorough) ?? undefined;
      if (!sighting) {
        passedOver.set(itemId, card);
        // Most cards are organic: the costly label walk waits for idle time, off the scroll's path.
        if (!thorough) deps.whenIdle(() => card.isConnected && !entries.has(card) && deps.itemIdOf(card) === itemId && appear(card, itemId, true));
        return;
      }
      stats.domFallbacks += 1;
    }
    passedOver.delete(itemId);
    const entry: Entry = { itemId, sighting, model: firstModel(sighting), saved: null, mounting: false, gone: false };
    entries.set(card, entry);
    if (deps.shows(sighting)) void mount(card, entry).then(() => refresh(entry, true));
    else void refresh(entry, true);
  };

  const leave = (card: Element, itemId: string) => {
    if (passedOver.get(itemId) === card) passedOver.delete(itemId);
    const entry = entries.get(card);
    if (!entry) return;
    entry.gone = true;
    entry.handle?.remove();
    entries.delete(card);
  };

  const still = (card: Element) => {
    const entry = entries.get(card);
    if (!entry?.handle || entry.handle.isAttached() || !deps.shows(entry.sighting)) return;
    // The page re-rendered the card and dropped our overlay: put it back, no new impression.
    hide(entry);
    void mount(card, entry).then(() => refresh(entry, false));
  };

  const reconsider = () => {
    for (const [card, entry] of entries) {
      if (!deps.shows(entry.sighting)) hide(entry);
      else if (!entry.handle && !entry.mounting) {
        // Shown again (a site resumed): the card's data is fresh enough to redraw, no new impression.
        void mount(card, entry).then(() => refresh(entry, false));
      }
    }
  };

  const learn = (sightings: AdSighting[]) => {
    // One message for the ads of a feed page instead of one each: extension messaging was the
    // largest part of the content script's time in the profile (docs/performance.md).
    const unseen: AdSighting[] = [];
    for (const sighting of sightings) {
      known.set(sighting.itemId, sighting);
      const visible = [...entries.values()].filter((e) => e.itemId === sighting.itemId);
      for (const entry of visible) entry.sighting = sighting;
      for (const entry of visible) void refresh(entry, false);
      if (visible.length > 0) continue;
      const card = passedOver.get(sighting.itemId);
      // Its card appeared before its JSON was read: drawn now. The idle-time label walk would come
      // later, and a card with no ad label it knows would never have been drawn.
      if (card?.isConnected && deps.itemIdOf(card) === sighting.itemId) appear(card, sighting.itemId);
      else unseen.push(sighting);
    }
    if (unseen.length > 0) deps.learned(unseen);
  };

  return { hooks: { appear: (card, itemId) => appear(card, itemId), leave, still }, learn, reconsider, stats };
}
