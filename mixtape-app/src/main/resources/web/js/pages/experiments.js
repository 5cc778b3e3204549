// Experiments: create an A/B experiment over strategies, and watch per-variant impressions, save and like
// rates with 95% intervals and the p-value against the control (refreshed every few seconds).
import { api } from '../api.js';
import { h, busy, showError, clearError, fmt, artistNames } from '../dom.js';
import { chart, canvasBox, COLOURS } from '../charts.js';

const REFRESH_MS = 4000;

export function render(root, [name]) {
  const list = h('section', { class: 'panel', id: 'experiment-list' }, h('h2', {}, 'Experiments'), h('p', { role: 'status' }, 'Loading…'));
  const detail = h('div', { id: 'experiment-detail' });
  const auto = h('section', { class: 'panel', id: 'auto-arms' }, h('h2', {}, 'What auto has learned'), h('p', { role: 'status' }, 'Loading…'));
  root.append(h('h1', {}, 'Experiments'), detail, h('div', { class: 'grid2' }, createForm(), list), auto);
  api('GET', '/api/v2/strategies/auto').then(r => auto.replaceChildren(...autoArms(r)))
    .catch(e => auto.replaceChildren(h('h2', {}, 'What auto has learned'), h('p', { class: 'error', role: 'alert' }, e.message)));
  api('GET', '/api/v1/experiments').then(r => list.replaceChildren(h('h2', {}, 'Experiments'),
    r.experiments.length === 0 ? h('p', {}, 'None yet: create one.') : h('ul', {}, r.experiments.map(e =>
      h('li', {}, h('a', { href: `#/experiments/${encodeURIComponent(e.name)}` }, e.name), ` — ${e.variants.map(v => `${v.name}: ${v.strategy} ${fmt(v.weight)}`).join(', ')}`)))))
    .catch(e => list.replaceChildren(h('h2', {}, 'Experiments'), h('p', { class: 'error', role: 'alert' }, e.message)));
  if (name) return watch(detail, name);
}

