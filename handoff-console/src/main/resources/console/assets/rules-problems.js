// Rules page: the problems of the last check, each as file:line:column: message with its hint; a click
// opens the file in the editor at that line and column.
import { el, fill } from './common.js';
import { fileNames, state } from './rules-draft.js';
import { jumpTo } from './rules-editor.js';
import { drawTabs, showFile } from './rules-files.js';

const $ = (name) => document.getElementById(name);

function problemText(p) {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}

/** A problem; with `jump`, a button that opens the file at its line and column. */
export function problemItem(p, jump = true) {
  const label = problemText(p);
  const head = jump
    ? el('button', { class: 'problem-link', text: label, attrs: { type: 'button', title: 'Show it in the editor' },
      on: { click: () => { if (fileNames().includes(p.file)) showFile(p.file); jumpTo(p.line, p.column); } } })
    : el('span', { class: 'problem-text', text: label });
  return el('li', { dataset: { file: p.file, line: p.line, column: p.column }, testid: 'problem' },
    head, p.hint ? el('div', { class: 'hint', text: p.hint }) : null);
}

export function showProblems(list) {
  state.problems = list || [];
  fill($('problems'), state.problems.map((p) => problemItem(p)));
  drawTabs();
}
