// Topic administration: list, create, alter partitions, delete, configs, watermarks.
import type { ClusterClient } from './cluster-client.js';
import type { ConnectionManager } from './connection.js';
import { DEFAULT_CONFIG } from './configs.js';
import { KafkaUserError } from './errors.js';
import { fetchMetadata, fetchTopic, type TopicInfo } from './metadata.js';
import {
  EARLIEST,
  LATEST,
  READ_UNCOMMITTED,
  describeFailures,
  groupByLeader,
  listLeaderOffsets,
  type PartitionFailure,
} from './offsets.js';
import { NONE, errorName } from './protocol/error-codes.js';
import { sleep } from './timing.js';

const TOPIC_CONFIG_RESOURCE = 2;

export interface Watermarks {
  low: string;
  high: string;
}

export interface TopicListing {
  name: string;
  isInternal: boolean;
}

const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

function validateTopicName(name: string): void {
  if (!TOPIC_NAME.test(name) || name === '.' || name === '..') {
    throw new KafkaUserError(`invalid topic name '${name}': use 1-249 characters from a-z A-Z 0-9 . _ - (and not '.' or '..')`);
  }
}

export async function listTopics(client: ClusterClient, includeInternal = false): Promise<TopicListing[]> {
  const metadata = await fetchMetadata(client, null);
  return metadata.topics.filter((t) => includeInternal || !t.isInternal).map(({ name, isInternal }) => ({ name, isInternal }));
}

async function topicExists(client: ClusterClient, topic: string): Promise<boolean> {
  const topics = await listTopics(client, true);
  return topics.some((t) => t.name === topic);
}

/**
 * The configs per topic that kafka-topics --describe lists (those not at their default). A topic whose
 * configs we may not read (no DescribeConfigs ACL) is missing from the result; the others are there.
 */
export async function fetchTopicConfigs(client: ClusterClient, topics: readonly string[]): Promise<Map<string, Array<[string, string]>>> {
  try {
    return await describeTopicConfigs(client, topics);
  } catch (error) {
    // kafkajs fails the whole response for one denied resource: ask again one topic at a time.
    if ((error as { type?: string }).type !== 'TOPIC_AUTHORIZATION_FAILED' || topics.length === 0) throw error;
    const each = await Promise.all(
      topics.map((topic) => describeTopicConfigs(client, [topic]).catch(() => new Map<string, Array<[string, string]>>())),
    );
    return new Map(each.flatMap((map) => [...map]));
  }
}

async function describeTopicConfigs(client: ClusterClient, topics: readonly string[]): Promise<Map<string, Array<[string, string]>>> {
  const result = new Map<string, Array<[string, string]>>();
  if (topics.length === 0) return result;
  // Any broker answers for topic configs; asking one directly avoids kafkajs's metadata
  // refresh, which fails while any partition in the cluster is offline.
  const described = await client.anyBroker((broker) =>
    broker.describeConfigs({
      resources: topics.map((name) => ({ type: TOPIC_CONFIG_RESOURCE, name })),
      includeSynonyms: false,
    }),
  );
  for (const resource of described.resources) {
    if (resource.errorCode !== NONE) throw new KafkaUserError(`topic ${resource.resourceName}: ${errorName(resource.errorCode)}`);
    const overrides = resource.configEntries
      // kafka-topics --describe lists every config not at its default: set on the topic, and also
      // what the brokers' own settings change (e.g. server.properties's log.segment.bytes).
      .filter((entry) => entry.configSource !== DEFAULT_CONFIG)
      .map((entry): [string, string] => [entry.configName, entry.isSensitive ? '<hidden>' : (entry.configValue ?? '')])
      .sort(([a], [b]) => a.localeCompare(b));
    result.set(resource.resourceName, overrides);
  }
  return result;
}

export interface WatermarksResult {
  /** topic → partition → watermarks, for the partitions whose leader answered both. */
  byTopic: Map<string, Map<number, Watermarks>>;
  /** Partitions whose leader failed or refused (one entry per partition, low or high); partitions without a leader are not asked. */
  failures: PartitionFailure[];
}

/**
 * Low and high watermarks per topic and partition, asked of each partition's leader in a few
 * requests per leader (not per topic), so thousands of topics cost a handful of round trips.
 * What could not be had is in `failures`, for the caller to say so.
 */
