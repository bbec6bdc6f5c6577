import { describe, expect, it } from 'vitest';
import { parseConsumeOptions } from '../../source/model/consume-options.js';
import { clampIndex, windowTop } from '../../source/model/list-window.js';
import { parseProduceLine } from '../../source/model/producer-store.js';
import { parseCommandLine } from '../../source/ui/command-line.js';
import { escapeControlAndTabs as escapeControl } from '../../source/format/escape.js';

describe('consume options', () => {
  const now = Date.UTC(2026, 0, 1);
  it.each([
    ['', { kind: 'earliest' }],
    ['end', { kind: 'latest' }],
    ['offset 10', { kind: 'offset', offset: 10 }],
    ['10', { kind: 'offset', offset: 10 }],
    ['-15m', { kind: 'timestamp', timestamp: now - 15 * 60_000 }],
    ['2025-12-31T23:00:00Z', { kind: 'timestamp', timestamp: now - 3_600_000 }],
  ])('%s', (text, from) => {
    expect(parseConsumeOptions(text, now).from).toEqual(from);
  });
  it('partitions', () => {
    expect(parseConsumeOptions('end p=1,3').partitions).toEqual([1, 3]);
  });
  it('rejects nonsense with the syntax', () => {
    expect(() => parseConsumeOptions('yesterday')).toThrow(/use end \| beginning/);
    expect(() => parseConsumeOptions('end p=x')).toThrow(/bad partition/);
  });
});

describe('produce line', () => {
  it('splits key and value at the first separator', () => {
    const r = parseProduceLine('k:v:w', 't', ':');
    expect([r.key?.toString(), r.value.toString()]).toEqual(['k', 'v:w']);
  });
  it('no separator: no key', () => {
    expect(parseProduceLine('just value', 't', ':').key).toBeNull();
  });
  it('options before the message', () => {
    const r = parseProduceLine('-p 1 -H a=b -H c=d=e k\tv', 't', '\t');
    expect(r).toMatchObject({
      partition: 1,
      headers: [
        ['a', 'b'],
        ['c', 'd=e'],
      ],
    });
    expect(r.key?.toString()).toBe('k');
  });
  it('bad options explain themselves', () => {
    expect(() => parseProduceLine('-p x v', 't', ':')).toThrow(/partition number/);
    expect(() => parseProduceLine('-H novalue v', 't', ':')).toThrow(/key=value/);
  });
});

describe('command line', () => {
  it('parses', () => {
    expect(parseCommandLine('describe orders')).toEqual({ kind: 'describe', topic: 'orders' });
    expect(parseCommandLine('q')).toEqual({ kind: 'quit' });
    expect(() => parseCommandLine('nope')).toThrow(/unknown command/);
  });
});

describe('list window', () => {
  it('moves the top only as much as needed', () => {
    expect(windowTop(0, 5, 10, 100)).toBe(0);
    expect(windowTop(0, 12, 10, 100)).toBe(3);
    expect(windowTop(20, 15, 10, 100)).toBe(15);
    expect(windowTop(95, 99, 10, 100)).toBe(90);
    expect(windowTop(5, 0, 10, 3)).toBe(0);
    expect(clampIndex(7, 3)).toBe(2);
  });
});

describe('escapeControl', () => {
  it('escapes C0, DEL and C1 controls, keeps other text', () => {
    expect(escapeControl('a\u001b]0;x\u0007b\u009bc\u007f\n é')).toBe('a\\x1b]0;x\\x07b\\x9bc\\x7f\\n é');
  });
});
