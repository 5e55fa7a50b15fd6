// Care (/care, managers): did people get helped, and did anyone have to repeat themselves. Ids for browser
// tests: #care-period, #care-from, #care-to, #care-load, #care-help, #care-period-label, #care-totals
// (div.stat[data-stat] with .stat-value), #charts-unavailable, canvases #chart-weekly, #chart-reasons,
// #chart-reply (data-points once drawn), tables #care-by-person, #care-by-rule, #care-by-week
// (tr[data-group]), #care-by-reason (tr[data-reason]), CSV links #csv-person, #csv-rule, #csv-week,
// #csv-reason. Every number is a.figure-link[data-group][data-figure]: a click lists the handoffs behind it
// in #care-behind (#care-behind-title, #care-behind-note, #care-behind-list li[data-handoff-id] a).
// The page takes ?since= or ?from=&to= (dates) to open on a period.
import { chartsAvailable, drawChart } from './charts.js';
import { api, duration, el, fill, percent, reasonLabel, session, toast, topbar, when } from './common.js';

const me = await session();
topbar(me, 'nav-care');
const $ = (name) => document.getElementById(name);

const COLORS = { up: '#2f8f4e', repeat: '#c0392b', reasons: '#e0a030', p50: '#1f58b8', p90: '#5a3bbf' };

/** How the handoffs list names each figure. */
const FIGURES = {
  handoffs: 'Handoffs', asked: 'Rating prompts asked', answered: 'Ratings answered', up: 'Rated 👍',
  down: 'Rated 👎', comments: 'Ratings with a comment', checked: 'Checked for a repeat', repeats: 'With a repeat',
  replied: 'With a human reply', resolved: 'Resolved', rated_after_answer: 'Rated after a bot answer',
  down_after_answer: 'Rated 👎 after a bot answer',
};

function query() {
  const period = $('care-period').value;
  const params = new URLSearchParams();
  if (period === 'custom') {
    if ($('care-from').value) params.set('from', $('care-from').value);
    if ($('care-to').value) params.set('to', $('care-to').value);
  } else {
    params.set('since', period);
  }
  return params;
}

/** A number that lists the handoffs behind it when clicked; a plain number when there are none. */
function figure(text, group, name, fig, count) {
  if (!count) return el('span', { text });
  return el('a', { class: 'figure-link', text, dataset: { group, figure: fig },
    attrs: { href: '#care-behind', title: `${FIGURES[fig]}: show them` },
    on: { click: (event) => { event.preventDefault(); behind(group, name, fig); } } });
}

function cell(content) {
  return el('td', { class: 'num' }, content);
}

const secs = (s) => duration(s);

// [header, title, (row) => content]: the headers stay short; each title says the figure in full.
function columns(withDecisions) {
  const f = (r, fig, count, text = String(count)) => figure(text, r.group, r.name, fig, count);
  const cols = [
    ['Handoffs', 'Handoffs created in the period', (r) => f(r, 'handoffs', r.handoffs)],
    ['Asked', 'Rating prompts Baton posted', (r) => f(r, 'asked', r.satisfaction.asked)],
    ['Answers', 'Rating prompts answered', (r) => f(r, 'answered', r.satisfaction.answered)],
    ['👍', 'Answered 👍', (r) => f(r, 'up', r.satisfaction.up)],
    ['👎', 'Answered 👎', (r) => f(r, 'down', r.satisfaction.down)],
    ['👍 share', '👍 ÷ (👍 + 👎)', (r) => f(r, 'answered', r.satisfaction.answered, percent(r.satisfaction.upShare))],
    ['Comments', 'Answers with a comment', (r) => f(r, 'comments', r.satisfaction.comments)],
    ['Checked', 'Handoffs checked for a repeat', (r) => f(r, 'checked', r.repeats.checked)],
    ['Repeats', 'Handoffs where someone had to repeat themselves', (r) => f(r, 'repeats', r.repeats.repeats)],
    ['Repeat rate', 'Repeats ÷ checked', (r) => f(r, 'checked', r.repeats.checked, percent(r.repeats.rate))],
    ['Reply p50', 'Median time to the first human reply',
      (r) => f(r, 'replied', r.firstReply.count, secs(r.firstReply.p50Secs))],
    ['Reply p90', '90th percentile time to the first human reply',
      (r) => f(r, 'replied', r.firstReply.count, secs(r.firstReply.p90Secs))],
    ['Resolve p50', 'Median time to resolve', (r) => f(r, 'resolved', r.resolve.count, secs(r.resolve.p50Secs))],
    ['Resolve p90', '90th percentile time to resolve', (r) => f(r, 'resolved', r.resolve.count, secs(r.resolve.p90Secs))],
    ['Rated after answer', 'Rated handoffs whose conversation had a bot answer first',
      (r) => f(r, 'rated_after_answer', r.afterAnswer.rated)],
    ['👎 after answer', 'Of those, rated 👎', (r) => f(r, 'down_after_answer', r.afterAnswer.down)],
    ['👎 share after answer', '👎 after a bot answer ÷ rated after a bot answer',
      (r) => f(r, 'rated_after_answer', r.afterAnswer.rated, percent(r.afterAnswer.share))],
  ];
  if (withDecisions) {
    cols.push(['Decisions', 'Customer messages Baton decided on', (r) => el('span', { text: r.decisions.decisions })],
      ['Bot answer rate', 'Answered from the knowledge base ÷ decisions',
        (r) => el('span', { text: percent(r.decisions.answerRate) })],
      ['Handoff rate', 'Handoffs ÷ decisions', (r) => f(r, 'handoffs', r.handoffs, percent(r.decisions.handoffRate))]);
  }
  return cols;
}

