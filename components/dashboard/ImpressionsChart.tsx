/**
 * Impressions per day as plain SVG bars (no chart library: one small chart). The numbers are
 * also in a table behind a disclosure, for screen readers and for anyone who'd rather read.
 */
import { t } from '../i18n';
import { number } from './words';

interface Props {
  days: { day: string; impressions: number }[];
  id: string;
}

const WIDTH = 600;
const HEIGHT = 120;
const AXIS = 16;
/** Bars keep a day's width of a two-week chart, so a new store's first days don't draw one huge block. */
const MIN_SLOTS = 14;

export function ImpressionsChart({ days, id }: Props) {
  if (days.length === 0) return <p>{t('dash_chart_empty')}</p>;
  const peak = Math.max(1, ...days.map((d) => d.impressions));
  const total = days.reduce((sum, d) => sum + d.impressions, 0);
  const slot = WIDTH / Math.max(days.length, MIN_SLOTS);
  const summary = t('dash_chart_summary', [number(total), days[0]!.day, days.at(-1)!.day, number(peak)]);
  return (
    <figure class="dash-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`} role="img" aria-labelledby={`${id}-title`} data-testid="impressions-chart">
        <title id={`${id}-title`}>{summary}</title>
        {days.map((d, i) => {
          const h = (d.impressions / peak) * HEIGHT;
          return (
            <rect key={d.day} x={i * slot + slot * 0.1} y={HEIGHT - h} width={slot * 0.8} height={h} class="dash-bar" data-day={d.day} data-impressions={d.impressions}>
              <title>{t('dash_chart_bar', [d.day, number(d.impressions)])}</title>
            </rect>
          );
        })}
        <line x1="0" x2={WIDTH} y1={HEIGHT} y2={HEIGHT} class="dash-axis" />
        <text x="0" y={HEIGHT + AXIS - 3} class="dash-tick">{days[0]!.day}</text>
        {days.length > 1 && (
          <text x={slot * days.length} y={HEIGHT + AXIS - 3} text-anchor="end" class="dash-tick">
            {days.at(-1)!.day}
          </text>
        )}
      </svg>
      <figcaption>{summary}</figcaption>
      <details>
        <summary>{t('dash_chart_table')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('dash_col_day')}</th>
              <th scope="col">{t('dash_col_impressions')}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <td>{d.day}</td>
                <td>{number(d.impressions)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
