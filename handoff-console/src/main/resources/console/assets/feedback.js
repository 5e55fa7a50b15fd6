// One-click staff feedback, shared by the handoff and conversation pages. Ids and attributes for browser
// tests: button[data-feedback="needed_person|bot_could_answer|should_have_come_sooner|asked_again"]
// with aria-pressed (true once you clicked it) and .count; #feedback-list li[data-kind][data-actor].
import { el, fill, toast, when } from './common.js';

export const FEEDBACK = {
  needed_person: { label: 'Needed a person', hint: 'Handing this off was right.' },
  bot_could_answer: { label: 'Bot could have answered', hint: 'The knowledge base covers this; no person was needed.' },
  should_have_come_sooner: { label: 'Should have come sooner', hint: 'Baton should have handed this off earlier.' },
  asked_again: { label: 'Asked for something already in the transcript',
    hint: 'Staff had to ask the customer for something they had already written.' },
};

/**
 * Draws the buttons and who clicked what into `box`.
 * kinds: which buttons; feedback: [{kind, actorId, actorName, at, note, handoffId}];
 * give(kind): posts the click and resolves to the new feedback list.
 */
export function feedbackPanel(box, { kinds, feedback, me, give }) {
  const draw = (list) => {
    const buttons = kinds.map((kind) => {
      const mine = list.some((f) => f.kind === kind && f.actorId === me.username);
      const count = list.filter((f) => f.kind === kind).length;
      const button = el('button', {
        class: `feedback-button${mine ? ' pressed' : ''}`,
        dataset: { feedback: kind },
        attrs: { type: 'button', 'aria-pressed': String(mine), title: FEEDBACK[kind].hint },
      }, FEEDBACK[kind].label, el('span', { class: 'count', text: count }));
      button.addEventListener('click', async () => {
        if (mine) {
          toast('You already said so; it counts once.');
          return;
        }
        button.disabled = true;
        try {
          draw(await give(kind));
          toast('Thanks: this feeds the rules health page.');
        } catch (e) {
          toast(e.message, 'error');
          button.disabled = false;
        }
      });
      return button;
    });
    const who = list.length ? list.map((f) => el('li', { dataset: { kind: f.kind, actor: f.actorId } },
      el('strong', { text: f.actorName || f.actorId }), ': ', el('span', { text: (FEEDBACK[f.kind] || { label: f.kind }).label }),
      el('span', { class: 'muted small', text: ` · ${when(f.at)}` }),
      f.note ? el('div', { class: 'muted small', text: f.note }) : null))
      : [el('li', { class: 'muted', text: 'No feedback yet.' })];
    fill(box, el('div', { class: 'feedback-buttons' }, buttons), el('ul', { id: 'feedback-list', class: 'plain-list' }, who));
  };
  draw(feedback);
}
