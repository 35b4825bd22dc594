/**
 * The Settings tab. Settings live in storage.local (utils/settings.ts); each change is saved
 * as it is made and validated there, so a bad value never sticks.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/utils/settings';
import { t } from '../i18n';
import { DeleteEverything } from './DeleteEverything';
import { useEnv } from './env';
import { PausedSites } from './PausedSites';

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (value: boolean) => void }) {
  return (
    <label class="pc-check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />
      <span>{label}</span>
    </label>
  );
}

/** A whole number within [min, max]; anything else is put back and explained. */
function WholeNumber(props: { label: string; value: number; min: number; max: number; disabled?: boolean; onChange: (value: number) => void; children?: ComponentChildren }) {
  const [invalid, setInvalid] = useState(false);
  return (
    <label class="pc-field">
      <span>{props.label}</span>
      <input
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        step={1}
        value={props.value}
        disabled={props.disabled}
        aria-invalid={invalid}
        onChange={(e) => {
          const input = e.currentTarget as HTMLInputElement;
          const value = Number(input.value);
          const ok = Number.isInteger(value) && value >= props.min && value <= props.max;
          setInvalid(!ok);
          if (ok) props.onChange(value);
          else input.value = String(props.value);
        }}
      />
      {invalid && <span class="pc-warn">{t('popup_settingsInvalid', [String(props.min), String(props.max)])}</span>}
    </label>
  );
}

export function SettingsTab() {
  const env = useEnv();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');
  const reload = () => void env.readSettings().then(setSettings);
  useEffect(reload, [env]);
  if (!settings) return <p aria-busy="true">{t('loading')}</p>;
  const save = (change: Partial<Settings>, then?: () => void) =>
    void env.updateSettings(change).then((next) => {
      setSettings(next);
      setStatus(t('popup_settingsSaved'));
      then?.();
    });
  return (
    <form class="pc-settings" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>{t('popup_settingsPriceWatch')}</legend>
        <Check label={t('popup_settingsPriceDrops')} checked={settings.priceDropNotifications} onChange={(v) => save({ priceDropNotifications: v })} />
        <WholeNumber
          label={t('popup_settingsThreshold')}
          value={settings.priceDropThresholdPercent}
          min={1}
          max={90}
          disabled={!settings.priceDropNotifications}
          onChange={(v) => save({ priceDropThresholdPercent: v })}
        />
      </fieldset>
      <fieldset>
        <legend>{t('popup_settingsLanding')}</legend>
        {(['checkout', 'cart'] as const).map((landing) => (
          <label key={landing} class="pc-check">
            <input type="radio" name="checkoutLanding" value={landing} checked={settings.checkoutLanding === landing} onChange={() => save({ checkoutLanding: landing })} />
            <span>{t(landing === 'checkout' ? 'popup_settingsLandingCheckout' : 'popup_settingsLandingCart')}</span>
          </label>
        ))}
        <Check label={t('popup_settingsUtm')} checked={settings.forwardUtm} onChange={(v) => save({ forwardUtm: v })} />
      </fieldset>
      <fieldset>
        <legend>{t('popup_settingsPrivacy')}</legend>
        <WholeNumber
          label={t('popup_settingsRetention')}
          value={settings.historyRetentionDays}
          min={1}
          max={3650}
          // A shorter retention applies now, not at the next daily pass.
          onChange={(v) => save({ historyRetentionDays: v }, () => void env.call('data/apply-retention', {}))}
        />
        <Check label={t('popup_settingsChips')} checked={settings.showNonShopChips} onChange={(v) => save({ showNonShopChips: v })} />
      </fieldset>
      <PausedSites pausedSites={settings.pausedSites} activeTabHost={env.activeTabHost} onChange={(pausedSites) => save({ pausedSites })} />
      <p class="pc-status" role="status">
        {status}
      </p>
      {/* Settings go back to their defaults too: read them again. */}
      <DeleteEverything onDeleted={reload} />
    </form>
  );
}
