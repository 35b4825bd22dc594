/** What ScrollCart's feed reader counted, and the ads people said it missed: the first place to look when TikTok changes. */
import { t } from '../i18n';
import { CounterTable } from './CounterTable';
import { MissedAdList } from './MissedAdList';
import { useMessage } from './send';

export function DiagnosticsSection() {
  const [diagnostics, reload] = useMessage('diagnostics/get', {}, 'diagnostics');
  return (
    <section class="dash-diagnostics" aria-labelledby="dash-diag-title" data-testid="diagnostics">
      <h2 id="dash-diag-title">{t('dash_diag_title')}</h2>
      <p>{t('dash_diag_intro')}</p>
      <div class="dash-toolbar">
        <button type="button" onClick={reload}>
          {t('dash_diag_refresh')}
        </button>
      </div>
      {diagnostics.state === 'loading' && <p aria-live="polite">{t('loading')}</p>}
      {diagnostics.state === 'error' && <p role="alert">{t('backgroundUnavailable', diagnostics.message)}</p>}
      {diagnostics.state === 'ready' && (
        <>
          <CounterTable counters={diagnostics.data.counters} />
          <h3>{t('dash_diag_missed_title')}</h3>
          <MissedAdList missed={diagnostics.data.missed} />
        </>
      )}
    </section>
  );
}
