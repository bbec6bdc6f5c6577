// FindCoordinator v3 (flexible, Kafka 2.4+; one key per request): the broker that coordinates a group.
import type { BrokerClient } from '../cluster-client.js';
import { FIND_COORDINATOR_V3, sendRequest } from './send-request.js';
import { WireReader, WireWriter } from './wire.js';

const GROUP_KEY = 0;

export interface CoordinatorAnswer {
  errorCode: number;
  errorMessage: string | null;
  nodeId: number;
  host: string;
  port: number;
}

export function encodeFindCoordinatorRequest(groupId: string): Buffer {
  return new WireWriter().emptyTags().compactString(groupId).int8(GROUP_KEY).emptyTags().toBuffer();
}

export function decodeFindCoordinatorResponse(payload: Buffer): CoordinatorAnswer {
  const r = new WireReader(payload);
  r.tags(); // response header v1
  r.int32(); // throttle time
  const answer = {
    errorCode: r.int16(),
    errorMessage: r.compactNullableString(),
    nodeId: r.int32(),
    host: r.compactString(),
    port: r.int32(),
  };
  r.tags();
  return answer;
}

export async function requestGroupCoordinator(broker: BrokerClient, groupId: string, timeoutMs: number): Promise<CoordinatorAnswer> {
  return (await sendRequest(broker, FIND_COORDINATOR_V3, encodeFindCoordinatorRequest(groupId), decodeFindCoordinatorResponse, {
    timeoutMs,
  }))!;
}
