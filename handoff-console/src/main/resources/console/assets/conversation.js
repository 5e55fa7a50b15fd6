// A stored conversation (/conversations/{id}): one Baton answered, or one from a replay. Ids for browser
// tests: #conversation-missing, #conv-customer, #conv-state [data-testid="state-badge"], #conv-meta,
// #conv-transcript li.line[data-line][data-author] with [data-testid="kb-source"] on knowledge-base answers,
// #conv-handoffs li a[data-handoff-id], #feedback-intro, #feedback-box (see feedback.js).
import { api, clockTime, el, fill, session, toast, topbar, when } from './common.js';
import { feedbackPanel } from './feedback.js';

const me = await session();
topbar(me, 'nav-queue');
const $ = (name) => document.getElementById(name);
const id = Number(window.location.pathname.split('/').pop());

const AUTHORS = { customer: 'customer', bot: 'Baton', staff: 'staff', other: 'other' };
const STATES = { bot: 'answered by Baton', handed_off: 'handed off', closed: 'closed' };

function line(message, index) {
  const author = AUTHORS[message.author] ? message.author : 'other';
  return el('li', { class: `line author-${author}${message.deleted ? ' deleted' : ''}`, dataset: { line: index, author } },
    el('div', { class: 'who' },
      el('strong', { text: message.authorName || AUTHORS[author] }),
      el('span', { text: clockTime(message.at), attrs: { title: when(message.at) } }),
      message.kbId ? el('span', { class: 'tag kb', text: `from KB: ${message.kbId}`, testid: 'kb-source' }) : null,
      message.edited ? el('span', { class: 'tag flag', text: 'edited' }) : null,
      message.deleted ? el('span', { class: 'tag flag', text: 'deleted' }) : null),
    el('div', { class: 'text', text: message.text || '' }));
}

function render(view) {
  const s = view.summary;
  document.title = `${s.customerName || 'Conversation'} · Baton console`;
  $('conv-customer').textContent = s.customerName || 'Unknown customer';
  fill($('conv-state'), el('span', { class: `badge conv-${s.state}`, testid: 'state-badge', text: STATES[s.state] || s.state }));
  fill($('conv-meta'),
    el('span', { text: `Started ${when(s.startedAt)}` }),
    el('span', { text: `Last message ${when(s.lastMessageAt)}` }),
    el('span', { text: s.channelId ? `Channel ${s.channelId}` : 'Direct message' }),
    el('span', { text: `${s.answers} ${s.answers === 1 ? 'answer' : 'answers'} from the knowledge base` }),
    el('span', { class: 'muted', text: `#${s.id}` }));
  fill($('conv-transcript'), view.transcript.length ? view.transcript.map(line) : el('li', { class: 'muted', text: 'No messages stored.' }));
  fill($('conv-handoffs'), view.handoffIds.length
    ? view.handoffIds.map((h) => el('li', {}, el('a', { attrs: { href: `/handoffs/${h}` }, dataset: { handoffId: h }, text: `Handoff #${h}` })))
    : el('li', { class: 'muted', text: 'None: Baton handled this conversation alone.' }));
  const handedOff = view.handoffIds.length > 0;
  $('feedback-intro').textContent = handedOff
    ? 'This conversation was handed off: give feedback on its handoff page. What staff said:'
    : 'If this customer should have reached a person sooner, say so: it counts against the rules that let Baton answer.';
  feedbackPanel($('feedback-box'), {
    kinds: handedOff ? [] : ['should_have_come_sooner'],
    feedback: view.feedback,
    me,
    give: async (kind) => (await api(`/api/conversations/${id}/feedback`, { method: 'POST', body: { kind } })).feedback,
  });
}

try {
  render(await api(`/api/conversations/${id}`));
  $('conversation').hidden = false;
} catch (e) {
  if (e.status === 404 || e.status === 400) {
    $('conversation-missing').textContent = e.message;
    $('conversation-missing').hidden = false;
  } else {
    toast(e.message, 'error');
  }
}
