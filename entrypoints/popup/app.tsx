/** The popup's UI, loaded by main.ts once the first saved page is asked for. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/Popup';
import { applyDocumentLocale } from '@/components/i18n';
import { browserEnv } from '@/components/popup/env';
import type { EarlyMessage } from '@/components/popup/first-page';

export function startPopup(early: EarlyMessage): void {
  applyDocumentLocale(document);
  render(<Popup dashboardUrl={browser.runtime.getURL('/dashboard.html')} env={browserEnv(document, early)} />, document.getElementById('root')!);
}
