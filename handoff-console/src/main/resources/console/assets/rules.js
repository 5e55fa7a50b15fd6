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
// The draft lives in localStorage under the person's user name until it is applied or discarded:
// {baseVersion, files: {name: text}, savedAt}. Only files whose text differs from live are sent.
import { api, el, fill, percent, reasonChip, reasonLabel, sensitivity, session, toast, topbar, when } from './common.js';

const me = await session();
topbar(me, 'nav-rules');

const $ = (name) => document.getElementById(name);
const STANDARD = ['rules.yaml', 'team.yaml', 'messages.yaml', 'knowledge.yaml'];
const STORAGE = `baton.rules.draft:${me.username}`;
const SHOWN_CHANGES = 200;

let live = null;
let draft = readDraft();
let current = 'rules.yaml';
let problems = [];
let escapePressed = false;

// ---------------------------------------------------------------------------------------- draft

function readDraft() {
  try {
    const saved = JSON.parse(window.localStorage.getItem(STORAGE) || 'null');
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
function saveDraft() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    if (changedFiles().length === 0) {
      window.localStorage.removeItem(STORAGE);
      return;
    }
    draft.savedAt = new Date().toISOString();
    try {
      window.localStorage.setItem(STORAGE, JSON.stringify(draft));
    } catch (e) {
      toast('This browser could not keep the draft (storage full?). Apply or copy it before leaving.', 'error');
    }
    drawDraftBar();
  }, 250);
}

function fileNames() {
  const names = live ? live.files.map((f) => f.name) : [];
  const ordered = STANDARD.filter((n) => names.includes(n));
  for (const n of names) if (!ordered.includes(n)) ordered.push(n);
  if (!ordered.includes('rules.yaml')) ordered.unshift('rules.yaml'); // no rules.yaml yet: start one
  return ordered;
}

function liveText(name) {
  const file = live && live.files.find((f) => f.name === name);
  return file ? file.text : '';
}

function textOf(name) {
  return Object.prototype.hasOwnProperty.call(draft.files, name) ? draft.files[name] : liveText(name);
}

function changedFiles() {
  return Object.keys(draft.files).filter((name) => draft.files[name] !== liveText(name));
}

/** What the API takes as the draft: only the files it changes. */
function payload() {
  const files = {};
  for (const name of changedFiles()) files[name] = draft.files[name];
  return files;
}

function stale() {
  return changedFiles().length > 0 && draft.baseVersion && live && draft.baseVersion !== live.version;
}

// ---------------------------------------------------------------------------------------- page

