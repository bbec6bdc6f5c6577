// Option values of consume/produce: offsets, timestamps, --property pairs, headers.
import { describe, expect, it } from 'vitest';
import {
  attachRelativeTimes,
  parseHeaderFlag,
  parseOffset,
  parseProperties,
  parseTimestamp,
  unescapeSeparator,
} from '../../../source/cli/console-options.js';

describe('parseOffset', () => {
  it.each([
    ['earliest', { kind: 'earliest' }],
    ['beginning', { kind: 'earliest' }],
    ['latest', { kind: 'latest' }],
    ['END', { kind: 'latest' }],
    ['0', { kind: 'offset', offset: 0 }],
    ['12345', { kind: 'offset', offset: 12345 }],
  ])('%s', (text, expected) => expect(parseOffset(text)).toEqual(expected));

  it.each(['-1', 'x', '1.5', '', '99999999999999999999'])('rejects %j', (text) => {
    expect(() => parseOffset(text)).toThrow(/invalid --offset/);
  });
});

describe('parseTimestamp', () => {
  const now = Date.UTC(2024, 4, 1, 12, 0, 0);
  it('reads relative times', () => {
    expect(parseTimestamp('-15m', now)).toBe(now - 15 * 60_000);
    expect(parseTimestamp('-2h', now)).toBe(now - 2 * 3_600_000);
    expect(parseTimestamp('-1d', now)).toBe(now - 86_400_000);
    expect(parseTimestamp('-30s', now)).toBe(now - 30_000);
    expect(parseTimestamp('-1.5h', now)).toBe(now - 5_400_000);
  });

  it('reads ISO-8601 and epoch milliseconds', () => {
    expect(parseTimestamp('2024-05-01T12:00:00Z')).toBe(now);
    expect(parseTimestamp('2024-05-01T14:00:00+02:00')).toBe(now);
    expect(parseTimestamp('2024-05-01T12:00:00.250Z')).toBe(now + 250);
    expect(parseTimestamp('1714564800000')).toBe(now);
  });

  it.each(['yesterday', '15m', '-15x', '2024-13-45T00:00:00Z', '1', 'May 1'])('rejects %j', (text) => {
    expect(() => parseTimestamp(text, now)).toThrow(/invalid --from-timestamp/);
  });
});

describe('parseProperties', () => {
  const known = ['print.key', 'key.separator'];
  it('parses name=value, keeping = in values and understanding \\t', () => {
    const parsed = parseProperties(['print.key=true', 'key.separator=\\t='], known);
    expect([...parsed]).toEqual([
      ['print.key', 'true'],
      ['key.separator', '\t='],
    ]);
  });

  it('rejects unknown names and missing =', () => {
    expect(() => parseProperties(['print.kye=true'], known)).toThrow("unknown --property 'print.kye'");
    expect(() => parseProperties(['print.key'], known)).toThrow('expected name=value');
  });
});

describe('small parsers', () => {
  it('unescapes separators', () => {
    expect(unescapeSeparator('\\t|\\n|\\\\|x')).toBe('\t|\n|\\|x');
  });

  it('reads --header k=v with = in the value', () => {
    expect(parseHeaderFlag('a=b=c')).toEqual(['a', Buffer.from('b=c')]);
    expect(() => parseHeaderFlag('=x')).toThrow('expected key=value');
  });
});

describe('attachRelativeTimes', () => {
  it('keeps a relative time attached to its flag, so that meow does not read -1h as flags', () => {
    expect(attachRelativeTimes(['delete-records', 'T', '--before', '-1h', '--yes'], ['--before'])).toEqual([
      'delete-records',
      'T',
      '--before=-1h',
      '--yes',
    ]);
  });

  it('leaves other flags, other values and a trailing flag alone', () => {
    const argv = ['--before', '15', '-p', '-1', '--until', '--before'];
    expect(attachRelativeTimes(argv, ['--before'])).toEqual(argv);
    expect(attachRelativeTimes(['--until', '-2d', '--from-timestamp', '-5m'], ['--from-timestamp', '--until'])).toEqual([
      '--until=-2d',
      '--from-timestamp=-5m',
    ]);
  });
});
