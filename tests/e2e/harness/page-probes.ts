/**
 * Functions run inside the fake feed page with `FeedTab.evaluate`: self-contained (no
 * imports, no closures), they read what a person would see of ScrollCart's cards.
 */
export interface CardCensus {
  itemId: string;
  /** The page itself labels the card as an ad. */
  labelledAd: boolean;
  /** ScrollCart overlays on this card (must be 0 or 1). */
  overlays: number;
  text: string;
}

export function overlayCensus(): CardCensus[] {
  const cards = [...document.querySelectorAll('[data-e2e="recommend-list-item-container"]')];
  return cards
    .map((card) => {
      const hosts = [...card.querySelectorAll('scrollcart-card')];
      return {
        itemId: /^xgwrapper-\d+-(\d+)$/.exec(card.querySelector('[id^="xgwrapper-"]')?.id ?? '')?.[1] ?? '',
        labelledAd: !!card.querySelector('[data-e2e="ad-tag"]'),
        overlays: hosts.length,
        text: hosts.map((host) => [...(host.shadowRoot?.children ?? [])].filter((el) => el.localName !== 'style').map((el) => el.textContent).join('')).join(' | '),
      };
    })
    .filter((c) => c.itemId !== '');
}

/** Brings an item's card to the middle of the screen; true when the card is in the DOM. */
export function centreCard(itemId: string): boolean {
  const wrapper = document.getElementById(`xgwrapper-0-${itemId}`);
  wrapper?.closest('[data-e2e="recommend-list-item-container"]')?.scrollIntoView({ block: 'center' });
  return !!wrapper;
}

/** The centre of a control in the item's overlay (`text`), or of the page's own ad CTA (`text` null), for a real click. */
export function controlCentre(arg: { itemId: string; text: string | null }): { x: number; y: number } | null {
  const card = document.getElementById(`xgwrapper-0-${arg.itemId}`)?.closest('[data-e2e="recommend-list-item-container"]');
  const overlay = card?.querySelector('scrollcart-card')?.shadowRoot;
  const control =
    arg.text === null
      ? card?.querySelector('[data-e2e="ttam-ads-cta"]')
      : [...(overlay?.querySelectorAll('button, a') ?? [])].find((el) => el.textContent?.trim() === arg.text);
  control?.scrollIntoView({ block: 'center' });
  const rect = control?.getBoundingClientRect();
  return rect && rect.width > 0 ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 } : null;
}
