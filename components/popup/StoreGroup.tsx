/**
 * One store market's saved items with its checkout button. What checkout will leave out
 * (sold out, gone, subscription-only) is named before the button is pressed, and a
 * password-protected store is explained instead of offered a link that can't work.
 */
import { useState } from 'preact/hooks';
import type { CheckoutPlan, LeftOut, ProductChoices, StoreGroupView } from '@/utils/popup/schemas';
import { t, type MessageKey } from '../i18n';
import { popupMoney } from './format';
import { SavedItem, type ItemActions } from './SavedItem';
import { StoreIcon } from './StoreIcon';

export interface GroupActions extends ItemActions {
  onCheckout(group: StoreGroupView): Promise<CheckoutPlan | string>;
  onRefresh(group: StoreGroupView): Promise<void>;
  onAllow(group: StoreGroupView): Promise<void>;
}

export function storeLabel(group: Pick<StoreGroupView, 'storeName' | 'host'>): string {
  return group.storeName ?? group.host;
}

const LEFT_OUT_KEY: Record<LeftOut['reason'], MessageKey> = { unavailable: 'popup_leftOut_unavailable', 'selling-plan': 'popup_leftOut_selling_plan', gone: 'popup_leftOut_gone' };

function LeftOutList({ leftOut }: { leftOut: LeftOut[] }) {
  if (leftOut.length === 0) return null;
  return (
    <div class="pc-note" role="note">
      <p>{t('popup_leftOutHeading')}</p>
      <ul>
        {leftOut.map((l) => (
          <li key={l.key}>{t(LEFT_OUT_KEY[l.reason], l.title)}</li>
        ))}
      </ul>
    </div>
  );
}

function resultText(result: CheckoutPlan | string, store: string): string {
  if (typeof result === 'string') return t('popup_checkoutFailed', result);
  if (result.kind === 'ready') return t('popup_checkoutOpened');
  if (result.reason === 'password-protected') return t('popup_blocked_password_protected', store);
  return t(result.reason === 'nothing-to-buy' ? 'popup_blocked_nothing_to_buy' : 'popup_blocked_invalid_store');
}

export interface StoreGroupProps {
  /** The store with the items of the page drawn now; its count, total and left-out list cover them all, as checkout does. */
  group: StoreGroupView;
  choices: Record<string, ProductChoices>;
  actions: GroupActions;
  locale: string;
}

export function StoreGroup({ group, choices, actions, locale }: StoreGroupProps) {
  const [busy, setBusy] = useState<'checkout' | 'refresh' | null>(null);
  const [result, setResult] = useState<CheckoutPlan | string | null>(null);
  const store = storeLabel(group);
  // Failures are read from the drawn items: a store's items share its fate, so its first page tells.
  const failed = group.items.some((i) => i.status !== null && i.status !== 'ok' && i.status !== 'password-protected');
  const run = async (kind: 'checkout' | 'refresh', work: () => Promise<void>) => {
    setBusy(kind);
    try {
      await work();
    } finally {
      setBusy(null);
    }
  };
  const headingId = `store-${group.id.replace(/[^a-z0-9-]/gi, '-')}`;
  return (
    <section class="pc-store" aria-labelledby={headingId} data-host={group.host}>
      <header class="pc-store-head">
        {/* The icon sits outside the heading: the heading's text stays the store's name alone. */}
        <div class="pc-store-title">
          <StoreIcon host={group.host} label={store} />
          <h2 id={headingId}>{store}</h2>
        </div>
        <p class="pc-meta">{t('popup_storeMeta', [`${group.host}${group.localePrefix}`, group.currency, String(group.itemCount)])}</p>
      </header>
      {!group.permitted && (
        <p class="pc-note">
          {t('popup_storeNotPermitted', group.host)}{' '}
          <button type="button" onClick={() => void actions.onAllow(group)}>
            {t('cardAllowLookups', group.host)}
          </button>
        </p>
      )}
      <ul class="pc-items">
        {group.items.map((item) => (
          <SavedItem key={item.key} item={item} choices={choices[item.productKey]} actions={actions} locale={locale} />
        ))}
      </ul>
      {failed && group.permitted && (
        <p class="pc-note">
          {t('popup_storeFailed')}{' '}
          <button type="button" disabled={busy !== null} onClick={() => void run('refresh', () => actions.onRefresh(group))}>
            {busy === 'refresh' ? t('popup_checking') : t('popup_checkAgain')}
          </button>
        </p>
      )}
      <div class="pc-checkout">
        {group.passwordProtected ? (
          <p class="pc-note" role="note">
            {t('popup_blocked_password_protected', store)}{' '}
            <a href={`https://${group.host}${group.localePrefix}/`} target="_blank" rel="noopener noreferrer">
              {t('popup_openStore')}
            </a>
          </p>
        ) : (
          <>
            {group.total !== null && <p class="pc-total">{t('popup_storeTotal', popupMoney(group.total, group.currency, locale))}</p>}
            <button type="button" class="pc-primary" disabled={busy !== null} onClick={() => void run('checkout', async () => setResult(await actions.onCheckout(group)))}>
              {busy === 'checkout' ? t('popup_checkoutOpening') : t('popup_checkoutOn', store)}
            </button>
            <LeftOutList leftOut={group.leftOut} />
          </>
        )}
        <p class="pc-status" role="status">
          {result !== null && resultText(result, store)}
        </p>
      </div>
    </section>
  );
}
