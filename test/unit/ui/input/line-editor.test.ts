import { describe, expect, it } from 'vitest';
import { editLine, insertText, lineOf, viewLine, type Line } from '../../../../source/ui/input/line-editor.js';

/** The line as text with `|` at the cursor. */
const show = (line: Line) => `${line.text.slice(0, line.cursor)}|${line.text.slice(line.cursor)}`;
/** A line from text with `|` at the cursor. */
const at = (marked: string): Line => lineOf(marked.replace('|', ''), marked.indexOf('|'));
const press = (marked: string, key: string, input = '', kill = '') => {
  const result = editLine(at(marked), key, input, kill);
  if (!result) throw new Error(`${key} did not edit`);
  return { line: show(result.line), killed: result.killed };
};

describe('line editor: moving', () => {
  it.each([
    ['abc|', 'left', 'ab|c'],
    ['|abc', 'left', '|abc'],
    ['a|bc', 'right', 'ab|c'],
    ['abc|', 'right', 'abc|'],
    ['ab|c', 'ctrl+b', 'a|bc'],
    ['a|bc', 'ctrl+f', 'ab|c'],
    ['ab|c', 'home', '|abc'],
    ['ab|c', 'ctrl+a', '|abc'],
    ['a|bc', 'end', 'abc|'],
    ['a|bc', 'ctrl+e', 'abc|'],
    ['k1:hello world|', 'meta+b', 'k1:hello |world'],
    ['k1:hello |world', 'meta+b', 'k1:|hello world'],
    ['k1:hello world|', 'ctrl+left', 'k1:hello |world'],
    ['|k1:hello world', 'meta+f', 'k1|:hello world'],
    ['k1|:hello world', 'ctrl+right', 'k1:hello| world'],
    ['k1:hello| world', 'meta+f', 'k1:hello world|'],
  ])('%s %s → %s', (from, key, to) => {
    expect(press(from, key).line).toBe(to);
  });
});

describe('line editor: deleting and typing', () => {
  it.each([
    ['abc|', 'backspace', 'ab|'],
    ['a|bc', 'backspace', '|bc'],
    ['|abc', 'backspace', '|abc'],
    ['a|bc', 'delete', 'a|c'],
    ['abc|', 'delete', 'abc|'],
    ['a|bc', 'ctrl+d', 'a|c'],
  ])('%s %s → %s', (from, key, to) => {
    expect(press(from, key).line).toBe(to);
  });

  it('types at the cursor, mid-line', () => {
    expect(press('k1:helo|', 'left').line).toBe('k1:hel|o');
    expect(press('k1:hel|o', 'l', 'l').line).toBe('k1:hell|o');
    expect(press('a|c', 'xyz', 'xyz').line).toBe('axyz|c');
    expect(press('a|c', 'space', ' ').line).toBe('a |c');
  });

  it('Enter, Tab, Esc, ↑ and unbound control keys are not edits', () => {
    for (const key of ['enter', 'tab', 'esc', 'up', 'down', 'ctrl+c', 'ctrl+x', 'meta+q', 'pgdn']) {
      expect(editLine(at('ab|'), key, '', '')).toBeUndefined();
    }
    expect(editLine(at('ab|'), '\u0007', '\u0007', '')).toBeUndefined();
  });

  it('insertText drops control characters', () => {
    expect(show(insertText(at('a|b'), 'x\u001b[2Jy'))).toBe('ax[2Jy|b');
  });
});

describe('line editor: kill and yank', () => {
  it('Ctrl-U clears the line (killing it), Ctrl-K kills after the cursor, Ctrl-W the word before', () => {
    expect(press('hello world|', 'ctrl+u')).toEqual({ line: '|', killed: 'hello world' });
    expect(press('hello |world', 'ctrl+u')).toEqual({ line: '|', killed: 'hello world' });
    expect(press('hello |world', 'ctrl+k')).toEqual({ line: 'hello |', killed: 'world' });
    expect(press('-p 1 k:v  |', 'ctrl+w')).toEqual({ line: '-p 1 |', killed: 'k:v  ' });
    expect(press('a-b.c|', 'ctrl+w')).toEqual({ line: '|', killed: 'a-b.c' });
  });

  it('Ctrl-Y yanks what was killed, at the cursor', () => {
    const killed = press('hello |world', 'ctrl+k').killed!;
    expect(press('say |!', 'ctrl+y', '', killed).line).toBe('say world|!');
    expect(press('x|', 'ctrl+y', '', '').line).toBe('x|');
  });
});

describe('line editor: wide characters and emoji', () => {
  it('moves and deletes a whole grapheme (emoji with modifiers, combining accents, CJK)', () => {
    const family = '👨‍👩‍👧';
    expect(press(`a${family}|`, 'left').line).toBe(`a|${family}`);
    expect(press(`a${family}|`, 'backspace').line).toBe('a|');
    expect(press(`|${family}b`, 'delete').line).toBe('|b');
    expect(press('cafe\u0301|', 'backspace').line).toBe('caf|');
    expect(press('日本|語', 'right').line).toBe('日本語|');
    expect(press('日本 語|', 'meta+b').line).toBe('日本 |語');
  });

  it('the view counts wide characters as two cells and keeps the cursor in view', () => {
    // 10 CJK characters are 20 cells; with 9 cells and the cursor at the end, the tail shows.
    const line = lineOf('一二三四五六七八九十');
    const view = viewLine(line, 9);
    expect(view.clippedLeft).toBe(true);
    expect(view.at).toBe(' ');
    // … (1 cell) + 3 × 2 + the cursor (1) = 8; a fourth character would make 10.
    expect(view.before).toBe('八九十');
  });

  it('scrolls around the cursor: at the start the head shows and the rest is clipped', () => {
    const view = viewLine(lineOf('abcdefghijklmnop', 0), 6);
    expect(view).toMatchObject({ before: '', at: 'a', clippedLeft: false, clippedRight: true });
    expect(1 + view.after.length + 1).toBeLessThanOrEqual(6);
    const middle = viewLine(lineOf('abcdefghijklmnop', 8), 6);
    expect(middle.at).toBe('i');
    expect(middle.clippedLeft).toBe(true);
  });

  it('a short line shows whole, the cursor cell on its character', () => {
    expect(viewLine(lineOf('k:😀v', 2), 20)).toEqual({ before: 'k:', at: '😀', after: 'v', clippedLeft: false, clippedRight: false });
  });
});
