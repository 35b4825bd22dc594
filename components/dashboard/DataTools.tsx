/** Everything ScrollCart holds, as one JSON file to read or keep; and bringing such a file back (merged, never duplicated). */
import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { downloadText } from './download';
import { send } from './send';

export function DataTools({ onImported }: { onImported: () => void }) {
  const [withSnapshots, setWithSnapshots] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  const exportAll = async () => {
    const reply = await send('dashboard/export-all', { snapshots: withSnapshots });
    if (!reply.ok) return setStatus(t('dash_export_failed', reply.error.message));
    downloadText(reply.data.filename, reply.data.mime, reply.data.text);
    setStatus(t('dash_export_done', reply.data.filename));
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setStatus(t('loading'));
    const reply = await send('dashboard/import', { text: await file.text() });
    if (!reply.ok) return setStatus(t('dash_import_failed', reply.error.message));
    if (!reply.data.ok) return setStatus(t('dash_import_invalid', reply.data.problem));
    const added = Object.values(reply.data.added).reduce((a, b) => a + b, 0);
    const updated = Object.values(reply.data.updated).reduce((a, b) => a + b, 0);
    setStatus(t('dash_import_done', [String(added), String(updated)]));
    onImported();
  };

  return (
    <section class="dash-data" aria-labelledby="dash-data-title">
      <h2 id="dash-data-title">{t('dash_data_title')}</h2>
      <p>{t('dash_data_intro')}</p>
      <p>
        <label>
          <input type="checkbox" checked={withSnapshots} onChange={(e) => setWithSnapshots(e.currentTarget.checked)} /> {t('dash_export_with_snapshots')}
        </label>{' '}
        <button type="button" onClick={() => void exportAll()}>
          {t('dash_export_all')}
        </button>
      </p>
      <p>
        <label for="dash-import">{t('dash_import_label')}</label>{' '}
        <input id="dash-import" type="file" accept="application/json,.json" onChange={(e) => void importFile(e.currentTarget.files?.[0])} />
      </p>
      <p aria-live="polite" data-testid="data-status">
        {status}
      </p>
    </section>
  );
}
