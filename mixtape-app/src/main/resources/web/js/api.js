// Calls to the mixtape API. When the server answers 401 (API keys configured), asks for a key, keeps it in
// sessionStorage only (this tab), sends it as "Authorization: Bearer <key>" and retries.
const KEY = 'mixtape.apiKey';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function storedKey() {
  return sessionStorage.getItem(KEY);
}

export function forgetKey() {
  sessionStorage.removeItem(KEY);
  keyChanged();
}

function keyChanged() {
  const b = document.getElementById('forget-key');
  if (b) b.hidden = !storedKey();
}

let pendingKey = null;

/** Opens the key dialog (once, however many calls wait); resolves with the key or null when cancelled. */
function askForKey(reason) {
  if (pendingKey) return pendingKey;
  const dialog = document.getElementById('key-dialog');
  const form = document.getElementById('key-form');
  const input = document.getElementById('key-input');
  document.getElementById('key-reason').textContent = reason;
  input.value = '';
  pendingKey = new Promise(resolve => {
    const done = key => {
      form.removeEventListener('submit', onSubmit);
      cancel.removeEventListener('click', onCancel);
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      pendingKey = null;
      resolve(key);
    };
    const onSubmit = e => { e.preventDefault(); const k = input.value.trim(); if (k) done(k); };
    const onCancel = e => { e.preventDefault(); done(null); };
    const cancel = document.getElementById('key-cancel');
    form.addEventListener('submit', onSubmit);
    cancel.addEventListener('click', onCancel);
    dialog.addEventListener('cancel', onCancel);
    dialog.showModal();
    input.focus();
  });
  return pendingKey;
}

/** The answer as parsed JSON (or text for non-JSON); throws ApiError with the server's message. */
export async function api(method, path, body) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const headers = {};
    const key = storedKey();
    if (key) headers['Authorization'] = 'Bearer ' + key;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res;
    try {
      res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      throw new ApiError(0, 'The server could not be reached. Is mixtape still running?');
    }
    const type = res.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await res.json().catch(() => null) : await res.text();
    if (res.ok) return data;
    const message = data && data.error && data.error.message ? data.error.message : `${res.status} ${res.statusText}`;
    if (res.status === 401) {
      const reason = key ? `The key was not accepted (${message}). Enter another one.`
        : 'This server is protected by API keys. Enter one to continue.';
      const entered = await askForKey(reason);
      if (!entered) throw new ApiError(401, 'An API key is needed for this; none was given.');
      sessionStorage.setItem(KEY, entered);
      keyChanged();
      continue;
    }
    throw new ApiError(res.status, explain(res.status, message, res.headers.get('Retry-After')));
  }
  throw new ApiError(401, 'The API key was not accepted.');
}

function explain(status, message, retryAfter) {
  if (status === 503) return `The server is not ready yet: ${message}.` + (retryAfter ? ` Try again in ${retryAfter} s.` : '');
  if (status === 429) return `Too many requests for this listener: ${message}.` + (retryAfter ? ` Wait ${retryAfter} s.` : '');
  if (status >= 500) return `The server failed (${status}): ${message}.`;
  return message.charAt(0).toUpperCase() + message.slice(1) + (message.endsWith('.') ? '' : '.');
}

keyChanged();
