// Track explorer: search (GET /v1/search), a track page with its audio features, similar tracks
// (GET /api/v1/tracks/{id}/similar) and a recommendations panel over every tunable attribute of
// GET /v1/recommendations, showing the exact request URL.
import { api } from '../api.js';
import { h, busy, showError, clearError, fmt, artistNames } from '../dom.js';
import { chart, canvasBox, COLOURS } from '../charts.js';

// Every tunable attribute of /v1/recommendations (docs/API.md): name, slider min, max, step.
export const ATTRIBUTES = [
  ['acousticness', 0, 1, 0.01], ['danceability', 0, 1, 0.01], ['energy', 0, 1, 0.01], ['instrumentalness', 0, 1, 0.01],
  ['liveness', 0, 1, 0.01], ['speechiness', 0, 1, 0.01], ['valence', 0, 1, 0.01], ['key', -1, 11, 1], ['mode', 0, 1, 1],
  ['popularity', 0, 100, 1], ['duration_ms', 0, 1200000, 1000], ['time_signature', 0, 11, 1], ['loudness', -60, 10, 0.5],
  ['tempo', 0, 300, 1],
];
const UNIT_FEATURES = ['acousticness', 'danceability', 'energy', 'instrumentalness', 'liveness', 'speechiness', 'valence'];

export function render(root, [id]) {
  root.append(h('h1', {}, 'Track explorer'), searchForm());
  if (id) trackPage(root, id);
}

function searchForm() {
  const q = h('input', { type: 'search', id: 'search-q', name: 'q', placeholder: 'a title, an artist, or genre:jazz', autocomplete: 'off' });
  const go = h('button', { type: 'submit', id: 'search-go' }, 'Search');
  const results = h('div', { id: 'search-results', 'aria-live': 'polite' });
  const form = h('form', { class: 'panel', role: 'search', id: 'search-form' },
    h('div', { class: 'row' }, h('div', { class: 'field grow' }, h('label', { for: 'search-q' }, 'Search tracks by name'), q), go),
    h('p', { class: 'hint' }, 'Filters work too: artist:"daft punk", track:, album:, genre:.'), results);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    clearError(q);
    if (!q.value.trim()) { showError(q, 'Type part of a track title or an artist name to search.'); q.focus(); return; }
    const r = await busy(go, 'Searching…', () => api('GET', '/v1/search?type=track&limit=20&q=' + encodeURIComponent(q.value.trim())), q);
    if (!r) return;
    const items = r.tracks.items;
    results.replaceChildren(items.length === 0 ? h('p', { id: 'no-results' }, `No track matches “${q.value.trim()}”.`)
      : h('ul', { class: 'tracks', id: 'search-list', 'aria-label': 'Search results' }, items.map(t => h('li', {},
        h('a', { href: `#/tracks/${t.id}`, class: 't-name' }, t.name), ' — ', artistNames(t),
        h('span', { class: 't-meta' }, ` · ${t.album.name} · popularity ${t.popularity}`)))));
  });
  return form;
}

async function trackPage(root, id) {
  const page = h('div', { id: 'track-page' }, h('p', { role: 'status' }, 'Loading the track…'));
  root.append(page);
  let track, features;
  try {
    [track, features] = await Promise.all([api('GET', `/v1/tracks/${encodeURIComponent(id)}`), api('GET', `/v1/audio-features/${encodeURIComponent(id)}`)]);
  } catch (e) {
    page.replaceChildren(h('p', { class: 'error', role: 'alert', id: 'track-error' }, e.message));
    return;
  }
  const featureChart = canvasBox('chart-features', `Audio features of ${track.name}`);
  page.replaceChildren(
    h('section', { class: 'panel' },
      h('h2', { id: 'track-title' }, `${track.name} — ${artistNames(track)}`),
      h('p', { class: 't-meta' }, `${track.album.name} · popularity ${track.popularity} · ${fmt(features.tempo, 0)} BPM · key ${features.key}, ${features.mode ? 'major' : 'minor'} · ${fmt(features.loudness, 1)} dB · ${Math.round(track.duration_ms / 1000)} s `,
        h('a', { href: track.external_urls.spotify, target: '_blank', rel: 'noopener' }, 'Open on Spotify')),
      h('h3', {}, 'Audio features'), featureChart.box),
    h('div', { class: 'grid2' }, similarPanel(id), recommendationsPanel(track, features)));
  chart(featureChart.canvas, { type: 'bar', data: { labels: UNIT_FEATURES, datasets: [
    { label: track.name, data: UNIT_FEATURES.map(f => features[f]), backgroundColor: UNIT_FEATURES.map((_, i) => COLOURS[i % COLOURS.length]) }] },
    options: { scales: { y: { min: 0, max: 1 } }, plugins: { legend: { display: false } } } });
}

