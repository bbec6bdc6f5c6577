import { describe, expect, it } from 'vitest';
import {
  formatResetCsv,
  formatResetTable,
  parseResetCsv,
  parseResetDateTime,
  parseResetDuration,
  parseTopicScope,
} from '../../../source/format/offset-reset-text.js';

describe('reset-plan CSV', () => {
  it('reads the one-group layout for the named group and the several-group layout as it is', () => {
    expect(parseResetCsv('orders,0,5\norders,1,7\n\n', 'g1')).toEqual([
      { group: 'g1', topic: 'orders', partition: 0, offset: 5 },
      { group: 'g1', topic: 'orders', partition: 1, offset: 7 },
    ]);
    expect(parseResetCsv('g1,orders,0,5\r\n"g,2",orders,2,0\n')).toEqual([
      { group: 'g1', topic: 'orders', partition: 0, offset: 5 },
      { group: 'g,2', topic: 'orders', partition: 2, offset: 0 },
    ]);
  });

  it('names the line and the reason of a malformed plan', () => {
    expect(() => parseResetCsv('orders,0,5\norders,x,7', 'g')).toThrow("line 2: the partition must be a whole number (got 'x')");
    expect(() => parseResetCsv('orders,0', 'g')).toThrow(
      'line 1: expected topic,partition,offset (or group,topic,partition,offset), got 2 field(s)',
    );
    expect(() => parseResetCsv('orders,0,5')).toThrow('line 1: expected group,topic,partition,offset when more than one group is reset');
    expect(() => parseResetCsv('orders,0,-1', 'g')).toThrow('line 1: the offset must not be negative');
    expect(() => parseResetCsv('"orders,0,1', 'g')).toThrow('line 1: unterminated quote');
    expect(() => parseResetCsv('\n\n', 'g')).toThrow('the reset plan has no rows');
  });

  it('writes what ConsumerGroupCommand --export writes, and reads it back', () => {
    const rows = [
      { group: 'g1', topic: 'orders', partition: 0, offset: 5 },
      { group: 'odd "g"', topic: 'orders', partition: 1, offset: 0 },
    ];
    expect(formatResetCsv(rows.slice(0, 1), false)).toBe('orders,0,5\n\n');
    const several = formatResetCsv(rows, true);
    expect(several).toBe('g1,orders,0,5\n"odd ""g""",orders,1,0\n\n');
    expect(parseResetCsv(several)).toEqual(rows);
  });
});

describe('--to-datetime', () => {
  it('reads Utils.getDateTime text: UTC without a zone, and every zone form', () => {
    const utc = Date.UTC(2024, 0, 1, 0, 0, 0, 0);
    expect(parseResetDateTime('2024-01-01T00:00:00.000')).toBe(utc);
    expect(parseResetDateTime('2024-01-01T00:00:00.000Z')).toBe(utc);
    expect(parseResetDateTime('2024-01-01T01:00:00.000+01:00')).toBe(utc);
    expect(parseResetDateTime('2023-12-31T19:00:00.000-0500')).toBe(utc);
    expect(parseResetDateTime('2024-01-01T02:00:00.250+02')).toBe(utc + 250);
    expect(parseResetDateTime('2024-01-01T00:00:00')).toBe(utc);
  });

  it('refuses what the strict Java parser refuses, in one line', () => {
    for (const bad of [
      '2024-01-01',
      '2024-04-31T00:00:00.000',
      '2024-01-01T24:00:00.000',
      '2024-01-01 00:00:00.000',
      'yesterday',
      '2024-01-01T00:00:00.000+25:00',
    ]) {
      expect(() => parseResetDateTime(bad), bad).toThrow(/^invalid datetime '.*': /);
    }
  });
});

describe('--by-duration', () => {
  it('reads java.time.Duration text', () => {
    expect(parseResetDuration('PT1H')).toBe(3_600_000);
    expect(parseResetDuration('P1DT12H')).toBe(129_600_000);
    expect(parseResetDuration('pt30m')).toBe(1_800_000);
    expect(parseResetDuration('PT1.5S')).toBe(1500);
    expect(parseResetDuration('P2D')).toBe(172_800_000);
    expect(parseResetDuration('PT-6H3M')).toBe(-6 * 3_600_000 + 180_000);
    expect(parseResetDuration('-PT1M')).toBe(-60_000);
  });

  it('refuses the forms Duration.parse refuses', () => {
    for (const bad of ['1h', 'P', 'PT', 'P1M', 'P1Y', 'PT1H2D', ''])
      expect(() => parseResetDuration(bad), bad).toThrow(/^invalid duration/);
  });
});

describe('--topic scope', () => {
  it('a topic, or a topic with partitions', () => {
    expect(parseTopicScope('orders')).toEqual({ topic: 'orders' });
    expect(parseTopicScope('orders:2,0,2')).toEqual({ topic: 'orders', partitions: [0, 2] });
    expect(() => parseTopicScope('orders:')).toThrow("invalid --topic 'orders:': '' is not a partition number");
    expect(() => parseTopicScope('orders:a')).toThrow("'a' is not a partition number");
    expect(() => parseTopicScope(':1')).toThrow('expected TOPIC or TOPIC:0,1,2');
  });
});

describe('dry-run table', () => {
  it("ConsumerGroupCommand's columns first, then the old offset and the lag change", () => {
    const table = formatResetTable([
      { group: 'g', topic: 'orders', partition: 0, offset: 0, oldOffset: 7, lagBefore: 3, lagAfter: 10 },
      { group: 'g', topic: 'orders', partition: 1, offset: 4, oldOffset: null, lagBefore: null, lagAfter: 0 },
    ]);
    expect(table.split('\n')).toEqual([
      '',
      'GROUP           TOPIC           PARTITION  NEW-OFFSET      OLD-OFFSET      LAG',
      'g               orders          0          0               7               3 -> 10',
      'g               orders          1          4               -               - -> 0',
      '',
    ]);
  });
});
