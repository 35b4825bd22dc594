/** Every ad of the store: how it looked; what it said, where and when it was seen and where it leads; and its checks. */
import type { AdReport } from '@/utils/protocol/dashboard';
import { t } from '../i18n';
import { CheckList } from './CheckList';
import { SnapshotCell } from './SnapshotCell';
import { number, pageName, when } from './words';

interface Props {
  ads: AdReport[];
  host: string;
  onCapture: (itemId: AdReport['itemId']) => void;
}

export function AdsTable({ ads, host, onCapture }: Props) {
  if (ads.length === 0) return <p>{t('dash_no_ads', host)}</p>;
  return (
    <div class="dash-table-wrap">
      <table data-testid="ads-table">
        <caption>{t('dash_table_caption', host)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dash_col_snapshot')}</th>
            <th scope="col">{t('dash_col_ad')}</th>
            <th scope="col">{t('dash_col_checks')}</th>
          </tr>
        </thead>
        <tbody>
          {ads.map((ad) => (
            <tr key={ad.itemId} data-item-id={ad.itemId}>
              <td>
                <SnapshotCell snapshots={ad.snapshots} caption={ad.caption} onCapture={() => onCapture(ad.itemId)} />
              </td>
              <td>
                <p>
                  <strong dir="auto">@{ad.author}</strong>
                </p>
                <p dir="auto" data-field="caption">{ad.caption}</p>
                <p class="dash-muted">{t('dash_cta', ad.ctaText || '—')}</p>
                <dl class="dash-facts">
                  <dt>{t('dash_first_seen')}</dt>
                  <dd>{when(ad.firstSeen)}</dd>
                  <dt>{t('dash_last_seen')}</dt>
                  <dd>{when(ad.lastSeen)}</dd>
                  <dt>{t('dash_col_impressions')}</dt>
                  <dd data-field="impressions">{number(ad.impressions)}</dd>
                  <dt>{t('dash_page')}</dt>
                  <dd>{pageName(ad.page)}</dd>
                </dl>
                <h4 class="dash-urls-title">{t('dash_col_landing')}</h4>
                <p class="dash-urls">
                  <span class="dash-muted">{t('dash_url_raw')}</span> <code dir="ltr" data-field="landing-raw">{ad.landingUrlRaw}</code>
                </p>
                {ad.landingUrl !== ad.landingUrlRaw && (
                  <p class="dash-urls">
                    <span class="dash-muted">{t('dash_url_unwrapped')}</span> <code dir="ltr">{ad.landingUrl}</code>
                  </p>
                )}
              </td>
              <td>
                <CheckList checks={ad.checks} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
