/** What became of a permission request, in words, announced to screen readers as it changes. */
import { t } from '../i18n';
import type { GrantState } from './use-grant';

export function GrantOutcome({ state, host }: { state: GrantState; host: string | null }) {
  const text = (() => {
    switch (state.step) {
      case 'idle':
        return null;
      case 'asking':
        return t('data_permAsking');
      case 'looking':
        return t('data_permLooking');
      case 'done':
        return t('data_permAllowed', [String(state.found), String(state.looked)]);
      case 'denied':
        return host ? t('data_permDenied', host) : t('data_permDeniedAll');
      case 'failed':
        return t('data_permError', state.reason);
    }
  })();
  return (
    <p data-testid="perm-outcome" data-step={state.step} role={state.step === 'failed' ? 'alert' : 'status'} aria-live="polite">
      {text}
      {state.step === 'done' && <> {t('data_permRevokeHint')}</>}
    </p>
  );
}
