// Models: which listening model serves, when and on what it was trained, every kept version with its validation
// metrics, training jobs with their progress (and a button to train now), and the latest replay and coherence
// evaluations as charts (GET /api/v1/models, POST /api/v1/models/train, GET /api/v1/models/train/{id},
// GET /api/v1/models/evaluations).
import { api } from '../api.js';
import { h, busy, fmt, showError, clearError } from '../dom.js';
import { chart, canvasBox, COLOURS } from '../charts.js';

const POLL_MS = 1000;

export function render(root) {
  const refresh = h('button', { type: 'button', id: 'models-refresh' }, 'Refresh');
  const train = h('button', { type: 'button', id: 'models-train' }, 'Train now');
  const job = h('div', { id: 'train-job', 'aria-live': 'polite' });
  const body = h('div', { id: 'models' });
  root.append(h('h1', {}, 'Models'), h('div', { class: 'row' }, refresh, train), job, body);
  let timer = null;
  const load = () => busy(refresh, 'Reading the models…', () => show(body));
  refresh.addEventListener('click', load);
  train.addEventListener('click', () => busy(train, 'Asking for a training…', async () => {
    clearError(train);
    const started = await api('POST', '/api/v1/models/train', { reason: 'requested from the web UI' });
    const poll = async () => {
      try {
        const j = await api('GET', started.href);
        showJob(job, j);
        if (j.state === 'queued' || j.state === 'running') timer = setTimeout(poll, POLL_MS);
        else { timer = null; load(); }
      } catch (err) { showError(train, err); }
    };
    showJob(job, started);
    timer = setTimeout(poll, POLL_MS);
  }));
  load();
  return () => { if (timer) clearTimeout(timer); };
}

function showJob(box, j) {
  const pct = Math.round((j.progress ?? 0) * 100);
  box.replaceChildren(h('section', { class: 'panel' }, h('h2', {}, 'Training'),
    h('p', { id: 'train-state' }, `${j.id}: ${j.state}${j.phase ? `, ${j.phase}` : ''} (${pct}%)`
      + (j.version ? `, made ${j.version}` : '') + (j.error ? `: ${j.error}` : '')),
    h('progress', { id: 'train-progress', max: '100', value: String(pct), 'aria-label': 'Training progress' })));
}

