// Cluster and topic metadata that tolerates partition errors: an offline partition is
// reported (Leader: none) instead of failing the whole request as kafkajs does.
import type { ClusterClient } from './cluster-client.js';
import { KafkaUserError } from './errors.js';
import {
  LEADER_NOT_AVAILABLE,
  NONE,
  REPLICA_NOT_AVAILABLE,
  TOPIC_AUTHORIZATION_FAILED,
  UNKNOWN_TOPIC_OR_PARTITION,
  errorName,
} from './protocol/error-codes.js';
import { requestMetadata, type RawMetadata, type RawPartition } from './protocol/metadata.js';

export interface PartitionInfo {
  partition: number;
  /** null when the partition has no leader (offline). */
  leader: number | null;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
  /** The broker's per-partition error, e.g. LEADER_NOT_AVAILABLE. */
  error?: string;
}

export interface TopicInfo {
  name: string;
  topicId?: string;
  isInternal: boolean;
  partitions: PartitionInfo[];
  /** The broker would not describe it to us (no Describe ACL): listed, with no partitions, so the rest still show. */
  notAuthorized?: boolean;
}

export interface BrokerInfo {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
}

export interface ClusterMetadata {
  clusterId: string | null;
  controllerId: number | null;
  brokers: BrokerInfo[];
  topics: TopicInfo[];
}

export const isUnderReplicated = (p: PartitionInfo): boolean => p.isr.length < p.replicas.length;
export const isOffline = (p: PartitionInfo): boolean => p.leader === null;

export const replicationFactor = (topic: TopicInfo): number => topic.partitions.reduce((max, p) => Math.max(max, p.replicas.length), 0);

function toPartition(raw: RawPartition): PartitionInfo {
  // REPLICA_NOT_AVAILABLE only says some replica is down; the partition is still served.
  const partitionError = raw.errorCode !== NONE && raw.errorCode !== REPLICA_NOT_AVAILABLE;
  return {
    partition: raw.partition,
    leader: raw.leader >= 0 && raw.errorCode !== LEADER_NOT_AVAILABLE ? raw.leader : null,
    replicas: raw.replicas,
    isr: raw.isr,
    offlineReplicas: raw.offlineReplicas,
    error: partitionError ? errorName(raw.errorCode) : undefined,
  };
}

/** The cluster does not know the topic (never created, or deleted). */
export class UnknownTopicError extends KafkaUserError {
  constructor(readonly topic: string) {
    super(`unknown topic: ${topic}`);
  }
}

export function toClusterMetadata(raw: RawMetadata, requested: readonly string[] | null): ClusterMetadata {
  const topics: TopicInfo[] = [];
  for (const topic of raw.topics) {
    if (topic.errorCode === UNKNOWN_TOPIC_OR_PARTITION) throw new UnknownTopicError(topic.name);
    if (topic.errorCode === TOPIC_AUTHORIZATION_FAILED) {
      topics.push({ name: topic.name, isInternal: false, partitions: [], notAuthorized: true });
      continue;
    }
    if (topic.errorCode !== NONE && topic.errorCode !== LEADER_NOT_AVAILABLE) {
      throw new KafkaUserError(`topic ${topic.name}: ${errorName(topic.errorCode)}`);
    }
    topics.push({
      name: topic.name,
      topicId: topic.topicId,
      isInternal: topic.isInternal,
      partitions: topic.partitions.map(toPartition).sort((a, b) => a.partition - b.partition),
    });
  }
  const order = requested ? new Map(requested.map((name, i) => [name, i])) : undefined;
  topics.sort((a, b) => (order ? order.get(a.name)! - order.get(b.name)! : a.name.localeCompare(b.name)));
  return {
    clusterId: raw.clusterId,
    controllerId: raw.controllerId >= 0 ? raw.controllerId : null,
    brokers: raw.brokers.sort((a, b) => a.nodeId - b.nodeId),
    topics,
  };
}

/** topics: null for every topic, [] for brokers only. */
export async function fetchMetadata(client: ClusterClient, topics: readonly string[] | null = null): Promise<ClusterMetadata> {
  const raw = await client.anyBroker((broker) => requestMetadata(broker, topics, client.requestTimeoutMs));
  await client.syncBrokers(raw.brokers);
  return toClusterMetadata(raw, topics);
}

/** What a caller wants a topic's metadata for, to say what was denied: 'consume', 'produce to', ... */
export type TopicPurpose = 'describe' | 'consume' | 'produce to' | 'alter';

/** One topic's metadata; an unknown or denied topic is a user error naming the topic and what was tried. */
export async function fetchTopic(client: ClusterClient, topic: string, purpose: TopicPurpose = 'describe'): Promise<TopicInfo> {
  const [info] = (await fetchMetadata(client, [topic])).topics;
  if (!info) throw new UnknownTopicError(topic);
  if (info.notAuthorized) throw notAuthorized(topic, purpose);
  return info;
}

export const notAuthorized = (topic: string, purpose: TopicPurpose): KafkaUserError =>
  new KafkaUserError(`not authorized to ${purpose} topic ${topic}`);
