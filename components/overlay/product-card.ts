/**
 * The card drawn on a shoppable ad. Text from pages and stores is rendered as text only;
 * every string a person reads comes from the i18n catalogue.
 */
import type { CardModel } from '@/utils/card-model';
import { formatMoney } from '@/utils/money';
import { lookupStatusText, t } from '../i18n';

export interface CardActions {
  onSave(): void;
  onBuy(): void;
  /** Opens ScrollCart's permission page for this store (content scripts can't ask themselves). */
  onAllow(host: string): void;
}

export interface CardProps {
  model: CardModel;
  /** null: not saved yet; true: saved; a string: why saving failed. */
  saved: boolean | string | null;
  actions: CardActions;
  locale?: string;
}

/**
 * Only a person's click counts. The card's shadow root is open and lives in the page, so a page
 * script can call `button.click()`; such events are untrusted and must not save or record
 * anything (found by tests/e2e/hostile.spec.ts). A scripted click on Buy now is also left
 * without its checkout record; the browser's popup blocker stops the tab it would open.
 */
function byPerson(action: () => void) {
  return (event: Event) => {
    if (event.isTrusted) action();
    else event.preventDefault();
  };
}

function Chip({ text }: { text: string }) {
  return <p class="sc-chip">{text}</p>;
}

export function ProductCard({ model, saved, actions, locale }: CardProps) {
  if (model.state === 'not-shoppable') return <Chip text={t(model.adKind === 'tiktok-shop' ? 'chipTikTokShop' : 'chipNotShop')} />;
  return (
    <section class="sc-card" role="region" aria-label={t('cardLabel')}>
      {model.state === 'pending' && (
        <p class="sc-skeleton" aria-live="polite" aria-busy="true">
          {t('cardLoading')}
        </p>
      )}
      {model.state === 'failed' && (
        <p class="sc-status" role="status">
          <span class="sc-host">{model.host}</span> {lookupStatusText(model.status)}
        </p>
      )}
      {model.state === 'needs-permission' && (
        <p class="sc-status" role="status">
          <button type="button" title={t('data_cardAllowHint')} onClick={byPerson(() => actions.onAllow(model.host))}>
            {t('cardAllowLookups', model.host)}
          </button>
        </p>
      )}
      {model.state === 'product' && (
        <>
          <p class="sc-host">{model.storeName ?? model.host}</p>
          <p class="sc-title">{model.title}</p>
          {model.variantTitle && <p class="sc-variant">{model.variantTitle}</p>}
          <p class="sc-price">
            <strong>{formatMoney(model.price, model.currency, locale)}</strong>{' '}
            {model.compareAtPrice !== null && <s>{t('cardWasPrice', formatMoney(model.compareAtPrice, model.currency, locale))}</s>}{' '}
            <span class={model.available ? 'sc-stock' : 'sc-stock sc-out'}>{t(model.available ? 'cardInStock' : 'cardSoldOut')}</span>
          </p>
          <div class="sc-actions">
            <button type="button" onClick={byPerson(actions.onSave)} disabled={saved === true} aria-pressed={saved === true}>
              {t(saved === true ? 'cardSaved' : 'cardSave')}
            </button>
            {model.buyUrl && (
              <a href={model.buyUrl} target="_blank" rel="noopener noreferrer" onClick={byPerson(actions.onBuy)}>
                {t('cardBuyNow')}
              </a>
            )}
          </div>
          {typeof saved === 'string' && (
            <p class="sc-status" role="alert">
              {t('saveFailed', saved)}
            </p>
          )}
        </>
      )}
    </section>
  );
}
