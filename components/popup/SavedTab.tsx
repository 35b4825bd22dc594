/**
 * The Saved tab: items grouped by store, each store with its checkout button. The list comes
 * a page at a time (PAGE items, then "Show more" asks for PAGE more), so 1,000 saved items
 * open as fast as 40: only the page travels, is validated and is drawn. Every change goes
 * to the background and the page is read again.
 */
import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { RemovedRow, SavedView, StoreGroupView } from '@/utils/popup/schemas';
import { plural, t } from '../i18n';
import { useEnv } from './env';
import { PAGE } from './first-page';
import { StoreGroup, type GroupActions } from './StoreGroup';

export { PAGE };

type LoadState = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; view: SavedView };

/**
 * Items drawn for the first paint. A popup is at most 600 px tall and a saved item 140–175 px
 * (Chromium, English), so three or four are in view below the header; drawing the whole page
 * of PAGE first made the open wait for items nobody sees yet (style, layout and paint of 20
 * items with their variant pickers). The rest of the page is drawn right after that paint, in
 * the same task as the `scrollcart:saved-ready` mark, so it is there before any input.
 */
export const FIRST_DRAW = 5;

/** The page's groups cut to their first `count` items in list order (a store's header, total and checkout still cover all of its items). */
export function firstItems(groups: readonly StoreGroupView[], count: number): StoreGroupView[] {
  const drawn: StoreGroupView[] = [];
  let left = count;
  for (const group of groups) {
    if (left <= 0) break;
    drawn.push(group.items.length <= left ? group : { ...group, items: group.items.slice(0, left) });
    left -= group.items.length;
  }
  return drawn;
}

/** Shops seen in ads that ScrollCart may not read yet (custom domains): their cards can't offer Save until allowed. */
function AwaitingPermission() {
  const env = useEnv();
  const [count, setCount] = useState(0);
  useEffect(() => void env.call('data/permission-status', {}).then((reply) => reply.ok && setCount(reply.data.awaiting.length)), [env]);
  if (count === 0) return null;
  return (
    <p class="pc-note">
      {plural('popup_awaitingPermission', count)}{' '}
      <button type="button" onClick={() => void env.openTab(env.permissionsUrl)}>
        {t('popup_reviewPermissions')}
      </button>
    </p>
  );
}

export function EmptySaved() {
  return (
    <div class="pc-empty">
      <h2>{t('popup_savedEmptyTitle')}</h2>
      <p>{t('popup_savedEmptyHow')}</p>
      <AwaitingPermission />
    </div>
  );
}

/** `onSettled(true)` once the first list is drawn or has failed, or when the tab closes before that. */
export function SavedTab({ onSettled }: { onSettled?: (settled: true) => void } = {}) {
  const env = useEnv();
  const [load, setLoad] = useState<LoadState>({ state: 'loading' });
  const [budget, setBudget] = useState(PAGE);
  const [removed, setRemoved] = useState<{ row: RemovedRow; title: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const reply = await env.call('popup/saved-list', { limit: budget });
    setLoad(reply.ok ? { state: 'ready', view: reply.data } : { state: 'error', message: reply.error.message });
  }, [env, budget]);
  // A layout effect, so the request leaves before the first paint rather than after it.
  useLayoutEffect(() => void refresh().catch((error: unknown) => setLoad({ state: 'error', message: String(error) })), [refresh]);
  // A User Timing mark once the list is first on screen (its first FIRST_DRAW items painted):
  // benchmarks and e2e read it (it costs nothing). Then the rest of the page, in this same task.
  const ready = load.state === 'ready';
  const [drawAll, setDrawAll] = useState(false);
  useEffect(() => {
    if (!ready) return;
    performance.mark('scrollcart:saved-ready');
    setDrawAll(true);
  }, [ready]);
  const settled = load.state !== 'loading';
  useEffect(() => void (settled && onSettled?.(true)), [settled, onSettled]);
  useEffect(() => () => onSettled?.(true), [onSettled]);

  const change = async (work: () => Promise<string | null>) => {
    setProblem(await work());
    await refresh();
  };

  const actions: GroupActions = {
    onQuantity: (item, quantity) =>
      void change(async () => {
        const reply = await env.call('popup/saved-update', { key: item.key, quantity });
        return reply.ok ? null : reply.error.message;
      }),
    onVariant: (item, variantId) =>
      void change(async () => {
        const reply = await env.call('popup/saved-update', { key: item.key, variantId });
        return reply.ok ? (reply.data.ok ? null : t('popup_variantChangeFailed')) : reply.error.message;
      }),
    onRemove: (item) =>
      void change(async () => {
        const reply = await env.call('popup/saved-remove', { key: item.key });
        if (!reply.ok) return reply.error.message;
        setRemoved(reply.data.removed ? { row: reply.data.removed, title: item.title } : null);
        return null;
      }),
    onCheckout: async (group) => {
      const reply = await env.call('popup/checkout', { host: group.host, localePrefix: group.localePrefix });
      if (!reply.ok) return reply.error.message;
      if (reply.data.kind === 'ready') await env.openTab(reply.data.url);
      return reply.data;
    },
    onRefresh: async (group) => {
      await env.call('popup/store-refresh', { host: group.host, localePrefix: group.localePrefix });
      await refresh();
    },
    onAllow: async (group) => {
      if (await env.requestHostPermission(group.host)) await refresh();
    },
  };

  const undo = () =>
    void change(async () => {
      if (!removed) return null;
      const reply = await env.call('popup/saved-restore', { row: removed.row });
      setRemoved(null);
      return reply.ok && reply.data.restored ? null : t('popup_undoFailed');
    });

  if (load.state === 'loading') return <p aria-busy="true">{t('loading')}</p>;
  if (load.state === 'error')
    return (
      <div class="pc-empty" role="alert">
        <p>{t('backgroundUnavailable', load.message)}</p>
        <button type="button" onClick={() => void refresh()}>
          {t('popup_retry')}
        </button>
      </div>
    );
  const { groups, choices, totalItems } = load.view;
  const shown = groups.reduce((n, g) => n + g.items.length, 0);
  return (
    <>
      <div class="pc-live" aria-live="polite">
        {removed && (
          <p class="pc-undo">
            {t('popup_removed', removed.title)}{' '}
            <button type="button" onClick={undo}>
              {t('popup_undo')}
            </button>
          </p>
        )}
        {problem && <p class="pc-warn">{problem}</p>}
      </div>
      {totalItems === 0 ? <EmptySaved /> : (drawAll ? groups : firstItems(groups, FIRST_DRAW)).map((group) => <StoreGroup key={group.id} group={group} choices={choices} actions={actions} locale={env.locale} />)}
      {totalItems > shown && (
        <button type="button" class="pc-more" onClick={() => setBudget(budget + PAGE)}>
          {t('popup_showMore', String(totalItems - shown))}
        </button>
      )}
    </>
  );
}
