/** One of my stores: summary counts, impressions per day, export, snapshots, and every ad with its checks. */
import { useState } from 'preact/hooks';
import type { TikTokItemId } from '@/utils/model';
import { t, type MessageKey } from '../i18n';
import { AdsTable } from './AdsTable';
import { downloadText } from './download';
import { ImpressionsChart } from './ImpressionsChart';
import { send, useMessage } from './send';
import { number } from './words';

export function StoreSection({ host }: { host: string }) {
  const [report, reload] = useMessage('dashboard/report', { host }, host);
  const [status, setStatus] = useState<string | null>(null);
  const id = `store-${host.replace(/[^a-z0-9]/gi, '-')}`;

  const exportAs = async (format: 'csv' | 'json') => {
    const reply = await send('dashboard/export-store', { host, format });
    if (!reply.ok) return setStatus(t('dash_export_failed', reply.error.message));
    downloadText(reply.data.filename, reply.data.mime, reply.data.text);
    setStatus(t('dash_export_done', reply.data.filename));
  };
  const capture = async (itemId: TikTokItemId | null) => {
    setStatus(t('dash_capturing'));
    const reply = await send('dashboard/snapshot-capture', { itemId });
    if (!reply.ok) return setStatus(t('dash_snap_failed', reply.error.message));
    if (!reply.data.ok) return setStatus(t(`dash_snap_${reply.data.reason.replace(/-/g, '_')}` as MessageKey, reply.data.detail));
    setStatus(t('dash_snap_saved', number(Math.ceil(reply.data.snapshot.bytes / 1024))));
    reload();
  };

  return (
    <section class="dash-store" aria-labelledby={`${id}-title`} data-store={host}>
      <h2 id={`${id}-title`} dir="ltr">
        {host}
      </h2>
      {report.state === 'loading' && <p aria-live="polite">{t('loading')}</p>}
      {report.state === 'error' && <p role="alert">{t('backgroundUnavailable', report.message)}</p>}
      {report.state === 'ready' && (
        <>
          <dl class="dash-counts" data-testid="store-counts">
            <div>
              <dt>{t('dash_count_ads')}</dt>
              <dd data-count="ads">{number(report.data.counts.ads)}</dd>
            </div>
            <div>
              <dt>{t('dash_col_impressions')}</dt>
              <dd data-count="impressions">{number(report.data.counts.impressions)}</dd>
            </div>
            <div>
              <dt>{t('dash_count_failing')}</dt>
              <dd data-count="failing">{number(report.data.counts.failing)}</dd>
            </div>
            <div>
              <dt>{t('dash_count_warnings')}</dt>
              <dd data-count="warnings">{number(report.data.counts.warnings)}</dd>
            </div>
          </dl>
          <ImpressionsChart days={report.data.days} id={`${id}-chart`} />
          <div class="dash-toolbar" role="group" aria-label={t('dash_tools', host)}>
            <button type="button" onClick={() => void exportAs('csv')}>
              {t('dash_export_csv')}
            </button>
            <button type="button" onClick={() => void exportAs('json')}>
              {t('dash_export_json')}
            </button>
            <button type="button" onClick={() => void capture(null)}>
              {t('dash_capture_latest')}
            </button>
            <button type="button" onClick={reload}>
              {t('dash_refresh')}
            </button>
          </div>
          <p class="dash-status" aria-live="polite" data-testid="store-status">
            {status}
          </p>
          <AdsTable ads={report.data.ads} host={host} onCapture={(itemId) => void capture(itemId)} />
        </>
      )}
    </section>
  );
}
