/**
 * The popup's entry: asks the worker for the first saved items, then loads the UI. The ask
 * leaves before the UI's scripts are fetched and parsed, so the two overlap (first-page.ts).
 */
import { askFirstSavedPage, warmIntlData } from '@/components/popup/first-page';
import '@/components/base.css';
import '@/components/popup/popup.css';

const early = askFirstSavedPage();
performance.mark('scrollcart:first-page-asked');
// User Timing marks for the benchmark's breakdown of the first paint (docs/performance.md): free when nobody reads them.
void early.reply.then(() => performance.mark('scrollcart:first-page-answered'), () => undefined);
import('./app').then(
  ({ startPopup }) => (performance.mark('scrollcart:popup-ui-loaded'), startPopup(early)),
  // Only if the extension changed under the open popup: shown, not swallowed.
  (error: unknown) => void (document.getElementById('root')!.textContent = String(error)),
);
// After the UI's import has left (a task later): ICU's data loads while the page's code is fetched.
setTimeout(warmIntlData);
