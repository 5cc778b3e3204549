// The router: #/ (playlist maker), #/tracks[/id], #/listeners[/id], #/experiments[/name], #/models, #/system.
import { forgetKey } from './api.js';
import * as playlist from './pages/playlist.js';
import * as tracks from './pages/tracks.js';
import * as listeners from './pages/listeners.js';
import * as experiments from './pages/experiments.js';
import * as models from './pages/models.js';
import * as system from './pages/system.js';

const PAGES = { '': playlist, tracks, listeners, experiments, models, system };
const TITLES = { '': 'Playlist maker', tracks: 'Track explorer', listeners: 'Listeners', experiments: 'Experiments', models: 'Models', system: 'System' };
let leave = null;

function route() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const name = parts[0] in PAGES ? parts[0] : '';
  const view = document.getElementById('view');
  if (leave) { leave(); leave = null; }
  view.replaceChildren();
  document.title = TITLES[name] + ' · mixtape';
  for (const a of document.querySelectorAll('nav a')) {
    if (a.dataset.page === (name || 'playlist')) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const result = PAGES[name].render(view, parts.slice(1).filter(Boolean));
  if (typeof result === 'function') leave = result;
}

document.getElementById('forget-key').addEventListener('click', () => { forgetKey(); location.reload(); });
document.getElementById('skip-link').addEventListener('click', e => {
  e.preventDefault();
  document.getElementById('view').focus();
});
window.addEventListener('hashchange', () => { route(); document.getElementById('view').focus(); });
// Chart.js is a deferred classic script: it has run before this module (modules are deferred too, and in order).
route();
