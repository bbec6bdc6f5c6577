// In-memory stand-ins behind the UI's Backend interface, for ink-testing-library suites.
import type { BrokerConfigs, BrokersOverview } from '../../source/kafka/brokers.js';
import type { ConnectionStatus } from '../../source/kafka/connection.js';
import type { TopicDescription } from '../../source/kafka/describe.js';
import type {
  Backend,
  ConsumeRequest,
  ConsumedRecord,
  HistoryStore,
  ProduceRequest,
  ProduceResult,
  RecordSink,
  StartClamp,
  TopicSummary,
} from '../../source/model/backend.js';

export function topic(name: string, extra: Partial<TopicSummary> = {}): TopicSummary {
  return {
    name,
    isInternal: name.startsWith('__'),
    partitions: 3,
    replicationFactor: 1,
    messages: 0,
    underReplicated: false,
    offline: false,
    ...extra,
  };
}

export function record(offset: number, value: string, extra: Partial<ConsumedRecord> = {}): ConsumedRecord {
  return {
    partition: 0,
    offset,
    timestamp: Date.UTC(2026, 10, 23, 12, 0, 0) + offset,
    key: Buffer.from(`k${offset}`),
    value: Buffer.from(value),
    headers: [],
    ...extra,
  };
}

export class FakeBackend implements Backend {
  label = 'fake:9092';
  topics: TopicSummary[] = [];
  descriptions = new Map<string, TopicDescription>();
  produced: ProduceRequest[] = [];
  produceError?: Error;
  consumeRequests: ConsumeRequest[] = [];
  paused = false;
  created: string[] = [];
  deleted: string[] = [];
  /** What brokers() answers; the same single broker as the connection status until a test sets more. */
  brokerOverview: BrokersOverview = {
    clusterId: 'fake',
    controllerId: 1,
    brokers: [
      { nodeId: 1, host: 'fake', port: 9092, rack: null, up: true, controller: true, leaders: 0, replicas: 0, outOfIsr: 0, offline: 0 },
    ],
  };
  /** Configs per broker id; a broker without an entry is unknown, as on a real cluster. */
  brokerConfigSets = new Map<number, BrokerConfigs>();
  brokersCalls = 0;
  private sink?: RecordSink;
  private current: ConnectionStatus = {
    state: 'ready',
    cluster: { clusterId: 'fake', controller: 1, brokers: [{ nodeId: 1, host: 'fake', port: 9092 }] },
  };
  private listeners = new Set<(status: ConnectionStatus) => void>();
  private nextOffset = 0;

  status = () => this.current;
  subscribeStatus = (listener: (status: ConnectionStatus) => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  check = async () => {};
  setStatus(status: ConnectionStatus): void {
    this.current = status;
    for (const listener of this.listeners) listener(status);
  }

  listTopics = async (includeInternal: boolean) => this.topics.filter((t) => includeInternal || !t.isInternal);
  describe = async (name: string) => {
    const description = this.descriptions.get(name);
    if (!description) throw new Error(`unknown topic: ${name}`);
    return description;
  };
  brokers = async () => {
    this.brokersCalls++;
    return this.brokerOverview;
  };
  brokerConfigs = async (nodeId: number) => {
    const configs = this.brokerConfigSets.get(nodeId);
    if (!configs) throw new Error(`unknown broker ${nodeId}`);
    return configs;
  };
  createTopic = async ({ topic: name }: { topic: string }) => {
    this.created.push(name);
    this.topics.push(topic(name));
  };
  alterPartitions = async () => {};
  deleteTopic = async (name: string) => {
    this.deleted.push(name);
    this.topics = this.topics.filter((t) => t.name !== name);
  };

  consume = (request: ConsumeRequest, sink: RecordSink) => {
    this.consumeRequests.push(request);
    this.sink = sink;
    return {
      pause: () => {
        this.paused = true;
      },
      resume: () => {
        this.paused = false;
      },
      stop: async () => {
        if (this.sink === sink) this.sink = undefined;
      },
    };
  };

  /** Delivers records to the running consumer, as a reader would. */
  deliver(records: ConsumedRecord[]): void {
    this.sink?.records(records);
  }

  /** What a real reader reports when it reaches its bounds (stopAtEnd, maxRecords). */
  finish(): void {
    this.sink?.done?.();
  }

  /** Whether a consume is running (started and not stopped). */
  get consuming(): boolean {
    return this.sink !== undefined;
  }

  /** What a real reader reports when a clampStart request starts partitions elsewhere than asked. */
  reportClamped(clamps: StartClamp[]): void {
    this.sink?.clamped?.(clamps);
  }

  /** What a real reader reports while reading on: partitions added, offsets skipped. */
  reportNotice(message: string): void {
    this.sink?.notice?.(message);
  }

  /** Ends the running consume with an error, as a real reader does (e.g. the topic was deleted). */
  failConsume(error: Error): void {
    this.sink?.error(error);
  }

  produce = async (request: ProduceRequest): Promise<ProduceResult> => {
    if (this.produceError) throw this.produceError;
    this.produced.push(request);
    const offset = this.nextOffset++;
    // Like a real topic: what is sent shows up in a consumer tailing it.
    this.deliver([
      {
        partition: request.partition ?? 0,
        offset,
        timestamp: Date.now(),
        key: request.key,
        value: request.value,
        headers: request.headers.map(([k, v]) => [k, Buffer.from(v)]),
      },
    ]);
    return { partition: request.partition ?? 0, offset: String(offset) };
  };

  shutdown = async () => {};
}

export class MemoryHistory implements HistoryStore {
  lines = new Map<string, string[]>();
  get = (topic: string) => this.lines.get(topic) ?? [];
  add = (topic: string, line: string) => {
    this.lines.set(topic, [...this.get(topic), line]);
  };
}

export function description(
  name: string,
  partitions: TopicDescription['partitions'],
  configs: Array<[string, string]> = [],
): TopicDescription {
  return {
    name,
    topicId: 'AAAAAAAAAAAAAAAAAAAAAA',
    isInternal: false,
    partitions,
    configs,
    watermarks: new Map(partitions.map((p) => [p.partition, { low: '0', high: '10' }])),
  };
}
