// RATE and ETA from two lag samples.
import { describe, expect, it } from 'vitest';
import type { GroupLag, PartitionLag } from '../../../source/kafka/group-types.js';
import { applyRates } from '../../../source/kafka/lag-rates.js';

const sample = (partitions: Array<Pick<PartitionLag, 'partition' | 'committedOffset' | 'logEndOffset'>>): GroupLag[] => [
  {
    group: { groupId: 'g', type: 'classic', state: 'Stable', coordinator: null, assignmentStrategy: '', members: [] },
    partitions: partitions.map((p) => ({
      topic: 't',
      member: null,
      lag: p.committedOffset !== null && p.logEndOffset !== null ? p.logEndOffset - p.committedOffset : null,
      ...p,
    })),
  },
];

describe('applyRates', () => {
  it('catching up: rate from the commits, ETA from the lag over consume minus produce rate', () => {
    const after = sample([{ partition: 0, committedOffset: 600, logEndOffset: 1100 }]);
    applyRates(sample([{ partition: 0, committedOffset: 100, logEndOffset: 1000 }]), after, 5000);
    // 100/s consumed, 20/s produced: 500 behind, closing at 80/s.
    expect(after[0]!.partitions[0]).toMatchObject({ consumeRate: 100, etaMs: 6250 });
  });

  it('falling behind or stalled with lag: never; no lag: 0; a partition missing from the first sample or without a leader: unknown', () => {
    const after = sample([
      { partition: 0, committedOffset: 110, logEndOffset: 1500 },
      { partition: 1, committedOffset: 50, logEndOffset: 50 },
      { partition: 2, committedOffset: 10, logEndOffset: 20 },
      { partition: 3, committedOffset: 10, logEndOffset: null },
    ]);
    applyRates(
      sample([
        { partition: 0, committedOffset: 100, logEndOffset: 1000 },
        { partition: 1, committedOffset: 40, logEndOffset: 50 },
        { partition: 3, committedOffset: 10, logEndOffset: 30 },
      ]),
      after,
      1000,
    );
    const [behind, caughtUp, unknown, leaderless] = after[0]!.partitions;
    expect(behind).toMatchObject({ consumeRate: 10, etaMs: 'never' });
    expect(caughtUp).toMatchObject({ consumeRate: 10, etaMs: 0 });
    expect(unknown).toMatchObject({ consumeRate: null, etaMs: null });
    expect(leaderless).toMatchObject({ consumeRate: 0, etaMs: null });
  });
});
