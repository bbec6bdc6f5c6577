// The TUI's Backend over a real cluster: tolerant metadata for lists and describe, the
// shared admin for topic changes, and the console commands' reader and writer for messages.
import type { ConnectionManager } from './connection.js';
import { PartitionReader, type ConsumedRecord } from './consumer.js';
import { describeTopics } from './describe.js';
import { KafkaUserError } from './errors.js';
import { MessageWriter } from './producer.js';
import { fetchTopicSummaries } from './topic-summaries.js';
import { alterPartitions, createTopic, deleteTopic } from './topics.js';
import type { Backend, ConsumeRequest, ProduceRequest, ProduceResult, RecordSink, Subscription } from '../model/backend.js';

const copy = (bytes: Buffer | null): Buffer | null => (bytes === null ? null : Buffer.from(bytes));

/**
 * The reader's records are views into whole fetch responses. The TUI keeps thousands of them
 * for a long time, and a few kept views would pin many megabytes of responses: keep copies.
 */
function detach(record: ConsumedRecord): ConsumedRecord {
  const headers = record.headers.length === 0 ? record.headers : record.headers.map(([k, v]) => [k, copy(v)] as [string, Buffer | null]);
  return { ...record, key: copy(record.key), value: copy(record.value), headers };
}

function consume(connection: ConnectionManager, request: ConsumeRequest, sink: RecordSink): Subscription {
  const reader = new PartitionReader(
    connection,
    { topic: request.topic, partitions: request.partitions, start: request.from },
    { onBatch: (records) => sink.records(records.map(detach)) },
  );
  const done = reader.run().then(
    () => {},
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
        connection,
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
    listTopics: async (includeInternal) =>
      (await fetchTopicSummaries(connection)).filter((t) => includeInternal || !t.isInternal),
    describe: async (topic) => {
      const result = await describeTopics(connection, { topics: [topic], includeInternal: true, watermarks: true });
      return result.topics[0]!;
    },
    createTopic: (input) => createTopic(connection, { ...input, configs: [] }),
    alterPartitions: (topic, count) => alterPartitions(connection, topic, count),
    deleteTopic: (topic) => deleteTopic(connection, topic),
    consume: (request, sink) => consume(connection, request, sink),
    produce: producerFor(connection),
    shutdown: () => connection.shutdown(),
  };
}
