/**
 * Tabs after the WAI-ARIA pattern: one tab stop for the tab list, arrow keys move between
 * tabs (mirrored in right-to-left layouts), Home/End jump to the ends, and the tab that
 * gets focus is shown at once (its panel renders fast). Only the active panel renders.
 */
import type { ComponentChild } from 'preact';
import { useRef, useState } from 'preact/hooks';

export interface TabDef {
  id: string;
  label: string;
  render: () => ComponentChild;
}

function nextIndex(key: string, index: number, count: number, rtl: boolean): number | null {
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
  const back = rtl ? 'ArrowRight' : 'ArrowLeft';
  if (key === forward) return (index + 1) % count;
  if (key === back) return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

export function Tabs({ tabs, label, initial }: { tabs: TabDef[]; label: string; initial?: string }) {
  const [active, setActive] = useState(initial ?? tabs[0]!.id);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const rtl = (event.currentTarget as HTMLElement).closest('[dir]')?.getAttribute('dir') === 'rtl';
    const next = nextIndex(event.key, index, tabs.length, rtl);
    if (next === null) return;
    event.preventDefault();
    setActive(tabs[next]!.id);
    buttons.current[next]?.focus();
  };
  return (
    <>
      <div role="tablist" aria-label={label} class="pc-tablist">
        {tabs.map((tab, index) => (
          <button
            key={tab.id}
            ref={(el) => void (buttons.current[index] = el)}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={active === tab.id}
            aria-controls={`panel-${tab.id}`}
            tabIndex={active === tab.id ? 0 : -1}
            onClick={() => setActive(tab.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div key={tab.id} role="tabpanel" id={`panel-${tab.id}`} aria-labelledby={`tab-${tab.id}`} hidden={active !== tab.id} tabIndex={0} class="pc-panel">
          {active === tab.id && tab.render()}
        </div>
      ))}
    </>
  );
}
