import { describe, expect, it } from 'vitest';
import { BracketedPasteReader, pastedLines, readTextRun, textRun } from '../../../../source/ui/input/paste.js';
import { enterFullscreen, leaveFullscreen } from '../../../../source/ui/screen.js';

const plain = { return: false, tab: false };

describe('BracketedPasteReader', () => {
  it('collects a paste delivered as Ink 6.8 does: marker, text, marker (ESC stripped)', () => {
    const reader = new BracketedPasteReader();
    expect(reader.feed('[200~', plain)).toEqual({ kind: 'inside' });
    expect(reader.active).toBe(true);
    expect(reader.feed('a\rb\rc', plain)).toEqual({ kind: 'inside' });
    expect(reader.feed('[201~', plain)).toEqual({ kind: 'done', text: 'a\rb\rc', rest: '' });
    expect(reader.active).toBe(false);
    expect(reader.feed('x', plain)).toEqual({ kind: 'none' });
  });

  it('keeps Enter and Tab that arrive as key events of their own inside the paste', () => {
    const reader = new BracketedPasteReader();
    reader.feed('[200~', plain);
    reader.feed('one', plain);
    reader.feed('', { return: true, tab: false });
    reader.feed('', { return: false, tab: true });
    reader.feed('two', plain);
    expect(reader.feed('[201~', plain)).toEqual({ kind: 'done', text: 'one\r\ttwo', rest: '' });
  });

  it('recognises the markers with their ESC, inside one event, and hands back what follows', () => {
    const reader = new BracketedPasteReader();
    expect(reader.feed('\u001b[200~x\ny\u001b[201~after', plain)).toEqual({ kind: 'done', text: 'x\ny', rest: 'after' });
    // The ESC read on its own (an Escape key already handled), the rest starting with the marker.
    expect(reader.feed('[200~k1:v\rk2:w[201~', plain)).toEqual({ kind: 'done', text: 'k1:v\rk2:w', rest: '' });
  });

  it('an end marker split across events still ends the paste', () => {
    const reader = new BracketedPasteReader();
    reader.feed('[200~abc', plain);
    expect(reader.feed('[201', plain)).toEqual({ kind: 'inside' });
    expect(reader.feed('~', plain)).toEqual({ kind: 'done', text: 'abc', rest: '' });
  });

  it('a paste whose end marker never came stops swallowing keys after two seconds', () => {
    const reader = new BracketedPasteReader();
    expect(reader.feed('[200~half', plain, 1_000)).toEqual({ kind: 'inside' });
    expect(reader.feed('more', plain, 2_500)).toEqual({ kind: 'inside' });
    expect(reader.feed('q', plain, 5_000)).toEqual({ kind: 'none' });
    expect(reader.active).toBe(false);
  });

  it('ordinary text and keys are not a paste', () => {
    const reader = new BracketedPasteReader();
    expect(reader.feed('hello [200~', plain)).toEqual({ kind: 'none' });
    expect(reader.feed('', { return: true, tab: false })).toEqual({ kind: 'none' });
  });
});

describe('pastedLines', () => {
  it('splits at CR, LF and CRLF, drops the empty line after a final break and blank lines', () => {
    expect(pastedLines('a\rb\nc\r\nd')).toEqual(['a', 'b', 'c', 'd']);
    expect(pastedLines('a\nb\n')).toEqual(['a', 'b']);
    expect(pastedLines('a\n\n  \nb')).toEqual(['a', 'b']);
    expect(pastedLines('')).toEqual([]);
    expect(pastedLines('one line')).toEqual(['one line']);
  });
});

describe('readTextRun', () => {
  it('more than one line is a paste of lines, never joined', () => {
    expect(readTextRun('k1:line-one\rk2:line-two\rk3:line-three')).toEqual({
      kind: 'lines',
      lines: ['k1:line-one', 'k2:line-two', 'k3:line-three'],
    });
    expect(readTextRun('a\rb\r')).toEqual({ kind: 'lines', lines: ['a', 'b'] });
  });

  it('one line and its Enter, typed faster than read, stay keys in order', () => {
    expect(readTextRun('hello\r')).toEqual({ kind: 'keys', pieces: [{ kind: 'text', text: 'hello' }, { kind: 'enter' }] });
    expect(readTextRun('\rnext')).toEqual({ kind: 'keys', pieces: [{ kind: 'enter' }, { kind: 'text', text: 'next' }] });
    expect(readTextRun('abc')).toEqual({ kind: 'keys', pieces: [{ kind: 'text', text: 'abc' }] });
    expect(readTextRun('x\r\r')).toEqual({ kind: 'keys', pieces: [{ kind: 'text', text: 'x' }, { kind: 'enter' }, { kind: 'enter' }] });
  });
});

describe('textRun', () => {
  it('stops at Tab, Backspace and Escape, keeps line breaks', () => {
    expect(textRun('ab\rc\td')).toBe('ab\rc');
    expect(textRun('ab\u007f')).toBe('ab');
    expect(textRun('ab\u001b[A')).toBe('ab');
    expect(textRun('\tab')).toBe('');
  });
});

describe('screen', () => {
  it('turns bracketed paste on with the alternate screen and off on leaving, once', () => {
    let written = '';
    const stdout = { columns: 80, write: (s: string) => ((written += s), true) } as unknown as NodeJS.WriteStream;
    enterFullscreen(stdout, 'x');
    expect(written).toContain('\u001b[?2004h');
    written = '';
    leaveFullscreen(stdout);
    expect(written).toContain('\u001b[?2004l');
    expect(written).toContain('\u001b[?1049l');
    written = '';
    leaveFullscreen(stdout);
    expect(written).toBe('');
  });
});
