/** "Delete everything", with a second, explicit confirmation: it can't be undone. */
import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { useEnv } from './env';

export function DeleteEverything({ onDeleted }: { onDeleted: () => void }) {
  const env = useEnv();
  const [step, setStep] = useState<'idle' | 'confirm' | 'busy'>('idle');
  const [status, setStatus] = useState('');
  const run = async () => {
    setStep('busy');
    const reply = await env.call('data/delete-all', { confirm: true });
    setStep('idle');
    setStatus(reply.ok ? t('popup_deleted') : t('popup_deleteFailed', reply.error.message));
    if (reply.ok) onDeleted();
  };
  return (
    <fieldset>
      <legend>{t('popup_settingsDeleteAll')}</legend>
      {step === 'idle' ? (
        <button type="button" onClick={() => setStep('confirm')}>
          {t('popup_settingsDeleteAll')}
        </button>
      ) : (
        <div role="group" aria-label={t('popup_settingsDeleteAll')}>
          <p>{t('popup_settingsDeleteConfirm')}</p>
          <div class="pc-row">
            <button type="button" class="pc-danger" disabled={step === 'busy'} onClick={() => void run()}>
              {t('popup_settingsDeleteYes')}
            </button>
            <button type="button" disabled={step === 'busy'} onClick={() => setStep('idle')}>
              {t('popup_cancel')}
            </button>
          </div>
        </div>
      )}
      <p class="pc-status" role="status">
        {status}
      </p>
    </fieldset>
  );
}
