import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendTyped, type ResponseOf } from '@/utils/messages';

export type Overview = ResponseOf<'overview/get'>;
export type OverviewState = { state: 'loading' } | { state: 'ready'; overview: Overview } | { state: 'error'; message: string };

/** Loads the overview from the background once; the error is kept in words for the UI. */
export function useOverview(): OverviewState {
  const [state, setState] = useState<OverviewState>({ state: 'loading' });
  useEffect(() => {
    void sendTyped((m) => browser.runtime.sendMessage(m), 'overview/get', {}).then(
      (reply) => setState(reply.ok ? { state: 'ready', overview: reply.data } : { state: 'error', message: reply.error.message }),
      (error: unknown) => setState({ state: 'error', message: String(error) }),
    );
  }, []);
  return state;
}
