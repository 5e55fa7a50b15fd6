// The handoff page's after-care card: what Baton asked when the handoff was resolved and the customer's
// answer, and whether anyone had to repeat themselves, the two messages side by side. Ids for browser
// tests: #care-card, #aftercare with #aftercare-verdict[data-verdict=up|down|none] and #aftercare-comment,
// #repeat[data-kind] with #repeat-earlier and #repeat-repeated (each .text, .who, a[href="#line-N"]).
import { clockTime, el, fill, when } from './common.js';

const KINDS = { rating: 'Rating prompt', closing_line: 'Closing line (nothing to answer)' };
const REPEATS = {
  customer_restated: 'The customer had to say again what Baton already had.',
  staff_reasked: 'A person asked for something the customer had already given.',
};
const AUTHORS = { customer: 'customer', bot: 'Baton', staff: 'staff', other: 'other' };

function verdict(a) {
  if (a.kind !== 'rating') return null;
  const given = a.verdict === 'up' || a.verdict === 'down';
  return el('p', {},
    el('span', { id: 'aftercare-verdict', class: 'verdict', dataset: { verdict: given ? a.verdict : 'none' },
      text: given ? (a.verdict === 'up' ? '👍 helpful' : '👎 not helpful') : 'Not answered yet' }),
    given && a.answeredAt ? el('span', { class: 'muted small', text: ` · ${when(a.answeredAt)}` }) : null);
}

function aftercare(a) {
  if (!a) return el('p', { class: 'muted', text: 'Baton asked nothing after this handoff (not resolved yet, or before after-care).' });
  return el('div', {},
    el('p', { class: 'muted small', text: `${KINDS[a.kind] || a.kind}, ${when(a.askedAt)}, naming ${a.resolvedByName || a.resolvedBy}` }),
    verdict(a),
    a.comment ? el('blockquote', { id: 'aftercare-comment', class: 'text' }, el('q', { text: a.comment })) : null);
}

function side(id, title, line, index) {
  if (!line) return el('div', { id, class: 'repeat-side' }, el('h3', { text: title }), el('p', { class: 'muted', text: 'No longer stored.' }));
  return el('div', { id, class: 'repeat-side', dataset: { author: line.author } },
    el('h3', { text: title }),
    el('div', { class: 'who muted small' }, el('strong', { text: line.authorName || AUTHORS[line.author] || line.author }),
      ' · ', el('span', { text: clockTime(line.at), attrs: { title: when(line.at) } }),
      index >= 0 ? [' · ', el('a', { text: `message ${index + 1}`, attrs: { href: `#line-${index}` } })] : null),
    el('div', { class: 'text', text: line.text || '' }));
}

function repeat(r) {
  if (!r) return el('p', { class: 'muted', text: 'Not checked for repeats yet.' });
  if (!r.kind) return el('p', { dataset: { kind: 'none' }, text: 'Checked: nobody had to repeat themselves.' });
  return el('div', {},
    el('p', {}, REPEATS[r.kind] || r.kind,
      r.score !== null && r.score !== undefined ? el('span', { class: 'muted small', text: ` (similarity ${Number(r.score).toFixed(2)})` }) : null),
    el('div', { class: 'repeat-pair' },
      side('repeat-earlier', 'Said before pickup', r.earlier, r.earlierLine),
      side('repeat-repeated', 'Said again after pickup', r.repeated, r.repeatedLine)));
}

/** Fills the card from a HandoffDetail; the card shows once there is after-care or a repeat check. */
export function carePanel(card, detail) {
  card.hidden = !detail.aftercare && !detail.repeat;
  fill(card.querySelector('#aftercare'), aftercare(detail.aftercare));
  const box = card.querySelector('#repeat');
  box.dataset.kind = detail.repeat ? (detail.repeat.kind || 'none') : 'unchecked';
  fill(box, repeat(detail.repeat));
}
