// Shared helpers for every console page.
//
// Rule for this whole front end: data from the server (above all, what customers wrote) is only
// ever put into the page with textContent / createTextNode, never innerHTML, so any markup in it
// shows as literal text.
//
// Stable ids for browser tests (on every signed-in page): #topbar, #nav-queue, #nav-playground,
// #nav-rules, #nav-care and #nav-manage (managers only), #nav-account, #user-name, #logout, #toast.

/** Builds an element. props: class, text, attrs {name: value}, dataset {key: value}, on {event: fn}. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.id) node.id = props.id;
  if (props.text !== undefined && props.text !== null) node.textContent = String(props.text);
  if (props.testid) node.dataset.testid = props.testid;
  for (const [name, value] of Object.entries(props.attrs || {})) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [key, value] of Object.entries(props.dataset || {})) node.dataset[key] = String(value);
  for (const [event, handler] of Object.entries(props.on || {})) node.addEventListener(event, handler);
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Empties a node and puts children in. */
export function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

export class ApiFailure extends Error {
  /** data: the whole error body, e.g. {error, problems} for a draft that cannot go live. */
  constructor(status, message, data = null) {
    super(message);
    this.status = status;
    this.data = data;
  }
}

let me = null;

/** Calls the JSON API. State changes carry the session's CSRF token. Throws ApiFailure. */
export async function api(path, options = {}) {
  const method = options.method || 'GET';
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    const token = options.csrf || (me && me.csrfToken);
    if (token) headers['X-CSRF-Token'] = token;
  }
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  let data = null;
  const type = response.headers.get('Content-Type') || '';
  if (type.startsWith('application/json')) data = await response.json();
  if (!response.ok) {
    if (response.status === 401 && !options.allow401) {
      window.location.assign('/login');
    }
    throw new ApiFailure(response.status, (data && data.error) || `request failed (${response.status})`, data);
  }
  return data;
}

/**
 * The logged-in person ({username, name, role, csrfToken}); sends to /login when nobody is. Also loads
 * Baton's cue kinds, so that reasonLabel and sensitivity can be used once it has returned.
 */
export async function session() {
  if (!me) [me] = await Promise.all([api('/api/me'), loadCues()]);
  return me;
}

/** Draws the top bar: brand, navigation, who is logged in, log out. */
export function topbar(current, active) {
  const bar = document.getElementById('topbar');
  const link = (id, href, label) => el('a', { id, attrs: { href, 'aria-current': active === id ? 'page' : null },
    class: active === id ? 'active' : '' }, label);
  const nav = el('nav', { class: 'nav' },
    link('nav-queue', '/', 'Queue'),
    link('nav-playground', '/playground', 'Playground'),
    current.role === 'manager' ? link('nav-rules', '/rules', 'Rules') : null,
    current.role === 'manager' ? link('nav-care', '/care', 'Care') : null,
    current.role === 'manager' ? link('nav-manage', '/manage', 'Manage') : null,
    link('nav-account', '/account', 'Account'));
  const logout = el('button', { id: 'logout', class: 'link-button', text: 'Log out', attrs: { type: 'button' } });
  logout.addEventListener('click', async () => {
    try {
      await api('/api/logout', { method: 'POST' });
    } finally {
      window.location.assign('/login');
    }
  });
  fill(bar,
    el('a', { class: 'brand', attrs: { href: '/' } }, el('span', { class: 'brand-mark', text: 'B' }), 'Baton console'),
    nav,
    el('div', { class: 'user' },
      el('span', { id: 'user-name', text: current.name }),
      el('span', { class: 'role-tag', text: current.role }),
      logout));
}

/** Shows a short message at the bottom of the page. */
export function toast(message, kind = 'info') {
  let box = document.getElementById('toast');
  if (!box) {
    box = el('div', { id: 'toast', attrs: { role: 'status', 'aria-live': 'polite' } });
    document.body.append(box);
  }
  box.className = `toast toast-${kind} show`;
  box.textContent = message;
  clearTimeout(box.hideTimer);
  box.hideTimer = setTimeout(() => box.classList.remove('show'), 4000);
}

