/**
 * The toolbar popup: Saved (items by store, checkout per store) | History | Settings, a
 * one-line overview, and the way to the dashboard. Everything it reads comes through
 * typed messages (PopupEnv.call); it never touches the database or a store itself.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ResponseOf } from '@/utils/messages';
import { t } from './i18n';
import { EnvContext, type PopupEnv } from './popup/env';
import { HistoryTab } from './popup/HistoryTab';
import { SavedTab } from './popup/SavedTab';
import { SettingsTab } from './popup/SettingsTab';
import { Tabs } from './popup/Tabs';

function OverviewLine({ env }: { env: PopupEnv }) {
  const [overview, setOverview] = useState<ResponseOf<'overview/get'> | null>(null);
  useEffect(() => void env.call('overview/get', {}).then((reply) => reply.ok && setOverview(reply.data)), [env]);
  if (!overview) return null;
  return (
    <p class="pc-meta" data-testid="overview-counts">
      {t('overviewCounts', [String(overview.sightings), String(overview.products), String(overview.saved)])}
    </p>
  );
}

export function Popup({ dashboardUrl, env, initialTab }: { dashboardUrl: string; env: PopupEnv; initialTab?: 'saved' | 'history' | 'settings' }) {
  return (
    <EnvContext.Provider value={env}>
      <main class="popup pc-popup">
        <header class="pc-head">
          <h1>{t('popupTitle')}</h1>
          <OverviewLine env={env} />
        </header>
        <Tabs
          label={t('popup_tabsLabel')}
          initial={initialTab}
          tabs={[
            { id: 'saved', label: t('popup_tabSaved'), render: () => <SavedTab /> },
            { id: 'history', label: t('popup_tabHistory'), render: () => <HistoryTab /> },
            { id: 'settings', label: t('popup_tabSettings'), render: () => <SettingsTab /> },
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
