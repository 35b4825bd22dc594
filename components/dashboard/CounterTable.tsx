/** The diagnostics counters: a summary, then every counter with its group in words and its exact name for a bug report. */
import type { Counters } from '@/utils/diagnostics';
import { counterRows, summariseCounters, type CounterGroup } from '@/utils/diagnostics-view';
import { t, type MessageKey } from '../i18n';
import { number } from './words';

const groupName = (group: CounterGroup) => t(`dash_diag_group_${group}` as MessageKey);

export function CounterTable({ counters }: { counters: Counters }) {
  const rows = counterRows(counters);
  if (rows.length === 0) return <p data-testid="diag-counters-empty">{t('dash_diag_counters_empty')}</p>;
  const summary = summariseCounters(counters);
  const facts: [MessageKey, number, string][] = [
    ['dash_diag_group_ads', summary.ads, 'ads'],
    ['dash_diag_dom_ads', summary.domAds, 'dom-ads'],
    ['dash_diag_group_skipped', summary.skipped, 'skipped'],
    ['dash_diag_group_responses', summary.responses, 'responses'],
  ];
  return (
    <>
      <dl class="dash-counts" data-testid="diag-summary">
        {facts.map(([key, value, name]) => (
          <div key={name}>
            <dt>{t(key)}</dt>
            <dd data-diag-count={name}>{number(value)}</dd>
          </div>
        ))}
      </dl>
      <div class="dash-table-wrap">
        <table data-testid="diag-counters">
          <caption>{t('dash_diag_counters_title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dash_diag_col_what')}</th>
              <th scope="col">{t('dash_diag_col_detail')}</th>
              <th scope="col">{t('dash_diag_col_count')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-counter={row.key}>
                <td>{groupName(row.group)}</td>
                <td dir="ltr">{row.detail && <code>{row.detail}</code>}</td>
                <td data-field="count">{number(row.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
