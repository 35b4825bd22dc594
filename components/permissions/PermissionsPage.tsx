/**
 * The page that asks for a store's host permission (issue 4 §6, DESIGN.md § Permissions).
 * Content scripts can't ask, so the card's "Allow lookups on …" opens this page with
 * `?host=`; without a host it lists every store seen in ads that still waits. One line says
 * why; the shopper chooses one store or every shop linked from ads. Buttons are native, so
 * the page works from the keyboard; text comes from the i18n catalogue only.
 */
import { useEffect, useState } from 'preact/hooks';
import { originsToRequest } from '@/utils/data/origins';
import { t } from '../i18n';
import { GrantOutcome } from './GrantOutcome';
import { useGrant, type PermissionApi } from './use-grant';

export interface AwaitingHost {
  host: string;
  ads: number;
}

export interface PermissionsPageProps {
  /** The `host` query parameter, as given (validated here). */
  host: string | null;
  api: PermissionApi & { awaiting(): Promise<AwaitingHost[]> };
}

function OneStore({ host, api }: { host: string; api: PermissionsPageProps['api'] }) {
  const { state, ask, lookUp } = useGrant(api);
  const [already, setAlready] = useState<boolean | null>(null);
  const storeOrigins = originsToRequest(host, 'store');
  const everyOrigins = originsToRequest(host, 'every-shop');

  useEffect(() => {
    if (!storeOrigins) return;
    void api.contains(storeOrigins).then(
      (granted) => {
        setAlready(granted);
        // Allowed elsewhere meanwhile (the browser's menu): the ads that waited are looked up now.
        if (granted) lookUp([host]);
      },
      () => setAlready(false),
    );
  }, [host]);

  if (!storeOrigins || !everyOrigins) {
    return (
      <p role="alert" data-testid="perm-bad-host">
        {t('data_permBadHost', host)}
      </p>
    );
  }
  const myshopify = host.endsWith('.myshopify.com');
  return (
    <>
      <h1>{t('data_permHeading', host)}</h1>
      <p data-testid="perm-why">{t('data_permWhy', host)}</p>
      {already === false && state.step !== 'done' && (
        <div class="perm-actions">
          <button type="button" data-testid="perm-allow-store" disabled={state.step === 'asking'} onClick={() => ask(storeOrigins, [host])}>
            {t(myshopify ? 'data_permAllowMyshopify' : 'data_permAllowStore')}
          </button>
          <button type="button" data-testid="perm-allow-every" disabled={state.step === 'asking'} onClick={() => ask(everyOrigins, [host])}>
            {t('data_permAllowEvery')}
          </button>
        </div>
      )}
      {already === true && <p data-testid="perm-already">{t('data_permAlready')}</p>}
      <GrantOutcome state={state} host={host} />
    </>
  );
}

function EveryWaitingStore({ api }: { api: PermissionsPageProps['api'] }) {
  const { state, ask } = useGrant(api);
  const [awaiting, setAwaiting] = useState<AwaitingHost[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.awaiting().then(setAwaiting, (e: unknown) => setError(String(e)));
  }, []);
  const hosts = (awaiting ?? []).map((a) => a.host);
  const every = hosts[0] ? originsToRequest(hosts[0], 'every-shop') : null;
  return (
    <>
      <h1>{t('data_permListHeading')}</h1>
      <p>{t('data_permListWhy')}</p>
      {error && <p role="alert">{t('data_permError', error)}</p>}
      {awaiting?.length === 0 && <p data-testid="perm-none">{t('data_permNoneWaiting')}</p>}
      {awaiting && awaiting.length > 0 && state.step !== 'done' && (
        <>
          <ul data-testid="perm-list">
            {awaiting.map((a) => {
              const origins = originsToRequest(a.host, 'store');
              return (
                <li key={a.host}>
                  {origins && (
                    <button type="button" disabled={state.step === 'asking'} onClick={() => ask(origins, [a.host])}>
                      {t('cardAllowLookups', a.host)}
                    </button>
                  )}{' '}
                  <span>{t('data_permAdsSeen', String(a.ads))}</span>
                </li>
              );
            })}
          </ul>
          {every && (
            <button type="button" disabled={state.step === 'asking'} onClick={() => ask(every, hosts)}>
              {t('data_permAllowEvery')}
            </button>
          )}
        </>
      )}
      <GrantOutcome state={state} host={null} />
    </>
  );
}

export function PermissionsPage({ host, api }: PermissionsPageProps) {
  return <main class="permissions">{host === null ? <EveryWaitingStore api={api} /> : <OneStore host={host} api={api} />}</main>;
}