function rowsTable(table, rows, first, withDecisions = false) {
  const cols = columns(withDecisions);
  fill(table,
    el('thead', {}, el('tr', {}, el('th', { text: first }),
      cols.map(([h, title]) => el('th', { class: 'num', text: h, attrs: { title } })))),
    el('tbody', {}, rows.length ? rows.map((r) => el('tr', { dataset: { group: r.group } },
      el('td', { text: r.name }), cols.map(([, , content]) => cell(content(r)))))
      : el('tr', {}, el('td', { class: 'muted', text: 'Nothing in this period.', attrs: { colspan: cols.length + 1 } }))));
}

function reasonsTable(table, reasons) {
  fill(table,
    el('thead', {}, el('tr', {}, el('th', { text: 'Main reason' }), el('th', { class: 'num', text: 'Handoffs' }),
      el('th', { class: 'num', text: 'Handoff rate', attrs: { title: 'Handoffs ÷ customer messages decided on' } }))),
    el('tbody', {}, reasons.length ? reasons.map((r) => el('tr', { dataset: { reason: r.reason } },
      el('td', { text: reasonLabel(r.reason) }),
      cell(figure(String(r.handoffs), `reason:${r.reason}`, reasonLabel(r.reason), 'handoffs', r.handoffs)),
      cell(el('span', { text: percent(r.rate) }))))
      : el('tr', {}, el('td', { class: 'muted', text: 'No handoffs in this period.', attrs: { colspan: 3 } }))));
}

function stat(key, label, value, ...note) {
  return el('div', { class: 'stat', dataset: { stat: key } }, el('span', { class: 'stat-value' }, value),
    el('span', { class: 'stat-label', text: label }), note.length ? el('span', { class: 'muted small' }, note) : null);
}

function totals(t) {
  const all = (text, fig, count) => figure(text, t.group, t.name, fig, count);
  const s = t.satisfaction;
  const d = t.decisions;
  const a = t.afterAnswer;
  fill($('care-totals'),
    stat('up-share', '👍 share', all(percent(s.upShare), 'answered', s.answered),
      all(`${s.up} 👍`, 'up', s.up), ' · ', all(`${s.down} 👎`, 'down', s.down), ' of ',
      all(`${s.answered} answers`, 'answered', s.answered), ' · ', all(`${s.asked} asked`, 'asked', s.asked), ' · ',
      all(`${s.comments} ${s.comments === 1 ? 'comment' : 'comments'}`, 'comments', s.comments)),
    stat('repeat-rate', 'repeat rate', all(percent(t.repeats.rate), 'checked', t.repeats.checked),
      all(`${t.repeats.repeats} with a repeat`, 'repeats', t.repeats.repeats), ' of ',
      all(`${t.repeats.checked} checked`, 'checked', t.repeats.checked)),
    stat('first-reply', 'first human reply (median)', all(duration(t.firstReply.p50Secs), 'replied', t.firstReply.count),
      `p90 ${duration(t.firstReply.p90Secs)} · `, all(`${t.firstReply.count} replied`, 'replied', t.firstReply.count)),
    stat('resolve', 'time to resolve (median)', all(duration(t.resolve.p50Secs), 'resolved', t.resolve.count),
      `p90 ${duration(t.resolve.p90Secs)} · `, all(`${t.resolve.count} resolved`, 'resolved', t.resolve.count)),
    stat('handoff-rate', 'handoff rate', all(percent(d.handoffRate), 'handoffs', t.handoffs),
      all(`${t.handoffs} handoffs`, 'handoffs', t.handoffs), ` of ${d.decisions} customer messages decided on`),
    stat('answer-rate', 'bot answer rate', el('span', { text: percent(d.answerRate) }),
      `${d.answered} of ${d.decisions} answered from the knowledge base`),
    stat('down-after-answer', '👎 after a bot answer', all(String(a.down), 'down_after_answer', a.down),
      'of ', all(`${a.rated} rated after a bot answer`, 'rated_after_answer', a.rated), ` (${percent(a.share)})`));
}

