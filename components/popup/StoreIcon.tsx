/**
 * The store's favicon if the browser already has it cached (utils/popup/store-icon.ts), else
 * a monogram. Decorative: the heading next to it names the store.
 */
import { useContext, useEffect, useState } from 'preact/hooks';
import { storeMonogram } from '@/utils/popup/store-icon';
import { EnvContext } from './env';

export function StoreIcon({ host, label }: { host: string; label: string }) {
  const env = useContext(EnvContext);
  const [icon, setIcon] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setIcon(null);
    void env?.cachedFavicon?.(host).then(
      (url) => live && setIcon(url),
      () => live && setIcon(null),
    );
    return () => void (live = false);
  }, [env, host]);
  if (icon) return <img class="pc-store-icon" src={icon} alt="" width={20} height={20} onError={() => setIcon(null)} />;
  return (
    <span class="pc-store-icon pc-monogram" aria-hidden="true">
      {storeMonogram(label)}
    </span>
  );
}
