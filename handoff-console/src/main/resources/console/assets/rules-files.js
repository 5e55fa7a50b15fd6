// Rules page: the files of the draft, one tab each (changed ones marked), the open file in the editor,
// and the bar that says what the draft changes and whether the live rules moved on meanwhile.
import { el, fill, status, when } from './common.js';
import { changedFiles, fileNames, liveText, saveDraft, stale, state, textOf } from './rules-draft.js';
import { drawCursor, drawGutter } from './rules-editor.js';

const $ = (name) => document.getElementById(name);

export function drawDraftBar() {
  const { draft, live } = state;
  const changed = changedFiles();
  const bar = $('draft-status');
  bar.className = 'grow';
  if (changed.length === 0) {
    bar.textContent = 'No draft: you are looking at the live rules. Edit to start one.';
  } else if (stale()) {
    bar.className = 'grow warn';
    bar.textContent = `The live rules changed since you started this draft (version ${draft.baseVersion} → ${live.version}). `
      + 'Applying it as it is will be refused: look at the Changes page, then use your draft over the new version or discard it.';
  } else {
    bar.textContent = `Draft changes ${changed.join(', ')}`
      + (draft.savedAt ? ` · kept in this browser (${when(draft.savedAt)})` : '');
  }
  $('draft-rebase').hidden = !stale();
  $('discard-draft').disabled = changed.length === 0;
  $('apply').disabled = changed.length === 0;
}

export function drawTabs() {
  const changed = new Set(changedFiles());
  const withProblems = new Set(state.problems.map((p) => p.file));
  fill($('file-tabs'), fileNames().map((name) => el('button', {
    class: `file-tab${changed.has(name) ? ' changed' : ''}${withProblems.has(name) ? ' has-problems' : ''}`,
    text: name,
    dataset: { file: name },
    attrs: {
      type: 'button', role: 'tab', 'aria-selected': String(name === state.current),
      title: changed.has(name) ? 'Changed in your draft' : 'As live',
    },
    on: { click: () => showFile(name) },
  })));
}

export function showFile(name) {
  state.current = name;
  const editor = $('rules-editor');
  editor.value = textOf(name);
  editor.setSelectionRange(0, 0);
  editor.scrollTop = 0;
  editor.scrollLeft = 0;
  drawTabs();
  drawGutter();
  drawCursor();
}

/** The open file's text changed: it goes into the draft (or out of it, when it is as live again). */
export function onEdit() {
  const { draft, current } = state;
  const editor = $('rules-editor');
  if (!draft.baseVersion || changedFiles().length === 0) draft.baseVersion = state.live.version;
  draft.files[current] = editor.value;
  if (draft.files[current] === liveText(current)) delete draft.files[current];
  saveDraft(drawDraftBar);
  drawTabs();
  drawDraftBar();
  drawGutter();
  drawCursor();
  if (state.problems.length || $('check-status').textContent) status($('check-status'), 'Changed since the last check.');
}
