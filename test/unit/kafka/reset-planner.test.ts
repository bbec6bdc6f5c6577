import { describe, expect, it } from 'vitest';
import { planRows, resetTimestamp, type PartitionFacts } from '../../../source/kafka/reset-planner.js';

// orders-0 holds offsets 10..99 (the first ten were deleted) and the group sits at 40; orders-1 was never committed.
const facts: PartitionFacts[] = [
  { topic: 'orders', partition: 1, logStartOffset: 0, logEndOffset: 20, committed: null, offsetAtTime: -1 },
  { topic: 'orders', partition: 0, logStartOffset: 10, logEndOffset: 100, committed: 40, offsetAtTime: 55 },
];
const newOffsets = (plan: ReturnType<typeof planRows>) => plan.rows.map((r) => r.newOffset);

describe('reset planner', () => {
  it('earliest, latest and current (a partition without a commit goes to the end, as the official tool does)', () => {
    expect(newOffsets(planRows({ kind: 'earliest' }, facts))).toEqual([10, 0]);
    expect(newOffsets(planRows({ kind: 'latest' }, facts))).toEqual([100, 20]);
    expect(newOffsets(planRows({ kind: 'current' }, facts))).toEqual([40, 20]);
  });

  it('sorts by topic and partition and shows the lag before and after', () => {
    const { rows } = planRows({ kind: 'earliest' }, facts);
    expect(rows[0]).toEqual({
      topic: 'orders',
      partition: 0,
      oldOffset: 40,
      newOffset: 10,
      logEndOffset: 100,
      lagBefore: 60,
      lagAfter: 90,
    });
    expect(rows[1]).toMatchObject({ partition: 1, oldOffset: null, lagBefore: null, lagAfter: 20 });
  });

  it('clamps out-of-range offsets into the log with the official warnings', () => {
    const plan = planRows({ kind: 'offset', offset: 5 }, facts);
    expect(newOffsets(plan)).toEqual([10, 5]);
    expect(plan.rows[0]!.clamped).toBe('earliest');
    expect(plan.warnings).toEqual(['New offset (5) is lower than earliest offset for topic partition orders-0. Value will be set to 10']);
    const high = planRows({ kind: 'offset', offset: 150 }, facts);
    expect(newOffsets(high)).toEqual([100, 20]);
    expect(high.rows.map((r) => r.clamped)).toEqual(['latest', 'latest']);
    expect(high.warnings[1]).toBe('New offset (150) is higher than latest offset for topic partition orders-1. Value will be set to 20');
  });

  it('shifts from the committed offset, clamped, and refuses a partition with no commit', () => {
    const committedOnly = facts.filter((f) => f.committed !== null);
    expect(newOffsets(planRows({ kind: 'shift', by: -5 }, committedOnly))).toEqual([35]);
    expect(newOffsets(planRows({ kind: 'shift', by: 500 }, committedOnly))).toEqual([100]);
    expect(() => planRows({ kind: 'shift', by: 1 }, facts)).toThrow('cannot shift orders-1: the group has no committed offset there');
  });

  it('by time: the offset found, or the end with a warning when no record is that recent', () => {
    const plan = planRows({ kind: 'datetime', timestamp: 0 }, facts);
    expect(newOffsets(plan)).toEqual([55, 20]);
    expect(plan.warnings).toEqual([
      'Partition 1 from topic orders has no record at or after that time. Falling back to latest known offset.',
    ]);
    expect(resetTimestamp({ kind: 'duration', ms: 60_000 }, 1_000_000)).toBe(940_000);
    expect(resetTimestamp({ kind: 'datetime', timestamp: 5 })).toBe(5);
  });

  it('from a file: each row clamped', () => {
    const mode = {
      kind: 'file' as const,
      rows: [
        { topic: 'orders', partition: 0, offset: 50 },
        { topic: 'orders', partition: 1, offset: 99 },
      ],
    };
    const plan = planRows(mode, facts);
    expect(newOffsets(plan)).toEqual([50, 20]);
    expect(plan.warnings).toHaveLength(1);
  });

  it('refuses a partition without a leader rather than guessing', () => {
    const offline = [{ topic: 'orders', partition: 2, logStartOffset: null, logEndOffset: null, committed: 3 }];
    expect(() => planRows({ kind: 'latest' }, offline)).toThrow(
      'cannot reset orders-2: the partition has no leader to ask for its offsets',
    );
  });
});
