import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/Popup';
import { applyDocumentLocale } from '@/components/i18n';
import '@/components/base.css';

applyDocumentLocale(document);
render(<Popup dashboardUrl={browser.runtime.getURL('/dashboard.html')} />, document.getElementById('root')!);
