/** An ad's latest snapshot (loaded from the background as a data URL), and a button to take one. */
import { useEffect, useState } from 'preact/hooks';
import type { SnapshotMeta } from '@/utils/protocol/dashboard';
import { plural, t } from '../i18n';
import { send } from './send';
import { when } from './words';

interface Props {
  snapshots: SnapshotMeta[];
  caption: string;
  onCapture: () => void;
}

export function SnapshotCell({ snapshots, caption, onCapture }: Props) {
  const latest = snapshots.at(-1);
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    setSrc(null);
    if (latest) void send('dashboard/snapshot-image', { id: latest.id }).then((reply) => setSrc(reply.ok ? reply.data.dataUrl : null));
  }, [latest?.id]);
  return (
    <div class="dash-snapshot">
      {latest ? (
        <a href={src ?? undefined} target="_blank" rel="noreferrer" aria-label={t('dash_snapshot_open', when(latest.takenAt))}>
          {src ? <img src={src} alt={t('dash_snapshot_alt', [caption.slice(0, 80), when(latest.takenAt)])} data-testid="snapshot-img" /> : <span>{t('loading')}</span>}
        </a>
      ) : (
        <span class="dash-muted">{t('dash_snapshot_none')}</span>
      )}
      {snapshots.length > 1 && <span class="dash-muted">{plural('dash_snapshot_count', snapshots.length)}</span>}
      <button type="button" onClick={onCapture}>
        {t('dash_capture')}
      </button>
    </div>
  );
}
