/**
 * The History tab: every click, newest first, grouped by day, searchable by store, product
 * or author. Pages come from the background by keyset paging (utils/popup/history-query.ts),
 * so the list opens as fast with 100,000 clicks as with 10; older pages load on request.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { exportFileName, historyToCsv, historyToJson } from '@/utils/popup/history-export';
import { groupByDay, relativeDay } from '@/utils/popup/history-view';
import type { Reply } from '@/utils/messages';
import type { HistoryCursor, HistoryPage, HistoryRow } from '@/utils/popup/schemas';
import { plural, t, type MessageKey } from '../i18n';
import { useEnv, type PopupEnv } from './env';
import { formatDay, formatTime } from './format';

export const HISTORY_PAGE = 50;
const EXPORT_PAGE = 1000;
const SEARCH_DELAY_MS = 200;

const KIND_KEY: Record<HistoryRow['kind'], MessageKey> = { cta: 'popup_kind_cta', 'overlay-open': 'popup_kind_overlay_open', save: 'popup_kind_save', checkout: 'popup_kind_checkout' };

interface ListState {
  rows: HistoryRow[];
  next: HistoryCursor | null;
  scannedTo: number | null;
  /** The last page came back short of a full page: a search that is still looking further back. */
  short: boolean;
  busy: boolean;
  error: string | null;
}

const START: ListState = { rows: [], next: null, scannedTo: null, short: false, busy: true, error: null };

/** Every matching row, page by page (the background never sends 100,000 rows in one message). */
export async function collectHistory(env: Pick<PopupEnv, 'call'>, query: string, onProgress?: (count: number) => void): Promise<HistoryRow[]> {
  const rows: HistoryRow[] = [];
  let cursor: HistoryCursor | null = null;
  do {
    const reply: Reply<HistoryPage> = await env.call('popup/history', { cursor, limit: EXPORT_PAGE, query });
    if (!reply.ok) throw new Error(reply.error.message);
    rows.push(...reply.data.rows);
    cursor = reply.data.next;
    onProgress?.(rows.length);
  } while (cursor);
  return rows;
}

function HistoryItem({ row, locale }: { row: HistoryRow; locale: string }) {
  const what = row.productTitle ?? row.storeName ?? row.host;
  return (
    <li class="pc-click">
      <time dateTime={new Date(row.time).toISOString()}>{formatTime(row.time, locale)}</time> <strong>{t(KIND_KEY[row.kind])}</strong>
      {what && <span> · {what}</span>}
      {row.productTitle && (row.storeName ?? row.host) && <span class="pc-meta"> · {row.storeName ?? row.host}</span>}
      {row.author &&
        (row.videoUrl ? (
          <>
            {' · '}
            <a href={row.videoUrl} target="_blank" rel="noopener noreferrer">
              {t('popup_adBy', row.author)}
            </a>
          </>
        ) : (
          <span> · {t('popup_adBy', row.author)}</span>
        ))}
    </li>
  );
}

export function HistoryTab() {
  const env = useEnv();
  const [input, setInput] = useState('');
  const [query, setQuery] = useState('');
  const [list, setList] = useState<ListState>(START);
  const [exporting, setExporting] = useState<{ busy: boolean; text: string } | null>(null);
  const generation = useRef(0);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(input.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [input]);

  const loadPage = async (cursor: HistoryCursor | null, previous: HistoryRow[]) => {
    const mine = ++generation.current;
    setList((l) => ({ ...l, busy: true, error: null }));
    const reply = await env.call('popup/history', { cursor, limit: HISTORY_PAGE, query });
    // A newer search started meanwhile: its answer wins.
    if (mine !== generation.current) return;
    if (!reply.ok) return setList((l) => ({ ...l, busy: false, error: reply.error.message }));
    const { rows, next, scannedTo } = reply.data;
    setList({ rows: [...previous, ...rows], next, scannedTo, short: rows.length < HISTORY_PAGE, busy: false, error: null });
  };
  useEffect(() => void loadPage(null, []), [query]);
  const ready = !list.busy;
  useEffect(() => void (ready && performance.mark('scrollcart:history-ready')), [ready]);

  const exportAs = async (kind: 'csv' | 'json') => {
    setExporting({ busy: true, text: plural('popup_exporting', 0) });
    try {
      const rows = await collectHistory(env, query, (n) => setExporting({ busy: true, text: plural('popup_exporting', n) }));
      const text = kind === 'csv' ? historyToCsv(rows) : historyToJson(rows, env.now());
      env.download(exportFileName(kind, env.now()), kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/json', text);
      setExporting({ busy: false, text: plural('popup_exported', rows.length) });
    } catch (error) {
      setExporting({ busy: false, text: t('popup_exportFailed', error instanceof Error ? error.message : String(error)) });
    }
  };

  const days = groupByDay(list.rows);
  const now = env.now();
  const dayLabel = (day: string, at: number) => {
    const rel = relativeDay(day, now);
    return rel ? t(rel === 'today' ? 'popup_today' : 'popup_yesterday') : formatDay(at, env.locale);
  };
  return (
    <>
      <div class="pc-toolbar">
        <label class="pc-field pc-search">
          <span>{t('popup_historySearch')}</span>
          <input type="search" value={input} onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <div class="pc-row">
          <button type="button" disabled={exporting?.busy} onClick={() => void exportAs('csv')}>
            {t('popup_exportCsv')}
          </button>
          <button type="button" disabled={exporting?.busy} onClick={() => void exportAs('json')}>
            {t('popup_exportJson')}
          </button>
        </div>
        <p class="pc-status" role="status">
          {exporting?.text}
        </p>
      </div>
      {list.error && (
        <p role="alert" class="pc-warn">
          {t('backgroundUnavailable', list.error)}
        </p>
      )}
      {!list.busy && list.rows.length === 0 && !list.next && <p class="pc-empty">{query ? t('popup_historyNoMatch', query) : t('popup_historyEmpty')}</p>}
      {days.map((day) => (
        <section key={day.day} class="pc-day" aria-label={dayLabel(day.day, day.at)}>
          <h2>{dayLabel(day.day, day.at)}</h2>
          <ul class="pc-clicks">
            {day.rows.map((row) => (
              <HistoryItem key={row.id} row={row} locale={env.locale} />
            ))}
          </ul>
        </section>
      ))}
      {list.busy && <p aria-busy="true">{t('loading')}</p>}
      {!list.busy && list.next && (
        <button type="button" class="pc-more" onClick={() => void loadPage(list.next, list.rows)}>
          {query && list.short && list.scannedTo !== null ? t('popup_historySearchOlder', formatDay(list.scannedTo, env.locale)) : t('popup_historyLoadOlder')}
        </button>
      )}
    </>
  );
}
