// Playlist maker (home page): POST /api/v1/playlists, the ordered result and its charts.
import { api } from '../api.js';
import { h, busy, showError, clearError, fmt, download } from '../dom.js';
import { chart, canvasBox, COLOURS } from '../charts.js';

const EXAMPLES = [
  'rainy sunday morning, acoustic, no rap',
  'intense workout, 140 bpm',
  '90s indie road trip',
  'calm piano to study to, an hour',
  'happy summer party, dance',
  'melancholic late night jazz',
];
const ARCS = [['', 'From the prompt (default: peak)'], ['steady', 'Steady'], ['build_up', 'Build up'],
  ['wind_down', 'Wind down'], ['peak', 'Peak (build, peak, wind down)']];
// The attributes the server lets a caller set directly (docs/PLAYLISTS.md, "targets").
const TARGETS = [
  ['energy', 0, 1, 0.01, 0.5], ['valence', 0, 1, 0.01, 0.5], ['danceability', 0, 1, 0.01, 0.5],
  ['acousticness', 0, 1, 0.01, 0.5], ['instrumentalness', 0, 1, 0.01, 0.2], ['speechiness', 0, 1, 0.01, 0.05],
  ['tempo', 40, 220, 1, 120], ['loudness', -40, 0, 0.5, -8],
];
const PHASES = ['analysis_ms', 'seeds_ms', 'generation_ms', 'quality_ms', 'improvement_ms', 'ordering_ms'];

