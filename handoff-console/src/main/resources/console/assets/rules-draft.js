// Rules page: the draft. It lives in localStorage under the person's user name until it is applied or
// discarded: {baseVersion, files: {name: text}, savedAt}. Only files whose text differs from live are sent.
import { toast } from './common.js';

const STANDARD = ['rules.yaml', 'team.yaml', 'messages.yaml', 'knowledge.yaml'];

/** What the page shows: the live rules (null until loaded), the draft, the open file and the last problems. */
export const state = { live: null, draft: null, current: 'rules.yaml', problems: [] };

let storage = null;

/** Reads the person's draft from this browser; call once, before anything else here. */
export function openDraft(username) {
  storage = `baton.rules.draft:${username}`;
  state.draft = readDraft();
}

function readDraft() {
  try {
    const saved = JSON.parse(window.localStorage.getItem(storage) || 'null');
    if (saved && typeof saved === 'object' && saved.files && typeof saved.files === 'object') {
      const files = {};
      for (const [name, text] of Object.entries(saved.files)) if (typeof text === 'string') files[name] = text;
      return { baseVersion: typeof saved.baseVersion === 'string' ? saved.baseVersion : null, files, savedAt: saved.savedAt || null };
    }
  } catch (e) {
    // a damaged entry is dropped below
  }
  return { baseVersion: null, files: {}, savedAt: null };
}

let saveTimer = null;
/** Keeps the draft in this browser a moment after the last edit, then calls afterSave. */
export function saveDraft(afterSave) {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    if (changedFiles().length === 0) {
      window.localStorage.removeItem(storage);
      return;
    }
    state.draft.savedAt = new Date().toISOString();
    try {
      window.localStorage.setItem(storage, JSON.stringify(state.draft));
    } catch (e) {
      toast('This browser could not keep the draft (storage full?). Apply or copy it before leaving.', 'error');
    }
    afterSave();
  }, 250);
}

/** Forgets the draft, here and in this browser (applied or discarded). */
export function clearDraft() {
  state.draft = { baseVersion: null, files: {}, savedAt: null };
  window.localStorage.removeItem(storage);
}

export function fileNames() {
  const names = state.live ? state.live.files.map((f) => f.name) : [];
  const ordered = STANDARD.filter((n) => names.includes(n));
  for (const n of names) if (!ordered.includes(n)) ordered.push(n);
  if (!ordered.includes('rules.yaml')) ordered.unshift('rules.yaml'); // no rules.yaml yet: start one
  return ordered;
}

export function liveText(name) {
  const file = state.live && state.live.files.find((f) => f.name === name);
  return file ? file.text : '';
}

export function textOf(name) {
  return Object.prototype.hasOwnProperty.call(state.draft.files, name) ? state.draft.files[name] : liveText(name);
}

export function changedFiles() {
  return Object.keys(state.draft.files).filter((name) => state.draft.files[name] !== liveText(name));
}

/** What the API takes as the draft: only the files it changes. */
export function payload() {
  const files = {};
  for (const name of changedFiles()) files[name] = state.draft.files[name];
  return files;
}

export function stale() {
  const { draft, live } = state;
  return changedFiles().length > 0 && draft.baseVersion && live && draft.baseVersion !== live.version;
}
