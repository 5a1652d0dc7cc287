import { mount } from 'svelte';
import App from './App.svelte';
import { keepPristinePage, savedView } from './lib/export/offline';
import { detectLocale, setLocale } from './lib/i18n/i18n.svelte';
import { registerServiceWorker } from './lib/state/app-status.svelte';
// The app's own typeface (Atkinson Hyperlegible, made for low-vision readers): the same letters
// on every machine and projector, and the same text measurements in every test browser.
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/400-italic.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import './styles/tokens.css';
import './styles/base.css';

// A packed copy keeps itself as it arrived: "Download for offline use" passes it on.
if (import.meta.env.MODE === 'pack') {
  keepPristinePage();
  // Saved at a view (filters, an open message): opened by double-click, it opens there.
  const view = savedView();
  if (view) history.replaceState(null, '', `${location.pathname}${view}`);
}
// The interface's language is ready before the first frame: never a flash of English. (A
// promise, not a top-level await: an entry that awaits cannot share its modules with the
// chunks loaded on demand, and the build would split it into many small files.)
void setLocale(detectLocale(), { pseudo: new URLSearchParams(location.search).has('pseudo') }).then(() => {
  mount(App, { target: document.getElementById('app')! });
  registerServiceWorker();
});