export function render(root) {
  let last = null;
  let lastRequest = null;
  const prompt = h('textarea', { id: 'prompt', name: 'prompt', maxlength: 1000, rows: 3,
    placeholder: 'Describe the music: a mood, a moment, artists, genres…' });
  const length = h('input', { id: 'length', name: 'length', type: 'number', min: 5, max: 200, step: 1, value: 20,
    inputmode: 'numeric' });
  const arc = h('select', { id: 'arc', name: 'arc' }, ARCS.map(([v, t]) => h('option', { value: v }, t)));
  const make = h('button', { type: 'submit', id: 'make' }, 'Make playlist');
  const sliders = TARGETS.map(([name, min, max, step, value]) => {
    const use = h('input', { type: 'checkbox', id: `use-${name}`, 'aria-controls': `target-${name}` });
    const range = h('input', { type: 'range', id: `target-${name}`, min, max, step, value, disabled: true });
    const out = h('output', { for: `target-${name}`, id: `target-${name}-value` }, String(value));
    use.addEventListener('change', () => { range.disabled = !use.checked; });
    range.addEventListener('input', () => { out.textContent = range.value; });
    return { name, use, range, el: h('div', { class: 'slider' },
      h('label', { class: 'inline', for: `use-${name}` }, use, `Set ${name}`),
      range, out) };
  });
  const targetsSet = h('fieldset', { id: 'targets' }, h('legend', {}, 'Override targets (optional)'),
    h('p', { class: 'hint' }, 'Tick an attribute to set it yourself instead of taking it from the prompt.'),
    h('div', { class: 'sliders' }, sliders.map(s => s.el)));
  for (const s of sliders) s.range.setAttribute('aria-label', `${s.name} target`);

  const examples = h('ul', { class: 'examples', 'aria-label': 'Example prompts' }, EXAMPLES.map(text =>
    h('li', {}, h('button', { type: 'button', onclick: () => { prompt.value = text; prompt.focus(); } }, text))));

  const form = h('form', { class: 'panel', id: 'playlist-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'prompt' }, 'What should it sound like?'), prompt),
    h('p', { class: 'hint', id: 'examples-hint' }, 'Or start from an example:'), examples,
    h('div', { class: 'row' },
      h('div', { class: 'field' }, h('label', { for: 'length' }, 'Length (tracks, 5–200)'), length),
      h('div', { class: 'field' }, h('label', { for: 'arc' }, 'Energy arc'), arc),
      make),
    h('details', {}, h('summary', {}, 'Target sliders'), targetsSet));

  const results = h('div', { id: 'playlist-result', 'aria-live': 'polite' });
  root.append(h('h1', {}, 'Playlist maker'), form, results);

  async function generate(seed, button) {
    for (const c of [prompt, length, arc, targetsSet, make]) clearError(c);
    const text = prompt.value.trim();
    if (!text) { showError(prompt, 'Write a prompt first, for example “rainy sunday morning, acoustic”.'); prompt.focus(); return; }
    const n = Number(length.value);
    if (length.value !== '' && (!Number.isInteger(n) || n < 5 || n > 200)) {
      showError(length, `Length must be a whole number from 5 to 200; “${length.value}” is not.`); length.focus(); return;
    }
    const body = { prompt: text, seed };
    if (length.value !== '') body.length = n;
    if (arc.value) body.arc = arc.value;
    const targets = {};
    for (const s of sliders) if (s.use.checked) targets[s.name] = Number(s.range.value);
    if (Object.keys(targets).length) body.targets = targets;
    // A server error goes next to the control it is about.
    const p = await busy(button, 'Making your playlist…', () => api('POST', '/api/v1/playlists', body), e => {
      const m = e.message.toLowerCase();
      return m.startsWith('length') ? length : m.startsWith('arc') ? arc : m.includes('targets') ? targetsSet
        : e.status === 400 ? prompt : button;
    });
    if (!p) return;
    last = p; lastRequest = body;
    show(p);
  }

  form.addEventListener('submit', e => { e.preventDefault(); generate(0, make); });

  function show(p) {
    const list = h('ol', { class: 'tracks', id: 'tracks' }, p.tracks.map(t => h('li', {},
      h('div', {}, h('span', { class: 't-name' }, t.name), ' — ', h('span', { class: 't-artists' }, t.artists.join(', '))),
      h('div', { class: 't-meta' }, t.genres.map(g => h('span', { class: 'tag' }, g)),
        ` energy ${fmt(t.energy)} · valence ${fmt(t.valence)} · ${Math.round(t.tempo)} BPM`),
      h('div', { class: 't-why' }, t.explanation, ' ',
        h('a', { href: t.spotify_url, target: '_blank', rel: 'noopener', 'aria-label': `Open ${t.name} on Spotify` }, 'Open on Spotify')))));
    const again = h('button', { type: 'button', id: 'regenerate' }, 'Regenerate with another seed');
    again.addEventListener('click', () => generate((lastRequest.seed || 0) + 1, again));
    const status = h('p', { class: 'status', id: 'export-status', role: 'status' });
    const copy = h('button', { type: 'button', id: 'copy-text', class: 'quiet' }, 'Copy as text');
    copy.addEventListener('click', async () => {
      const text = asText(last);
      try { await navigator.clipboard.writeText(text); status.textContent = `Copied ${last.tracks.length} tracks as text.`; }
      catch { fallbackCopy(text); status.textContent = `Copied ${last.tracks.length} tracks as text.`; }
    });
    const json = h('button', { type: 'button', id: 'export-json', class: 'quiet' }, 'Export JSON');
    json.addEventListener('click', () => { download('mixtape-playlist.json', 'application/json', JSON.stringify(last, null, 2)); status.textContent = 'Saved mixtape-playlist.json.'; });
    const m3u = h('button', { type: 'button', id: 'export-m3u', class: 'quiet' }, 'Export M3U');
    m3u.addEventListener('click', () => { download('mixtape-playlist.m3u', 'audio/x-mpegurl', asM3u(last)); status.textContent = 'Saved mixtape-playlist.m3u.'; });

    const arcChart = canvasBox('chart-arc', 'Energy, valence and tempo across the playlist order');
    const readChart = canvasBox('chart-targets', 'Targets the prompt was read as', 'short');
    const qualityChart = canvasBox('chart-quality', 'Quality scores from 0 to 1');
    const timingChart = canvasBox('chart-timing', 'Time spent in each phase, in milliseconds', 'short');
    const a = p.analysis;
    const reading = h('section', { class: 'panel', id: 'prompt-reading' }, h('h2', {}, 'How we read your prompt'),
      a.recognised.length ? h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Phrase'), h('th', { scope: 'col' }, 'Kind'), h('th', { scope: 'col' }, 'Effect'))),
        h('tbody', {}, a.recognised.map(r => h('tr', {}, h('td', {}, `“${r.text}”`), h('td', {}, r.kind), h('td', {}, r.effect)))))
        : h('p', {}, 'Nothing musical was recognised, so this is a default playlist.'),
      a.not_understood.length ? h('p', { id: 'not-understood' }, h('strong', {}, 'Not understood: '), a.not_understood.map(x => `“${x}”`).join(', ')) : null,
      a.unknown.length ? h('p', {}, h('strong', {}, 'Not in the catalog: '), a.unknown.join(', ')) : null,
      p.relaxed.length ? h('p', {}, h('strong', {}, 'Relaxed: '), p.relaxed.join('; ')) : null,
      h('h3', {}, 'Targets'), readChart.box);

    results.replaceChildren(
      h('section', { class: 'panel' },
        h('h2', { id: 'result-heading' }, `${p.tracks.length} tracks · ${p.targets.arc.replace('_', ' ')} arc · quality ${fmt(p.quality.overall)} · seed ${lastRequest.seed}`),
        h('div', { class: 'row' }, again, copy, json, m3u), status, list),
      h('div', { class: 'grid2' },
        h('section', { class: 'panel' }, h('h2', {}, 'Energy arc'), arcChart.box),
        reading,
        h('section', { class: 'panel' }, h('h2', {}, 'Quality scores'), qualityChart.box),
        h('section', { class: 'panel' }, h('h2', {}, 'Time per phase'), timingChart.box,
          h('p', { class: 'hint' }, `Total ${fmt(p.timings_ms.total_ms, 1)} ms, ${p.iterations} improvement pass(es), pool of ${p.pool_size} tracks.`),
          p.remote ? h('p', { class: 'hint', id: 'remote-summary' }, `From ${p.remote.provider}: ${p.remote.candidates} candidates from `
            + `${p.remote.anchors} seed tracks, ${p.remote.passes} pass(es); remote calls took ${fmt(p.remote.anchors_ms + p.remote.candidates_ms + p.remote.enrichment_ms, 0)} ms.`) : null)));

    const labels = p.tracks.map(t => String(t.position));
    chart(arcChart.canvas, { type: 'line', data: { labels, datasets: [
      { label: 'Energy', data: p.tracks.map(t => t.energy), borderColor: COLOURS[0], backgroundColor: COLOURS[0], yAxisID: 'y' },
      { label: 'Valence', data: p.tracks.map(t => t.valence), borderColor: COLOURS[1], backgroundColor: COLOURS[1], yAxisID: 'y', borderDash: [6, 3] },
      { label: 'Tempo (BPM)', data: p.tracks.map(t => t.tempo), borderColor: COLOURS[2], backgroundColor: COLOURS[2], yAxisID: 'bpm', borderDash: [2, 2] }] },
      options: { scales: { x: { title: { display: true, text: 'Position' } }, y: { min: 0, max: 1, title: { display: true, text: 'Energy, valence' } },
        bpm: { position: 'right', title: { display: true, text: 'BPM' }, grid: { drawOnChartArea: false } } } } });
    const unit = Object.entries(p.targets.values).filter(([k]) => k !== 'tempo' && k !== 'loudness');
    chart(readChart.canvas, { type: 'bar', data: { labels: unit.map(([k]) => k), datasets: [
      { label: 'Target', data: unit.map(([, v]) => v), backgroundColor: COLOURS[0] }] },
      options: { indexAxis: 'y', scales: { x: { min: 0, max: 1 } }, plugins: { legend: { display: false } } } });
    const q = ['overall', 'target_fit', 'cohesion', 'diversity', 'genre_fit', 'transitions'];
    chart(qualityChart.canvas, { type: 'bar', data: { labels: q.map(k => k.replace('_', ' ')), datasets: [
      { label: 'Score', data: q.map(k => p.quality[k]), backgroundColor: q.map((_, i) => COLOURS[i % COLOURS.length]) }] },
      options: { scales: { y: { min: 0, max: 1 } }, plugins: { legend: { display: false } } } });
    chart(timingChart.canvas, { type: 'bar', data: { labels: ['ms'], datasets: PHASES.map((k, i) => (
      { label: k.replace('_ms', ''), data: [p.timings_ms[k]], backgroundColor: COLOURS[i % COLOURS.length] })) },
      options: { indexAxis: 'y', scales: { x: { stacked: true, title: { display: true, text: 'milliseconds' } }, y: { stacked: true } } } });
    document.getElementById('result-heading').scrollIntoView({ block: 'nearest' });
  }
}

export function asText(p) {
  return p.tracks.map(t => `${t.position}. ${t.artists.join(', ')} – ${t.name}  ${t.spotify_url}`).join('\n') + '\n';
}

export function asM3u(p) {
  return '#EXTM3U\n' + p.tracks.map(t => `#EXTINF:${Math.round(t.duration_ms / 1000)},${t.artists.join(', ')} - ${t.name}\n${t.spotify_url}`).join('\n') + '\n';
}

function fallbackCopy(text) {
  const area = h('textarea', { 'aria-hidden': 'true', style: 'position:absolute;left:-9999px' });
  area.value = text;
  document.body.append(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}