async function show(body) {
  const [models, evals] = await Promise.all([api('GET', '/api/v1/models'), api('GET', '/api/v1/models/evaluations')]);
  const serving = (models.versions || []).find(v => v.serving);
  const m = serving?.manifest ?? {};
  const versionsBox = canvasBox('chart-versions', 'Validation recall at 50 of each kept model version, against most-popular', 'short');
  const replayBox = canvasBox('chart-replay', 'Replay evaluation: recall at 50 per surface');
  const coherenceBox = canvasBox('chart-coherence', 'Coherence evaluation: co-listened and out-of-scene share per surface');
  const versions = models.versions || [];
  body.replaceChildren(
    h('div', { class: 'grid2' },
      h('section', { class: 'panel', id: 'serving' }, h('h2', {}, 'Serving'),
        h('dl', { class: 'facts' },
          h('dt', {}, 'Model'), h('dd', { id: 'serving-version' }, models.serving ?? 'none'),
          h('dt', {}, 'Status'), h('dd', {}, models.status),
          h('dt', {}, 'Trained'), h('dd', { id: 'serving-created' }, when(m.created)),
          h('dt', {}, 'Trained on'), h('dd', { id: 'serving-data' }, serving
            ? `${num(m.listeners)} listeners + ${num(m.imported_listeners)} imported, ${num(m.interactions)} interactions, events up to ${m.events_received_until ? when(m.events_received_until) : 'none yet'}`
            : '–'),
          h('dt', {}, 'Algorithm'), h('dd', {}, serving ? `${m.model} at ${m.level} level, ${m.factors} factors` : '–'),
          h('dt', {}, 'Validation'), h('dd', { id: 'serving-validation' }, serving
            ? `recall@50 ${fmt(Number(m.validation_recall_at_50), 3)} (most-popular ${fmt(Number(m.validation_popularity_recall_at_50), 3)}), ${num(m.validation_users)} listeners`
            : '–'),
          h('dt', {}, 'Events since'), h('dd', { id: 'events-since' }, `${num(models.events_since_training)} (retrains after ${num(models.retrain?.events)} events or ${num(models.retrain?.minutes)} minutes)`),
          h('dt', {}, 'Artist embeddings'), h('dd', {}, models.artist_embeddings?.status ?? '–'))),
      h('section', { class: 'panel', id: 'versions' }, h('h2', {}, 'Versions'), versionsBox.box,
        h('div', { class: 'table-wrap' }, h('table', { id: 'versions-table' },
          h('thead', {}, h('tr', {}, ['Version', 'Trained', 'Listeners', 'Interactions', 'Recall@50', 'Size', 'Serving'].map(c => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, versions.map(v => h('tr', {}, h('td', {}, v.version), h('td', {}, when(v.manifest?.created)),
            h('td', {}, num(Number(v.manifest?.listeners ?? 0) + Number(v.manifest?.imported_listeners ?? 0))),
            h('td', {}, num(v.manifest?.interactions)), h('td', {}, fmt(Number(v.manifest?.validation_recall_at_50), 3)),
            h('td', {}, `${fmt(v.bytes / 1e6, 1)} MB`), h('td', {}, v.serving ? 'yes' : '')))))))),
    h('section', { class: 'panel', id: 'jobs' }, h('h2', {}, 'Recent trainings'),
      (models.jobs || []).length === 0 ? h('p', {}, 'None since the server started (the serving version was loaded from disk).') : h('div', { class: 'table-wrap' }, h('table', { id: 'jobs-table' },
        h('thead', {}, h('tr', {}, ['Job', 'Reason', 'State', 'Queued', 'Finished', 'Version'].map(c => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, (models.jobs || []).map(j => h('tr', {}, h('td', {}, j.id), h('td', {}, j.reason), h('td', {}, j.error ? `${j.state}: ${j.error}` : j.state),
          h('td', {}, when(j.queued_at)), h('td', {}, when(j.finished_at)), h('td', {}, j.version ?? ''))))))),
    evaluation('replay', evals.replay, replayBox, 'eval replay'),
    evaluation('coherence', evals.coherence, coherenceBox, 'eval coherence'));
  chart(versionsBox.canvas, { type: 'bar', data: { labels: versions.map(v => v.version), datasets: [
    { label: 'model', data: versions.map(v => Number(v.manifest?.validation_recall_at_50 ?? 0)), backgroundColor: COLOURS[0] },
    { label: 'most-popular', data: versions.map(v => Number(v.manifest?.validation_popularity_recall_at_50 ?? 0)), backgroundColor: COLOURS[6] }] },
    options: { scales: { y: { min: 0, max: 1, title: { display: true, text: 'recall@50' } } } } });
  if (evals.replay?.rows) {
    const rows = evals.replay.rows;
    // one bar per surface, each tall enough to read (a replay has about 25)
    replayBox.box.style.height = `${Math.max(240, 22 * rows.length)}px`;
    chart(replayBox.canvas, { type: 'bar', data: { labels: rows.map(r => short(r.surface)), datasets: [
      { label: 'recall@50', data: rows.map(r => r.recall50), backgroundColor: rows.map(r => (r.kind === 'offline' ? COLOURS[6] : COLOURS[0])) }] },
      options: { indexAxis: 'y', scales: { x: { min: 0, max: 1 } }, plugins: { legend: { display: false } } } });
  }
  if (evals.coherence?.rows) {
    const rows = evals.coherence.rows;
    coherenceBox.box.style.height = `${Math.max(240, 30 * rows.length)}px`;
    chart(coherenceBox.canvas, { type: 'bar', data: { labels: rows.map(r => short(r.surface)), datasets: [
      { label: 'co-listened share', data: rows.map(r => r.coListened), backgroundColor: COLOURS[2] },
      { label: 'out-of-scene share', data: rows.map(r => r.outOfScene), backgroundColor: COLOURS[1] }] },
      options: { indexAxis: 'y', scales: { x: { min: 0, max: 1 } } } });
  }
}

function evaluation(kind, doc, box, command) {
  const title = kind === 'replay' ? 'Replay evaluation' : 'Coherence evaluation';
  if (!doc) {
    return h('section', { class: 'panel', id: `eval-${kind}` }, h('h2', {}, title),
      h('p', {}, 'None kept yet: run ', h('code', {}, `./mixtape ${command} --out DIR`), ' against this server\'s home and it shows here.'));
  }
  if (doc.error) return h('section', { class: 'panel', id: `eval-${kind}` }, h('h2', {}, title), h('p', { role: 'alert' }, doc.error));
  const info = doc.info || {};
  const about = kind === 'replay'
    ? `${info.users_option ?? '?'} Last.fm listeners replayed (seed ${info.seed ?? '?'}); their held-out artists scored at 50 picks. Offline baselines in grey.`
    : `${(doc.rows || [])[0]?.anchors ?? '?'} anchor artists (seed ${info.seed ?? '?'}): share of picks by artists the anchor's listeners also play, and from a scene the anchor is not part of.`;
  return h('section', { class: 'panel', id: `eval-${kind}` }, h('h2', {}, title),
    h('p', { class: 'hint' }, `Saved ${when(doc.saved_at)}. ${about}`), box.box);
}

/** A surface's name cut to fit a chart's axis (the table in OUT/replay.md has it whole). */
function short(label) {
  return label.length > 48 ? `${label.slice(0, 47)}…` : label;
}

/** An ISO-8601 instant as "2026-12-07 20:49:23 UTC" (to the second); a dash when there is none. */
function when(iso) {
  return iso ? `${iso.replace('T', ' ').slice(0, 19)} UTC` : '–';
}

function num(v) {
  return v == null || v === '' || Number.isNaN(Number(v)) ? '–' : Number(v).toLocaleString('en');
}
