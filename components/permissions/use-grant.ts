/**
 * One permission request and what follows it: the browser's prompt, then the lookups of the
 * ads that waited for it. `request` must start inside the click handler itself: browsers
 * grant `permissions.request` only during a user gesture (Firefox: in the same turn), so
 * nothing is awaited before it.
 */
import { useState } from 'preact/hooks';

export type GrantState =
  | { step: 'idle' }
  | { step: 'asking' }
  | { step: 'looking' }
  | { step: 'done'; found: number; looked: number }
  | { step: 'denied' }
  | { step: 'failed'; reason: string };

export interface PermissionApi {
  contains(origins: string[]): Promise<boolean>;
  request(origins: string[]): Promise<boolean>;
  /** Asks the background to look up the products of the ads linking to these hosts. */
  resolveHosts(hosts: string[]): Promise<{ found: number; looked: number }>;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useGrant(api: PermissionApi): { state: GrantState; ask(origins: string[], hosts: string[]): void; lookUp(hosts: string[]): void } {
  const [state, setState] = useState<GrantState>({ step: 'idle' });

  const lookUp = (hosts: string[]) => {
    setState({ step: 'looking' });
    api.resolveHosts(hosts).then(
      (result) => setState({ step: 'done', ...result }),
      (error: unknown) => setState({ step: 'failed', reason: reasonOf(error) }),
    );
  };

  const ask = (origins: string[], hosts: string[]) => {
    let pending: Promise<boolean>;
    try {
      pending = api.request(origins);
    } catch (error) {
      setState({ step: 'failed', reason: reasonOf(error) });
      return;
    }
    setState({ step: 'asking' });
    pending.then(
      (granted) => (granted ? lookUp(hosts) : setState({ step: 'denied' })),
      (error: unknown) => setState({ step: 'failed', reason: reasonOf(error) }),
    );
  };

  return { state, ask, lookUp };
}
