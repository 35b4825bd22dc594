/** One saved item: picture, title, variant and quantity (editable), prices, stock, the ad it came from, Remove. */
import type { ProductChoices, SavedItemView } from '@/utils/popup/schemas';
import { lookupStatusText, t } from '../i18n';
import { formatDateTime, popupMoney, priceChangeText } from './format';
import { VariantPicker } from './VariantPicker';

export interface ItemActions {
  onQuantity(item: SavedItemView, quantity: number): void;
  onVariant(item: SavedItemView, variantId: number): void;
  onRemove(item: SavedItemView): void;
}

function stockText(item: SavedItemView): string {
  if (item.available === null) return t('popup_variantGone');
  if (item.requiresSellingPlan) return t('popup_subscriptionOnly');
  return t(item.available ? 'cardInStock' : 'cardSoldOut');
}

function Prices({ item, locale }: { item: SavedItemView; locale: string }) {
  const money = (minor: number, currency: string) => popupMoney(minor, currency, locale);
  const change = priceChangeText(item.change, locale);
  return (
    <p class="pc-prices">
      {item.price !== null && <strong>{t('popup_priceNow', money(item.price, item.currency))}</strong>}{' '}
      <span>{t('popup_priceSaved', money(item.priceWhenSaved, item.savedCurrency))}</span>{' '}
      {item.lowestPrice !== null && <span>{t('popup_priceLowest', money(item.lowestPrice, item.currency))}</span>}{' '}
      {change && <span class={`pc-badge pc-${item.change.kind}`}>{change}</span>}
    </p>
  );
}

export function SavedItem({ item, choices, actions, locale }: { item: SavedItemView; choices: ProductChoices | undefined; actions: ItemActions; locale: string }) {
  const failed = item.status !== null && item.status !== 'ok';
  return (
    <li class="pc-item" data-key={item.key}>
      {item.image ? <img class="pc-thumb" src={item.image} alt="" width={56} height={56} loading="lazy" decoding="async" /> : <span class="pc-thumb" aria-hidden="true" />}
      <div class="pc-body">
        <h3 class="pc-title">{item.title}</h3>
        {choices ? (
          <VariantPicker choices={choices} value={item.variantId} onChange={(id) => actions.onVariant(item, id)} />
        ) : (
          item.variantTitle && <p class="pc-variant">{item.variantTitle}</p>
        )}
        <Prices item={item} locale={locale} />
        <p class="pc-meta">
          <span class={item.available ? '' : 'pc-warn'}>{stockText(item)}</span>
          {' · '}
          {item.lastChecked !== null ? t('popup_lastChecked', formatDateTime(item.lastChecked, locale)) : t('popup_neverChecked')}
        </p>
        {failed && (
          <p class="pc-meta pc-warn">
            {lookupStatusText(item.status)}
            {item.detail && `: ${item.detail}`}
          </p>
        )}
        {item.ad && (
          <p class="pc-ad">
            {item.ad.videoUrl ? (
              <a href={item.ad.videoUrl} target="_blank" rel="noopener noreferrer">
                {t('popup_adBy', item.ad.author)}
              </a>
            ) : (
              <span>{t('popup_adBy', item.ad.author || '?')}</span>
            )}{' '}
            {item.ad.caption && <q>{item.ad.caption}</q>}
          </p>
        )}
        <div class="pc-row">
          <label class="pc-field pc-qty">
            <span>{t('popup_quantityLabel')}</span>
            <input
              type="number"
              inputMode="numeric"
              min={1}
              max={999}
              step={1}
              value={item.quantity}
              onChange={(event) => {
                const input = event.currentTarget as HTMLInputElement;
                const quantity = Number(input.value);
                if (Number.isInteger(quantity) && quantity >= 1 && quantity <= 999) actions.onQuantity(item, quantity);
                else input.value = String(item.quantity);
              }}
            />
          </label>
          <button type="button" class="pc-link-button" aria-label={t('popup_removeNamed', item.title)} onClick={() => actions.onRemove(item)}>
            {t('popup_remove')}
          </button>
        </div>
      </div>
    </li>
  );
}
