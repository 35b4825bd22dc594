import { render } from 'preact';
import { Dashboard } from '@/components/Dashboard';
import { applyDocumentLocale } from '@/components/i18n';
import '@/components/base.css';
import '@/components/dashboard/dashboard.css';

applyDocumentLocale(document);
render(<Dashboard />, document.getElementById('root')!);
