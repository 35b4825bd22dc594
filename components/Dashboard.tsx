import { t, lookupStatusText } from './i18n';
import { useOverview } from './use-overview';

export function Dashboard() {
  const overview = useOverview();
  return (
    <main class="dashboard">
      <h1>{t('dashboardTitle')}</h1>
      <p>{t('dashboardIntro')}</p>
      {overview.state === 'loading' && <p aria-live="polite">{t('loading')}</p>}
      {overview.state === 'error' && <p role="alert">{t('backgroundUnavailable', overview.message)}</p>}
      {overview.state === 'ready' && (
        <table data-testid="sightings-table">
          <thead>
            <tr>
              <th scope="col">{t('columnAuthor')}</th>
              <th scope="col">{t('columnCaption')}</th>
              <th scope="col">{t('columnLanding')}</th>
              <th scope="col">{t('columnProduct')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.overview.recent.map((ad) => (
              <tr key={ad.itemId}>
                <td>@{ad.author}</td>
                <td>{ad.caption}</td>
                <td>{ad.landingUrl}</td>
                <td>{ad.productTitle ?? lookupStatusText(ad.lookup)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