/** Strategy auto's bandit: per kind of request, every arm's evidence and which leads. */
function autoArms(r) {
  const title = h('h2', {}, 'What auto has learned');
  if (!r.learning) return [title, h('p', {}, r.note)];
  const pct = v => `${(v * 100).toFixed(2)}%`;
  const intro = h('p', { class: 'hint' }, `Strategy auto chooses, per kind of request, the strategy whose answers listeners responded to best `
    + `(${r.reward}); its rules are the prior. ${Math.round(r.explore * 100)}% of its answers explore. Evidence of the last ${r.window_days} days.`);
  if (r.kinds.length === 0) return [title, intro, h('p', { id: 'auto-none' }, 'No outcomes yet: auto follows its rules. Post events with the recommendation_id of auto\'s answers.')];
  return [title, intro, ...r.kinds.map(k => h('div', { class: 'table-wrap' }, h('h3', {}, `${k.kind} — leading: ${k.leading}`),
    h('table', { class: 'auto-kind', 'data-kind': k.kind },
      h('thead', {}, h('tr', {}, ['Strategy', 'Answers with outcomes', 'Tracks shown', 'Positive', 'Rate', 'Posterior mean'].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, k.arms.filter(a => a.answers > 0 || a.strategy === k.leading).map(a => h('tr', { 'data-strategy': a.strategy },
        h('td', {}, a.strategy), h('td', {}, a.answers), h('td', {}, a.tracks_shown), h('td', {}, a.positive), h('td', {}, pct(a.rate)),
        h('td', {}, pct(a.posterior_mean)))))))) ];
}

function createForm() {
  const name = h('input', { type: 'text', id: 'exp-name', autocomplete: 'off', placeholder: 'home-feed' });
  const variants = h('div', { id: 'exp-variants' });
  const add = h('button', { type: 'button', class: 'quiet', id: 'exp-add' }, 'Add a variant');
  const create = h('button', { type: 'submit', id: 'exp-create' }, 'Create experiment');
  let strategies = ['content', 'hybrid', 'popularity', 'collaborative', 'contextual', 'exploration', 'personality', 'tempo'];
  let n = 0;
  function row(vname, strategy, weight) {
    n++;
    const i = n;
    const sel = h('select', { id: `exp-strategy-${i}`, class: 'exp-strategy' }, strategies.map(s => h('option', { value: s, selected: s === strategy }, s)));
    const r = h('fieldset', { class: 'exp-variant' }, h('legend', {}, i === 1 ? 'Variant (the first is the control)' : 'Variant'),
      h('div', { class: 'row' },
        h('div', { class: 'field' }, h('label', { for: `exp-vname-${i}` }, 'Name'), h('input', { type: 'text', id: `exp-vname-${i}`, class: 'exp-vname', value: vname, size: 10 })),
        h('div', { class: 'field' }, h('label', { for: `exp-strategy-${i}` }, 'Strategy'), sel),
        h('div', { class: 'field' }, h('label', { for: `exp-weight-${i}` }, 'Share (0–1)'), h('input', { type: 'number', id: `exp-weight-${i}`, class: 'exp-weight', min: 0, max: 1, step: 0.05, value: weight })),
        h('button', { type: 'button', class: 'quiet', 'aria-label': `Remove variant ${i}`, onclick: () => r.remove() }, 'Remove')));
    variants.append(r);
  }
  row('control', 'content', 0.5);
  row('treatment', 'hybrid', 0.5);
  api('GET', '/api/v2/strategies').then(r => {
    strategies = r.strategies.map(s => s.name);
    for (const sel of variants.querySelectorAll('select')) {
      const v = sel.value;
      sel.replaceChildren(...strategies.map(s => h('option', { value: s, selected: s === v }, s)));
    }
  }).catch(() => {});
  add.addEventListener('click', () => { row(`v${n + 1}`, 'popularity', 0); variants.lastChild.querySelector('input').focus(); });
  const form = h('form', { class: 'panel', id: 'exp-form', novalidate: true }, h('h2', {}, 'Create an experiment'),
    h('div', { class: 'field' }, h('label', { for: 'exp-name' }, 'Experiment name'), name),
    variants, h('div', { class: 'row' }, add, create),
    h('p', { class: 'hint' }, 'Shares must add up to 1. Listeners are assigned to a variant by a hash of the experiment name and their id.'));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    clearError(name);
    if (!name.value.trim()) { showError(name, 'Give the experiment a name, for example “home-feed”.'); name.focus(); return; }
    const body = { name: name.value.trim(), variants: [...variants.querySelectorAll('.exp-variant')].map(r => ({
      name: r.querySelector('.exp-vname').value.trim(), strategy: r.querySelector('.exp-strategy').value,
      weight: Number(r.querySelector('.exp-weight').value) })) };
    const made = await busy(create, 'Creating…', () => api('POST', '/api/v1/experiments', body),
      err => /name/i.test(err.message) && !/variant/i.test(err.message) || err.status === 409 ? name : create);
    if (made) location.hash = `#/experiments/${encodeURIComponent(made.name)}`;
  });
  return form;
}