function drawCharts(c) {
  $('charts-unavailable').hidden = chartsAvailable();
  const common = { responsive: true, maintainAspectRatio: false, animation: false,
    plugins: { legend: { position: 'bottom' } } };
  const pct = (share) => (share === null || share === undefined ? null : Math.round(share * 1000) / 10);
  const percentAxis = { y: { beginAtZero: true, max: 100, ticks: { callback: (v) => `${v}%` } } };
  drawChart($('chart-weekly'), { type: 'line', options: { ...common, spanGaps: true, scales: percentAxis }, data: {
    labels: c.byWeek.map((w) => w.name),
    datasets: [
      { label: '👍 share', data: c.byWeek.map((w) => pct(w.satisfaction.upShare)), borderColor: COLORS.up,
        backgroundColor: COLORS.up },
      { label: 'Repeat rate', data: c.byWeek.map((w) => pct(w.repeats.rate)), borderColor: COLORS.repeat,
        backgroundColor: COLORS.repeat },
    ] } }, c.byWeek.length);
  drawChart($('chart-reasons'), { type: 'bar', options: { ...common, indexAxis: 'y', plugins: { legend: { display: false } },
    scales: { x: { beginAtZero: true, ticks: { callback: (v) => `${v}%` } } } }, data: {
    labels: c.byReason.map((r) => reasonLabel(r.reason)),
    datasets: [{ label: 'Handoff rate', data: c.byReason.map((r) => pct(r.rate)), backgroundColor: COLORS.reasons }] } },
  c.byReason.length);
  const people = c.byPerson.filter((p) => p.firstReply.count > 0);
  const minutes = (s) => (s === null || s === undefined ? null : Math.round((s / 60) * 10) / 10);
  drawChart($('chart-reply'), { type: 'bar', options: { ...common, scales: { y: { beginAtZero: true } } }, data: {
    labels: people.map((p) => p.name),
    datasets: [
      { label: 'Median (p50)', data: people.map((p) => minutes(p.firstReply.p50Secs)), backgroundColor: COLORS.p50 },
      { label: '90th percentile (p90)', data: people.map((p) => minutes(p.firstReply.p90Secs)), backgroundColor: COLORS.p90 },
    ] } }, people.length);
}

function draw(c) {
  $('care-period-label').textContent = `Showing ${c.period}.`;
  totals(c.total);
  rowsTable($('care-by-person'), c.byPerson, 'Person');
  rowsTable($('care-by-rule'), c.byRule, 'Rule');
  rowsTable($('care-by-week'), c.byWeek, 'Week', true);
  reasonsTable($('care-by-reason'), c.byReason);
  drawCharts(c);
  const params = query();
  for (const by of ['person', 'rule', 'week', 'reason']) {
    params.set('by', by);
    $(`csv-${by}`).setAttribute('href', `/api/care.csv?${params}`);
  }
}

async function behind(group, name, fig) {
  const params = query();
  params.set('group', group);
  params.set('figure', fig);
  try {
    const list = await api(`/api/care/handoffs?${params}`);
    $('care-behind-title').textContent = `${FIGURES[fig]} · ${name}`;
    $('care-behind-note').textContent = list.total > list.handoffs.length
      ? `The first ${list.handoffs.length} of ${list.total}, oldest first.` : `${list.total}, oldest first.`;
    fill($('care-behind-list'), list.handoffs.map((h) => el('li', { dataset: { handoffId: h.id } },
      el('a', { text: `#${h.id} ${h.customerName || 'Unknown customer'}`, attrs: { href: `/handoffs/${h.id}` } }),
      el('span', { class: 'muted small',
        text: ` · ${when(h.createdAt)} · ${h.personName} · rule ${h.rule} · ${reasonLabel(h.reason)}` }))));
    $('care-behind').hidden = false;
    $('care-behind').scrollIntoView({ block: 'nearest' });
  } catch (e) {
    toast(e.message, 'error');
  }
}

async function load() {
  $('care-behind').hidden = true;
  try {
    draw(await api(`/api/care?${query()}`));
  } catch (e) {
    toast(e.message, 'error');
  }
}

/** A period named in the address (?since= or ?from=&to=) is the one shown first. */
function periodFromAddress() {
  const params = new URLSearchParams(window.location.search);
  if (params.get('from')) {
    $('care-period').value = 'custom';
    $('care-custom').hidden = false;
    $('care-from').value = params.get('from');
    $('care-to').value = params.get('to') || '';
  } else if ([...$('care-period').options].some((o) => o.value === params.get('since'))) {
    $('care-period').value = params.get('since');
  }
}

$('care-period').addEventListener('change', () => {
  const custom = $('care-period').value === 'custom';
  $('care-custom').hidden = !custom;
  if (!custom) load();
});
$('care-load').addEventListener('click', () => {
  if (!$('care-from').value) {
    toast('Choose the first day.', 'error');
    return;
  }
  load();
});
$('care-behind-close').addEventListener('click', () => { $('care-behind').hidden = true; });
periodFromAddress();
load();
