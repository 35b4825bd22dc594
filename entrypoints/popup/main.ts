/**
 * The popup's entry: asks the worker for the first saved items, then loads the UI. The ask
 * leaves before the UI's scripts are fetched and parsed, so the two overlap (first-page.ts).
 */
import { askFirstSavedPage } from '@/components/popup/first-page';
import '@/components/base.css';
import '@/components/popup/popup.css';

const early = askFirstSavedPage();
import('./app').then(
  ({ startPopup }) => startPopup(early),
  // Only if the extension changed under the open popup: shown, not swallowed.
  (error: unknown) => void (document.getElementById('root')!.textContent = String(error)),
);
