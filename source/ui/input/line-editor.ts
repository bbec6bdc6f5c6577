// One editable line, as a value: text, a cursor between grapheme clusters (so an emoji or an
// accented letter is one step), and what the last kill removed (for Ctrl-Y). Pure: the keys
// come in by name (keymap.keyName), and the line input components only draw the result.
import stringWidth from 'string-width';

export interface Line {
  text: string;
  /** UTF-16 index, always at a grapheme boundary; 0 ≤ cursor ≤ text.length. */
  cursor: number;
}

export interface EditResult {
  line: Line;
  /** Set when the key killed text: the new kill buffer. */
  killed?: string;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Grapheme boundaries of a text, from 0 to text.length. */
function boundaries(text: string): number[] {
  const at = [...segmenter.segment(text)].map((s) => s.index);
  at.push(text.length);
  return at;
}

function previousBoundary(text: string, cursor: number): number {
  const at = boundaries(text);
  for (let i = at.length - 1; i >= 0; i--) if (at[i]! < cursor) return at[i]!;
  return 0;
}

function nextBoundary(text: string, cursor: number): number {
  for (const at of boundaries(text)) if (at > cursor) return at;
  return text.length;
}

const isWordChar = (char: string) => /[\p{L}\p{N}_]/u.test(char);

/** Alt-B, Ctrl-←: back over non-word characters, then over the word. */
function wordStart(text: string, cursor: number): number {
  let at = cursor;
  while (at > 0 && !isWordChar(text[at - 1]!)) at--;
  while (at > 0 && isWordChar(text[at - 1]!)) at--;
  return at;
}

/** Alt-F, Ctrl-→: forward over non-word characters, then to the end of the word. */
function wordEnd(text: string, cursor: number): number {
  let at = cursor;
  while (at < text.length && !isWordChar(text[at]!)) at++;
  while (at < text.length && isWordChar(text[at]!)) at++;
  return at;
}

/** Ctrl-W: back to the previous whitespace, as in a shell. */
function spaceWordStart(text: string, cursor: number): number {
  let at = cursor;
  while (at > 0 && /\s/.test(text[at - 1]!)) at--;
  while (at > 0 && !/\s/.test(text[at - 1]!)) at--;
  return at;
}

export function lineOf(text: string, cursor = text.length): Line {
  return { text, cursor: Math.max(0, Math.min(text.length, cursor)) };
}

/** Inserts text at the cursor; control characters are dropped (they cannot be typed into a line). */
export function insertText(line: Line, text: string): Line {
  // eslint-disable-next-line no-control-regex
  const printable = text.replace(/[\u0000-\u001f\u007f]/g, '');
  return {
    text: line.text.slice(0, line.cursor) + printable + line.text.slice(line.cursor),
    cursor: line.cursor + printable.length,
  };
}

const move = (line: Line, cursor: number): EditResult => ({ line: { text: line.text, cursor } });

const cut = (line: Line, from: number, to: number): EditResult => ({
  line: { text: line.text.slice(0, from) + line.text.slice(to), cursor: from },
  killed: line.text.slice(from, to),
});

/**
 * The line after a key, or undefined when the key is not an editing key (so it may mean
 * something else, such as Enter or Tab). `kill` is what Ctrl-Y puts back.
 */
export function editLine(line: Line, key: string, input: string, kill: string): EditResult | undefined {
  const { text, cursor } = line;
  switch (key) {
    case 'left':
    case 'ctrl+b':
      return move(line, previousBoundary(text, cursor));
    case 'right':
    case 'ctrl+f':
      return move(line, nextBoundary(text, cursor));
    case 'home':
    case 'ctrl+a':
      return move(line, 0);
    case 'end':
    case 'ctrl+e':
      return move(line, text.length);
    case 'meta+b':
    case 'ctrl+left':
      return move(line, wordStart(text, cursor));
    case 'meta+f':
    case 'ctrl+right':
      return move(line, wordEnd(text, cursor));
    case 'backspace':
    case 'ctrl+h':
      return { line: { text: text.slice(0, previousBoundary(text, cursor)) + text.slice(cursor), cursor: previousBoundary(text, cursor) } };
    case 'delete':
    case 'ctrl+d':
      return { line: { text: text.slice(0, cursor) + text.slice(nextBoundary(text, cursor)), cursor } };
    case 'ctrl+u':
      // The whole line, wherever the cursor is: "clear the input", as people expect of it here.
      return cut(line, 0, text.length);
    case 'ctrl+k':
      return cut(line, cursor, text.length);
    case 'ctrl+w':
      return cut(line, spaceWordStart(text, cursor), cursor);
    case 'ctrl+y':
      return { line: insertText(line, kill) };
    case 'space':
      return { line: insertText(line, ' ') };
  }
  // Any other named key (ctrl+x, meta+x, f1, tab...) is not text.
  if (key.length > 1 && key !== input) return undefined;
  if (key.startsWith('ctrl+') || key.startsWith('meta+')) return undefined;
  // eslint-disable-next-line no-control-regex
  if (!/[^\u0000-\u001f\u007f]/.test(input)) return undefined;
  return { line: insertText(line, input) };
}

/** What fits in `width` cells around the cursor: before it, the cell under it, after it. */
export interface LineView {
  before: string;
  /** The character under the cursor, or ' ' at the end of the line. */
  at: string;
  after: string;
  /** Text hidden to the left / right of the view. */
  clippedLeft: boolean;
  clippedRight: boolean;
}

/** Scrolls the line so the cursor stays in view, measuring cells with string-width (wide and emoji are 2). */
export function viewLine(line: Line, width: number): LineView {
  const room = Math.max(1, width);
  const graphemes = [...segmenter.segment(line.text)].map((s) => ({ index: s.index, text: s.segment, width: stringWidth(s.segment) }));
  let cursorIndex = graphemes.findIndex((g) => g.index >= line.cursor);
  if (cursorIndex === -1) cursorIndex = graphemes.length;
  const at = graphemes[cursorIndex]?.text ?? ' ';
  const atWidth = Math.max(1, graphemes[cursorIndex]?.width ?? 1);
  // Start as far left as lets the cursor cell (and a ‹…› marker) fit.
  let start = 0;
  const widthFrom = (from: number) => graphemes.slice(from, cursorIndex).reduce((sum, g) => sum + g.width, 0) + atWidth;
  while (start < cursorIndex && widthFrom(start) + (start > 0 ? 1 : 0) > room) start++;
  let used = widthFrom(start) + (start > 0 ? 1 : 0);
  let end = cursorIndex + 1;
  while (end < graphemes.length && used + graphemes[end]!.width + (end + 1 < graphemes.length ? 1 : 0) <= room) {
    used += graphemes[end]!.width;
    end++;
  }
  return {
    before: graphemes
      .slice(start, cursorIndex)
      .map((g) => g.text)
      .join(''),
    at,
    after: graphemes
      .slice(cursorIndex + 1, end)
      .map((g) => g.text)
      .join(''),
    clippedLeft: start > 0,
    clippedRight: end < graphemes.length,
  };
}
