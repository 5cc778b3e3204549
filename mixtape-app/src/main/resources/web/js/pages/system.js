// System: health, catalog size, model versions, latency percentiles per endpoint and cache hit rates, all from
// what the server already exposes (/health/ready, /metrics, /api/v1/stats/cache, /api/v1/system/profiling).
import { api } from '../api.js';
import { h, busy, fmt } from '../dom.js';
import { chart, canvasBox, COLOURS } from '../charts.js';

export function render(root) {
  const refresh = h('button', { type: 'button', id: 'system-refresh' }, 'Refresh');
  const body = h('div', { id: 'system' });
  root.append(h('h1', {}, 'System'), h('div', { class: 'row' }, refresh), body);
  const load = () => busy(refresh, 'Reading health and metrics…', () => show(body));
  refresh.addEventListener('click', load);
  load();
}

async function show(body) {
  // Readiness answers 503 while loading, with the same body: read it without treating that as a failure.
  const ready = await fetch('/health/ready').then(r => r.json()).catch(() => ({ status: 'UNREACHABLE', detail: 'the server did not answer', checks: {} }));
  const metricsText = await fetch('/metrics').then(r => (r.ok ? r.text() : '')).catch(() => '');
  const metrics = parse(metricsText);
  const [cache, profiling] = await Promise.all([api('GET', '/api/v1/stats/cache'), api('GET', '/api/v1/system/profiling')]);
  const model = metrics.filter(m => m.name === 'mixtape_model_info')[0];
  const latency = percentiles(metrics);
  const latencyBox = canvasBox('chart-latency', 'Request latency percentiles per endpoint, in milliseconds');
  const cacheBox = canvasBox('chart-cache', 'Cache hit rate per kind', 'short');
  const kinds = Object.entries(cache.kinds);
  body.replaceChildren(
    h('div', { class: 'grid2' },
      h('section', { class: 'panel', id: 'health' }, h('h2', {}, 'Health'),
        h('dl', { class: 'facts' },
          h('dt', {}, 'Status'), h('dd', { id: 'health-status' }, `${ready.status} (${ready.detail})`),
          Object.entries(ready.checks || {}).flatMap(([k, v]) => [h('dt', {}, k.replace('_', ' ')), h('dd', {}, v)]),
          h('dt', {}, 'Catalog size'), h('dd', { id: 'catalog-size' }, ready.tracks != null ? `${ready.tracks.toLocaleString('en')} tracks` : 'not loaded yet'),
          h('dt', {}, 'Catalog version'), h('dd', { id: 'model-catalog' }, model?.labels.catalog_version ?? 'unknown'),
          h('dt', {}, 'Collaborative model'), h('dd', { id: 'model-collaborative' }, model?.labels.collaborative ?? 'unknown'),
          h('dt', {}, 'Shared cache tier'), h('dd', {}, cache.shared_tier))),
      h('section', { class: 'panel', id: 'caches' }, h('h2', {}, 'Cache hit rates'), cacheBox.box,
        h('div', { class: 'table-wrap' }, h('table', { id: 'cache-table' },
          h('thead', {}, h('tr', {}, ['Kind', 'Entries', 'Hits', 'Misses', 'Hit rate', 'TTL'].map(c => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, kinds.map(([k, v]) => h('tr', {}, h('td', {}, k), h('td', {}, v.entries), h('td', {}, v.local_hits + (v.shared_hits ?? 0)),
            h('td', {}, v.local_misses), h('td', {}, `${(v.local_hit_rate * 100).toFixed(1)}%`), h('td', {}, `${v.ttl_seconds} s`)))))))),
    h('section', { class: 'panel', id: 'latency' }, h('h2', {}, 'Latency per endpoint'),
      latency.length === 0 ? h('p', {}, 'No requests recorded yet.') : [latencyBox.box, h('div', { class: 'table-wrap' }, h('table', { id: 'latency-table' },
        h('thead', {}, h('tr', {}, ['Endpoint', 'Requests', 'p50', 'p95', 'p99', 'Mean'].map(c => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, latency.map(l => h('tr', {}, h('td', {}, l.endpoint), h('td', {}, l.count),
          ...[l.p50, l.p95, l.p99, l.mean].map(v => h('td', {}, `${fmt(v, 1)} ms`)))))))],
      h('p', { class: 'hint' }, 'From the http_server_requests_seconds histogram on /metrics; percentiles are interpolated within its buckets.')),
    h('section', { class: 'panel', id: 'phases' }, h('h2', {}, 'Workflow phases'),
      Object.keys(profiling.phases).length === 0 ? h('p', {}, 'Nothing timed yet: make a playlist or ask for session picks.')
        : h('div', { class: 'table-wrap' }, h('table', {}, h('thead', {}, h('tr', {}, ['Phase', 'Count', 'p50', 'p95', 'p99', 'Max'].map(c => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, Object.entries(profiling.phases).map(([k, v]) => h('tr', {}, h('td', {}, k), h('td', {}, v.count),
            ...[v.p50_ms, v.p95_ms, v.p99_ms, v.max_ms].map(x => h('td', {}, `${fmt(x, 1)} ms`)))))))));
  chart(cacheBox.canvas, { type: 'bar', data: { labels: kinds.map(([k]) => k), datasets: [
    { label: 'Hit rate', data: kinds.map(([, v]) => v.local_hit_rate), backgroundColor: COLOURS[2] }] },
    options: { indexAxis: 'y', scales: { x: { min: 0, max: 1 } }, plugins: { legend: { display: false } } } });
  if (latency.length) {
    const top = latency.slice(0, 12);
    chart(latencyBox.canvas, { type: 'bar', data: { labels: top.map(l => l.endpoint), datasets: ['p50', 'p95', 'p99'].map((q, i) => (
      { label: q, data: top.map(l => l[q]), backgroundColor: COLOURS[i] })) },
      options: { indexAxis: 'y', scales: { x: { title: { display: true, text: 'milliseconds' } } } } });
  }
}

/** Prometheus text format → [{name, labels, value}]. */
export function parse(text) {
  const out = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = line.match(/^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/);
    if (!m) continue;
    const labels = {};
    for (const l of (m[2] || '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]] = l[2];
    out.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return out;
}

/** Per method and route (all statuses): request count, mean and p50/p95/p99 in ms from the histogram buckets. */
export function percentiles(metrics) {
  const by = new Map();
  // Monitoring files the UI's own files and unknown paths under one route, "unmatched".
  const key = l => `${l.method} ${l.route === 'unmatched' ? '(UI files and unknown paths)' : l.route}`;
  for (const m of metrics) {
    if (!m.name.startsWith('http_server_requests_seconds')) continue;
    const k = key(m.labels);
    if (!by.has(k)) by.set(k, { buckets: new Map(), count: 0, sum: 0 });
    const e = by.get(k);
    if (m.name.endsWith('_bucket')) {
      const le = m.labels.le === '+Inf' ? Infinity : Number(m.labels.le);
      e.buckets.set(le, (e.buckets.get(le) || 0) + m.value);
    } else if (m.name.endsWith('_count')) e.count += m.value;
    else if (m.name.endsWith('_sum')) e.sum += m.value;
  }
  const rows = [];
  for (const [endpoint, e] of by) {
    if (!e.count) continue;
    const bounds = [...e.buckets.entries()].sort((a, b) => a[0] - b[0]);
    const q = p => {
      const want = p * e.count;
      let prevLe = 0, prevCum = 0;
      for (const [le, cum] of bounds) {
        if (cum >= want) {
          if (le === Infinity) return prevLe * 1000;
          const frac = cum === prevCum ? 1 : (want - prevCum) / (cum - prevCum);
          return (prevLe + (le - prevLe) * frac) * 1000;
        }
        prevLe = le; prevCum = cum;
      }
      return prevLe * 1000;
    };
    rows.push({ endpoint, count: e.count, mean: e.sum / e.count * 1000, p50: q(0.5), p95: q(0.95), p99: q(0.99) });
  }
  return rows.sort((a, b) => b.count - a.count);
}
