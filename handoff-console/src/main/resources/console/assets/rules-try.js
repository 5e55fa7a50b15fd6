// Rules page: Try it. One conversation decided and routed under the live rules and under the draft,
// side by side; what the draft changes is marked [data-differs].
import { api, cueItem, el, fill, reasonChip, status } from './common.js';
import { changedFiles, payload } from './rules-draft.js';
import { jumpTo } from './rules-editor.js';
import { showFile } from './rules-files.js';
import { problemItem } from './rules-problems.js';

const $ = (name) => document.getElementById(name);
const PRIORITIES = { urgent: 'sens-0', high: 'sens-1' };

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

export function wireTry() {
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
}
