// A group's lag over time: the samples the groups pane keeps, the sparkline drawn from them,
// and when the lag will clear at the rates they show. Pure functions over plain numbers.
import type { GroupLag } from '../kafka/group-types.js';

export interface LagSample {
  /** When it was measured, ms since the epoch. */
  at: number;
  /** Total lag over the partitions with a commit and a known end. */
  lag: number;
  /** Sums over those same partitions, so the rates compare like with like. */
  committed: number;
  logEnd: number;
}

/** Samples older than this are dropped: the sparkline shows "the last few minutes". */
export const SAMPLE_WINDOW_MS = 5 * 60_000;
export const MAX_SAMPLES = 60;

export function sampleOf(lag: GroupLag, at: number): LagSample | undefined {
  const known = lag.partitions.filter((p) => p.committedOffset !== null && p.logEndOffset !== null);
  if (known.length === 0) return undefined;
  let committed = 0;
  let logEnd = 0;
  for (const p of known) {
    committed += p.committedOffset!;
    logEnd += p.logEndOffset!;
  }
  return { at, lag: known.reduce((sum, p) => sum + (p.lag ?? 0), 0), committed, logEnd };
}

/** Refreshes closer than this (a key, then the timer) replace the last sample, so each bar is a similar stretch of time. */
export const MIN_SAMPLE_GAP_MS = 2_000;

/** The samples with `sample` added, and those that left the window (by age or count) dropped. */
export function addSample(samples: readonly LagSample[], sample: LagSample): LagSample[] {
  const last = samples.at(-1);
  const kept = last && sample.at - last.at < MIN_SAMPLE_GAP_MS ? samples.slice(0, -1) : samples;
  return [...kept, sample].filter((s) => sample.at - s.at <= SAMPLE_WINDOW_MS).slice(-MAX_SAMPLES);
}

const BARS = '▁▂▃▄▅▆▇█';

/**
 * The last `width` values as bars scaled from 0 to their maximum: no lag is the lowest bar, and a
 * steady lag stays high, so a glance tells "behind" from "caught up" as well as the trend.
 */
export function sparkline(values: readonly number[], width: number): string {
  if (width <= 0) return '';
  const shown = values.slice(-width);
  const max = Math.max(0, ...shown);
  return shown.map((v) => (max === 0 ? BARS[0] : BARS[Math.round((Math.max(0, v) / max) * (BARS.length - 1))])).join('');
}

/** Rates over less than this are noise (two refreshes a keypress apart), so the ETA waits. */
export const MIN_RATE_SPAN_MS = 10_000;

export type Eta =
  | { kind: 'unknown' }
  | { kind: 'caughtUp' }
  | { kind: 'clears'; ms: number; consumeRate: number; produceRate: number }
  | { kind: 'never'; consumeRate: number; produceRate: number };

/**
 * When the lag clears at the consume and produce rates seen between the first and last sample:
 * the lag shrinks by (consumed − produced) per second. `never` while it does not shrink.
 */
export function lagEta(samples: readonly LagSample[]): Eta {
  const last = samples.at(-1);
  if (!last) return { kind: 'unknown' };
  if (last.lag === 0) return { kind: 'caughtUp' };
  const first = samples[0]!;
  if (last.at - first.at < MIN_RATE_SPAN_MS) return { kind: 'unknown' };
  const seconds = (last.at - first.at) / 1000;
  const consumeRate = (last.committed - first.committed) / seconds;
  const produceRate = (last.logEnd - first.logEnd) / seconds;
  const net = consumeRate - produceRate;
  if (net <= 0) return { kind: 'never', consumeRate, produceRate };
  return { kind: 'clears', ms: (last.lag / net) * 1000, consumeRate, produceRate };
}
