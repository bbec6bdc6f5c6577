// DeleteGroups v2 (flexible, Kafka 2.4+): each group answers with its own error code
// (NON_EMPTY_GROUP while it has members, GROUP_ID_NOT_FOUND when there is no such group).
import type { BrokerClient } from '../cluster-client.js';
import { DELETE_GROUPS_V2, sendRequest } from './send-request.js';
import { WireReader, WireWriter } from './wire.js';

export function encodeDeleteGroupsRequest(groupIds: readonly string[]): Buffer {
  const w = new WireWriter();
  w.emptyTags(); // request header v2
  w.compactArray(groupIds, (id) => w.compactString(id));
  return w.emptyTags().toBuffer();
}

export function decodeDeleteGroupsResponse(payload: Buffer): Array<{ groupId: string; errorCode: number }> {
  const r = new WireReader(payload);
  r.tags(); // response header v1
  r.int32(); // throttle time
  const results = r.compactArray(() => {
    const result = { groupId: r.compactString(), errorCode: r.int16() };
    r.tags();
    return result;
  });
  r.tags();
  return results;
}

/** Sent to the coordinator of every group named. */
export async function requestDeleteGroups(
  coordinator: BrokerClient,
  groupIds: readonly string[],
  timeoutMs: number,
): Promise<Array<{ groupId: string; errorCode: number }>> {
  return (await sendRequest(coordinator, DELETE_GROUPS_V2, encodeDeleteGroupsRequest(groupIds), decodeDeleteGroupsResponse, {
    timeoutMs,
  }))!;
}
