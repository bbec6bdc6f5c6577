// OffsetDelete v0 (Kafka 2.4+, the only version): removes a group's committed offsets for some
// partitions. The coordinator refuses (GROUP_SUBSCRIBED_TO_TOPIC) partitions of a topic the
// group's members still consume.
import type { BrokerClient } from '../cluster-client.js';
import type { PartitionResult } from './offset-commit.js';
import { OFFSET_DELETE_V0, sendRequest } from './send-request.js';
import { WireReader, WireWriter } from './wire.js';

export function encodeOffsetDeleteRequest(
  groupId: string,
  topics: ReadonlyArray<{ topic: string; partitions: readonly number[] }>,
): Buffer {
  const w = new WireWriter().string(groupId);
  w.array(topics, ({ topic, partitions }) => {
    w.string(topic);
    w.array(partitions, (p) => w.int32(p));
  });
  return w.toBuffer();
}

export interface OffsetDeleteResult {
  /** The group-level error: GROUP_ID_NOT_FOUND, NON_EMPTY_GROUP, ... */
  errorCode: number;
  partitions: PartitionResult[];
}

export function decodeOffsetDeleteResponse(payload: Buffer): OffsetDeleteResult {
  const r = new WireReader(payload);
  const errorCode = r.int16();
  r.int32(); // throttle time
  const partitions = r
    .array(() => {
      const topic = r.string();
      return r.array(() => ({ topic, partition: r.int32(), errorCode: r.int16() }));
    })
    .flat();
  return { errorCode, partitions };
}

export async function requestOffsetDelete(
  coordinator: BrokerClient,
  groupId: string,
  topics: ReadonlyArray<{ topic: string; partitions: readonly number[] }>,
  timeoutMs: number,
): Promise<OffsetDeleteResult> {
  const body = encodeOffsetDeleteRequest(groupId, topics);
  return (await sendRequest(coordinator, OFFSET_DELETE_V0, body, decodeOffsetDeleteResponse, { timeoutMs }))!;
}