/** "45s", "14m 05s", "2h 03m", "3d 4h" for a number of seconds; "—" for none. */
export function duration(seconds) {
  if (seconds === null || seconds === undefined || Number.isNaN(Number(seconds))) return '—';
  const s = Math.max(0, Math.round(Number(seconds)));
  const pad = (n) => String(n).padStart(2, '0');
  if (s < 60) return `${s}s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes}m ${pad(s % 60)}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${pad(minutes % 60)}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

/** 0.834 → "83%"; "—" for none. */
export function percent(share) {
  if (share === null || share === undefined) return '—';
  return `${Math.round(Number(share) * 100)}%`;
}

/** "45s", "14m 05s", "2h 03m", "3d 4h" since an ISO time. */
export function waited(iso, now = Date.now()) {
  const seconds = Math.max(0, Math.floor((now - Date.parse(iso)) / 1000));
  const pad = (n) => String(n).padStart(2, '0');
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${pad(seconds % 60)}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${pad(minutes % 60)}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

/** Keeps every [data-since] element showing how long ago its time was. */
export function tickWaits() {
  const update = () => {
    for (const node of document.querySelectorAll('[data-since]')) node.textContent = waited(node.dataset.since);
  };
  update();
  return setInterval(update, 1000);
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const clockFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

export function when(iso) {
  return iso ? timeFormat.format(new Date(iso)) : '—';
}

export function clockTime(iso) {
  return iso ? clockFormat.format(new Date(iso)) : '';
}

// Baton's cue kinds ({name, label, sensitive, alwaysOn, rank}) by wire name, from GET /api/cues: fetched
// once per page, by session().
let cues = new Map();
let cuesLoaded = null;

/** Fetches Baton's cue kinds once; every later call returns the same promise. */
export function loadCues() {
  if (!cuesLoaded) {
    cuesLoaded = api('/api/cues').then((list) => {
      cues = new Map(list.map((cue) => [cue.name, cue]));
    });
  }
  return cuesLoaded;
}

export function reasonLabel(reason) {
  if (!reason) return '—';
  const cue = cues.get(reason);
  return cue ? cue.label : reason.replace(/_/g, ' ');
}

/** A rank of 2 for the ordinary reasons, and for any reason Baton did not name. */
const IN_TURN = 2;

/**
 * Each cue's rank from Baton, the lowest of all the reasons: 0 crisis, 1 grief/anxiety/urgency, 2 the
 * rest, the same grouping as the server's queue order (which also takes a reason written as its label).
 */
export function sensitivity(reasons) {
  let rank = IN_TURN;
  for (const reason of reasons || []) {
    const cue = cues.get(reason) || [...cues.values()].find((c) => c.label === reason);
    rank = Math.min(rank, cue ? cue.rank : IN_TURN);
  }
  return rank;
}

export function reasonChip(reason) {
  const rank = sensitivity([reason]);
  return el('span', { class: `chip reason sens-${rank}`, text: reasonLabel(reason), dataset: { reason } });
}

/** A cue with its score as a bar and its quoted evidence (playground, Try it). */
export function cueItem(c) {
  const bar = el('span');
  bar.style.width = `${Math.round(Math.max(0, Math.min(1, Number(c.score) || 0)) * 100)}%`; // CSSOM, allowed by the CSP
  const evidence = String(c.evidence || '').trim().replace(/^["“]+|["”]+$/g, '');
  return el('li', { class: `cue sens-${sensitivity([c.kind])}${c.fired === false ? ' quiet' : ''}`, testid: 'cue',
    dataset: { kind: c.kind } },
  el('span', {}, reasonChip(c.kind)),
  el('span', { class: 'bar', attrs: { title: `score ${c.score}` } }, bar),
  el('span', { class: 'evidence' }, evidence ? [el('q', { text: evidence }), ' '] : null,
    Number.isInteger(c.message) ? `in message ${c.message + 1}` : '',
    el('span', { class: 'score', text: Number(c.score).toFixed(2) })));
}

/** Shows a short result beside a button; kind: ok, bad or none. */
export function status(node, text, kind = '') {
  node.className = `status${kind ? ` ${kind}` : ''}`;
  node.textContent = text;
}

export function stateBadge(state, props = {}) {
  return el('span', { class: `badge state-${state}`, text: state, testid: 'state-badge', ...props });
}

export function practiceTag() {
  return el('span', { class: 'tag practice', text: 'practice', testid: 'practice-marker',
    attrs: { title: 'A practice handoff from the playground: nothing reaches Discord' } });
}

/**
 * Listens to the server's change stream. onChange({kind, handoffId}) is called for every change;
 * the browser reconnects by itself, and a lost login sends the person to /login.
 */
export function listen(onChange, onStatus = () => {}) {
  const source = new EventSource('/api/events');
  const handle = (event) => {
    try {
      onChange(JSON.parse(event.data));
    } catch (e) {
      onChange({ kind: event.type, handoffId: null });
    }
  };
  for (const kind of ['created', 'changed', 'message']) source.addEventListener(kind, handle);
  // Changes may have been missed (another Baton's were not heard for a while): about every handoff.
  source.addEventListener('refresh', () => onChange({ kind: 'refresh', handoffId: null }));
  source.addEventListener('open', () => onStatus(true));
  source.addEventListener('error', async () => {
    onStatus(false);
    try {
      await api('/api/me', { allow401: true });
    } catch (e) {
      if (e.status === 401) {
        source.close();
        window.location.assign('/login');
      }
    }
  });
  return source;
}

/** Runs fn at most once per `ms`, trailing call included (several events in a burst cause one fetch). */
/**
 * Runs the async fn at once, and while it runs, collapses any further calls into one more run after
 * it: a burst of live events costs at most two fetches, and the first change shows without delay
 * (a trailing debounce would hold every update back by its wait).
 */
export function coalesce(fn) {
  let running = null;
  let again = false;
  const run = async () => {
    try {
      await fn();
    } finally {
      running = null;
      if (again) {
        again = false;
        running = run();
      }
    }
  };
  return () => {
    if (running) {
      again = true;
    } else {
      running = run();
    }
  };
}

/** Only http(s) links from data become clickable. */
export function safeUrl(text) {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch (e) {
    return null;
  }
}
