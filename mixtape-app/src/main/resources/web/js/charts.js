// Chart.js (from the WebJar, loaded as a classic script that defines window.Chart) with the UI's defaults.
// Tests read a chart's data back with Chart.getChart(canvas).

export const COLOURS = ['#0a4f96', '#b3261e', '#1d6b2f', '#7a3e9d', '#a15c00', '#00636b', '#5c5c5c'];

function ready() {
  if (!window.Chart) throw new Error('The chart library did not load (/webjars/chart.js). Reload the page.');
  return window.Chart;
}

/** Replaces any chart on {@code canvas} by a new one. */
export function chart(canvas, config) {
  const Chart = ready();
  const old = Chart.getChart(canvas);
  if (old) old.destroy();
  Chart.defaults.color = '#1b1b1b';
  Chart.defaults.font.family = 'system-ui, sans-serif';
  config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
  return new Chart(canvas, config);
}

/** A canvas in a sized box, with a text alternative for screen readers. */
export function canvasBox(id, label, extraClass = '') {
  const box = document.createElement('div');
  box.className = 'chart ' + extraClass;
  const c = document.createElement('canvas');
  c.id = id;
  c.setAttribute('role', 'img');
  c.setAttribute('aria-label', label);
  box.append(c);
  return { box, canvas: c };
}