export async function fetchWatermarks(client: ClusterClient, topics: readonly TopicInfo[]): Promise<WatermarksResult> {
  const byTopic = new Map<string, Map<number, Watermarks>>(topics.map((t) => [t.name, new Map()]));
  const failures: PartitionFailure[] = [];
  await Promise.all(
    [...groupByLeader(topics)].map(async ([leader, led]) => {
      const ask = (timestamp: number) => listLeaderOffsets(client, leader, led, timestamp, READ_UNCOMMITTED);
      const [lows, highs] = await Promise.all([ask(EARLIEST), ask(LATEST)]);
      const lowOf = new Map(lows.offsets.map((p) => [`${p.topic}\0${p.partition}`, p.offset]));
      for (const p of highs.offsets) {
        const low = lowOf.get(`${p.topic}\0${p.partition}`);
        if (low !== undefined) byTopic.get(p.topic)?.set(p.partition, { low, high: p.offset });
      }
      // A partition failing both ways is one failure.
      const failed = new Set<string>();
      for (const failure of [...highs.failures, ...lows.failures]) {
        const id = `${failure.topic}\0${failure.partition}`;
        if (!failed.has(id)) failures.push(failure);
        failed.add(id);
      }
    }),
  );
  return { byTopic, failures };
}

export interface CreateTopicRequest {
  topic: string;
  partitions: number;
  replicationFactor: number;
  configs: Array<[string, string]>;
}

/** The checks a create request must pass before the cluster is asked (the same words everywhere, fakes included). */
export function validateNewTopic(request: Pick<CreateTopicRequest, 'topic' | 'partitions' | 'replicationFactor'>): void {
  validateTopicName(request.topic);
  if (!Number.isInteger(request.partitions) || request.partitions < 1) {
    throw new KafkaUserError(`partitions must be a whole number of at least 1 (got ${request.partitions})`);
  }
  if (!Number.isInteger(request.replicationFactor) || request.replicationFactor < 1) {
    throw new KafkaUserError(`replication factor must be a whole number of at least 1 (got ${request.replicationFactor})`);
  }
}

/** What the cluster's shape refuses: more replicas than brokers, or a name that is taken. */
export function refuseNewTopicOn(
  request: Pick<CreateTopicRequest, 'topic' | 'replicationFactor'>,
  brokerCount: number,
  exists: boolean,
): void {
  if (request.replicationFactor > brokerCount) {
    throw new KafkaUserError(`replication factor ${request.replicationFactor} is larger than the number of brokers (${brokerCount})`);
  }
  if (exists) throw new KafkaUserError(`topic '${request.topic}' already exists`);
}

/** Partitions can only be added. */
export function validatePartitionCount(topic: string, current: number, count: number): void {
  if (!Number.isInteger(count) || count < 1) {
    throw new KafkaUserError(`partitions must be a whole number of at least 1 (got ${count})`);
  }
  if (count <= current) {
    throw new KafkaUserError(`topic '${topic}' has ${current} partition(s); the count can only be increased (asked for ${count})`);
  }
}

export const unknownTopicToDelete = (topic: string): KafkaUserError => new KafkaUserError(`unknown topic: ${topic}`);

export async function createTopic(connection: ConnectionManager, request: CreateTopicRequest): Promise<void> {
  validateNewTopic(request);
  const admin = await connection.admin();
  const { brokers } = await connection.check();
  refuseNewTopicOn(request, brokers.length, await topicExists(connection.cluster, request.topic));
  // kafkajs's own waitForLeaders races the new topic's metadata and can report
  // "unknown topic" for a topic it did create; we wait with our own metadata instead.
  await admin.createTopics({
    waitForLeaders: false,
    topics: [
      {
        topic: request.topic,
        numPartitions: request.partitions,
        replicationFactor: request.replicationFactor,
        configEntries: request.configs.map(([name, value]) => ({ name, value })),
      },
    ],
  });
  await waitForLeaders(connection.cluster, request.topic);
}

