/**
 * A tab's panel whose code is loaded when it is first shown (a dynamic import: Vite puts it
 * in its own chunk). The popup opens on the Saved tab; History and Settings would otherwise
 * be parsed and run before the saved items can be asked for and drawn (docs/performance.md).
 * `preload` fetches the chunk early (after the first paint), so a click rarely waits for it.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';

export interface LazyPanel {
  (): preact.JSX.Element;
  preload(): Promise<unknown>;
}

export function lazyPanel(load: () => Promise<ComponentType>): LazyPanel {
  let loaded: ComponentType | null = null;
  let pending: Promise<ComponentType> | null = null;
  const preload = () =>
    (pending ??= load().then(
      (panel) => (loaded = panel),
      // Not cached: a later attempt (the next time the tab is shown) may load it.
      (error: unknown) => {
        pending = null;
        throw error;
      },
    ));

  function Panel() {
    const [state, setState] = useState<{ panel: ComponentType | null; error: string | null }>({ panel: loaded, error: null });
    useEffect(() => {
      if (state.panel) return;
      let live = true;
      preload().then(
        (panel) => live && setState({ panel, error: null }),
        (error: unknown) => live && setState({ panel: null, error: String(error) }),
      );
      return () => void (live = false);
    }, [state.panel]);
    if (state.panel) return <state.panel />;
    // A chunk of the extension itself fails to load only if the extension changed under the open popup: say so.
    if (state.error) return <p role="alert">{state.error}</p>;
    return <p aria-busy="true">{t('loading')}</p>;
  }
  return Object.assign(Panel, { preload });
}
