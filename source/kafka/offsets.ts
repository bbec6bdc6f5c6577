// ListOffsets, asked of each partition's leader: requests of at most MAX_PARTITIONS_PER_REQUEST
// partitions per leader, for any number of topics. Each partition answers (or fails) on its own.
import type { ClusterClient } from './cluster-client.js';
import { errorMessage } from './errors.js';
import type { TopicInfo } from './metadata.js';
import { FETCH_REROUTE, NONE, errorName } from './protocol/error-codes.js';
import { sendListOffsets, splitPartitions } from './protocol/list-offsets.js';
import { sleep } from './timing.js';

export const EARLIEST = -2;
export const LATEST = -1;
export const READ_UNCOMMITTED = 0;
export const READ_COMMITTED = 1;

/** Partition errors worth asking again after a pause (a leader still loading new partitions, a leader moving). */
const RETRY_PAUSES_MS = [100, 400];

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** leader → topic → partitions it leads. */
export type PartitionsByLeader = Map<number, Map<string, number[]>>;

/** Groups partitions by leader; partitions without one are left out. */
export function groupByLeader(
  topics: readonly TopicInfo[],
  include: (topic: string, partition: number) => boolean = () => true,
): PartitionsByLeader {
  const byLeader: PartitionsByLeader = new Map();
  for (const topic of topics) {
    for (const p of topic.partitions) {
      if (p.leader === null || !include(topic.name, p.partition)) continue;
      let led = byLeader.get(p.leader);
      if (!led) byLeader.set(p.leader, (led = new Map()));
      let partitions = led.get(topic.name);
      if (!partitions) led.set(topic.name, (partitions = []));
      partitions.push(p.partition);
    }
  }
  return byLeader;
}

export interface PartitionOffset {
  topic: string;
  partition: number;
  offset: string;
}

export interface PartitionFailure {
  topic: string;
  partition: number;
  /** An error code's name (NOT_LEADER_OR_FOLLOWER) or, when the leader did not answer, the connection's error. */
  reason: string;
}

export interface LeaderOffsets {
  offsets: PartitionOffset[];
  failures: PartitionFailure[];
}

/**
 * The offsets at `timestamp` (EARLIEST, LATEST or epoch ms) of the partitions one leader leads.
 * Partitions that fail with a retriable error are asked again twice; what still fails, or a
 * leader that does not answer, comes back in `failures`, never silently dropped.
 */
export async function listLeaderOffsets(
  client: ClusterClient,
  leader: number,
  partitionsByTopic: ReadonlyMap<string, readonly number[]>,
  timestamp: number,
  isolationLevel: number,
): Promise<LeaderOffsets> {
  const offsets: PartitionOffset[] = [];
  let failures: PartitionFailure[] = [];
  let pending: ReadonlyMap<string, readonly number[]> = partitionsByTopic;
  for (let attempt = 0; ; attempt++) {
    const retry = new Map<string, number[]>();
    failures = [];
    try {
      const broker = await client.broker(leader);
      // In turn, not at once: the leader works through one request at a time per connection anyway.
      for (const chunk of splitPartitions(pending)) {
        for (const answer of await sendListOffsets(broker, { timestamp, isolationLevel, partitions: chunk }, client.requestTimeoutMs)) {
          const { topic, partition, errorCode } = answer;
          if (errorCode === NONE) offsets.push({ topic, partition, offset: String(answer.offset) });
          else {
            failures.push({ topic, partition, reason: errorName(errorCode) });
            if (FETCH_REROUTE.has(errorCode)) pushTo(retry, topic, partition);
          }
        }
      }
    } catch (error) {
      const reason = `broker ${leader}: ${errorMessage(error)}`;
      for (const [topic, list] of pending) for (const partition of list) failures.push({ topic, partition, reason });
      return { offsets, failures };
    }
    const pause = RETRY_PAUSES_MS[attempt];
    if (retry.size === 0 || pause === undefined) return { offsets, failures };
    await sleep(pause);
    pending = retry;
  }
}

/** The failures per topic. */
export function failuresByTopic(failures: readonly PartitionFailure[]): Map<string, PartitionFailure[]> {
  const byTopic = new Map<string, PartitionFailure[]>();
  for (const failure of failures) pushTo(byTopic, failure.topic, failure);
  return byTopic;
}

/** "NOT_LEADER_FOR_PARTITION on 3 partitions (orders/0, orders/1, payments/4)" per reason, reason first, for a one-line notice. */
export function describeFailures(failures: readonly PartitionFailure[], examples = 3): string {
  const byReason = new Map<string, PartitionFailure[]>();
  for (const failure of failures) pushTo(byReason, failure.reason, failure);
  return [...byReason]
    .map(([reason, list]) => {
      const shown = list
        .slice(0, examples)
        .map((f) => `${f.topic}/${f.partition}`)
        .join(', ');
      const more = list.length > examples ? ', …' : '';
      return `${reason} on ${list.length} partition${list.length === 1 ? '' : 's'} (${shown}${more})`;
    })
    .join('; ');
}
