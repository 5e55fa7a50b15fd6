// Rule changes (/rules/changes, managers). Ids for browser tests: #changes-status (filter),
// #changes-list article.change[data-change-id][data-status][data-file] with .change-who, .change-file,
// [data-testid="change-status"], ul.problem-list li, pre.diff span.diff-line.add|del|hunk|head|ctx;
// #changes-empty, #changes-more. Diffs and problems are shown as text, never as markup.
import { api, el, fill, session, toast, topbar, when } from './common.js';

const me = await session();
topbar(me, 'nav-rules');
const $ = (name) => document.getElementById(name);

const STEP = 50;
const MOST = 500;
let limit = STEP;
let changes = [];

function diffLine(line) {
  let kind = 'ctx';
  if (line.startsWith('+++') || line.startsWith('---')) kind = 'head';
  else if (line.startsWith('@@')) kind = 'hunk';
  else if (line.startsWith('+')) kind = 'add';
  else if (line.startsWith('-')) kind = 'del';
  return el('span', { class: `diff-line ${kind}`, text: `${line}\n` });
}

function diff(text) {
  const lines = String(text || '').replace(/\n$/, '').split('\n');
  return el('pre', { class: 'diff', attrs: { 'aria-label': 'Unified diff' } }, text ? lines.map(diffLine) : el('span', { class: 'muted', text: 'No diff recorded.' }));
}

function change(c) {
  const who = c.actor === 'file' ? 'an edit on disk' : (c.actorName || c.actor);
  const refused = c.status === 'rejected';
  return el('article', { class: `change ${refused ? 'refused' : 'applied'}`, testid: 'change',
    dataset: { changeId: c.id, status: c.status, file: c.file } },
  el('header', { class: 'change-head' },
    el('span', { class: `badge ${refused ? 'state-refused' : 'state-resolved'}`, testid: 'change-status',
      text: refused ? 'refused' : 'applied' }),
    el('strong', { class: 'change-file', text: c.file }),
    el('span', { class: 'change-who', text: `by ${who}` }),
    el('span', { class: 'spacer' }),
    el('span', { class: 'muted small', text: when(c.at) })),
  refused && c.problems.length ? el('ul', { class: 'problem-list' }, c.problems.map((p) => el('li', { text: p }))) : null,
  el('details', { attrs: { open: refused || changes.indexOf(c) < 3 } },
    el('summary', { class: 'muted small', text: 'What changed' }),
    diff(c.diff)));
}

function draw() {
  const filter = $('changes-status').value;
  const shown = changes.filter((c) => filter === 'all' || c.status === filter);
  fill($('changes-list'), shown.map(change));
  $('changes-empty').hidden = shown.length > 0;
  $('changes-empty').textContent = changes.length ? 'None of this kind.' : 'No changes yet.';
  $('changes-more').hidden = changes.length < limit || limit >= MOST;
}

async function load() {
  try {
    changes = (await api(`/api/rules/changes?limit=${limit}`)).changes;
    draw();
  } catch (e) {
    toast(e.message, 'error');
  }
}

$('changes-status').addEventListener('change', draw);
$('changes-more').addEventListener('click', () => {
  limit = Math.min(MOST, limit + STEP);
  load();
});
load();