function drawLive() {
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

function drawDraftBar() {
  const changed = changedFiles();
  const status = $('draft-status');
  status.className = 'grow';
  if (changed.length === 0) {
    status.textContent = 'No draft: you are looking at the live rules. Edit to start one.';
  } else if (stale()) {
    status.className = 'grow warn';
    status.textContent = `The live rules changed since you started this draft (version ${draft.baseVersion} → ${live.version}). `
      + 'Applying it as it is will be refused: look at the Changes page, then use your draft over the new version or discard it.';
  } else {
    status.textContent = `Draft changes ${changed.join(', ')}`
      + (draft.savedAt ? ` · kept in this browser (${when(draft.savedAt)})` : '');
  }
  $('draft-rebase').hidden = !stale();
  $('discard-draft').disabled = changed.length === 0;
  $('apply').disabled = changed.length === 0;
}

function drawTabs() {
  const changed = new Set(changedFiles());
  const withProblems = new Set(problems.map((p) => p.file));
  fill($('file-tabs'), fileNames().map((name) => el('button', {
    class: `file-tab${changed.has(name) ? ' changed' : ''}${withProblems.has(name) ? ' has-problems' : ''}`,
    text: name,
    dataset: { file: name },
    attrs: {
      type: 'button', role: 'tab', 'aria-selected': String(name === current),
      title: changed.has(name) ? 'Changed in your draft' : 'As live',
    },
    on: { click: () => showFile(name) },
  })));
}

function showFile(name) {
  current = name;
  const editor = $('rules-editor');
  editor.value = textOf(name);
  editor.setSelectionRange(0, 0);
  editor.scrollTop = 0;
  editor.scrollLeft = 0;
  drawTabs();
  drawGutter();
  drawCursor();
}

// ---------------------------------------------------------------------------------------- editor

let gutterLines = 0;
function drawGutter() {
  const editor = $('rules-editor');
  const count = editor.value.split('\n').length;
  if (count !== gutterLines) {
    gutterLines = count;
    const numbers = [];
    for (let i = 1; i <= count; i++) numbers.push(String(i));
    $('editor-gutter').textContent = `${numbers.join('\n')}\n`;
  }
  $('editor-gutter').scrollTop = editor.scrollTop;
}

function position(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

function drawCursor() {
  const editor = $('rules-editor');
  const { line, column } = position(editor.value, editor.selectionStart);
  $('cursor-pos').textContent = `line ${line}, column ${column}`;
}

/** Moves the cursor to line:column (1-based) of the open file, selects the rest of that line and scrolls to it. */
function jumpTo(line, column = 1) {
  const editor = $('rules-editor');
  const lines = editor.value.split('\n');
  const target = Math.max(1, Math.min(lines.length, Number(line) || 1));
  let offset = 0;
  for (let i = 0; i < target - 1; i++) offset += lines[i].length + 1;
  const text = lines[target - 1];
  const col = Math.max(1, Math.min(text.length + 1, Number(column) || 1));
  editor.focus();
  editor.setSelectionRange(offset + col - 1, offset + Math.max(col - 1, text.length));
  const lineHeight = parseFloat(window.getComputedStyle(editor).lineHeight) || 20;
  editor.scrollTop = Math.max(0, (target - 1) * lineHeight - editor.clientHeight / 3);
  drawGutter();
  drawCursor();
}

function onEdit() {
  const editor = $('rules-editor');
  if (!draft.baseVersion || changedFiles().length === 0) draft.baseVersion = live.version;
  draft.files[current] = editor.value;
  if (draft.files[current] === liveText(current)) delete draft.files[current];
  saveDraft();
  drawTabs();
  drawDraftBar();
  drawGutter();
  drawCursor();
  if (problems.length || $('check-status').textContent) status($('check-status'), 'Changed since the last check.');
}

const editor = $('rules-editor');
editor.addEventListener('input', onEdit);
editor.addEventListener('scroll', () => { $('editor-gutter').scrollTop = editor.scrollTop; });
for (const event of ['keyup', 'click', 'select', 'focus']) editor.addEventListener(event, drawCursor);
editor.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    escapePressed = true;
    return;
  }
  if (event.key === 'Tab' && !escapePressed && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey) {
    // YAML indents with spaces; a tab character there is an error.
    event.preventDefault();
    editor.setRangeText('  ', editor.selectionStart, editor.selectionEnd, 'end');
    onEdit();
  }
  escapePressed = false;
});
$('goto-go').addEventListener('click', () => jumpTo($('goto-line').value, 1));
$('goto-line').addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    event.preventDefault();
    jumpTo($('goto-line').value, 1);
  }
});

// ---------------------------------------------------------------------------------------- problems

function problemText(p) {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}

/** A problem; with `jump`, a button that opens the file at its line and column. */
function problemItem(p, jump = true) {
  const label = problemText(p);
  const head = jump
    ? el('button', { class: 'problem-link', text: label, attrs: { type: 'button', title: 'Show it in the editor' },
      on: { click: () => { if (fileNames().includes(p.file)) showFile(p.file); jumpTo(p.line, p.column); } } })
    : el('span', { class: 'problem-text', text: label });
  return el('li', { dataset: { file: p.file, line: p.line, column: p.column }, testid: 'problem' },
    head, p.hint ? el('div', { class: 'hint', text: p.hint }) : null);
}

function showProblems(list) {
  problems = list || [];
  fill($('problems'), problems.map((p) => problemItem(p)));
  drawTabs();
}

