import { describe, expect, it } from 'vitest';
import { KEYMAP, helpSections, hintsFor, keyName, resolveKey, type KeyEvent } from '../../../source/ui/keymap.js';

const none: KeyEvent = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageUp: false,
  pageDown: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
};

describe('keymap', () => {
  it('no key is bound twice in the same context', () => {
    const seen = new Set<string>();
    for (const binding of KEYMAP) {
      for (const context of binding.when) {
        for (const key of binding.keys) {
          const id = `${context}:${key}`;
          expect(seen.has(id), id).toBe(false);
          seen.add(id);
        }
      }
    }
  });

  it('resolves the most specific context first', () => {
    expect(resolveKey('enter', ['topics', 'global'])?.command).toBe('topic.open');
    expect(resolveKey('enter', ['consumer', 'global'])?.command).toBe('consume.detail');
    expect(resolveKey('esc', ['input'])?.command).toBe('input.cancel');
    expect(resolveKey('esc', ['topics', 'global'])?.command).toBe('app.back');
    expect(resolveKey('q', ['input'])).toBeUndefined();
    expect(resolveKey('ctrl+c', ['consumer', 'global'])?.command).toBe('app.quit');
  });

  it('names Ink key events as the keymap spells them', () => {
    expect(keyName('', { ...none, tab: true, shift: true })).toBe('shift+tab');
    expect(keyName('d', { ...none, ctrl: true })).toBe('ctrl+d');
    expect(keyName(' ', none)).toBe('space');
    expect(keyName('', { ...none, pageDown: true })).toBe('pgdn');
    expect(keyName('G', { ...none, shift: true })).toBe('G');
  });

  it('hints only what applies to the focused pane, once each', () => {
    const topics = hintsFor(['topics', 'global']).map((h) => h.hint);
    expect(topics).toContain('filter');
    expect(topics).not.toContain('pause');
    const consumer = hintsFor(['consumer', 'global']).map((h) => h.hint);
    expect(consumer).toContain('pause');
    expect(new Set(consumer).size).toBe(consumer.length);
  });

  it('the help lists every binding exactly once', () => {
    const rows = helpSections().flatMap((s) => s.rows);
    expect(rows.length).toBe(KEYMAP.length);
  });
});

describe('keyName for editing keys', () => {
  it('names Ctrl/Alt arrows, Alt letters, and tells Delete from Backspace by the raw bytes', () => {
    expect(keyName('', { ...none, leftArrow: true })).toBe('left');
    expect(keyName('', { ...none, leftArrow: true, ctrl: true })).toBe('ctrl+left');
    expect(keyName('', { ...none, rightArrow: true, ctrl: true })).toBe('ctrl+right');
    expect(keyName('b', { ...none, meta: true })).toBe('meta+b');
    expect(keyName('', { ...none, delete: true }, '\u007f')).toBe('backspace');
    expect(keyName('', { ...none, delete: true }, '\u001b[3~')).toBe('delete');
    expect(keyName('y', { ...none, ctrl: true })).toBe('ctrl+y');
  });
});
