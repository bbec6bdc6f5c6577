// DescribeQuorum v0 (api 55, KIP-595): the leader of the KRaft metadata quorum, which is the
// active controller. A broker forwards it to the controllers, so a client reaches it through the
// ordinary bootstrap servers (this is what kafka-metadata-quorum.sh --bootstrap-server uses).
// In KRaft, Metadata's and DescribeCluster's ControllerId are a random live broker instead.
import type { BrokerClient } from '../cluster-client.js';
import { DESCRIBE_QUORUM_V0, sendRequest, supports } from './send-request.js';
import { WireReader, WireWriter } from './wire.js';

const METADATA_TOPIC = '__cluster_metadata';

export interface RawQuorum {
  errorCode: number;
  /** The partition's error, when the top level had none. */
  partitionErrorCode: number;
  /** -1 while there is no leader. */
  leaderId: number;
}

export function encodeDescribeQuorumRequest(): Buffer {
  const w = new WireWriter();
  w.emptyTags(); // request header v2
  w.uvarint(2).compactString(METADATA_TOPIC); // one topic
  w.uvarint(2).int32(0).emptyTags(); // its partition 0
  return w.emptyTags().emptyTags().toBuffer(); // topic tags, request tags
}

/** Reads as far as the first partition's leader; the voters and observers after it are not needed. */
export function decodeDescribeQuorumResponse(payload: Buffer): RawQuorum {
  const r = new WireReader(payload);
  r.tags(); // response header v1
  const errorCode = r.int16();
  const topics = r.uvarint() - 1;
  if (topics < 1) return { errorCode, partitionErrorCode: 0, leaderId: -1 };
  r.compactString(); // topic name
  const partitions = r.uvarint() - 1;
  if (partitions < 1) return { errorCode, partitionErrorCode: 0, leaderId: -1 };
  r.int32(); // partition index
  const partitionErrorCode = r.int16();
  return { errorCode, partitionErrorCode, leaderId: r.int32() };
}

/** undefined from a broker without KRaft (ZooKeeper mode), which has no quorum to describe. */
export async function requestDescribeQuorum(broker: BrokerClient, timeoutMs: number): Promise<RawQuorum | undefined> {
  if (!supports(broker, DESCRIBE_QUORUM_V0)) return undefined;
  return sendRequest(broker, DESCRIBE_QUORUM_V0, encodeDescribeQuorumRequest(), decodeDescribeQuorumResponse, { timeoutMs });
}