/** Polls until every partition of a new topic has a leader, within the request timeout. */
async function waitForLeaders(client: ClusterClient, topic: string): Promise<void> {
  const deadline = Date.now() + client.requestTimeoutMs;
  for (;;) {
    try {
      const info = await fetchTopic(client, topic);
      if (info.partitions.length > 0 && info.partitions.every((p) => p.leader !== null)) return;
    } catch (error) {
      // Until the controller's metadata reaches the broker we ask, the topic is "unknown".
      if (!(error instanceof KafkaUserError)) throw error;
    }
    if (Date.now() > deadline) throw new KafkaUserError(`topic '${topic}' was created but has no leaders yet`);
    await sleep(100);
  }
}

export async function alterPartitions(connection: ConnectionManager, topic: string, count: number): Promise<void> {
  // A count that is no count fails before the cluster is asked.
  if (!Number.isInteger(count) || count < 1) validatePartitionCount(topic, 0, count);
  validatePartitionCount(topic, (await fetchTopic(connection.cluster, topic, 'alter')).partitions.length, count);
  const admin = await connection.admin();
  await admin.createPartitions({ topicPartitions: [{ topic, count }] });
}

export async function deleteTopic(connection: ConnectionManager, topic: string): Promise<void> {
  if (!(await topicExists(connection.cluster, topic))) throw unknownTopicToDelete(topic);
  const admin = await connection.admin();
  await admin.deleteTopics({ topics: [topic] });
}

/** Where delete-records cuts: before an offset, or before the first record at or after a time. */
export type RecordsBoundary = { offset: number } | { timestamp: number };

/** One partition's cut: its watermarks now, and the offset its records will start at. */
export interface PartitionCut {
  partition: number;
  low: number;
  high: number;
  /** Clamped to [low, high]: everything before it goes. */
  before: number;
}

/** What delete-records would do to each partition of the topic, without doing it. */
export async function planDeleteRecords(client: ClusterClient, topic: string, boundary: RecordsBoundary): Promise<PartitionCut[]> {
  const info = await fetchTopic(client, topic, 'alter');
  const { byTopic, failures } = await fetchWatermarks(client, [info]);
  if (failures.length > 0) throw new KafkaUserError(`cannot read the offsets of topic ${topic}: ${describeFailures(failures)}`);
  const watermarks = byTopic.get(topic) ?? new Map<number, Watermarks>();
  const atTime = new Map<number, number>();
  if ('timestamp' in boundary) {
    await Promise.all(
      [...groupByLeader([info])].map(async ([leader, led]) => {
        const answer = await listLeaderOffsets(client, leader, led, boundary.timestamp, READ_UNCOMMITTED);
        if (answer.failures.length > 0)
          throw new KafkaUserError(`cannot find offsets by time in topic ${topic}: ${describeFailures(answer.failures)}`);
        for (const p of answer.offsets) atTime.set(p.partition, Number(p.offset));
      }),
    );
  }
  return info.partitions.map(({ partition }) => {
    const marks = watermarks.get(partition);
    if (!marks) throw new KafkaUserError(`cannot read the offsets of topic ${topic} partition ${partition}`);
    const [low, high] = [Number(marks.low), Number(marks.high)];
    // -1: no record at or after the time, so every record is older.
    const wanted = 'offset' in boundary ? boundary.offset : (atTime.get(partition) ?? -1) < 0 ? high : atTime.get(partition)!;
    return { partition, low, high, before: Math.min(Math.max(wanted, low), high) };
  });
}

/** Deletes what the plan cuts (partitions with nothing to cut are not asked); returns each partition's new low watermark. */
export async function deleteRecords(
  connection: ConnectionManager,
  topic: string,
  cuts: readonly PartitionCut[],
): Promise<Map<number, number>> {
  const cutting = cuts.filter((c) => c.before > c.low);
  if (cutting.length > 0) {
    const admin = await connection.admin();
    // kafkajs's admin routes by its own metadata, which knows only the topics it was asked about.
    await admin.fetchTopicMetadata({ topics: [topic] });
    await admin.deleteTopicRecords({ topic, partitions: cutting.map((c) => ({ partition: c.partition, offset: String(c.before) })) });
  }
  const info = await fetchTopic(connection.cluster, topic, 'alter');
  const { byTopic } = await fetchWatermarks(connection.cluster, [info]);
  return new Map([...(byTopic.get(topic) ?? [])].map(([partition, marks]) => [partition, Number(marks.low)]));
}
