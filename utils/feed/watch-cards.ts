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
  /** The card `node` belongs to (itself included) as `findCards` would return it, or null. */
  cardOf(node: Node): Element | null;
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
  // The observer only queues its records; the scan reads them. The first scan looks at every card.
  let queued: MutationRecord[] = [];
  let everything = true;
  let pending = false;

  const check = (card: Element) => {
    const itemId = options.itemIdOf(card);
    const previous = shown.get(card);
    if (previous === itemId) {
      if (itemId) hooks.still?.(card, itemId);
      return;
    }
    if (previous) hooks.leave(card, previous);
    if (itemId) {
      shown.set(card, itemId);
      hooks.appear(card, itemId);
    } else shown.delete(card);
  };

  const scan = () => {
    pending = false;
    const records = queued;
    queued = [];
    if (options.signal.aborted) return;
    const all = everything;
    everything = false;
    // Only the cards the mutations touched: a long scroll keeps dozens of cards in the DOM, and
    // reading each one's item id on every scan was most of ScrollCart's time in the feed.
    const touched = all ? new Set(options.findCards(doc)) : cardsTouched(records, options);
    for (const card of touched) if (card.isConnected && options.cardOf(card) === card) check(card);
    // A card left when it is out of the page, or no longer a card of its own (now inside another).
    if (all || records.some((r) => r.removedNodes.length > 0 || r.type === 'attributes'))
      for (const [card, itemId] of shown) {
        if (card.isConnected && options.cardOf(card) === card) continue;
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
    for (const record of records) if (relevant(record)) queued.push(record);
    if (queued.length > 0) request();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['id', 'href'] });
  options.signal.addEventListener('abort', () => {
    observer.disconnect();
    queued = [];
    for (const [card, itemId] of shown) hooks.leave(card, itemId);
    shown.clear();
  });
  request();
  return {
    scanNow() {
      everything = true;
      scan();
    },
  };
}

/**
 * The cards a batch of mutations may have changed: the card around each mutated node, and
 * the cards inside added subtrees (or inside an element whose id changed, e.g. a container
 * that now makes its children cards). TikTok recycles a card by replacing its content or its
 * player wrapper's id; both are mutations inside the card, so the card is checked again.
 */
function cardsTouched(records: MutationRecord[], options: Pick<WatchOptions, 'cardOf' | 'findCards'>): Set<Element> {
  const touched = new Set<Element>();
  // A busy card yields many records on the same node: look its card up once.
  const around = new Map<Node, Element | null>();
  for (const record of records) {
    let card = around.get(record.target);
    if (card === undefined) around.set(record.target, (card = options.cardOf(record.target)));
    if (card) {
      touched.add(card);
      continue;
    }
    if (record.type === 'attributes') for (const card of options.findCards(record.target as Element)) touched.add(card);
    for (const node of record.addedNodes) if (node.nodeType === 1) for (const card of options.findCards(node as Element)) touched.add(card);
  }
  return touched;
}
