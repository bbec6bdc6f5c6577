import { describe, expect, it } from 'vitest';
import {
  addSample,
  lagEta,
  MAX_SAMPLES,
  MIN_SAMPLE_GAP_MS,
  SAMPLE_WINDOW_MS,
  sampleOf,
  sparkline,
  type LagSample,
} from '../../../source/model/group-trend.js';
import type { GroupLag } from '../../../source/kafka/group-types.js';

const sample = (at: number, committed: number, logEnd: number): LagSample => ({ at, lag: logEnd - committed, committed, logEnd });

describe('sparkline', () => {
  it('scales from 0 to the largest value over the eight bars', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7], 8)).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([14, 5, 0], 8)).toBe('█▄▁');
  });

  it('shows no lag as the lowest bar and a steady lag as the highest', () => {
    expect(sparkline([0, 0, 0], 8)).toBe('▁▁▁');
    expect(sparkline([500, 500], 8)).toBe('██');
  });

  it('keeps the newest values that fit the width', () => {
    expect(sparkline([7, 0, 0, 7], 2)).toBe('▁█');
    expect(sparkline([1, 2], 0)).toBe('');
    expect(sparkline([], 5)).toBe('');
  });
});

describe('samples', () => {
  it('sums lag, committed and end offsets over the partitions that have both', () => {
    const lag = {
      group: { groupId: 'g', type: 'classic', state: 'Empty', coordinator: null, assignmentStrategy: '', members: [] },
      partitions: [
        { topic: 't', partition: 0, committedOffset: 3, logEndOffset: 10, lag: 7, member: null },
        { topic: 't', partition: 1, committedOffset: null, logEndOffset: 10, lag: null, member: null },
        { topic: 't', partition: 2, committedOffset: 5, logEndOffset: null, lag: null, member: null },
        { topic: 't', partition: 3, committedOffset: 1, logEndOffset: 2, lag: 1, member: null },
      ],
    } satisfies GroupLag;
    expect(sampleOf(lag, 42)).toEqual({ at: 42, lag: 8, committed: 4, logEnd: 12 });
    expect(sampleOf({ ...lag, partitions: [] }, 42)).toBeUndefined();
  });

  it('drops samples older than the window, and beyond the count', () => {
    let samples: LagSample[] = [];
    for (let i = 0; i <= 10; i++) samples = addSample(samples, sample(i * 60_000, 0, i));
    expect(samples[0]!.at).toBe(10 * 60_000 - SAMPLE_WINDOW_MS);
    samples = [];
    for (let i = 0; i < MAX_SAMPLES + 5; i++) samples = addSample(samples, sample(i * MIN_SAMPLE_GAP_MS, 0, i));
    expect(samples).toHaveLength(MAX_SAMPLES);
    expect(samples.at(-1)!.at).toBe((MAX_SAMPLES + 4) * MIN_SAMPLE_GAP_MS);
  });

  it('replaces the last sample with one taken too soon after it', () => {
    const samples = addSample([sample(0, 0, 5), sample(10_000, 0, 6)], sample(10_500, 0, 7));
    expect(samples.map((s) => [s.at, s.lag])).toEqual([
      [0, 5],
      [10_500, 7],
    ]);
  });
});

describe('lagEta', () => {
  it('divides the lag by how fast it shrinks: consumed minus produced per second', () => {
    // 60 s: 600 consumed (10/s), 300 produced (5/s); lag 1000 shrinks by 5/s → 200 s.
    const eta = lagEta([sample(0, 0, 1300), sample(60_000, 600, 1600)]);
    expect(eta).toEqual({ kind: 'clears', ms: 200_000, consumeRate: 10, produceRate: 5 });
  });

  it('says never while the group falls behind or stands still, and caught up at no lag', () => {
    expect(lagEta([sample(0, 0, 100), sample(60_000, 60, 220)])).toMatchObject({ kind: 'never', consumeRate: 1, produceRate: 2 });
    expect(lagEta([sample(0, 0, 100), sample(60_000, 0, 100)])).toMatchObject({ kind: 'never', consumeRate: 0 });
    expect(lagEta([sample(0, 0, 100), sample(60_000, 100, 100)])).toEqual({ kind: 'caughtUp' });
  });

  it('waits for samples far enough apart to give a rate', () => {
    expect(lagEta([])).toEqual({ kind: 'unknown' });
    expect(lagEta([sample(0, 0, 10)])).toEqual({ kind: 'unknown' });
    expect(lagEta([sample(0, 0, 10), sample(500, 5, 10)])).toEqual({ kind: 'unknown' });
  });
});
