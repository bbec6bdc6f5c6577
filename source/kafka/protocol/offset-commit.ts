// OffsetCommit v8 (flexible, Kafka 2.4+) as an admin commit: generation -1 and no member id, which
// the coordinator accepts only while the group has no members (classic and KIP-848 groups alike;
// v9+ is needed only by members of a KIP-848 group, which an admin commit is not).
import type { BrokerClient } from '../cluster-client.js';
import { OFFSET_COMMIT_V8, sendRequest } from './send-request.js';
import { WireReader, WireWriter } from './wire.js';

export interface OffsetToCommit {
  topic: string;
  partition: number;
  offset: number;
}

export interface PartitionResult {
  topic: string;
  partition: number;
  errorCode: number;
}

const NO_GENERATION = -1;
const NO_LEADER_EPOCH = -1;

/** Offsets of one group, grouped by topic in the order given. */
export function encodeOffsetCommitRequest(groupId: string, offsets: readonly OffsetToCommit[]): Buffer {
  const byTopic = new Map<string, OffsetToCommit[]>();
  for (const o of offsets) byTopic.set(o.topic, [...(byTopic.get(o.topic) ?? []), o]);
  const w = new WireWriter();
  w.emptyTags(); // request header v2
  w.compactString(groupId).int32(NO_GENERATION).compactString('').compactString(null);
  w.compactArray([...byTopic], ([topic, partitions]) => {
    w.compactString(topic);
    w.compactArray(partitions, (p) => {
      w.int32(p.partition).int64(p.offset).int32(NO_LEADER_EPOCH).compactString('').emptyTags();
    });
    w.emptyTags();
  });
  return w.emptyTags().toBuffer();
}

export function decodeOffsetCommitResponse(payload: Buffer): PartitionResult[] {
  const r = new WireReader(payload);
  r.tags(); // response header v1
  r.int32(); // throttle time
  const results = r.compactArray(() => {
    const topic = r.compactString();
    const partitions = r.compactArray(() => {
      const result = { topic, partition: r.int32(), errorCode: r.int16() };
      r.tags();
      return result;
    });
    r.tags();
    return partitions;
  });
  r.tags();
  return results.flat();
}

/** Sent to the group's coordinator; each partition answers with its own error code. */
export async function requestOffsetCommit(
  coordinator: BrokerClient,
  groupId: string,
  offsets: readonly OffsetToCommit[],
  timeoutMs: number,
): Promise<PartitionResult[]> {
  const body = encodeOffsetCommitRequest(groupId, offsets);
  return (await sendRequest(coordinator, OFFSET_COMMIT_V8, body, decodeOffsetCommitResponse, { timeoutMs }))!;
}
