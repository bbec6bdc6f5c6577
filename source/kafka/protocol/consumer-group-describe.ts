// ConsumerGroupDescribe (API key 69; v0 in Kafka 3.7+, v1 in 4.0+ adds each member's type):
// groups of the KIP-848 consumer protocol, which DescribeGroups does not describe. A group that
// is not such a group answers GROUP_ID_NOT_FOUND.
import type { BrokerClient } from '../cluster-client.js';
import { CONSUMER_GROUP_DESCRIBE_V0, CONSUMER_GROUP_DESCRIBE_V1, newestSupported, sendRequest } from './send-request.js';
import { WireReader, WireWriter } from './wire.js';

export interface RawTopicPartitions {
  topicName: string;
  partitions: number[];
}

/** A member's type in v1: which protocol it joined with. */
export const MEMBER_TYPE_UNKNOWN = -1;
export const MEMBER_TYPE_CLASSIC = 0;
export const MEMBER_TYPE_CONSUMER = 1;

export interface RawConsumerMember {
  memberId: string;
  instanceId: string | null;
  rackId: string | null;
  memberEpoch: number;
  clientId: string;
  clientHost: string;
  subscribedTopicNames: string[];
  subscribedTopicRegex: string | null;
  assignment: RawTopicPartitions[];
  targetAssignment: RawTopicPartitions[];
  memberType: number;
}

export interface RawConsumerGroup {
  errorCode: number;
  errorMessage: string | null;
  groupId: string;
  groupState: string;
  groupEpoch: number;
  assignmentEpoch: number;
  assignorName: string;
  members: RawConsumerMember[];
}

export function encodeConsumerGroupDescribeRequest(groupIds: readonly string[]): Buffer {
  const w = new WireWriter().emptyTags(); // request header v2
  w.compactArray(groupIds, (id) => w.compactString(id));
  return w.boolean(false).emptyTags().toBuffer();
}

function readAssignment(r: WireReader): RawTopicPartitions[] {
  const topics = r.compactArray((): RawTopicPartitions => {
    r.uuid(); // topic id
    const topicName = r.compactString();
    const partitions = r.compactArray(() => r.int32());
    r.tags();
    return { topicName, partitions };
  });
  r.tags();
  return topics;
}

export function decodeConsumerGroupDescribeResponse(payload: Buffer, version: 0 | 1): RawConsumerGroup[] {
  const r = new WireReader(payload);
  r.tags(); // response header v1
  r.int32(); // throttle time
  const groups = r.compactArray((): RawConsumerGroup => {
    const errorCode = r.int16();
    const errorMessage = r.compactNullableString();
    const groupId = r.compactString();
    const groupState = r.compactString();
    const groupEpoch = r.int32();
    const assignmentEpoch = r.int32();
    const assignorName = r.compactString();
    const members = r.compactArray((): RawConsumerMember => {
      const member = {
        memberId: r.compactString(),
        instanceId: r.compactNullableString(),
        rackId: r.compactNullableString(),
        memberEpoch: r.int32(),
        clientId: r.compactString(),
        clientHost: r.compactString(),
        subscribedTopicNames: r.compactArray(() => r.compactString()),
        subscribedTopicRegex: r.compactNullableString(),
        assignment: readAssignment(r),
        targetAssignment: readAssignment(r),
        memberType: version >= 1 ? r.int8() : MEMBER_TYPE_UNKNOWN,
      };
      r.tags();
      return member;
    });
    r.int32(); // authorized operations
    r.tags();
    return { errorCode, errorMessage, groupId, groupState, groupEpoch, assignmentEpoch, assignorName, members };
  });
  r.tags();
  return groups;
}

/** Whether this broker speaks ConsumerGroupDescribe at all (Kafka 3.7+). */
export const supportsConsumerGroupDescribe = (broker: BrokerClient): boolean =>
  newestSupported(broker, [CONSUMER_GROUP_DESCRIBE_V1, CONSUMER_GROUP_DESCRIBE_V0]) !== undefined;

export async function requestConsumerGroupDescribe(
  broker: BrokerClient,
  groupIds: readonly string[],
  timeoutMs: number,
): Promise<RawConsumerGroup[]> {
  const api = newestSupported(broker, [CONSUMER_GROUP_DESCRIBE_V1, CONSUMER_GROUP_DESCRIBE_V0]) ?? CONSUMER_GROUP_DESCRIBE_V1;
  const version = api.version as 0 | 1;
  const body = encodeConsumerGroupDescribeRequest(groupIds);
  return (await sendRequest(broker, api, body, (payload) => decodeConsumerGroupDescribeResponse(payload, version), { timeoutMs }))!;
}
