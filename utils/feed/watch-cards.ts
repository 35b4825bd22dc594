/**
 * Watches the feed's cards as the virtualised list fills, recycles and removes them.
 * The observer callback only marks the page dirty; one scan runs later for all the
 * mutations of a task, at most about once per frame (STYLE.md § The guest in a busy page),
 * and reports which item each card now shows.
 */
export interface CardHooks {
  /** A card now shows `itemId` (newly inserted, or recycled from another item). */
  appear(card: Element, itemId: string): void;
  /** A card stopped showing `itemId` (emptied, recycled, or removed from the page). */
  leave(card: Element, itemId: string): void;
  /** A card still shows `itemId`: a chance to repair an overlay the page wiped. */
  still?(card: Element, itemId: string): void;
}

export interface WatchOptions {
  findCards(root: ParentNode): Element[];
  itemIdOf(card: Element): string | null;
  /** Mutations made only of these nodes (our own overlays) are ignored. */
  isOwnNode(node: Node): boolean;
  schedule?: (run: () => void) => void;
  signal: AbortSignal;
}

/**
 * Runs `run` right after the current task (so a filled card gets its overlay in the same
 * frame) unless a scan already ran in this frame; then at the next animation frame. Scans
 * are thus batched per task and never more than about one per frame.
 */
export function soonButOncePerFrame(): (run: () => void) => void {
  const channel = new MessageChannel();
  let queued: (() => void) | null = null;
  let lastRun = -Infinity;
  channel.port1.onmessage = () => {
    const run = queued;
    queued = null;
    run?.();
  };
  return (run) => {
    const wrapped = () => {
      lastRun = performance.now();
      run();
    };
    if (performance.now() - lastRun < 16) requestAnimationFrame(wrapped);
    else {
      queued = wrapped;
      channel.port2.postMessage(null);
    }
  };
}

export function watchFeedCards(doc: Document, hooks: CardHooks, options: WatchOptions): { scanNow(): void } {
  const schedule = options.schedule ?? soonButOncePerFrame();
  const shown = new Map<Element, string>();
  let pending = false;

  const scan = () => {
    pending = false;
    if (options.signal.aborted) return;
    const seen = new Set<Element>();
    // Every card, not only those the records name: TikTok's list is virtualised (a handful of
    // cards in the DOM), and walking each record's nodes up to their card measured dearer than
    // this scan (docs/performance.md). itemIdOf remembers each card's player wrapper.
    for (const card of options.findCards(doc)) {
      seen.add(card);
      const itemId = options.itemIdOf(card);
      const previous = shown.get(card);
      if (previous === itemId) {
        if (itemId) hooks.still?.(card, itemId);
        continue;
      }
      if (previous) hooks.leave(card, previous);
      if (itemId) {
        shown.set(card, itemId);
        hooks.appear(card, itemId);
      } else shown.delete(card);
    }
    for (const [card, itemId] of shown) {
      if (seen.has(card)) continue;
      shown.delete(card);
      hooks.leave(card, itemId);
    }
  };

  const request = () => {
    if (pending) return;
    pending = true;
    schedule(scan);
  };

  // Our own overlay arriving is no news; its removal is (the page may have wiped it: `still` repairs).
  const relevant = (record: MutationRecord) => {
    if (record.removedNodes.length > 0 || record.addedNodes.length === 0) return true;
    // A loop, not a spread: this runs for every record of the page's own rendering.
    for (const node of record.addedNodes) if (!options.isOwnNode(node)) return true;
    return false;
  };
  const observer = new MutationObserver((records) => {
    if (records.some(relevant)) request();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['id'] });
  options.signal.addEventListener('abort', () => {
    observer.disconnect();
    for (const [card, itemId] of shown) hooks.leave(card, itemId);
    shown.clear();
  });
  request();
  return { scanNow: scan };
}
