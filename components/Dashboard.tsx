/** The merchant dashboard (issue 6): my stores, each with its ads, their landing checks and snapshots; detection diagnostics; export and import. */
import { t } from './i18n';
import { DataTools } from './dashboard/DataTools';
import { DiagnosticsSection } from './dashboard/DiagnosticsSection';
import { useMessage } from './dashboard/send';
import { StorePicker } from './dashboard/StorePicker';
import { StoreSection } from './dashboard/StoreSection';

export function Dashboard() {
  const [stores, reload] = useMessage('dashboard/stores', {}, 'stores');
  return (
    <main class="dashboard">
      <h1>{t('dashboardTitle')}</h1>
      <p>{t('dash_intro')}</p>
      {stores.state === 'loading' && <p aria-live="polite">{t('loading')}</p>}
      {stores.state === 'error' && <p role="alert">{t('backgroundUnavailable', stores.message)}</p>}
      {stores.state === 'ready' && (
        <>
          <StorePicker myStores={stores.data.myStores} seen={stores.data.seen} onChange={reload} />
          {stores.data.myStores.map((host) => (
            <StoreSection key={host} host={host} />
          ))}
        </>
      )}
      <DiagnosticsSection />
      <DataTools onImported={reload} />
    </main>
  );
}
