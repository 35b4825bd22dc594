import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/Popup';
import { applyDocumentLocale } from '@/components/i18n';
import { browserEnv } from '@/components/popup/env';
import '@/components/base.css';
import '@/components/popup/popup.css';

applyDocumentLocale(document);
render(<Popup dashboardUrl={browser.runtime.getURL('/dashboard.html')} env={browserEnv(document)} />, document.getElementById('root')!);
