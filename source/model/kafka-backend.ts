// The TUI's Backend over a real cluster: tolerant metadata for lists and describe, the
// shared admin for topic changes, and the console commands' reader and writer for messages.
import type { ConnectionManager } from '../kafka/connection.js';
import { describeBrokerConfigs, describeBrokers } from '../kafka/brokers.js';
import { PartitionReader } from '../kafka/consumer.js';
import { describeTopics } from '../kafka/describe.js';
import { KafkaUserError } from '../kafka/errors.js';
import { deleteGroupOffsets, deleteGroups, executeReset, planReset } from '../kafka/group-reset.js';
import { describeGroupLag, groupsOfTopic, listGroups } from '../kafka/groups.js';
import { MessageWriter } from '../kafka/producer.js';
import { fetchTopicSummaries } from '../kafka/topic-summaries.js';
import { alterPartitions, createTopic, deleteTopic } from '../kafka/topics.js';
import { alterTopicConfigs, describeTopicConfigItems } from '../kafka/configs.js';
import type { Backend, ConsumeRequest, ProduceRequest, ProduceResult, RecordSink, Subscription } from './backend.js';

/**
 * Smaller fetches than the console's: the pane needs responsiveness, not bulk throughput.
 * Decoding a 2 MB response holds the event loop (keys wait) and, at full speed, lets the heap
 * grow to several times the ring's size; 256 KB fetches keep 1M messages under ~100 MB RSS.
 * The ring keeps the reader's records as they are (views into their responses): it holds the
 * newest records, so it only pins the responses those came from.
 */
const FETCH_MAX_BYTES = 256 << 10;
const PARTITION_MAX_BYTES = 64 << 10;

function consume(connection: ConnectionManager, request: ConsumeRequest, sink: RecordSink): Subscription {
  const reader = new PartitionReader(
    connection.cluster,
    {
      topic: request.topic,
      partitions: request.partitions,
      start: request.from,
      fetchMaxBytes: FETCH_MAX_BYTES,
      partitionMaxBytes: PARTITION_MAX_BYTES,
      clampStart: request.clampStart,
      stopAtEnd: request.stopAtEnd,
      maxRecords: request.maxRecords,
    },
    {
      onBatch: (records) => sink.records(records),
      onClamped: (clamps) => sink.clamped?.(clamps),
      onWarning: (message) => sink.notice?.(message),
    },
  );
  const done = reader.run().then(
    () => sink.done?.(),
    (error: unknown) => sink.error(error),
  );
  return {
    pause: () => reader.pause(),
    resume: () => reader.resume(),
    stop: async () => {
      reader.stop();
      await done;
    },
  };
}

/** One writer per topic (and fixed partition), kept: opening one asks for a producer id. */
function producerFor(connection: ConnectionManager) {
  const writers = new Map<string, Promise<MessageWriter>>();
  let failure: string | undefined;
  return async (request: ProduceRequest): Promise<ProduceResult> => {
    const id = `${request.topic}\0${request.partition ?? ''}`;
    let writer = writers.get(id);
    if (!writer) {
      const created = new MessageWriter(
        connection.cluster,
        { topic: request.topic, partition: request.partition, acks: 'all', compression: 'none' },
        { onFailure: ({ reason }) => (failure = reason) },
      );
      writer = created.open().then(() => created);
      writers.set(id, writer);
    }
    try {
      const opened = await writer;
      const before = await opened.close();
      const offsets = new Map(before.lastOffsets);
      const failed = before.failed;
      failure = undefined;
      void opened.write({
        key: request.key,
        value: request.value,
        headers: request.headers.map(([k, v]) => [k, Buffer.from(v)]),
        source: 1,
      });
      // close() sends what is queued and reports; the writer stays usable for the next line.
      const after = await opened.close();
      if (after.failed > failed) throw new KafkaUserError(failure ?? 'not sent');
      const landed = [...after.lastOffsets].find(([partition, offset]) => offsets.get(partition) !== offset);
      if (!landed) throw new KafkaUserError('sent, but the broker did not say where');
      return { partition: landed[0], offset: String(landed[1]) };
    } catch (error) {
      writers.delete(id); // a topic that changed (partitions, deleted) gets a fresh writer next time
      throw error;
    }
  };
}

export function kafkaBackend(connection: ConnectionManager, label: string): Backend {
  return {
    label,
    status: () => connection.status,
    subscribeStatus: (listener) => connection.subscribe(listener),
    check: async () => {
      // The outcome is published as status; the caller only wants it to happen.
      await connection.check().catch(() => {});
    },
    listTopics: async (includeInternal) => (await fetchTopicSummaries(connection.cluster)).filter((t) => includeInternal || !t.isInternal),
    describe: async (topic) => {
      const result = await describeTopics(connection.cluster, { topics: [topic], includeInternal: true, watermarks: true });
      return result.topics[0]!;
    },
    brokers: () => describeBrokers(connection.cluster),
    brokerConfigs: (nodeId) => describeBrokerConfigs(connection.cluster, nodeId, { all: false }),
    createTopic: (input) => createTopic(connection, { ...input, configs: [] }),
    alterPartitions: (topic, count) => alterPartitions(connection, topic, count),
    deleteTopic: (topic) => deleteTopic(connection, topic),
    topicConfigs: (topic) => describeTopicConfigItems(connection.cluster, topic, { all: true }),
    alterTopicConfig: (topic, name, value) => alterTopicConfigs(connection.cluster, topic, { set: [[name, value]], remove: [] }),
    consume: (request, sink) => consume(connection, request, sink),
    produce: producerFor(connection),
    listGroups: () => listGroups(connection.cluster),
    describeGroupLag: (groupIds, options) => describeGroupLag(connection.cluster, groupIds, options),
    groupsOfTopic: (topic) => groupsOfTopic(connection.cluster, topic),
    planReset: (request) => planReset(connection.cluster, request),
    executeReset: (plan) => executeReset(connection.cluster, plan),
    deleteGroup: async (groupId) => {
      const [outcome] = await deleteGroups(connection.cluster, [groupId]);
      if (outcome?.error) throw new KafkaUserError(`cannot delete group '${groupId}': ${outcome.error}`);
    },
    deleteGroupOffsets: async (groupId, topic, partitions) => {
      const failed = (await deleteGroupOffsets(connection.cluster, groupId, topic, partitions)).filter((p) => p.error);
      if (failed.length > 0) {
        const where = failed.map((p) => `${p.topic}-${p.partition}`).join(', ');
        throw new KafkaUserError(`cannot delete offsets of group '${groupId}' for ${where}: ${failed[0]!.error}`);
      }
    },
    shutdown: () => connection.shutdown(),
  };
}
