// Listener view: pick or create a listener, the Big Five questionnaire (item texts from the server), the trait
// profile, listening history, and session picks with like / save / skip buttons that post events.
import { api } from '../api.js';
import { h, busy, showError, clearError, fmt, artistNames } from '../dom.js';
import { chart, canvasBox, COLOURS } from '../charts.js';

const TRAITS = ['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism'];
const RECENT = 'mixtape.recentListeners';
// Shown: the first 10 of the server's default 50 picks. The default size is asked for on purpose: the server drops a
// listener's cached picks of that size when an event arrives (other sizes are cached under other keys).
const PICKS = 10;
const PAST = { play: 'Played', like: 'Liked', save: 'Saved', skip: 'Skipped' };

export function render(root, [id]) {
  const input = h('input', { type: 'text', id: 'user-id', name: 'id', autocomplete: 'off', maxlength: 128, value: id || '',
    placeholder: 'e.g. alice', pattern: '[A-Za-z0-9._:@+\\-]{1,128}' });
  const open = h('button', { type: 'submit', id: 'user-open' }, 'Open or create');
  const recent = JSON.parse(sessionStorage.getItem(RECENT) || '[]');
  const form = h('form', { class: 'panel', id: 'user-form', novalidate: true },
    h('div', { class: 'row' }, h('div', { class: 'field grow' }, h('label', { for: 'user-id' }, 'Listener id'), input), open),
    h('p', { class: 'hint' }, 'An id that does not exist yet creates a new listener. Letters, digits and . _ : @ + - only.'),
    recent.length ? h('p', {}, 'Recent: ', recent.map(r => h('a', { href: `#/listeners/${encodeURIComponent(r)}`, class: 'tag' }, r))) : null);
  const body = h('div', { id: 'listener' });
  root.append(h('h1', {}, 'Listeners'), form, body);
  form.addEventListener('submit', e => {
    e.preventDefault();
    clearError(input);
    const v = input.value.trim();
    if (!/^[A-Za-z0-9._:@+\-]{1,128}$/.test(v)) {
      showError(input, v ? `“${v}” is not a valid id: use 1–128 letters, digits or . _ : @ + -` : 'Type an id, for example “alice”.');
      input.focus();
      return;
    }
    if (location.hash === `#/listeners/${encodeURIComponent(v)}`) load(v, open, input, body);
    else location.hash = `#/listeners/${encodeURIComponent(v)}`;
  });
  if (id) load(id, open, input, body);
}

