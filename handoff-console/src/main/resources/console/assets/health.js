// Rules health (/rules/health, managers). Ids for browser tests: #health-period, #health-from, #health-to,
// #health-load, #health-period-label, #health-answers, #charts-unavailable, canvases #chart-daily,
// #chart-rules, #chart-pickup (each carries data-points once drawn), tables #health-rules, #health-cues
// (tr[data-name]), #health-pickup (tr[data-kind][data-name]), CSV links #csv-rules, #csv-cues, #csv-pickup.
// Charts are drawn by charts.js.
import { chartsAvailable, drawChart as drawOn } from './charts.js';
import { api, duration, el, fill, percent, reasonLabel, session, toast, topbar } from './common.js';

const me = await session();
topbar(me, 'nav-rules');
const $ = (name) => document.getElementById(name);

const COLORS = { handoffs: '#e0a030', answers: '#3552c9', p50: '#1f58b8', p90: '#5a3bbf', rules: '#3552c9' };

function query() {
  const period = $('health-period').value;
  const params = new URLSearchParams();
  if (period === 'custom') {
    if ($('health-from').value) params.set('from', $('health-from').value);
    if ($('health-to').value) params.set('to', $('health-to').value);
  } else {
    params.set('since', period);
  }
  return params;
}

function num(value) {
  return el('td', { class: 'num', text: value === null || value === undefined ? '—' : value });
}

// [short header, what it means]: the table stays readable on a laptop; the header's title says it in full.
const ROW_HEAD = [['Handoffs', 'Handoffs this rule or cue made'], ['Needed person', 'Staff said: needed a person'],
  ['Bot could answer', 'Staff said: the bot could have answered'], ['Sooner', 'Staff said: should have come sooner'],
  ['Asked again', 'Staff asked for something already in the transcript'],
  ['Precision', 'Needed a person ÷ (needed a person + bot could have answered)'],
  ['Pickup p50', 'Median time from handoff to pickup'], ['Pickup p90', '90th percentile time from handoff to pickup'],
  ['Breaches', 'Handoffs that passed a pickup deadline'], ['Asked again %', 'Share of handoffs marked "asked again"']];

function rowsTable(table, rows, first, label = (n) => n) {
  fill(table,
    el('thead', {}, el('tr', {}, el('th', { text: first }),
      ROW_HEAD.map(([h, title]) => el('th', { class: 'num', text: h, attrs: { title } })))),
    el('tbody', {}, rows.length ? rows.map((r) => el('tr', { dataset: { name: r.name } },
      el('td', { text: label(r.name) }), num(r.handoffs), num(r.neededPerson), num(r.botCouldAnswer),
      num(r.shouldHaveComeSooner), num(r.askedAgain), num(percent(r.precision)), num(duration(r.pickupP50Secs)),
      num(duration(r.pickupP90Secs)), num(r.breaches), num(percent(r.askedAgainShare))))
      : el('tr', {}, el('td', { class: 'muted', text: 'No handoffs in this period.', attrs: { colspan: ROW_HEAD.length + 1 } }))));
}

function pickupTable(table, rows) {
  fill(table,
    el('thead', {}, el('tr', {}, ['', 'Name', 'Handoffs', 'Picked up', 'p50', 'p90', 'Deadline breaches']
      .map((h, i) => el('th', { class: i > 1 ? 'num' : '', text: h })))),
    el('tbody', {}, rows.length ? rows.map((p) => el('tr', { dataset: { kind: p.kind, name: p.name } },
      el('td', { class: 'muted small', text: p.kind }), el('td', { text: p.name }), num(p.handoffs), num(p.pickedUp),
      num(duration(p.p50Secs)), num(duration(p.p90Secs)), num(p.breaches)))
      : el('tr', {}, el('td', { class: 'muted', text: 'No handoffs in this period.', attrs: { colspan: 7 } }))));
}

function stat(label, value, note) {
  return el('div', { class: 'stat' }, el('span', { class: 'stat-value', text: value }), el('span', { class: 'stat-label', text: label }),
    note ? el('span', { class: 'muted small', text: note }) : null);
}

function drawChart(id, config, points) {
  drawOn($(id), config, points);
}

function drawCharts(h) {
  $('charts-unavailable').hidden = chartsAvailable();
  const common = { responsive: true, maintainAspectRatio: false, animation: false,
    plugins: { legend: { position: 'bottom' } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } };
  drawChart('chart-daily', { type: 'bar', options: common, data: {
    labels: h.daily.map((d) => d.day),
    datasets: [
      { label: 'Handoffs', data: h.daily.map((d) => d.handoffs), backgroundColor: COLORS.handoffs },
      { label: 'Answered by Baton', data: h.daily.map((d) => d.answers), backgroundColor: COLORS.answers },
    ] } }, h.daily.length);
  const rules = h.byRule.filter((r) => r.handoffs > 0);
  drawChart('chart-rules', { type: 'bar', options: { ...common, indexAxis: 'y', plugins: { legend: { display: false } },
    scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }, data: {
    labels: rules.map((r) => r.name),
    datasets: [{ label: 'Handoffs', data: rules.map((r) => r.handoffs), backgroundColor: COLORS.rules }] } }, rules.length);
  const people = h.pickup.filter((p) => p.kind === 'person');
  const minutes = (s) => (s === null || s === undefined ? null : Math.round((s / 60) * 10) / 10);
  drawChart('chart-pickup', { type: 'bar', options: common, data: {
    labels: people.map((p) => p.name),
    datasets: [
      { label: 'Median (p50)', data: people.map((p) => minutes(p.p50Secs)), backgroundColor: COLORS.p50 },
      { label: '90th percentile (p90)', data: people.map((p) => minutes(p.p90Secs)), backgroundColor: COLORS.p90 },
    ] } }, people.length);
}

function draw(h) {
  $('health-period-label').textContent = `Showing ${h.period}.`;
  const a = h.answers;
  fill($('health-answers'),
    stat('answer rate', percent(a.rate), `${a.answered} of ${a.decisions} customer messages answered from the knowledge base`),
    stat('handoffs', String(h.byRule.reduce((sum, r) => sum + r.handoffs, 0)), null),
    stat('deadline breaches', String(h.byRule.reduce((sum, r) => sum + r.breaches, 0)), null),
    stat('answered, should have come sooner', String(a.sooner), 'conversations Baton answered that staff marked'));
  rowsTable($('health-rules'), h.byRule, 'Rule');
  rowsTable($('health-cues'), h.byCue, 'Cue', reasonLabel);
  pickupTable($('health-pickup'), h.pickup);
  drawCharts(h);
  const params = query();
  for (const table of ['rules', 'cues', 'pickup']) {
    params.set('table', table);
    $(`csv-${table}`).setAttribute('href', `/api/rules/health.csv?${params}`);
  }
}

async function load() {
  try {
    draw(await api(`/api/rules/health?${query()}`));
  } catch (e) {
    toast(e.message, 'error');
  }
}

$('health-period').addEventListener('change', () => {
  const custom = $('health-period').value === 'custom';
  $('health-custom').hidden = !custom;
  if (!custom) load();
});
$('health-load').addEventListener('click', () => {
  if (!$('health-from').value) {
    toast('Choose the first day.', 'error');
    return;
  }
  load();
});
load();
