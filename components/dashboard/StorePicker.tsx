/** "My stores": the hosts the merchant audits, remembered in settings; picked from hosts seen in ads or typed. */
import { useState } from 'preact/hooks';
import { plural, t } from '../i18n';
import { send } from './send';
import { number } from './words';

interface Props {
  myStores: string[];
  seen: { host: string; ads: number }[];
  onChange: () => void;
}

const SUGGESTIONS = 8;

export function StorePicker({ myStores, seen, onChange }: Props) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const save = async (stores: string[]) => {
    const reply = await send('dashboard/set-stores', { stores });
    if (!reply.ok) setProblem(t('dash_stores_failed', reply.error.message));
    else setProblem(reply.data.rejected.length > 0 ? t('dash_stores_rejected', reply.data.rejected.join(', ')) : null);
    onChange();
  };
  const suggestions = seen.filter((s) => !myStores.includes(s.host)).slice(0, SUGGESTIONS);
  return (
    <section class="dash-stores" aria-labelledby="dash-stores-title">
      <h2 id="dash-stores-title">{t('dash_stores_title')}</h2>
      {myStores.length === 0 ? (
        <p>{t('dash_stores_none')}</p>
      ) : (
        <ul class="dash-chips" data-testid="my-stores">
          {myStores.map((host) => (
            <li key={host}>
              <span dir="ltr">{host}</span>{' '}
              <button type="button" onClick={() => void save(myStores.filter((h) => h !== host))} aria-label={t('dash_store_remove', host)}>
                {t('dash_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {suggestions.length > 0 && (
        <>
          <h3>{t('dash_stores_seen')}</h3>
          <ul class="dash-chips" data-testid="seen-hosts">
            {suggestions.map((s) => (
              <li key={s.host}>
                {/* The whole action is visible text, so the accessible name matches what a voice user reads (axe label-content-name-mismatch). */}
                <button type="button" onClick={() => void save([...myStores, s.host])}>
                  <span aria-hidden="true">+ </span>
                  {t('dash_store_add_named', s.host)} · {plural('dash_ads_count', s.ads, number(s.ads))}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (draft.trim()) void save([...myStores, draft.trim()]).then(() => setDraft(''));
        }}
      >
        <label for="dash-store-input">{t('dash_store_input')}</label>{' '}
        <input id="dash-store-input" dir="ltr" value={draft} onInput={(e) => setDraft(e.currentTarget.value)} placeholder="shop.example.com" autocomplete="off" />{' '}
        <button type="submit">{t('dash_add')}</button>
      </form>
      {problem && <p role="alert">{problem}</p>}
    </section>
  );
}
