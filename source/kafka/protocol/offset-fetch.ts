// OffsetFetch v8 (Kafka 3.0+): the committed offsets of several groups in one request to their
// coordinator. Topics null asks for every partition the group has committed.
import type { BrokerClient } from '../cluster-client.js';
import { OFFSET_FETCH_V8, sendRequest } from './send-request.js';
import { WireReader, WireWriter } from './wire.js';

export interface RawCommittedOffset {
  topic: string;
  partition: number;
  /** -1 when the partition has no committed offset. */
  committedOffset: number;
  /** -1 when unknown. */
  committedLeaderEpoch: number;
  metadata: string | null;
  errorCode: number;
}

export interface RawGroupOffsets {
  groupId: string;
  errorCode: number;
  offsets: RawCommittedOffset[];
}

export function encodeOffsetFetchRequest(groupIds: readonly string[]): Buffer {
  const w = new WireWriter().emptyTags(); // request header v2
  w.compactArray(groupIds, (id) => {
    w.compactString(id);
    w.compactArray(null, () => {}); // every topic
    w.emptyTags();
  });
  return w.boolean(false).emptyTags().toBuffer(); // require stable: no
}

export function decodeOffsetFetchResponse(payload: Buffer): RawGroupOffsets[] {
  const r = new WireReader(payload);
  r.tags(); // response header v1
  r.int32(); // throttle time
  const groups = r.compactArray((): RawGroupOffsets => {
    const groupId = r.compactString();
    const offsets: RawCommittedOffset[] = [];
    r.compactArray(() => {
      const topic = r.compactString();
      r.compactArray(() => {
        offsets.push({
          topic,
          partition: r.int32(),
          committedOffset: r.int64(),
          committedLeaderEpoch: r.int32(),
          metadata: r.compactNullableString(),
          errorCode: r.int16(),
        });
        r.tags();
      });
      r.tags();
    });
    const errorCode = r.int16();
    r.tags();
    return { groupId, errorCode, offsets };
  });
  r.tags();
  return groups;
}

export async function requestOffsetFetch(broker: BrokerClient, groupIds: readonly string[], timeoutMs: number): Promise<RawGroupOffsets[]> {
  return (await sendRequest(broker, OFFSET_FETCH_V8, encodeOffsetFetchRequest(groupIds), decodeOffsetFetchResponse, { timeoutMs }))!;
}
