// Handoff page (/handoffs/{id}). Ids for browser tests:
//   #customer-name, #handoff-state [data-testid="state-badge"], #summary, #cues (li.cue),
//   #transcript (li.line[data-line=N], author-customer|bot|staff|other; evidence in <mark>),
//   #reply-text, #reply-send, #reply-status, #note-text, #note-save,
//   #action-claim, #action-take-over, #claimed-by, #transfer-to, #transfer-note, #action-transfer,
//   #resolve-outcome, #resolve-note, #action-resolve, #reopen-note, #action-reopen, #action-status,
//   #customer, #earlier, #elsewhere, #timeline, #handoff-rule, #handoff-priority,
//   #feedback-card with #feedback-box (buttons [data-feedback=…], see feedback.js), #conversation-link,
//   #care-card (after-care and the repeat, see aftercare.js).
// The page re-fetches the handoff when the event stream says it changed; what is being typed stays.
import {
  api, clockTime, coalesce, el, fill, listen, practiceTag, reasonChip, reasonLabel, safeUrl, sensitivity, session,
  stateBadge, toast, topbar, waited, when,
} from './common.js';
import { carePanel } from './aftercare.js';
import { feedbackPanel } from './feedback.js';

const me = await session();
topbar(me, 'nav-queue');

const id = Number(window.location.pathname.split('/').pop());
const $ = (name) => document.getElementById(name);
let current = null;

