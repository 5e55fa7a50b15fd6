// Queue page. Ids: #view-all, #view-mine, #queue-table, #queue-body, #queue-empty, #live-status,
// #resolved-list (li[data-resolved-id][data-testid="resolved-row"]). Each row: tr.queue-row[data-handoff-id][data-testid="queue-row"], with
// [data-testid="state-badge"], [data-testid="practice-marker"] on practice handoffs, and
// .waited[data-since] ticking. The order is the server's (open first, most sensitive, oldest).
// #answered-list li[data-conversation-id] (conversations Baton answered, linking to /conversations/{id}),
// #answered-empty; for managers, #rules-rejected-banner when Baton refused the last rules change.
import {
  api, coalesce, el, fill, listen, practiceTag, reasonChip, sensitivity, session, stateBadge, tickWaits, toast,
  topbar, waited, when,
} from './common.js';

const me = await session();
topbar(me, 'nav-queue');

const body = document.getElementById('queue-body');
const empty = document.getElementById('queue-empty');
const count = document.getElementById('queue-count');
const live = document.getElementById('live-status');
const tabs = { all: document.getElementById('view-all'), mine: document.getElementById('view-mine') };
let view = new URLSearchParams(window.location.search).get('view') === 'mine' ? 'mine' : 'all';

function row(entry) {
  const open = () => window.location.assign(`/handoffs/${entry.id}`);
  const tr = el('tr', {
    class: `queue-row sens-${sensitivity(entry.reasons)}`,
    testid: 'queue-row',
    dataset: { handoffId: entry.id, state: entry.state },
    on: { click: (event) => { if (!event.target.closest('a')) open(); } },
  },
  el('td', { class: 'customer-cell' },
    el('a', { class: 'name', attrs: { href: `/handoffs/${entry.id}` }, text: entry.customerName || 'Unknown customer' }),
    entry.practice ? [' ', practiceTag()] : null,
    entry.summary ? el('span', { class: 'summary', text: entry.summary, attrs: { title: entry.summary } }) : null),
  el('td', {}, reasonChip(entry.reason),
    // Normal is the usual case; only what the rules raised or lowered is worth a chip.
    entry.priority && entry.priority !== 'normal'
      ? [' ', el('span', { class: `chip priority-${entry.priority}`, testid: 'priority-chip', text: entry.priority })]
      : null),
  el('td', {}, entry.assigneeName ? entry.assigneeName : el('span', { class: 'muted', text: 'nobody yet' })),
  el('td', {}, stateBadge(entry.state)),
  el('td', {}, el('span', { class: 'waited', text: waited(entry.createdAt), dataset: { since: entry.createdAt }, attrs: { title: when(entry.createdAt) } })));
  return tr;
}

function resolvedItem(entry) {
  return el('li', { dataset: { resolvedId: entry.id }, testid: 'resolved-row' },
    el('a', { attrs: { href: `/handoffs/${entry.id}` }, text: entry.customerName || 'Unknown customer' }),
    reasonChip(entry.reason),
    entry.practice ? practiceTag() : null,
    el('span', { class: 'spacer' }),
    el('span', { class: 'muted small', text: `resolved ${when(entry.updatedAt)}` }));
}

async function load() {
  try {
    const data = await api(`/api/queue?view=${view}`);
    fill(body, data.entries.map(row));
    empty.hidden = data.entries.length > 0;
    empty.textContent = view === 'mine' ? 'Nothing is assigned to you right now.' : 'Nobody is waiting right now.';
    const open = data.entries.filter((e) => e.state !== 'claimed').length;
    count.textContent = `${data.entries.length} open · ${open} not picked up`;
    fill(document.getElementById('resolved-list'), data.resolved.map(resolvedItem));
    document.getElementById('resolved-empty').hidden = data.resolved.length > 0;
    // For the benchmark (docs/benchmarks.md): when the queue first shows real data.
    if (!performance.getEntriesByName('baton:queue-shown').length) performance.mark('baton:queue-shown');
  } catch (e) {
    toast(e.message, 'error');
  }
}

function answeredItem(c) {
  return el('li', { dataset: { conversationId: c.id }, testid: 'answered-row' },
    el('a', { attrs: { href: `/conversations/${c.id}` }, text: c.customerName || 'Unknown customer' }),
    el('span', { class: 'muted small answered-first', text: c.firstMessage || '' }),
    el('span', { class: 'spacer' }),
    el('span', { class: 'muted small', text: when(c.startedAt) }));
}

async function loadAnswered() {
  try {
    const data = await api('/api/conversations/answered?limit=10');
    fill(document.getElementById('answered-list'), data.conversations.map(answeredItem));
    document.getElementById('answered-empty').hidden = data.conversations.length > 0;
  } catch (e) {
    document.getElementById('answered-empty').hidden = false;
  }
}

async function loadRulesStatus() {
  if (me.role !== 'manager') return;
  try {
    const status = await api('/api/rules/status');
    const banner = document.getElementById('rules-rejected-banner');
    banner.hidden = !status.lastRejected;
    if (status.lastRejected) {
      const r = status.lastRejected;
      const n = (r.problems || []).length;
      document.getElementById('rules-rejected-text').textContent = `Baton refused a rules change ${when(r.at)} by `
        + `${r.actorName || r.actor} (${n} ${n === 1 ? 'problem' : 'problems'}); the rules that were live before stay live.`;
    }
  } catch (e) {
    // the queue works without it
  }
}

function select(next) {
  view = next;
  for (const [name, tab] of Object.entries(tabs)) tab.setAttribute('aria-selected', String(name === view));
  const url = new URL(window.location.href);
  if (view === 'mine') url.searchParams.set('view', 'mine'); else url.searchParams.delete('view');
  window.history.replaceState(null, '', url);
  load();
}

tabs.all.addEventListener('click', () => select('all'));
tabs.mine.addEventListener('click', () => select('mine'));
for (const [name, tab] of Object.entries(tabs)) tab.setAttribute('aria-selected', String(name === view));

const reload = coalesce(load);
listen(() => reload(), (on) => {
  live.classList.toggle('on', on);
  live.textContent = on ? 'Live' : 'reconnecting…';
});
tickWaits();
load();
loadAnswered();
loadRulesStatus();