function status(node, text, kind = '') {
  node.className = `status${kind ? ` ${kind}` : ''}`;
  node.textContent = text;
}

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
      body: { files: payload(), baseVersion: draft.baseVersion || live.version } });
    live = applied;
    draft = { baseVersion: null, files: {}, savedAt: null };
    window.localStorage.removeItem(STORAGE);
    showProblems([]);
    drawLive();
    showFile(current);
    drawDraftBar();
    status($('apply-status'), `Applied: ${changed.join(', ')} ${changed.length === 1 ? 'is' : 'are'} live. Live version ${live.version}.`, 'ok');
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
  draft = { baseVersion: null, files: {}, savedAt: null };
  window.localStorage.removeItem(STORAGE);
  showProblems([]);
  showFile(current);
  drawDraftBar();
  status($('apply-status'), '');
  toast('Draft discarded.');
});

$('draft-rebase').addEventListener('click', () => {
  draft.baseVersion = live.version;
  saveDraft();
  drawDraftBar();
  toast('Your draft now builds on the live version. Check it before you apply.');
});

// ---------------------------------------------------------------------------------------- try it

const PRIORITIES = { urgent: 'sens-0', high: 'sens-1' };

function cueItem(c) {
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

function fact(label, value, differs) {
  return [el('dt', { text: label }), el('dd', { dataset: differs ? { differs: 'true' } : {} }, value)];
}

function outcomeKey(o) {
  return o ? {
    action: (o.decision && (o.decision.action || o.decision.decision)) || '',
    rule: o.rule, priority: o.priority, assignee: o.assignee, privateThread: o.privateThread, notice: o.notice,
    reasons: JSON.stringify((o.decision && o.decision.reasons) || []),
  } : {};
}

function drawOutcome(node, title, outcome, other, side, draftProblems = []) {
  const heading = el('h3', { text: title });
  if (!outcome) {
    fill(node, heading,
      el('p', { class: 'status bad', text: 'Your draft has problems, so it cannot decide. Fix them first:' }),
      el('ul', { class: 'problem-list' }, draftProblems.map((p) => problemItem(p))));
    return;
  }
  const d = outcome.decision || {};
  const action = d.action || d.decision || 'unknown';
  const mine = outcomeKey(outcome);
  const theirs = side === 'draft' ? outcomeKey(other) : null;
  const differs = (key) => theirs !== null && other !== null && other !== undefined && mine[key] !== theirs[key];
  const facts = [];
  if (action === 'handoff') {
    facts.push(...fact('Reasons', el('span', {}, (d.reasons || []).map(reasonChip)), differs('reasons')));
    const ruleText = outcome.rule ? `${outcome.rule}${outcome.ruleLine > 0 ? ` (line ${outcome.ruleLine})` : ' (built in)'}` : '—';
    const rule = side === 'draft' && outcome.ruleLine > 0
      ? el('button', { class: 'link-like try-rule', text: ruleText, dataset: { line: outcome.ruleLine },
        attrs: { type: 'button', title: 'Show this rule in the editor' },
        on: { click: () => { showFile('rules.yaml'); jumpTo(outcome.ruleLine, 1); } } })
      : el('span', { class: 'try-rule', text: ruleText, dataset: { line: outcome.ruleLine || 0 } });
    facts.push(...fact('Matched rule', rule, differs('rule')));
    facts.push(...fact('Priority', el('span', { class: `chip try-priority ${PRIORITIES[outcome.priority] || ''}`, text: outcome.priority || '—' }), differs('priority')));
    facts.push(...fact('Private thread', el('span', { class: 'try-private', text: outcome.privateThread ? 'yes' : 'no' }), differs('privateThread')));
    facts.push(...fact('Goes to', el('span', {}, el('strong', { class: 'try-assignee', text: outcome.assignee || 'nobody' }),
      outcome.assigneeWhy ? el('span', { class: 'muted small try-why', text: ` — ${outcome.assigneeWhy}` }) : null), differs('assignee')));
  } else {
    const entry = d.entry ?? d.kb_id ?? null;
    if (entry) facts.push(...fact('KB entry', el('span', { class: 'tag kb', text: entry })));
    if (d.confidence !== undefined && d.confidence !== null) facts.push(...fact('Confidence', Number(d.confidence).toFixed(2)));
  }
  const cues = Array.isArray(d.cues) ? d.cues : [];
  fill(node, heading,
    el('div', { class: 'decision-head' },
      el('span', { class: `decision-kind ${action}`, dataset: Object.assign({ action }, differs('action') ? { differs: 'true' } : {}),
        testid: 'try-decision', text: action === 'answer' ? 'Baton answers' : action === 'handoff' ? 'Baton hands off'
          : action === 'smalltalk' ? 'Baton replies to small talk' : action })),
    el('dl', { class: 'facts' }, facts),
    outcome.notice ? [el('h4', { text: action === 'answer' ? 'The answer' : 'What the customer is told' }),
      el('div', { class: 'answer-box try-notice', text: outcome.notice, dataset: differs('notice') ? { differs: 'true' } : {} })] : null,
    el('h4', { text: 'Cues' }),
    cues.length ? el('ul', { class: 'cues' }, cues.map(cueItem)) : el('p', { class: 'muted small', text: 'No cues scored.' }),
    el('details', {}, el('summary', { class: 'muted small', text: 'Everything the engine returned' }),
      el('pre', { class: 'raw', text: JSON.stringify(d, null, 2) })));
}

$('try-run').addEventListener('click', async (event) => {
  const conversation = $('try-conversation').value;
  if (!conversation.trim()) {
    status($('try-status'), 'Write a conversation first, e.g. customer: I was charged twice', 'bad');
    return;
  }
  const at = $('try-at').value ? new Date($('try-at').value).toISOString() : null;
  const roles = $('try-roles').value.split(',').map((r) => r.trim()).filter(Boolean);
  const button = event.currentTarget;
  button.disabled = true;
  status($('try-status'), 'Deciding…');
  try {
    const result = await api('/api/rules/try', { method: 'POST', body: {
      files: payload(), conversation, channel: $('try-channel').value.trim() || null, roles, at } });
    drawOutcome($('try-live'), 'Live rules', result.live, null, 'live');
    drawOutcome($('try-draft'), changedFiles().length ? 'Your draft' : 'Your draft (no changes yet: the same as live)',
      result.draft, result.live, 'draft', result.draftProblems);
    status($('try-status'), '');
  } catch (e) {
    status($('try-status'), e.message, 'bad');
  } finally {
    button.disabled = false;
  }
});

// ---------------------------------------------------------------------------------------- replay

$('replay-period').addEventListener('change', () => {
  $('replay-custom').hidden = $('replay-period').value !== 'custom';
});

function delta(liveCount, draftCount) {
  const change = draftCount - liveCount;
  return el('td', { class: `num delta${change > 0 ? ' up' : change < 0 ? ' down' : ''}`,
    text: change > 0 ? `+${change}` : change < 0 ? `−${-change}` : '0' });
}

/** A live-vs-draft table: rows of [name, live, draft], largest first. */
function compare(table, rows, nameLabel, label = (n) => n) {
  const sorted = rows.slice().sort((a, b) => Math.max(b[1], b[2]) - Math.max(a[1], a[2]) || String(a[0]).localeCompare(String(b[0])));
  fill(table,
    el('thead', {}, el('tr', {}, el('th', { text: nameLabel }), el('th', { class: 'num', text: 'Live' }),
      el('th', { class: 'num', text: 'Draft' }), el('th', { class: 'num', text: 'Change' }))),
    el('tbody', {}, sorted.length ? sorted.map(([name, a, b]) => el('tr', { dataset: { name } },
      el('td', { text: label(name) }), el('td', { class: 'num', text: a }), el('td', { class: 'num', text: b }), delta(a, b)))
      : el('tr', {}, el('td', { class: 'muted', text: 'No handoffs.', attrs: { colspan: 4 } }))));
}

function sides(liveMap, draftMap) {
  const names = new Set([...Object.keys(liveMap || {}), ...Object.keys(draftMap || {})]);
  return [...names].map((n) => [n, (liveMap || {})[n] || 0, (draftMap || {})[n] || 0]);
}

const CHANGES = {
  gained: 'now a handoff',
  lost: 'now answered by Baton',
  rerouted: 'another person',
  reason: 'another rule or reason',
};

let replay = null;
let replayShown = SHOWN_CHANGES;

function changedRow(c) {
  const href = c.handoffId !== null && c.handoffId !== undefined ? `/handoffs/${c.handoffId}` : `/conversations/${c.conversationId}`;
  return el('tr', { dataset: { conversationId: c.conversationId, change: c.change }, testid: 'replay-changed-row' },
    el('td', { class: 'muted small nowrap', text: when(c.at) }),
    el('td', {}, el('a', { class: 'open-link', attrs: { href }, text: c.customerName || `conversation ${c.conversationId}` })),
    el('td', {}, el('span', { class: `chip change-${c.change}`, text: CHANGES[c.change] || c.change })),
    el('td', { class: 'outcome', text: c.live }),
    el('td', { class: 'outcome', text: c.draft }));
}

function drawChanged() {
  const filter = $('replay-filter').value || 'all';
  const list = replay.changed.filter((c) => filter === 'all' || c.change === filter);
  fill($('replay-changed'), list.slice(0, replayShown).map(changedRow));
  $('replay-changed-empty').hidden = list.length > 0;
  $('replay-changed-empty').textContent = replay.changed.length ? 'None of this kind.' : 'No conversation would change.';
  const more = $('replay-more');
  more.hidden = list.length <= replayShown;
  more.textContent = `Show all ${list.length}`;
}

function drawReplay(r) {
  replay = r;
  replayShown = SHOWN_CHANGES;
  $('replay-result').hidden = false;
  $('replay-summary').textContent = r.summary;
  $('replay-meta').textContent = `${r.conversations} stored ${r.conversations === 1 ? 'conversation' : 'conversations'} `
    + `from ${when(r.from)} to ${when(r.to)}, replayed in ${r.millis < 1000 ? `${r.millis} ms` : `${(r.millis / 1000).toFixed(1)} s`}.`;
  compare($('replay-totals'), [['Handoffs', r.live.handoffs, r.draft.handoffs], ['Answered by Baton', r.live.answers, r.draft.answers]], '');
  compare($('replay-by-person'), sides(r.live.byPerson, r.draft.byPerson), 'Person');
  compare($('replay-by-team'), sides(r.live.byTeam, r.draft.byTeam), 'Team');
  compare($('replay-by-rule'), sides(r.live.byRule, r.draft.byRule), 'Rule');
  compare($('replay-by-reason'), (r.byReason || []).map((d) => [d.name, d.live, d.draft]), 'Reason', reasonLabel);
  const counts = {};
  for (const c of r.changed) counts[c.change] = (counts[c.change] || 0) + 1;
  fill($('replay-filter'), el('option', { text: `All (${r.changed.length})`, attrs: { value: 'all' } }),
    Object.keys(CHANGES).filter((k) => counts[k]).map((k) => el('option', { text: `${CHANGES[k]} (${counts[k]})`, attrs: { value: k } })));
  drawChanged();
}

$('replay-filter').addEventListener('change', () => {
  replayShown = SHOWN_CHANGES;
  drawChanged();
});
$('replay-more').addEventListener('click', () => {
  replayShown = Number.MAX_SAFE_INTEGER;
  drawChanged();
});

$('replay-run').addEventListener('click', async (event) => {
  const period = $('replay-period').value;
  const body = { files: payload() };
  if (period === 'custom') {
    if (!$('replay-from').value) {
      status($('replay-status'), 'Choose the first day.', 'bad');
      return;
    }
    body.from = $('replay-from').value;
    if ($('replay-to').value) body.to = $('replay-to').value;
  } else {
    body.since = period;
  }
  const button = event.currentTarget;
  button.disabled = true;
  status($('replay-status'), 'Replaying… this can take a while over many conversations.');
  try {
    drawReplay(await api('/api/rules/replay', { method: 'POST', body }));
    status($('replay-status'), changedFiles().length ? '' : 'Your draft changes nothing yet: both sides are the live rules.');
  } catch (e) {
    if (e.status === 422 && e.data && Array.isArray(e.data.problems)) showProblems(e.data.problems);
    status($('replay-status'), e.message, 'bad');
  } finally {
    button.disabled = false;
  }
});

// ---------------------------------------------------------------------------------------- start

async function loadLive() {
  live = await api('/api/rules/live');
  drawLive();
  if (!fileNames().includes(current)) current = 'rules.yaml';
  const editorFocused = document.activeElement === editor;
  if (!editorFocused) showFile(current);
  drawTabs();
  drawDraftBar();
}

try {
  await loadLive();
} catch (e) {
  toast(e.message, 'error');
}
