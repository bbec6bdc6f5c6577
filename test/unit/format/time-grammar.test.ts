import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../../source/cli/console-options.js';
import { parseDuration as parseTimeout } from '../../../source/config/durations.js';
import { parseDuration, parseTime } from '../../../source/format/time-grammar.js';
import { parseConsumeOptions } from '../../../source/model/consume-options.js';

const now = Date.UTC(2026, 10, 23, 12, 0, 0);

describe('durations', () => {
  it('every unit, decimals, and a bare number only with a bare unit', () => {
    expect(['500ms', '10s', '2m', '1.5h', '1d', '1w'].map((t) => parseDuration(t))).toEqual([
      500, 10_000, 120_000, 5_400_000, 86_400_000, 604_800_000,
    ]);
    expect(parseDuration('3')).toBeUndefined();
    expect(parseDuration('3', 's')).toBe(3_000);
    expect(parseDuration('3', 'ms')).toBe(3);
    for (const bad of ['', 'soon', '10x', '-1s', '1 s']) expect(parseDuration(bad, 's'), bad).toBeUndefined();
  });
});

describe('times', () => {
  it('relative, epoch milliseconds and ISO-8601', () => {
    expect(parseTime('-15m', now)).toBe(now - 900_000);
    expect(parseTime('-1.5h', now)).toBe(now - 5_400_000);
    expect(parseTime('-500ms', now)).toBe(now - 500);
    expect(parseTime(String(now))).toBe(now);
    expect(parseTime('2026-11-23T12:00:00Z')).toBe(now);
    expect(parseTime('2026-11-23T13:00:00+01:00')).toBe(now);
    expect(parseTime('2026-11-23')).toBe(Date.UTC(2026, 10, 23));
    for (const bad of ['-15', '15m', 'yesterday', '1', 'May 1', '2026-13-45T00:00:00Z']) expect(parseTime(bad, now), bad).toBeUndefined();
  });

  it('the C prompt, --from-timestamp and the timeouts read the same text the same way', () => {
    for (const text of ['-15m', '-1.5h', '-2d', '-1w', '-30s', '2026-11-23T10:00:00Z', '2026-11-23T11:00:00.250+01:00']) {
      const cli = parseTimestamp(text, now);
      expect(parseConsumeOptions(text, now).from, text).toEqual({ kind: 'timestamp', timestamp: cli });
    }
    for (const text of ['-15x', 'yesterday', '-15']) {
      expect(() => parseTimestamp(text, now)).toThrow(/invalid --from-timestamp/);
      expect(() => parseConsumeOptions(text, now)).toThrow(/cannot read/);
    }
    expect(parseTimeout('1.5h')).toBe(parseDuration('1.5h'));
    expect(parseTimeout('250ms')).toBe(250);
  });
});
