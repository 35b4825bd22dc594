/** Cards reported with "ScrollCart missed this ad": where and when, their hooks and short texts, and the whole shape on demand. */
import type { MissedAd } from '@/utils/diagnostics';
import { plural, t } from '../i18n';
import { number, pageName, when } from './words';

type Report = MissedAd & { at: number };

function Chips({ values, testId }: { values: string[]; testId: string }) {
  if (values.length === 0) return <span class="dash-muted">{t('dash_diag_none')}</span>;
  return (
    <ul class="dash-chips" data-testid={testId}>
      {values.map((value) => (
        <li key={value} dir="auto">
          <code>{value}</code>
        </li>
      ))}
    </ul>
  );
}

export function MissedAdList({ missed }: { missed: Report[] }) {
  if (missed.length === 0) return <p data-testid="diag-missed-empty">{t('dash_diag_missed_empty')}</p>;
  return (
    <ol class="dash-missed" data-testid="diag-missed">
      {missed.map((report, i) => (
        <li key={`${report.at}-${i}`} data-missed-page={report.page}>
          <p>
            <strong>{t('dash_diag_missed_item', [when(report.at), pageName(report.page)])}</strong>{' '}
            <span class="dash-muted">
              {plural('dash_diag_missed_nodes', report.shape.nodes, number(report.shape.nodes))}
              {report.shape.truncated && ` ${t('dash_diag_missed_truncated')}`}
            </span>
          </p>
          <dl class="dash-facts">
            <dt>{t('dash_diag_missed_hooks')}</dt>
            <dd>
              <Chips values={report.shape.hooks} testId="diag-missed-hooks" />
            </dd>
            <dt>{t('dash_diag_missed_texts')}</dt>
            <dd>
              <Chips values={report.shape.texts} testId="diag-missed-texts" />
            </dd>
          </dl>
          <details>
            <summary>{t('dash_diag_missed_shape')}</summary>
            <pre class="dash-shape" dir="ltr" tabIndex={0}>
              {JSON.stringify(report.shape.root, null, 2)}
            </pre>
          </details>
        </li>
      ))}
    </ol>
  );
}
