// DescribeCluster v2 (api 60, Kafka 4.0+, KIP-1073): every registered broker, fenced ones
// included. Metadata lists only live, unfenced brokers, so a broker that is down simply vanishes
// from it; DescribeCluster v2 with IncludeFencedBrokers still names it (with its host and rack).
// Its ControllerId is no help in KRaft: like Metadata's, it is a random live broker (KafkaApis
// answers getRandomAliveBrokerId), and so is the Java Admin's describeCluster().controller().
import type { BrokerClient } from '../cluster-client.js';
import { DESCRIBE_CLUSTER_V2, sendRequest, supports } from './send-request.js';
import { WireReader, WireWriter } from './wire.js';

/** EndpointType 1: the brokers (2 would be the KRaft controllers, answered only on a controller listener). */
const BROKER_ENDPOINTS = 1;

export interface RegisteredBroker {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
  fenced: boolean;
}

export interface RawCluster {
  errorCode: number;
  errorMessage: string | null;
  clusterId: string;
  brokers: RegisteredBroker[];
}

export function encodeDescribeClusterRequest(): Buffer {
  const w = new WireWriter();
  w.emptyTags(); // request header v2
  // IncludeClusterAuthorizedOperations, EndpointType, IncludeFencedBrokers
  return w.boolean(false).int8(BROKER_ENDPOINTS).boolean(true).emptyTags().toBuffer();
}

export function decodeDescribeClusterResponse(payload: Buffer): RawCluster {
  const r = new WireReader(payload);
  r.tags(); // response header v1
  r.int32(); // throttle time
  const errorCode = r.int16();
  const errorMessage = r.compactNullableString();
  r.int8(); // endpoint type
  const clusterId = r.compactString();
  r.int32(); // controller id: a random live broker in KRaft, see above
  const brokers = r.compactArray((): RegisteredBroker => {
    const broker = { nodeId: r.int32(), host: r.compactString(), port: r.int32(), rack: r.compactNullableString(), fenced: r.boolean() };
    r.tags();
    return broker;
  });
  return { errorCode, errorMessage, clusterId, brokers };
}

/** undefined from a broker older than Kafka 4.0, which cannot list fenced brokers. */
export async function requestDescribeCluster(broker: BrokerClient, timeoutMs: number): Promise<RawCluster | undefined> {
  if (!supports(broker, DESCRIBE_CLUSTER_V2)) return undefined;
  return sendRequest(broker, DESCRIBE_CLUSTER_V2, encodeDescribeClusterRequest(), decodeDescribeClusterResponse, { timeoutMs });
}
