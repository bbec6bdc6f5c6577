// --time-lag's RATE and ETA: two lag samples a window apart give, per partition, how fast the group
// commits (messages per second) and how fast the partition grows; the lag clears when the first
// outruns the second. Pure, so the groups pane can feed it its own background samples.
import type { GroupLag } from './group-types.js';

const key = (group: string, topic: string, partition: number) => `${group}\0${topic}\0${partition}`;

/** Fills consumeRate and etaMs on `after`'s partitions from `before`, taken `windowMs` earlier. */
export function applyRates(before: readonly GroupLag[], after: readonly GroupLag[], windowMs: number): void {
  const earlier = new Map<string, { committed: number | null; end: number | null }>();
  for (const { group, partitions } of before) {
    for (const p of partitions)
      earlier.set(key(group.groupId, p.topic, p.partition), { committed: p.committedOffset, end: p.logEndOffset });
  }
  const seconds = windowMs / 1000;
  for (const { group, partitions } of after) {
    for (const p of partitions) {
      const then = earlier.get(key(group.groupId, p.topic, p.partition));
      if (!then || seconds <= 0 || then.committed === null || p.committedOffset === null) {
        p.consumeRate = null;
        p.etaMs = p.lag === 0 ? 0 : null;
        continue;
      }
      // A reset can move the commit backwards; a negative rate says nothing about catching up.
      const consumeRate = Math.max(0, (p.committedOffset - then.committed) / seconds);
      p.consumeRate = consumeRate;
      if (p.lag === null || then.end === null || p.logEndOffset === null) p.etaMs = p.lag === 0 ? 0 : null;
      else if (p.lag <= 0) p.etaMs = 0;
      else {
        const produceRate = Math.max(0, (p.logEndOffset - then.end) / seconds);
        p.etaMs = consumeRate > produceRate ? Math.round((p.lag / (consumeRate - produceRate)) * 1000) : 'never';
      }
    }
  }
}
