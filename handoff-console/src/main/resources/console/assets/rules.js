// Rules page (/rules, managers). Ids for browser tests:
//   #rules-rejected (banner when Baton refused the last change; #rules-rejected-problems),
//   #live-version, #live-loaded, #draft-status, #draft-rebase, #discard-draft,
//   #file-tabs button[data-file][aria-selected] (.changed when the draft changes it),
//   #rules-editor (the textarea), #editor-gutter, #cursor-pos, #goto-line, #goto-go,
//   #check, #apply, #check-status, #apply-status,
//   #problems li[data-file][data-line][data-column] > button.problem-link (moves the cursor there),
//   #try-conversation, #try-channel, #try-roles, #try-at, #try-run, #try-status,
//   #try-live and #try-draft, each with [data-testid="try-decision"][data-action], .try-rule[data-line],
//   .try-priority, .try-private, .try-assignee, .try-why, .try-notice, li.cue[data-kind]; [data-differs] on
//   draft fields that differ from live,
//   #replay-period, #replay-from, #replay-to, #replay-run, #replay-status, #replay-summary, #replay-meta,
//   #replay-totals, #replay-by-person, #replay-by-team, #replay-by-rule, #replay-by-reason (tr[data-name]),
//   #replay-filter, #replay-changed tr[data-conversation-id][data-change] with a.open-link, #replay-more.
//
// This file starts the page: the live rules, checking and applying the draft. The rest is one part a
// file: rules-draft.js (the draft, kept in this browser), rules-editor.js, rules-files.js (the file
// tabs and the draft bar), rules-problems.js, rules-try.js (Try it) and rules-replay.js (Replay).
import { api, fill, session, status, toast, topbar, when } from './common.js';
import { changedFiles, clearDraft, fileNames, openDraft, payload, saveDraft, state } from './rules-draft.js';
import { wireEditor } from './rules-editor.js';
import { drawDraftBar, drawTabs, onEdit, showFile } from './rules-files.js';
import { problemItem, showProblems } from './rules-problems.js';
import { wireReplay } from './rules-replay.js';
import { wireTry } from './rules-try.js';

const me = await session();
topbar(me, 'nav-rules');

const $ = (name) => document.getElementById(name);
openDraft(me.username);

function drawLive() {
  const { live } = state;
  $('live-version').textContent = live.version;
  $('live-loaded').textContent = when(live.loadedAt);
  const rejected = live.lastRejected;
  $('rules-rejected').hidden = !rejected;
  if (rejected) {
    $('rules-rejected-title').textContent = `Baton refused a change ${when(rejected.at)} by ${rejected.actorName || rejected.actor}; `
      + 'the rules that were live before stay live.';
    fill($('rules-rejected-problems'), (rejected.problems || []).map((p) => problemItem(p, false)));
  }
}

async function loadLive() {
  state.live = await api('/api/rules/live');
  drawLive();
  if (!fileNames().includes(state.current)) state.current = 'rules.yaml';
  const editorFocused = document.activeElement === $('rules-editor');
  if (!editorFocused) showFile(state.current);
  drawTabs();
  drawDraftBar();
}

wireEditor(onEdit);

$('check').addEventListener('click', async (event) => {
  const button = event.currentTarget;
  button.disabled = true;
  status($('check-status'), 'Checking…');
  try {
    const result = await api('/api/rules/check', { method: 'POST', body: { files: payload() } });
    showProblems(result.problems);
    const what = changedFiles().length ? 'Your draft' : 'The live rules';
    if (result.ok) status($('check-status'), `${what}: no problems. It could go live.`, 'ok');
    else status($('check-status'), `${what}: ${result.problems.length} ${result.problems.length === 1 ? 'problem' : 'problems'}.`, 'bad');
  } catch (e) {
    status($('check-status'), e.message, 'bad');
  } finally {
    button.disabled = false;
  }
});

$('apply').addEventListener('click', async (event) => {
  const changed = changedFiles();
  if (changed.length === 0) {
    status($('apply-status'), 'Nothing to apply: your draft changes no file.', 'bad');
    return;
  }
  if (!window.confirm(`Apply your changes to ${changed.join(', ')}? Baton uses them at once, without a restart.`)) return;
  const button = event.currentTarget;
  button.disabled = true;
  status($('apply-status'), 'Applying…');
  try {
    const applied = await api('/api/rules/apply', { method: 'POST',
      body: { files: payload(), baseVersion: state.draft.baseVersion || state.live.version } });
    state.live = applied;
    clearDraft();
    showProblems([]);
    drawLive();
    showFile(state.current);
    drawDraftBar();
    status($('apply-status'), `Applied: ${changed.join(', ')} ${changed.length === 1 ? 'is' : 'are'} live. Live version ${applied.version}.`, 'ok');
    toast('Applied. Baton uses the new rules now.');
  } catch (e) {
    if (e.status === 422 && e.data && Array.isArray(e.data.problems)) {
      showProblems(e.data.problems);
      status($('apply-status'), `Not applied: ${e.message}`, 'bad');
    } else if (e.status === 409) {
      status($('apply-status'), `Not applied: ${e.message}`, 'bad');
      await loadLive(); // shows the new version; the draft stays
    } else {
      status($('apply-status'), `Not applied: ${e.message}`, 'bad');
    }
  } finally {
    drawDraftBar();
  }
});

$('discard-draft').addEventListener('click', () => {
  const changed = changedFiles();
  if (!changed.length) return;
  if (!window.confirm(`Discard your draft? Your edits to ${changed.join(', ')} are lost.`)) return;
  clearDraft();
  showProblems([]);
  showFile(state.current);
  drawDraftBar();
  status($('apply-status'), '');
  toast('Draft discarded.');
});

$('draft-rebase').addEventListener('click', () => {
  state.draft.baseVersion = state.live.version;
  saveDraft(drawDraftBar);
  drawDraftBar();
  toast('Your draft now builds on the live version. Check it before you apply.');
});

wireTry();
wireReplay();

try {
  await loadLive();
} catch (e) {
  toast(e.message, 'error');
}