async function load(id, button, input, body) {
  const user = await busy(button, 'Opening the listener…', () => api('POST', '/api/v1/users', { id }), input);
  if (!user) return;
  const recent = [id, ...JSON.parse(sessionStorage.getItem(RECENT) || '[]').filter(r => r !== id)].slice(0, 8);
  sessionStorage.setItem(RECENT, JSON.stringify(recent));
  const info = await api('GET', `/api/v1/users/${encodeURIComponent(id)}`).catch(() => user);
  const traitsBox = canvasBox('chart-traits', `Big Five trait profile of ${id}`);
  const traitPanel = h('section', { class: 'panel', id: 'traits' }, h('h2', {}, 'Personality'),
    h('div', { id: 'traits-summary' }, h('p', {}, info.has_personality ? 'Loading the profile…' : 'No profile yet: take a questionnaire below.')),
    traitsBox.box, questionnaire(id, p => showTraits(p)));
  traitsBox.box.hidden = true;
  const picks = h('section', { class: 'panel', id: 'picks' }, h('h2', {}, 'Session picks'));
  const history = h('section', { class: 'panel', id: 'history' }, h('h2', {}, 'Listening history'));
  body.replaceChildren(
    h('p', { id: 'user-summary', role: 'status' }, summary(info)),
    h('div', { class: 'grid2' }, picks, traitPanel), history);

  function showTraits(p) {
    traitsBox.box.hidden = false;
    document.getElementById('traits-summary').replaceChildren(h('p', {}, `From ${p.source}, updated ${new Date(p.updated_at).toLocaleString()}.`));
    chart(traitsBox.canvas, { type: 'bar', data: { labels: TRAITS, datasets: [
      { label: 'Trait (0–1)', data: TRAITS.map(t => p.traits[t]), backgroundColor: TRAITS.map((_, i) => COLOURS[i]) }] },
      options: { indexAxis: 'y', scales: { x: { min: 0, max: 1 } }, plugins: { legend: { display: false } } } });
  }
  if (info.has_personality) api('GET', `/api/v1/users/${encodeURIComponent(id)}/personality`).then(showTraits).catch(() => {});

  let previous = null;
  async function refresh(note) {
    const [s, hist, who] = await Promise.all([api('POST', '/api/v1/sessions', { user_id: id }),
      api('GET', `/api/v1/users/${encodeURIComponent(id)}/history?limit=20`), api('GET', `/api/v1/users/${encodeURIComponent(id)}`)]);
    document.getElementById('user-summary').textContent = summary(who);
    renderPicks(s, note);
    renderHistory(hist);
  }
  function renderPicks(session, note) {
    const s = { ...session, recommendations: session.recommendations.slice(0, PICKS) };
    const before = previous;
    previous = new Set(s.recommendations.map(r => r.track.id));
    const fresh = before ? s.recommendations.filter(r => !before.has(r.track.id)).length : 0;
    const m = s.metadata;
    const list = h('ol', { class: 'tracks', id: 'pick-list' }, s.recommendations.map(r => {
      const buttons = ['play', 'like', 'save', 'skip'].map(type => {
        const b = h('button', { type: 'button', class: 'quiet', id: `${type}-${r.track.id}`,
          'aria-label': `${type[0].toUpperCase() + type.slice(1)} ${r.track.name}` }, type[0].toUpperCase() + type.slice(1));
        b.addEventListener('click', () => sendEvent(type, r.track, b));
        return b;
      });
      return h('li', { 'data-track': r.track.id },
        h('div', {}, before && !before.has(r.track.id) ? h('span', { class: 'tag new' }, 'new') : null,
          h('span', { class: 't-name' }, r.track.name), ' — ', artistNames(r.track)),
        h('div', { class: 't-why' }, r.explanation),
        h('div', { class: 't-meta' }, `${r.source} · score ${fmt(r.score)}`),
        h('div', { class: 'actions' }, buttons));
    }));
    picks.replaceChildren(h('h2', {}, 'Session picks'),
      h('p', { class: 'hint' }, `The first ${s.recommendations.length} of ${session.recommendations.length} picks for session ${session.session_id}.`),
      h('p', { id: 'cold-start' }, h('strong', {}, 'Cold-start stage: '), m.cold_start_stage,
        ` · blend ${Object.entries(m.blend || {}).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')} · ${m.total_candidates} candidates · ${fmt(m.response_time_ms, 1)} ms (${m.cache_status})`),
      note ? h('p', { class: 'status', id: 'picks-note', role: 'status' }, `${note} ${fresh} of ${s.recommendations.length} picks are new.`) : null,
      list);
  }
  async function sendEvent(type, track, button) {
    const event = { user_id: id, track_id: track.id, type, timestamp: new Date().toISOString(),
      idempotency_key: `ui-${type}-${track.id}-${Date.now()}` };
    if (type === 'skip') event.ms_played = 5000;
    if (type === 'play') event.ms_played = track.duration_ms;
    const ok = await busy(button, `Sending ${type}…`, async () => {
      const r = await api('POST', '/api/v1/events', { events: [event] });
      if (r.rejected && r.rejected.length) throw new Error(`The ${type} was rejected: ${r.rejected[0].error}`);
      await refresh(`${PAST[type]} “${track.name}”.`);
      return true;
    }, button);
    if (ok) document.getElementById('pick-list')?.querySelector('button')?.focus();
  }
  function renderHistory(hist) {
    history.replaceChildren(h('h2', {}, 'Listening history'),
      hist.items.length === 0 ? h('p', { id: 'history-empty' }, 'Nothing played yet. Play a pick and it shows here.')
        : h('div', { class: 'table-wrap' }, h('table', { id: 'history-table' },
          h('caption', { class: 'hint' }, `Top tracks by time-decayed plays (half-life ${hist.half_life_days} days).`),
          h('thead', {}, h('tr', {}, ['#', 'Track', 'Plays', 'Likes', 'Saves', 'Skips', 'Last event'].map(c => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, hist.items.map(i => h('tr', {}, h('td', {}, i.rank), h('td', {}, `${i.track.name} — ${artistNames(i.track)}`),
            h('td', {}, fmt(i.play_count, 1)), h('td', {}, i.likes), h('td', {}, i.saves), h('td', {}, i.skips),
            h('td', {}, new Date(i.last_event_at).toLocaleString())))))));
  }
  picks.append(h('p', { role: 'status' }, 'Computing picks…'));
  refresh().catch(e => picks.replaceChildren(h('h2', {}, 'Session picks'), h('p', { class: 'error', role: 'alert' }, e.message)));
}

function summary(u) {
  const n = u.event_count ?? 0;
  return `${u.id}: listener since ${new Date(u.created_at).toLocaleString()}, ${n} event${n === 1 ? '' : 's'}.`;
}

function questionnaire(id, done) {
  const which = h('select', { id: 'inventory' }, h('option', { value: 'mini-ipip-20' }, 'Mini-IPIP (20 items, about 3 minutes)'),
    h('option', { value: 'ipip-50' }, 'IPIP-50 (50 items, about 8 minutes)'));
  const start = h('button', { type: 'button', id: 'inventory-load', class: 'quiet' }, 'Start questionnaire');
  const area = h('div', { id: 'questionnaire' });
  start.addEventListener('click', async () => {
    const doc = await busy(start, 'Loading the items…', () => api('GET', `/api/v1/personality/inventories/${which.value}`), which);
    if (!doc) return;
    const labels = Object.entries(doc.scale).sort(([a], [b]) => a - b);
    const submit = h('button', { type: 'submit', id: 'inventory-submit' }, 'Save my answers');
    const items = doc.items.map(item => h('fieldset', { class: 'item', id: `item-${item.number}` },
      h('legend', {}, `${item.number}. ${item.text}`),
      h('div', { class: 'likert' }, labels.map(([v, text]) => h('label', { class: 'inline' },
        h('input', { type: 'radio', name: `q${item.number}`, value: v, required: true }), `${v} ${text}`)))));
    const form = h('form', { id: 'inventory-form', novalidate: true }, h('p', {}, doc.instructions), items, submit);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      clearError(submit);
      const answers = doc.items.map(item => form.querySelector(`input[name=q${item.number}]:checked`)?.value);
      const missing = answers.findIndex(a => !a);
      if (missing >= 0) {
        showError(submit, `Item ${missing + 1} has no answer yet; every item needs one.`);
        form.querySelector(`input[name=q${missing + 1}]`).focus();
        return;
      }
      const p = await busy(submit, 'Scoring…', () => api('PUT', `/api/v1/users/${encodeURIComponent(id)}/personality`,
        { inventory: doc.name, answers: answers.map(Number) }), submit);
      if (p) { area.replaceChildren(h('p', { class: 'status', role: 'status' }, `Saved ${doc.items.length} answers.`)); done(p); }
    });
    area.replaceChildren(form);
    form.querySelector('input').focus();
  });
  return h('div', {}, h('h3', {}, 'Questionnaire'), h('div', { class: 'row' },
    h('div', { class: 'field' }, h('label', { for: 'inventory' }, 'Inventory'), which), start), area);
}
