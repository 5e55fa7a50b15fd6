// Rules page: Replay. The stored conversations of a period under the live rules and under the draft:
// totals, by person, team, rule and reason, and each conversation that would change.
import { api, el, fill, reasonLabel, status, when } from './common.js';
import { changedFiles, payload } from './rules-draft.js';
import { showProblems } from './rules-problems.js';

const $ = (name) => document.getElementById(name);
const SHOWN_CHANGES = 200;

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

export function wireReplay() {
  $('replay-period').addEventListener('change', () => {
    $('replay-custom').hidden = $('replay-period').value !== 'custom';
  });
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
}