function watch(detail, name) {
  const ratesBox = canvasBox('chart-rates', `Save and like rates per variant of ${name}, with 95% intervals`);
  const table = h('div', { id: 'exp-results', class: 'table-wrap', 'aria-live': 'polite' });
  const status = h('p', { class: 'hint', id: 'exp-updated', role: 'status' });
  const pause = h('button', { type: 'button', class: 'quiet', id: 'exp-pause', 'aria-pressed': 'false' }, 'Pause updates');
  let paused = false;
  pause.addEventListener('click', () => { paused = !paused; pause.setAttribute('aria-pressed', String(paused)); pause.textContent = paused ? 'Resume updates' : 'Pause updates'; });
  detail.replaceChildren(h('section', { class: 'panel' }, h('h2', { id: 'exp-title' }, `Experiment ${name}`),
    h('div', { class: 'row' }, status, pause), table, h('div', { class: 'chart' }, ratesBox.canvas), tryIt(name)));
  async function tick() {
    if (paused) return;
    try {
      show(await api('GET', `/api/v1/experiments/${encodeURIComponent(name)}`));
      status.textContent = `Updated ${new Date().toLocaleTimeString()}; refreshes every ${REFRESH_MS / 1000} s.`;
    } catch (e) {
      table.replaceChildren(h('p', { class: 'error', role: 'alert', id: 'exp-error' }, e.message));
    }
  }
  function show(x) {
    const pct = v => `${(v * 100).toFixed(1)}%`;
    const ci = c => `${pct(c[0])}–${pct(c[1])}`;
    const p = (r, k) => r.versus_control ? fmt(r.versus_control[k].p_value, 3) : 'control';
    table.replaceChildren(h('p', {}, x.live ? 'Live.' : 'Not live (outside its start and end times).'),
      h('table', { id: 'exp-table' },
        h('thead', {}, h('tr', {}, ['Variant', 'Strategy', 'Impressions', 'Save rate (95% CI)', 'p (saves)', 'Like rate (95% CI)', 'p (likes)'].map(c => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, x.results.map(r => h('tr', { 'data-variant': r.variant }, h('td', {}, r.variant + (r.control ? ' (control)' : '')), h('td', {}, r.strategy),
          h('td', { class: 'impressions' }, r.impressions), h('td', {}, `${pct(r.save_rate)} (${ci(r.save_rate_ci95)})`), h('td', {}, p(r, 'save_rate')),
          h('td', {}, `${pct(r.like_rate)} (${ci(r.like_rate_ci95)})`), h('td', {}, p(r, 'like_rate')))))),
      h('p', { class: 'hint' }, x.method));
    const labels = x.results.map(r => r.variant);
    const existing = window.Chart && window.Chart.getChart(ratesBox.canvas);
    const data = { labels, datasets: [
      { label: 'Save rate 95% CI', data: x.results.map(r => r.save_rate_ci95), backgroundColor: COLOURS[0] + '99' },
      { label: 'Like rate 95% CI', data: x.results.map(r => r.like_rate_ci95), backgroundColor: COLOURS[1] + '99' },
      { type: 'line', label: 'Save rate', data: x.results.map(r => r.save_rate), borderColor: COLOURS[0], backgroundColor: COLOURS[0], showLine: false, pointRadius: 6 },
      { type: 'line', label: 'Like rate', data: x.results.map(r => r.like_rate), borderColor: COLOURS[1], backgroundColor: COLOURS[1], showLine: false, pointRadius: 6, pointStyle: 'rectRot' }] };
    if (existing) { existing.data = data; existing.update(); }
    else chart(ratesBox.canvas, { type: 'bar', data, options: { scales: { y: { min: 0, max: 1, title: { display: true, text: 'rate per impression' } } } } });
  }
  tick();
  const timer = setInterval(tick, REFRESH_MS);
  return () => clearInterval(timer);
}

/** Serves one listener through the experiment, so the numbers can be watched moving from the browser alone. */
function tryIt(name) {
  const user = h('input', { type: 'text', id: 'try-user', autocomplete: 'off', value: 'listener-1' });
  const go = h('button', { type: 'submit', id: 'try-go' }, 'Recommend as this listener');
  const out = h('div', { id: 'try-results', 'aria-live': 'polite' });
  const form = h('form', { id: 'try-form', novalidate: true }, h('h3', {}, 'Try it as a listener'),
    h('div', { class: 'row' }, h('div', { class: 'field grow' }, h('label', { for: 'try-user' }, 'Listener id'), user), go),
    h('p', { class: 'hint' }, 'Creates the listener if needed, asks for 5 recommendations in this experiment (one impression), and lets you save or like them.'), out);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const id = user.value.trim();
    const r = await busy(go, 'Recommending…', async () => {
      await api('POST', '/api/v1/users', { id });
      return api('POST', '/api/v2/recommendations', { user_id: id, experiment: name, n: 5 });
    }, user);
    if (!r) return;
    out.replaceChildren(h('p', { id: 'try-variant' }, `Variant ${r.experiment?.variant ?? '?'} (strategy ${r.strategy.chosen}).`),
      h('ol', { class: 'tracks' }, r.recommendations.map(x => h('li', {}, h('span', { class: 't-name' }, x.track.name), ' — ', artistNames(x.track),
        h('div', { class: 'actions' }, ['save', 'like'].map(type => {
          const b = h('button', { type: 'button', class: 'quiet', id: `try-${type}-${x.rank}`, 'aria-label': `${type} ${x.track.name}` }, type === 'save' ? 'Save' : 'Like');
          b.addEventListener('click', async () => {
            const ok = await busy(b, 'Sending…', () => api('POST', '/api/v1/events', { events: [{ user_id: id, track_id: x.track.id, type,
              timestamp: new Date().toISOString(), recommendation_id: r.recommendation_id, idempotency_key: `ui-${r.recommendation_id}-${type}-${x.rank}` }] }));
            if (ok) { b.textContent = type === 'save' ? 'Saved' : 'Liked'; b.disabled = true; }
          });
          return b;
        }))))));
  });
  return form;
}
