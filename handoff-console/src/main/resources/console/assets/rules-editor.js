// Rules page: the editor, a textarea with line numbers, the cursor's line and column, go to line, and
// Tab indenting with two spaces (YAML's way); Escape, then Tab, leaves the editor as usual.
const $ = (name) => document.getElementById(name);

let gutterLines = 0;
export function drawGutter() {
  const editor = $('rules-editor');
  const count = editor.value.split('\n').length;
  if (count !== gutterLines) {
    gutterLines = count;
    const numbers = [];
    for (let i = 1; i <= count; i++) numbers.push(String(i));
    $('editor-gutter').textContent = `${numbers.join('\n')}\n`;
  }
  $('editor-gutter').scrollTop = editor.scrollTop;
}

function position(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

export function drawCursor() {
  const editor = $('rules-editor');
  const { line, column } = position(editor.value, editor.selectionStart);
  $('cursor-pos').textContent = `line ${line}, column ${column}`;
}

/** Moves the cursor to line:column (1-based) of the open file, selects the rest of that line and scrolls to it. */
export function jumpTo(line, column = 1) {
  const editor = $('rules-editor');
  const lines = editor.value.split('\n');
  const target = Math.max(1, Math.min(lines.length, Number(line) || 1));
  let offset = 0;
  for (let i = 0; i < target - 1; i++) offset += lines[i].length + 1;
  const text = lines[target - 1];
  const col = Math.max(1, Math.min(text.length + 1, Number(column) || 1));
  editor.focus();
  editor.setSelectionRange(offset + col - 1, offset + Math.max(col - 1, text.length));
  const lineHeight = parseFloat(window.getComputedStyle(editor).lineHeight) || 20;
  editor.scrollTop = Math.max(0, (target - 1) * lineHeight - editor.clientHeight / 3);
  drawGutter();
  drawCursor();
}

/** Listens to the editor; onEdit runs after every change of its text, typed or a Tab's two spaces. */
export function wireEditor(onEdit) {
  const editor = $('rules-editor');
  let escapePressed = false;
  editor.addEventListener('input', onEdit);
  editor.addEventListener('scroll', () => { $('editor-gutter').scrollTop = editor.scrollTop; });
  for (const event of ['keyup', 'click', 'select', 'focus']) editor.addEventListener(event, drawCursor);
  editor.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      escapePressed = true;
      return;
    }
    if (event.key === 'Tab' && !escapePressed && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey) {
      // YAML indents with spaces; a tab character there is an error.
      event.preventDefault();
      editor.setRangeText('  ', editor.selectionStart, editor.selectionEnd, 'end');
      onEdit();
    }
    escapePressed = false;
  });
  $('goto-go').addEventListener('click', () => jumpTo($('goto-line').value, 1));
  $('goto-line').addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      jumpTo($('goto-line').value, 1);
    }
  });
}
