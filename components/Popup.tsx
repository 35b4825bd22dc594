import { t, lookupStatusText } from './i18n';
import { useOverview } from './use-overview';

export function Popup({ dashboardUrl }: { dashboardUrl: string }) {
  const overview = useOverview();
  return (
    <main class="popup">
      <h1>{t('popupTitle')}</h1>
      {overview.state === 'loading' && <p aria-live="polite">{t('loading')}</p>}
      {overview.state === 'error' && <p role="alert">{t('backgroundUnavailable', overview.message)}</p>}
      {overview.state === 'ready' && (
        <>
          <p data-testid="overview-counts">
            {t('overviewCounts', [String(overview.overview.sightings), String(overview.overview.products), String(overview.overview.saved)])}
          </p>
          <h2>{t('recentAds')}</h2>
          {overview.overview.recent.length === 0 ? (
            <p>{t('noAdsYet')}</p>
          ) : (
            <ul data-testid="recent-ads">
              {overview.overview.recent.map((ad) => (
                <li key={ad.itemId}>
                  <strong>@{ad.author}</strong> {ad.productTitle ?? ad.caption} — <span>{lookupStatusText(ad.lookup)}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <p>
        <a href={dashboardUrl} target="_blank" rel="noreferrer">
          {t('openDashboard')}
        </a>
      </p>
    </main>
  );
}
