/**
 * The toolbar popup: Saved (items by store, checkout per store) | History | Settings, a
 * one-line overview, and the way to the dashboard. Everything it reads comes through
 * typed messages (PopupEnv.call); it never touches the database or a store itself.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ResponseOf } from '@/utils/messages';
import { plural, t } from './i18n';
import { EnvContext, type PopupEnv } from './popup/env';
import { lazyPanel } from './popup/lazy-panel';
import { SavedTab } from './popup/SavedTab';
import { Tabs } from './popup/Tabs';

// Loaded on demand: the popup opens on Saved, and their code parsed up front delayed it.
const HistoryPanel = lazyPanel(() => import('./popup/HistoryTab').then((m) => m.HistoryTab));
const SettingsPanel = lazyPanel(() => import('./popup/SettingsTab').then((m) => m.SettingsTab));

function OverviewLine({ env, ready }: { env: PopupEnv; ready: boolean }) {
  const [overview, setOverview] = useState<ResponseOf<'overview/get'> | null>(null);
  useEffect(() => void (ready && env.call('overview/get', {}).then((reply) => reply.ok && setOverview(reply.data))), [env, ready]);
  if (!overview) return null;
  return (
    <p class="pc-meta" data-testid="overview-counts">
      {[plural('overview_ads', overview.sightings), plural('overview_products', overview.products), plural('overview_saved', overview.saved)].join(' · ')}
    </p>
  );
}

export function Popup({ dashboardUrl, env, initialTab }: { dashboardUrl: string; env: PopupEnv; initialTab?: 'saved' | 'history' | 'settings' }) {
  // The overview and the other tabs' code wait until the saved list is settled (drawn, failed,
  // or left): asked beside it, the worker answered the overview first and the list came later.
  const [listSettled, setListSettled] = useState(initialTab !== undefined && initialTab !== 'saved');
  useEffect(() => {
    if (!listSettled) return;
    // Failures are shown when the tab is opened (lazyPanel); here they are only retried later.
    HistoryPanel.preload().catch(() => undefined);
    SettingsPanel.preload().catch(() => undefined);
  }, [listSettled]);
  return (
    <EnvContext.Provider value={env}>
      <main class="popup pc-popup">
        <header class="pc-head">
          <h1>{t('popupTitle')}</h1>
          <OverviewLine env={env} ready={listSettled} />
        </header>
        <Tabs
          label={t('popup_tabsLabel')}
          initial={initialTab}
          tabs={[
            { id: 'saved', label: t('popup_tabSaved'), render: () => <SavedTab onSettled={setListSettled} /> },
            { id: 'history', label: t('popup_tabHistory'), render: () => <HistoryPanel /> },
            { id: 'settings', label: t('popup_tabSettings'), render: () => <SettingsPanel /> },
          ]}
        />
        <footer class="pc-foot">
          <a href={dashboardUrl} target="_blank" rel="noopener noreferrer">
            {t('openDashboard')}
          </a>
        </footer>
      </main>
    </EnvContext.Provider>
  );
}
