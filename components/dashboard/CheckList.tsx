/** One ad's landing checks: verdict (sign and word, never colour alone), the check, the reason, and the evidence on demand. */
import type { CheckResult } from '@/utils/protocol/dashboard';
import { CHECK_TITLES } from '@/utils/audit/titles';
import { t } from '../i18n';
import { label, say, VERDICT_SIGN, verdictText } from './words';

export function CheckList({ checks }: { checks: CheckResult[] }) {
  return (
    <ul class="dash-checks">
      {checks.map((check) => (
        <li key={check.id} data-check-id={check.id} data-verdict={check.verdict} class={`dash-check dash-${check.verdict}`}>
          <span class="dash-verdict">
            <span aria-hidden="true">{VERDICT_SIGN[check.verdict]}</span> {verdictText(check.verdict)}
          </span>{' '}
          <strong>{label(CHECK_TITLES[check.id] ?? check.id)}</strong>: <span class="dash-reason">{say(check.reason)}</span>
          {check.evidence.length > 0 && (
            <details>
              <summary>{t('dash_evidence')}</summary>
              <dl>
                {check.evidence.map((item, i) => (
                  <div key={i}>
                    <dt>{label(item.label)}</dt>
                    <dd dir="auto">{item.value}</dd>
                  </div>
                ))}
              </dl>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
