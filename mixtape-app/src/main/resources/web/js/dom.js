// Small DOM helpers shared by the pages.

/** h('p', {class: 'x'}, 'text', child) → element. Attributes starting with "on" become listeners. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** The error box tied to a control: created after it on first use and linked with aria-describedby. */
export function errorBox(control) {
  const id = control.id + '-error';
  let box = document.getElementById(id);
  if (!box) {
    box = h('p', { id, class: 'error', role: 'alert' });
    const anchor = control.closest('.field') || control;
    anchor.after(box);
    const described = (control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
    if (!described.includes(id)) control.setAttribute('aria-describedby', [...described, id].join(' '));
  }
  return box;
}

export function showError(control, err) {
  errorBox(control).textContent = err instanceof Error ? err.message : String(err);
  control.setAttribute('aria-invalid', 'true');
}

export function clearError(control) {
  const box = document.getElementById(control.id + '-error');
  if (box) box.textContent = '';
  control.removeAttribute('aria-invalid');
}

/**
 * Runs a long operation: disables the button, shows a progress line with {@code label}, clears and shows
 * errors next to {@code control} (the button when not given; a function of the error picks the control at
 * fault). Resolves with the result or undefined on error.
 */
export async function busy(button, label, work, control = button) {
  if (typeof control !== 'function') clearError(control);
  const progress = h('div', { class: 'progress', role: 'status', id: button.id + '-progress' },
    h('progress', { 'aria-label': label }), h('span', {}, label));
  const old = document.getElementById(progress.id);
  if (old) old.remove();
  (button.closest('.field') || button).after(progress);
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } catch (e) {
    showError(typeof control === 'function' ? control(e) : control, e);
    return undefined;
  } finally {
    progress.remove();
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

export function fmt(v, digits = 2) {
  return typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(digits)) : String(v ?? '');
}

export function artistNames(track) {
  return (track.artists || []).map(a => (typeof a === 'string' ? a : a.name)).join(', ');
}

/** A file download of {@code text}. */
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