function similarPanel(id) {
  const list = h('div', { id: 'similar', 'aria-live': 'polite' }, h('p', { role: 'status' }, 'Finding tracks that sound like it…'));
  api('GET', `/api/v1/tracks/${encodeURIComponent(id)}/similar?n=10`).then(r => {
    list.replaceChildren(h('ol', { class: 'tracks', id: 'similar-list' }, r.recommendations.map(x => h('li', {},
      h('a', { href: `#/tracks/${x.track.id}`, class: 't-name' }, x.track.name), ' — ', artistNames(x.track),
      h('div', { class: 't-why' }, x.explanation)))));
  }).catch(e => list.replaceChildren(h('p', { class: 'error', role: 'alert' }, e.message)));
  return h('section', { class: 'panel' }, h('h2', {}, 'Similar tracks'), list);
}

function recommendationsPanel(track, features) {
  const rows = ATTRIBUTES.map(([name, min, max, step]) => {
    const own = name === 'popularity' ? track.popularity : name === 'duration_ms' ? track.duration_ms : features[name];
    const value = Math.min(max, Math.max(min, own ?? min));
    const mode = h('select', { id: `mode-${name}`, 'aria-label': `How to use ${name}` },
      h('option', { value: '' }, 'not used'), h('option', { value: 'target' }, 'target'),
      h('option', { value: 'min' }, 'at least'), h('option', { value: 'max' }, 'at most'));
    const range = h('input', { type: 'range', id: `rec-${name}`, min, max, step, value, 'aria-label': `${name} value` });
    const out = h('output', { for: `rec-${name}` }, fmt(Number(range.value)));
    range.addEventListener('input', () => { out.textContent = fmt(Number(range.value)); if (!mode.value) mode.value = 'target'; update(); });
    mode.addEventListener('change', update);
    return { name, mode, range, el: h('div', { class: 'slider three' },
      h('label', { for: `mode-${name}` }, name), mode, range, out) };
  });
  const limit = h('input', { type: 'number', id: 'rec-limit', min: 1, max: 100, value: 10, inputmode: 'numeric' });
  limit.addEventListener('input', update);
  const url = h('code', { class: 'url', id: 'rec-url' });
  const copy = h('button', { type: 'button', class: 'quiet', id: 'copy-url' }, 'Copy URL');
  const go = h('button', { type: 'submit', id: 'rec-go' }, 'Get recommendations');
  const out = h('div', { id: 'rec-results', 'aria-live': 'polite' });
  const status = h('p', { class: 'status', role: 'status', id: 'copy-url-status' });
  copy.addEventListener('click', async () => {
    try { await navigator.clipboard.writeText(url.textContent); status.textContent = 'Copied the request URL.'; }
    catch { status.textContent = 'Select the URL above and copy it.'; }
  });
  function path() {
    const params = new URLSearchParams({ seed_tracks: track.id, limit: limit.value });
    for (const r of rows) if (r.mode.value) params.set(`${r.mode.value}_${r.name}`, r.range.value);
    return '/v1/recommendations?' + params.toString().replaceAll('%2C', ',');
  }
  function update() { url.textContent = location.origin + path(); }
  update();
  const form = h('form', { class: 'panel', id: 'rec-form' }, h('h2', {}, 'Recommendations from this track'),
    h('p', { class: 'hint' }, 'Sliders start at this track’s own values. Pick how each is used; moving a slider makes it a target.'),
    h('div', { class: 'sliders' }, rows.map(r => r.el)),
    h('div', { class: 'row' }, h('div', { class: 'field' }, h('label', { for: 'rec-limit' }, 'How many (1–100)'), limit), go),
    h('h3', {}, 'Request'), url, h('div', { class: 'row' }, copy), status, out);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    for (const c of [limit, go, ...rows.map(x => x.range)]) clearError(c);
    const r = await busy(go, 'Asking for recommendations…', () => api('GET', path()), err =>
      err.message.toLowerCase().startsWith('limit') ? limit
        : rows.find(x => err.message.includes(`_${x.name}`))?.range ?? go);
    if (!r) return;
    out.replaceChildren(h('h3', {}, `${r.tracks.length} recommendations`), h('ol', { class: 'tracks', id: 'rec-list' }, r.tracks.map(t => h('li', {},
      h('a', { href: `#/tracks/${t.id}`, class: 't-name' }, t.name), ' — ', artistNames(t),
      h('span', { class: 't-meta' }, ` · popularity ${t.popularity}`)))));
  });
  return form;
}
