// DescribeGroups v5 (Kafka 2.4+): classic groups, their members and (for consumer groups) the
// partitions each member was given. An unknown group comes back in state Dead, without an error.
import type { BrokerClient } from '../cluster-client.js';
import { DESCRIBE_GROUPS_V5, sendRequest } from './send-request.js';
import { WireReader, WireWriter } from './wire.js';

export interface RawClassicMember {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  /** ConsumerProtocol bytes for 'consumer' groups; the protocol's own for others (Connect, ...). */
  memberAssignment: Buffer;
}

export interface RawClassicGroup {
  errorCode: number;
  groupId: string;
  groupState: string;
  protocolType: string;
  /** The chosen assignor ('range', ...) while the group is Stable; otherwise ''. */
  protocolData: string;
  members: RawClassicMember[];
}

export function encodeDescribeGroupsRequest(groupIds: readonly string[]): Buffer {
  const w = new WireWriter().emptyTags(); // request header v2
  w.compactArray(groupIds, (id) => w.compactString(id));
  return w.boolean(false).emptyTags().toBuffer();
}

export function decodeDescribeGroupsResponse(payload: Buffer): RawClassicGroup[] {
  const r = new WireReader(payload);
  r.tags(); // response header v1
  r.int32(); // throttle time
  const groups = r.compactArray((): RawClassicGroup => {
    const errorCode = r.int16();
    const groupId = r.compactString();
    const groupState = r.compactString();
    const protocolType = r.compactString();
    const protocolData = r.compactString();
    const members = r.compactArray((): RawClassicMember => {
      const memberId = r.compactString();
      const groupInstanceId = r.compactNullableString();
      const clientId = r.compactString();
      const clientHost = r.compactString();
      r.compactBytes(); // member metadata (the subscription)
      const memberAssignment = r.compactBytes();
      r.tags();
      return { memberId, groupInstanceId, clientId, clientHost, memberAssignment };
    });
    r.int32(); // authorized operations
    r.tags();
    return { errorCode, groupId, groupState, protocolType, protocolData, members };
  });
  r.tags();
  return groups;
}

/**
 * The partitions in a ConsumerProtocol Assignment (any version: they all start with the same
 * fields, in the classic non-flexible encoding). Empty bytes (a group that is not Stable) give none.
 */
export function decodeConsumerAssignment(bytes: Buffer): Array<{ topic: string; partitions: number[] }> {
  if (bytes.length < 6) return [];
  let at = 2; // version
  const topics: Array<{ topic: string; partitions: number[] }> = [];
  const topicCount = bytes.readInt32BE(at);
  at += 4;
  for (let i = 0; i < topicCount; i++) {
    const nameLength = bytes.readInt16BE(at);
    at += 2;
    const topic = bytes.toString('utf8', at, at + nameLength);
    at += nameLength;
    const count = bytes.readInt32BE(at);
    at += 4;
    const partitions: number[] = [];
    for (let j = 0; j < count; j++, at += 4) partitions.push(bytes.readInt32BE(at));
    topics.push({ topic, partitions });
  }
  return topics;
}

export async function requestDescribeGroups(
  broker: BrokerClient,
  groupIds: readonly string[],
  timeoutMs: number,
): Promise<RawClassicGroup[]> {
  return (await sendRequest(broker, DESCRIBE_GROUPS_V5, encodeDescribeGroupsRequest(groupIds), decodeDescribeGroupsResponse, {
    timeoutMs,
  }))!;
}