/** The evidence as quoted by the engine, without its quote marks. */
function bareEvidence(evidence) {
  return (evidence || '').trim().replace(/^["“'‘]+|["”'’]+$/g, '').trim();
}

/**
 * The phrases a cue quotes: each "quoted" fragment (lexicon cues list several), else the whole
 * evidence. A fragment that is not in the message (a prototype the message sounded like) marks nothing.
 */
function phrases(evidence) {
  const quoted = [...(evidence || '').matchAll(/["“]([^"”]+)["”]/g)].map((m) => m[1].trim()).filter(Boolean);
  return quoted.length ? quoted : [bareEvidence(evidence)].filter(Boolean);
}

/** Text with every fired cue's evidence wrapped in <mark>, built from text nodes only. */
function highlighted(text, cues) {
  const lower = text.toLowerCase();
  const ranges = [];
  for (const cue of cues.filter((c) => c.fired)) {
    for (const phrase of phrases(cue.evidence)) {
      const needle = phrase.toLowerCase();
      for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
        ranges.push({ from: at, to: at + needle.length, kind: cue.kind });
      }
    }
  }
  ranges.sort((a, b) => a.from - b.from);
  const parts = [];
  let pos = 0;
  for (const range of ranges) {
    if (range.from < pos) continue; // overlapping: the earlier mark wins
    if (range.from > pos) parts.push(document.createTextNode(text.slice(pos, range.from)));
    parts.push(el('mark', { text: text.slice(range.from, range.to), attrs: { title: reasonLabel(range.kind) } }));
    pos = range.to;
  }
  if (pos < text.length) parts.push(document.createTextNode(text.slice(pos)));
  return parts;
}

const AUTHORS = { customer: 'customer', bot: 'Baton', staff: 'staff', other: 'other' };

function line(message, index, cues) {
  const author = AUTHORS[message.author] ? message.author : 'other';
  const classes = ['line', `author-${author}`];
  if (message.deleted) classes.push('deleted');
  const attachments = (message.attachments || []).map((a) => {
    const href = safeUrl(a);
    return el('li', {}, href ? el('a', { text: a, attrs: { href, target: '_blank', rel: 'noopener noreferrer' } }) : a);
  });
  return el('li', { class: classes.join(' '), id: `line-${index}`, dataset: { line: index, author } },
    el('div', { class: 'who' },
      el('strong', { text: message.authorName || AUTHORS[author] }),
      author !== 'customer' && message.authorName && message.authorName !== AUTHORS[author]
        ? el('span', { text: AUTHORS[author] }) : null,
      el('span', { text: clockTime(message.at), attrs: { title: when(message.at) } }),
      message.kbId ? el('span', { class: 'tag kb', text: `from KB: ${message.kbId}`, testid: 'kb-source' }) : null,
      message.edited ? el('span', { class: 'tag flag', text: 'edited' }) : null,
      message.deleted ? el('span', { class: 'tag flag', text: 'deleted' }) : null),
    el('div', { class: 'text' }, highlighted(message.text || '', cues.filter((c) => c.line === index))),
    attachments.length ? el('ul', { class: 'attachments' }, attachments) : null);
}

function cue(c, transcriptLength) {
  const bar = el('span');
  bar.style.width = `${Math.round(Math.max(0, Math.min(1, c.score)) * 100)}%`; // CSSOM, allowed by the CSP
  const phrase = bareEvidence(c.evidence);
  const where = c.line >= 0 && c.line < transcriptLength
    ? el('a', { attrs: { href: `#line-${c.line}` }, text: `message ${c.line + 1}`, on: { click: () => flash(c.line) } })
    : el('span', { class: 'muted', text: 'the whole conversation' });
  return el('li', { class: `cue sens-${sensitivity([c.kind])}${c.fired ? '' : ' quiet'}`, testid: 'cue', dataset: { kind: c.kind } },
    el('span', {}, reasonChip(c.kind)),
    el('span', { class: 'bar', attrs: { title: `score ${c.score}` } }, bar),
    el('span', { class: 'evidence' },
      phrase ? [el('q', { text: phrase }), ' in '] : null, where,
      el('span', { class: 'score', text: `${Number(c.score).toFixed(2)}${c.fired ? '' : ' · below threshold'}` })));
}

function flash(index) {
  const node = $(`line-${index}`);
  if (!node) return;
  node.classList.add('target');
  setTimeout(() => node.classList.remove('target'), 1600);
}

function eventText(e) {
  const who = e.actorName || e.actor || 'someone';
  const parts = [];
  if (e.kind === 'created') parts.push(`Handed off by ${who}`);
  else if (e.kind === 'taken_over') parts.push(`${who} took it over`);
  else parts.push(`${who}: ${e.kind.replace(/_/g, ' ')}`);
  if (e.from && e.to && e.from !== e.to) parts.push(` (${e.from} → ${e.to})`);
  if (e.detail) parts.push(` — ${e.detail}`);
  return parts.join('');
}

function render(detail) {
  current = detail;
  const entry = detail.entry;
  document.title = `${entry.customerName || 'Handoff'} · Baton console`;
  $('customer-name').textContent = entry.customerName || 'Unknown customer';
  fill($('handoff-state'), stateBadge(entry.state, { id: 'state-badge' }));
  fill($('handoff-practice'), entry.practice ? practiceTag() : null);
  $('summary').textContent = entry.summary || '';
  fill($('handoff-meta'),
    (entry.reasons || [entry.reason]).map(reasonChip),
    el('span', { text: entry.assigneeName ? `Assigned to ${entry.assigneeName}` : 'Not assigned' }),
    el('span', {}, 'Waiting ', el('span', { class: 'waited', text: waited(entry.createdAt), dataset: { since: entry.createdAt } })),
    el('span', { text: `Handed off ${when(entry.createdAt)}` }),
    entry.rule ? el('span', { id: 'handoff-rule', text: `Rule: ${entry.rule}` }) : null,
    entry.priority ? el('span', { id: 'handoff-priority', class: `chip priority-${entry.priority}`, text: `${entry.priority} priority` }) : null,
    el('span', { class: 'muted', text: `#${entry.id}` }));
  $('conversation-link').setAttribute('href', `/conversations/${entry.conversationId}`);

  const transcript = detail.transcript || [];
  fill($('cues'), (detail.cues || []).length
    ? detail.cues.map((c) => cue(c, transcript.length))
    : el('li', { class: 'muted', text: 'No cues recorded.' }));
  fill($('transcript'), transcript.map((m, i) => line(m, i, detail.cues || [])));
  carePanel($('care-card'), detail);

  const customer = detail.customer || {};
  fill($('customer'),
    el('dt', { text: 'Name' }), el('dd', { text: customer.name || '—' }),
    el('dt', { text: 'Roles' }), el('dd', { text: (customer.roles || []).join(', ') || '—' }),
    el('dt', { text: 'Joined' }), el('dd', { text: customer.joinedAt ? when(customer.joinedAt) : 'unknown (not a server member)' }),
    el('dt', { text: 'First seen' }), el('dd', { text: when(customer.firstSeen) }));
  const earlier = customer.earlier || [];
  fill($('earlier'), earlier.length ? earlier.map((c) => el('li', {},
    el('span', { text: when(c.startedAt) }), ' · ', el('span', { text: c.state }),
    c.handoffReason ? [' · handed off: ', reasonChip(c.handoffReason)] : el('span', { class: 'muted', text: ' · Baton alone' })))
    : el('li', { class: 'muted', text: 'None.' }));
  const elsewhere = detail.elsewhere || [];
  fill($('elsewhere'), elsewhere.length ? elsewhere.map((m) => el('li', {},
    el('div', { class: 'muted small', text: when(m.at) }), el('div', { class: 'text', text: m.text })))
    : el('li', { class: 'muted', text: 'Nothing.' }));
  fill($('timeline'), (detail.events || []).map((e) => el('li', { dataset: { kind: e.kind } },
    el('span', { class: 'at', text: when(e.at) }), el('span', { text: eventText(e) }))));

  const resolved = entry.state === 'resolved';
  const mine = entry.state === 'claimed' && entry.assigneeId === me.username;
  const someoneElses = entry.state === 'claimed' && entry.assigneeId !== me.username;
  $('claim-group').hidden = resolved || mine;
  $('action-claim').hidden = someoneElses;
  $('action-take-over').hidden = !someoneElses;
  $('claimed-by').hidden = !someoneElses;
  $('claimed-by').textContent = someoneElses
    ? `Claimed by ${entry.assigneeName || entry.assigneeId}: only they or a manager may reply, transfer or`
      + ' resolve it. Take it over to do so.' : '';
  $('transfer-group').hidden = resolved;
  $('resolve-group').hidden = resolved;
  $('reopen-group').hidden = !resolved;
  $('composer').hidden = resolved;
  $('reply-hint').textContent = entry.practice
    ? 'Practice handoff: replies are stored, never sent to Discord.'
    : 'Sent in Discord under your name.';
}

async function load() {
  try {
    render(await api(`/api/handoffs/${id}`));
    $('handoff').hidden = false;
    // For the benchmark (docs/benchmarks.md): when the handoff's story is first on screen.
    if (!performance.getEntriesByName('baton:handoff-shown').length) performance.mark('baton:handoff-shown');
  } catch (e) {
    if (e.status === 404 || e.status === 400) {
      $('handoff-missing').textContent = e.message;
      $('handoff-missing').hidden = false;
      $('handoff').hidden = true;
    } else {
      toast(e.message, 'error');
    }
  }
}

async function loadStaff() {
  const staff = await api('/api/staff');
  fill($('transfer-to'), el('option', { text: 'Choose a person…', attrs: { value: '' } }),
    staff.filter((s) => s.id !== me.username).map((s) => el('option', {
      text: s.team ? `${s.name} (${s.team})` : s.name, attrs: { value: s.id } })));
}

/** Runs an action button: disables it while busy, shows the backend's words on refusal. */
async function act(button, path, body, done) {
  $('action-status').textContent = '';
  button.disabled = true;
  try {
    const result = await api(`/api/handoffs/${id}/${path}`, { method: 'POST', body });
    done(result);
  } catch (e) {
    $('action-status').textContent = e.message;
  } finally {
    button.disabled = false;
  }
}

$('action-claim').addEventListener('click', (e) => act(e.currentTarget, 'claim', {}, (d) => {
  render(d);
  toast('Claimed. It is yours now.');
}));
$('action-take-over').addEventListener('click', (e) => act(e.currentTarget, 'take-over', {}, (d) => {
  render(d);
  toast('Taken over. It is yours now.');
}));
$('action-transfer').addEventListener('click', (e) => {
  const to = $('transfer-to').value;
  if (!to) {
    $('action-status').textContent = 'Choose who to transfer to.';
    return;
  }
  act(e.currentTarget, 'transfer', { to, note: $('transfer-note').value }, (d) => {
    $('transfer-note').value = '';
    render(d);
    toast(`Transferred to ${d.entry.assigneeName || to}.`);
  });
});
$('action-resolve').addEventListener('click', (e) => act(e.currentTarget, 'resolve',
  { outcome: $('resolve-outcome').value, note: $('resolve-note').value }, (d) => {
    $('resolve-note').value = '';
    render(d);
    toast('Resolved.');
  }));
$('action-reopen').addEventListener('click', (e) => act(e.currentTarget, 'reopen', { note: $('reopen-note').value }, (d) => {
  $('reopen-note').value = '';
  render(d);
  toast('Reopened.');
}));
$('note-save').addEventListener('click', (e) => {
  const text = $('note-text').value;
  if (!text.trim()) return;
  act(e.currentTarget, 'note', { text }, (d) => {
    $('note-text').value = '';
    render(d);
    toast('Note added.');
  });
});

const VIA = {
  webhook: 'Sent under your name.',
  bot: 'Sent by Baton, prefixed with your name.',
  stored: 'Stored only: nothing was sent.',
};

$('reply-send').addEventListener('click', async (e) => {
  const button = e.currentTarget;
  const status = $('reply-status');
  const text = $('reply-text').value;
  if (!text.trim()) {
    status.className = 'reply-status bad';
    status.textContent = 'Write something first.';
    return;
  }
  button.disabled = true;
  status.className = 'reply-status';
  status.textContent = 'Sending…';
  try {
    const outcome = await api(`/api/handoffs/${id}/reply`, { method: 'POST', body: { text } });
    render(outcome.handoff);
    const practiceStored = outcome.via === 'stored' && outcome.handoff.entry.practice;
    status.dataset.via = outcome.via;
    status.dataset.delivered = String(outcome.delivered);
    if (outcome.delivered || practiceStored) {
      $('reply-text').value = '';
      status.className = 'reply-status ok';
      status.textContent = practiceStored ? 'Stored (practice: nothing reaches Discord).' : (VIA[outcome.via] || `Sent (${outcome.via}).`);
    } else {
      status.className = 'reply-status bad';
      status.textContent = `Not delivered: ${outcome.detail || 'unknown reason'}. Your text is still here.`;
    }
  } catch (err) {
    status.className = 'reply-status bad';
    status.textContent = err.message;
  } finally {
    button.disabled = false;
  }
});
$('reply-text').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) $('reply-send').click();
});

let feedbackShown = false;
async function loadFeedback() {
  try {
    const data = await api(`/api/handoffs/${id}/feedback`);
    feedbackPanel($('feedback-box'), {
      kinds: ['needed_person', 'bot_could_answer', 'should_have_come_sooner', 'asked_again'],
      feedback: data.feedback,
      me,
      give: async (kind) => (await api(`/api/handoffs/${id}/feedback`, { method: 'POST', body: { kind } })).feedback,
    });
    feedbackShown = true;
  } catch (e) {
    if (!feedbackShown) $('feedback-card').hidden = true;
  }
}

const reload = coalesce(load);
listen((change) => {
  if (change.handoffId === id || change.handoffId === null) reload();
});
setInterval(() => {
  for (const node of document.querySelectorAll('[data-since]')) node.textContent = waited(node.dataset.since);
}, 1000);
await loadStaff();
await load();
await loadFeedback();
