// Playground. Ids: #practice-banner, #pg-conversation (li.line[data-author]), #pg-input, #pg-send,
// #pg-reset, #pg-decision (.decision-kind[data-action], #pg-assignee, #pg-answer, li.cue),
// #pg-practice, #pg-practice-result (a#pg-practice-link to the new handoff).
// Each send posts the whole conversation so far to /api/playground; a bot answer is appended to the
// local conversation so follow-ups have context. Nothing here reaches Discord.
import { api, cueItem, el, fill, reasonChip, session, topbar } from './common.js';

const me = await session();
topbar(me, 'nav-playground');

const $ = (name) => document.getElementById(name);
let messages = [];

const KNOWN = new Set(['action', 'decision', 'entry', 'kb_id', 'confidence', 'reasons', 'cues', 'assignee',
  'matched']);

function bubble(message, index) {
  const author = message.author === 'customer' ? 'customer' : 'bot';
  return el('li', { class: `line author-${author}`, dataset: { author: message.author, line: index } },
    el('div', { class: 'who' }, el('strong', { text: author === 'customer' ? 'You (customer)' : 'Baton' }),
      message.kbId ? el('span', { class: 'tag kb', text: `from KB: ${message.kbId}` }) : null),
    el('div', { class: 'text', text: message.text }));
}

function drawConversation() {
  fill($('pg-conversation'), messages.length ? messages.map(bubble)
    : el('li', { class: 'muted', text: 'Nothing yet. Write something a customer might.' }));
  $('pg-practice').disabled = !messages.some((m) => m.author === 'customer');
}

function field(label, value) {
  return [el('dt', { text: label }), el('dd', {}, value)];
}

// answerText: what Baton would say, from the knowledge-base entry the decision names.
function drawDecision(d, answerText = null) {
  const action = d.action || d.decision || 'unknown';
  const entry = d.entry ?? d.kb_id ?? null;
  const facts = [];
  if (entry) facts.push(...field('KB entry', el('span', { class: 'tag kb', text: entry })));
  if (d.matched) facts.push(...field('Matched', d.matched));
  if (d.confidence !== undefined && d.confidence !== null) facts.push(...field('Confidence', Number(d.confidence).toFixed(2)));
  if (Array.isArray(d.reasons) && d.reasons.length) facts.push(...field('Reasons', el('span', {}, d.reasons.map(reasonChip))));
  if (d.assignee) facts.push(...field('Goes to', el('strong', { id: 'pg-assignee', text: d.assignee })));
  for (const [key, value] of Object.entries(d)) {
    if (KNOWN.has(key) || value === null || typeof value === 'object') continue;
    facts.push(...field(key, String(value)));
  }
  const cues = Array.isArray(d.cues) ? d.cues : [];
  fill($('pg-decision'),
    el('div', { class: 'decision-head' },
      el('span', { class: `decision-kind ${action}`, dataset: { action }, testid: 'pg-action',
        text: action === 'answer' ? 'Baton answers' : action === 'handoff' ? 'Baton hands off'
          : action === 'smalltalk' ? 'Baton replies to small talk' : action })),
    answerText ? el('div', { class: 'answer-box', id: 'pg-answer', text: answerText }) : null,
    el('dl', { class: 'facts' }, facts),
    el('h3', { text: 'Cues' }),
    cues.length ? el('ul', { class: 'cues' }, cues.map(cueItem)) : el('p', { class: 'muted', text: 'No cues scored.' }),
    el('details', {}, el('summary', { class: 'muted small', text: 'Everything the engine returned' }),
      el('pre', { class: 'raw', text: JSON.stringify(d, null, 2) })));
}

async function send(text) {
  messages.push({ author: 'customer', text });
  drawConversation();
  $('pg-send').disabled = true;
  try {
    const decision = await api('/api/playground', {
      method: 'POST', body: { messages: messages.map(({ author, text: t }) => ({ author, text: t })) } });
    const action = decision.action || decision.decision;
    const entry = decision.entry ?? decision.kb_id ?? null;
    const known = action === 'answer' && entry
      ? await api(`/api/knowledge/${encodeURIComponent(entry)}`).catch(() => null) : null;
    drawDecision(decision, known?.answer ?? null);
    if (action === 'answer') {
      messages.push({ author: 'bot', text: known?.answer ?? `[answer from KB entry ${entry}]`, kbId: entry });
      drawConversation();
    }
  } catch (e) {
    fill($('pg-decision'), el('p', { class: 'error', text: e.message }));
  } finally {
    $('pg-send').disabled = false;
    $('pg-input').focus();
  }
}

$('pg-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = $('pg-input').value.trim();
  if (!text) return;
  $('pg-input').value = '';
  send(text);
});
$('pg-input').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    $('pg-form').requestSubmit();
  }
});
$('pg-reset').addEventListener('click', () => {
  messages = [];
  drawConversation();
  fill($('pg-decision'), el('p', { class: 'muted', text: 'Send a message to see the decision.' }));
  fill($('pg-practice-result'));
});
$('pg-practice').addEventListener('click', async (event) => {
  const button = event.currentTarget;
  const result = $('pg-practice-result');
  button.disabled = true;
  result.className = 'status';
  try {
    const detail = await api('/api/playground/practice', {
      method: 'POST', body: { messages: messages.map(({ author, text }) => ({ author, text })) } });
    result.className = 'status ok';
    fill(result, 'In the queue as practice: ',
      el('a', { id: 'pg-practice-link', attrs: { href: `/handoffs/${detail.entry.id}` },
        text: `open handoff #${detail.entry.id}` }),
      detail.entry.assigneeName ? ` (for ${detail.entry.assigneeName})` : '');
  } catch (e) {
    result.className = 'status bad';
    result.textContent = e.message;
  } finally {
    button.disabled = false;
  }
});

drawConversation();
