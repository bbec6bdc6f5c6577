// The TUI's Backend over a real cluster: tolerant metadata for lists and describe,
// the shared admin for topic changes.
import type { ConnectionManager } from './connection.js';
import { describeTopics } from './describe.js';
import { KafkaUserError } from './errors.js';
import { fetchTopicSummaries } from './topic-summaries.js';
import { alterPartitions, createTopic, deleteTopic } from './topics.js';
import type { Backend, ConsumeRequest, ProduceRequest, ProduceResult, RecordSink, Subscription } from '../model/backend.js';

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
    consume: (_request: ConsumeRequest, _sink: RecordSink): Subscription => {
      throw new KafkaUserError('consuming needs the console reader (not merged yet)');
    },
    produce: async (_request: ProduceRequest): Promise<ProduceResult> => {
      throw new KafkaUserError('producing needs the console producer (not merged yet)');
    },
    shutdown: () => connection.shutdown(),
  };
}
