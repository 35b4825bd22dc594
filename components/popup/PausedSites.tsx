/**
 * Per-site pause of ScrollCart's product cards: one checkbox per site the content script runs
 * on (the feed, the tab open now if it is one, and any site already paused). The content
 * script watches the setting and removes or redraws its cards at once.
 */
import { useEffect, useState } from 'preact/hooks';
import { pauseChoices, isSitePaused, withSitePaused } from '@/utils/site-pause';
import { t } from '../i18n';

export interface PausedSitesProps {
  pausedSites: readonly string[];
  /** The host of the tab the popup was opened over, if the browser tells. */
  activeTabHost?: () => Promise<string | null>;
  onChange(pausedSites: string[]): void;
}

export function PausedSites({ pausedSites, activeTabHost, onChange }: PausedSitesProps) {
  const [activeHost, setActiveHost] = useState<string | null>(null);
  useEffect(() => void activeTabHost?.().then(setActiveHost, () => setActiveHost(null)), [activeTabHost]);
  return (
    <fieldset>
      <legend>{t('popup_settingsPauseLegend')}</legend>
      <p class="pc-meta" id="pc-pause-hint">
        {t('popup_settingsPauseHint')}
      </p>
      {pauseChoices(pausedSites, activeHost).map((site) => (
        <label key={site} class="pc-check">
          <input
            type="checkbox"
            aria-describedby="pc-pause-hint"
            data-site={site}
            checked={isSitePaused(pausedSites, site)}
            onChange={(e) => onChange(withSitePaused(pausedSites, site, (e.currentTarget as HTMLInputElement).checked))}
          />
          {/* Host names read left to right inside Arabic text. */}
          <span>{t('popup_settingsPauseSite', `\u2068${site}\u2069`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
