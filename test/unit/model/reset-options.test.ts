import { describe, expect, it } from 'vitest';
import { describeMode, parseResetOptions, parseTopicSpec } from '../../../source/model/reset-options.js';

const now = Date.UTC(2026, 10, 23, 12, 0, 0);

describe('parseResetOptions', () => {
  it('reads every mode the official tool has, over all topics by default', () => {
    const all = { allTopics: true };
    expect(parseResetOptions('earliest', now)).toEqual({ mode: { kind: 'earliest' }, scope: all });
    expect(parseResetOptions('latest', now)).toEqual({ mode: { kind: 'latest' }, scope: all });
    expect(parseResetOptions('current', now)).toEqual({ mode: { kind: 'current' }, scope: all });
    expect(parseResetOptions('offset 42', now).mode).toEqual({ kind: 'offset', offset: 42 });
    expect(parseResetOptions('shift -10', now).mode).toEqual({ kind: 'shift', by: -10 });
    expect(parseResetOptions('shift +3', now).mode).toEqual({ kind: 'shift', by: 3 });
    expect(parseResetOptions('-15m', now).mode).toEqual({ kind: 'duration', ms: 15 * 60_000 });
    expect(parseResetOptions('2026-11-23T10:00:00Z', now).mode).toEqual({ kind: 'datetime', timestamp: Date.UTC(2026, 10, 23, 10) });
    expect(parseResetOptions('1795442152542', now).mode).toEqual({ kind: 'datetime', timestamp: 1795442152542 });
  });

  it('reads topic scopes, with partitions, repeated', () => {
    expect(parseResetOptions('earliest topic orders topic audit:0,2', now).scope).toEqual({
      topics: [{ topic: 'orders' }, { topic: 'audit', partitions: [0, 2] }],
    });
    expect(parseTopicSpec('a.b:c:1')).toEqual({ topic: 'a.b:c', partitions: [1] });
  });

  it('refuses what it cannot read, in one line saying what it takes', () => {
    for (const bad of ['', 'soon', 'offset', 'offset -1', 'shift', 'shift x', 'earliest now', 'topic orders', 'earliest topic', '-15'])
      expect(() => parseResetOptions(bad, now), bad).toThrow(/cannot read .*: use earliest \| latest/);
    expect(() => parseResetOptions('earliest topic orders:x', now)).toThrow("bad topic 'orders:x': use T or T:0,1,2");
    expect(() => parseResetOptions('offset 99999999999999999999', now)).toThrow('too large');
  });

  it('reads a plan file (the CSV --export writes) for the group, in either layout', () => {
    const files: Record<string, string> = {
      'one.csv': 'orders,0,5\norders,1,7\n',
      'many.csv': 'billing,orders,0,1\naudit,orders,0,2\n',
      'bad.csv': 'orders,zero,5\n',
    };
    const read = (path: string) => files[path]!;
    expect(parseResetOptions('file one.csv', now, { group: 'billing', read }).mode).toEqual({
      kind: 'file',
      rows: [
        { topic: 'orders', partition: 0, offset: 5 },
        { topic: 'orders', partition: 1, offset: 7 },
      ],
    });
    expect(parseResetOptions('file many.csv', now, { group: 'audit', read }).mode).toEqual({
      kind: 'file',
      rows: [{ topic: 'orders', partition: 0, offset: 2 }],
    });
    expect(() => parseResetOptions('file many.csv', now, { group: 'other', read })).toThrow('many.csv has no offsets for group other');
    expect(() => parseResetOptions('file bad.csv', now, { group: 'billing', read })).toThrow(
      "line 1: the partition must be a whole number (got 'zero')",
    );
    expect(() => parseResetOptions('file', now, { group: 'billing', read })).toThrow('cannot read');
  });

  it('names the mode back for the preview', () => {
    expect(describeMode({ kind: 'shift', by: 3 })).toBe('shift +3');
    expect(describeMode({ kind: 'shift', by: -3 })).toBe('shift -3');
    expect(describeMode({ kind: 'datetime', timestamp: Date.UTC(2026, 0, 1) })).toBe('2026-01-01T00:00:00.000Z');
    expect(describeMode({ kind: 'duration', ms: 900_000 })).toBe('900s ago');
  });
});
