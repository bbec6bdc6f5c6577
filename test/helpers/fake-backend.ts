// In-memory stand-ins behind the UI's Backend interface, for ink-testing-library suites.
import type { BrokerConfigs, BrokersOverview } from '../../source/kafka/brokers.js';
import type { ConnectionStatus } from '../../source/kafka/connection.js';
import type { TopicDescription } from '../../source/kafka/describe.js';
import { alterRefused, unknownTopicConfig, type ConfigItem } from '../../source/kafka/configs.js';
import { KafkaUserError } from '../../source/kafka/errors.js';
import { UnknownTopicError } from '../../source/kafka/metadata.js';
import { partitionForKey } from '../../source/kafka/partitioner.js';
import { refuseMissingPartition } from '../../source/kafka/producer.js';
import { refuseNewTopicOn, unknownTopicToDelete, validateNewTopic, validatePartitionCount } from '../../source/kafka/topics.js';
import { planRows, resetTimestamp } from '../../source/kafka/reset-planner.js';
import type { GroupMember, TopicPartitionRef } from '../../source/kafka/group-types.js';
import type {
  Backend,
  ConsumeRequest,
  ConsumedRecord,
  CreateTopicInput,
  GroupLag,
  GroupListing,
  HistoryStore,
  ProduceRequest,
  ProduceResult,
  RecordSink,
  ResetMode,
  ResetPlan,
  ResetScope,
  StartClamp,
  StartPosition,
  Subscription,
  TopicGroupLag,
  TopicSummary,
} from '../../source/model/backend.js';

/** A consumer group as the fake cluster keeps it: state, members and committed offsets. */
export interface FakeGroup {
  state: string;
  type: string;
  members: GroupMember[];
  /** topic → partition → committed offset. */
  offsets: Map<string, Map<number, number>>;
  /** 'topic:partition' → time lag in ms, reported when asked for (--time-lag). */
  timeLagMs: Map<string, number>;
}

/** One partition's log: its first and next offsets, and each record's timestamp (for datetime resets). */
export interface FakeLog {
  start: number;
  end: number;
  /** timestamps[i] is the timestamp of offset start + i. */
  timestamps?: number[];
}

export function member(memberId: string, assignment: TopicPartitionRef[] = [], clientId = 'rdkafka'): GroupMember {
  return { memberId, groupInstanceId: null, clientId, host: '/127.0.0.1', assignment };
}

export function group(
  state: string,
  offsets: Record<string, number[]> = {},
  members: GroupMember[] = [],
  timeLagMs: Record<string, number> = {},
): FakeGroup {
  return {
    state,
    type: 'classic',
    members,
    offsets: new Map(Object.entries(offsets).map(([t, list]) => [t, new Map(list.map((offset, partition) => [partition, offset]))])),
    timeLagMs: new Map(Object.entries(timeLagMs)),
  };
}

const RESETTABLE = new Set(['Empty', 'Dead']);

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

/** A running consume: what it asked for, where its records go, and what waits while it is paused. */
interface FakeReader {
  request: ConsumeRequest;
  sink: RecordSink;
  paused: boolean;
  held: ConsumedRecord[];
}

const startsAt = (from: StartPosition) => (record: ConsumedRecord) =>
  from.kind === 'earliest' ||
  (from.kind === 'offset' && record.offset >= from.offset) ||
  (from.kind === 'timestamp' && record.timestamp >= from.timestamp);

/**
 * The cluster as the UI sees it, kept honestly enough that a test cannot pass by echo: a topic
 * holds what was produced to it, per partition; a reader gets only its topic's and partitions'
 * records, from its start position, and none while paused (they wait); create, alter, delete and
 * produce refuse what a real cluster refuses, in the real backend's words (the same functions).
 */
export class FakeBackend implements Backend {
  label = 'fake:9092';
  topics: TopicSummary[] = [];
  descriptions = new Map<string, TopicDescription>();
  produced: ProduceRequest[] = [];
  produceError?: Error;
  consumeRequests: ConsumeRequest[] = [];
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
  /** What each topic holds: topic → partition → records, in offset order. */
  readonly held = new Map<string, ConsumedRecord[][]>();
  private readers: FakeReader[] = [];
  private current: ConnectionStatus = {
    state: 'ready',
    cluster: { clusterId: 'fake', controller: 1, brokers: [{ nodeId: 1, host: 'fake', port: 9092 }] },
  };
  private listeners = new Set<(status: ConnectionStatus) => void>();

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
  createTopic = async (input: CreateTopicInput) => {
    validateNewTopic(input);
    refuseNewTopicOn(input, this.brokerOverview.brokers.length, this.topicNamed(input.topic) !== undefined);
    this.created.push(input.topic);
    this.topics.push(topic(input.topic, { partitions: input.partitions, replicationFactor: input.replicationFactor }));
  };
  alterPartitions = async (name: string, count: number) => {
    const known = this.topicNamed(name);
    if (!known) throw new UnknownTopicError(name);
    validatePartitionCount(name, known.partitions, count);
    this.topics = this.topics.map((t) => (t.name === name ? { ...t, partitions: count } : t));
  };
  deleteTopic = async (name: string) => {
    if (!this.topicNamed(name)) throw unknownTopicToDelete(name);
    this.deleted.push(name);
    this.topics = this.topics.filter((t) => t.name !== name);
    this.held.delete(name);
  };

  /** Each topic's configs, as topicConfigs answers; a topic without an entry is unknown. */
  topicConfigSets = new Map<string, ConfigItem[]>();
  /** The broker's reason for refusing a value (INVALID_CONFIG), or undefined to accept it. */
  refuseConfig?: (name: string, value: string) => string | undefined;

  topicConfigs = async (name: string) => {
    const configs = this.topicConfigSets.get(name);
    if (!configs) throw new KafkaUserError(`unknown topic: ${name}`);
    return configs;
  };
  alterTopicConfig = async (name: string, config: string, value: string) => {
    const configs = await this.topicConfigs(name);
    const current = configs.find((c) => c.name === config);
    if (!current) throw unknownTopicConfig(name, config);
    const refusal = this.refuseConfig?.(config, value);
    if (refusal) throw alterRefused(name, 'INVALID_CONFIG', refusal);
    const inherited = current.synonyms.filter((s) => s.source !== 'DYNAMIC_TOPIC_CONFIG');
    const set: ConfigItem = {
      ...current,
      value,
      source: 'DYNAMIC_TOPIC_CONFIG',
      synonyms: [{ name: config, value, source: 'DYNAMIC_TOPIC_CONFIG' }, ...inherited],
    };
    this.topicConfigSets.set(
      name,
      configs.map((c) => (c.name === config ? set : c)),
    );
  };

  consume = (request: ConsumeRequest, sink: RecordSink): Subscription => {
    this.consumeRequests.push(request);
    const reader: FakeReader = { request, sink, paused: false, held: [] };
    this.readers.push(reader);
    const backlog = (this.held.get(request.topic) ?? [])
      .filter((_, partition) => this.reads(reader, request.topic, partition))
      .flatMap((records) => records.filter(startsAt(request.from)));
    if (backlog.length > 0) queueMicrotask(() => this.hand(reader, backlog));
    return {
      pause: () => {
        reader.paused = true;
      },
      resume: () => {
        reader.paused = false;
        const waiting = reader.held.splice(0);
        if (waiting.length > 0) this.hand(reader, waiting);
      },
      stop: async () => {
        this.readers = this.readers.filter((r) => r !== reader);
      },
    };
  };

  /** Whether the newest reader is paused. */
  get paused(): boolean {
    return this.newest?.paused ?? false;
  }

  /** Delivers records to the newest running reader, as its fetches would (for records the fake does not hold). */
  deliver(records: ConsumedRecord[]): void {
    if (this.newest) this.hand(this.newest, records);
  }

  /** What a real reader reports when it reaches its bounds (stopAtEnd, maxRecords). */
  finish(): void {
    this.newest?.sink.done?.();
  }

  /** Whether a consume is running (started and not stopped). */
  get consuming(): boolean {
    return this.newest !== undefined;
  }

  /** What a real reader reports when a clampStart request starts partitions elsewhere than asked. */
  reportClamped(clamps: StartClamp[]): void {
    this.newest?.sink.clamped?.(clamps);
  }

  /** What a real reader reports while reading on: partitions added, offsets skipped. */
  reportNotice(message: string): void {
    this.newest?.sink.notice?.(message);
  }

  /** Ends the running consume with an error, as a real reader does (e.g. the topic was deleted). */
  failConsume(error: Error): void {
    this.newest?.sink.error(error);
  }

  produce = async (request: ProduceRequest): Promise<ProduceResult> => {
    if (this.produceError) throw this.produceError;
    const known = this.topicNamed(request.topic);
    if (!known) throw new UnknownTopicError(request.topic);
    if (request.partition !== undefined) refuseMissingPartition(request.topic, request.partition, known.partitions);
    const partition = request.partition ?? (request.key ? partitionForKey(request.key, known.partitions) : 0);
    const logs = this.held.get(request.topic) ?? Array.from({ length: known.partitions }, (): ConsumedRecord[] => []);
    this.held.set(request.topic, logs);
    const log = (logs[partition] ??= []);
    const landed: ConsumedRecord = {
      partition,
      offset: log.length,
      timestamp: Date.now(),
      key: request.key,
      value: request.value,
      headers: request.headers.map(([k, v]) => [k, Buffer.from(v)]),
    };
    log.push(landed);
    this.produced.push(request);
    for (const reader of this.readers) if (this.reads(reader, request.topic, partition)) this.hand(reader, [landed]);
    return { partition, offset: String(landed.offset) };
  };

  private get newest(): FakeReader | undefined {
    return this.readers.at(-1);
  }

  private topicNamed(name: string): TopicSummary | undefined {
    return this.topics.find((t) => t.name === name);
  }

  private reads(reader: FakeReader, name: string, partition: number): boolean {
    const { topic: wanted, partitions } = reader.request;
    return wanted === name && (partitions.length === 0 || partitions.includes(partition));
  }

  private hand(reader: FakeReader, records: ConsumedRecord[]): void {
    if (reader.paused) reader.held.push(...records);
    else reader.sink.records(records);
  }

  shutdown = async () => {};

  // Consumer groups, with the rules a real cluster (and ConsumerGroupCommand) applies.
  groups = new Map<string, FakeGroup>();
  logs = new Map<string, FakeLog[]>();
  listGroupsError?: Error;
  executedResets: ResetPlan[] = [];
  lagRequests: Array<{ groupIds: string[]; timeLag: boolean }> = [];

  listGroups = async (): Promise<GroupListing[]> => {
    if (this.listGroupsError) throw this.listGroupsError;
    return [...this.groups].map(([groupId, g]) => ({ groupId, type: g.type, state: g.state, protocolType: 'consumer' }));
  };

  describeGroupLag = async (groupIds: string[], { timeLag }: { timeLag: boolean }): Promise<GroupLag[]> => {
    this.lagRequests.push({ groupIds, timeLag });
    return groupIds.map((groupId) => this.lagOf(groupId, timeLag));
  };

  groupsOfTopic = async (name: string): Promise<TopicGroupLag[]> =>
    [...this.groups]
      .filter(([, g]) => g.offsets.has(name))
      .map(([groupId, g]) => {
        const lags = this.lagOf(groupId, false).partitions.filter((p) => p.topic === name && p.lag !== null);
        return { groupId, state: g.state, lag: lags.length ? lags.reduce((sum, p) => sum + p.lag!, 0) : null };
      });

  // The plan itself is the real, pure planner (kafka/reset-planner.ts) over the fake's logs and
  // offsets; only the cluster's answers are faked. Like the real planReset it is a dry run, so any
  // group may be planned; an unknown group simply has no offsets yet.
  planReset = async ({ groupId, scope, mode }: { groupId: string; scope: ResetScope; mode: ResetMode }): Promise<ResetPlan> => {
    const g = this.groups.get(groupId);
    const fileScope = (rows: Array<{ topic: string; partition: number }>): ResetScope => ({
      topics: [...new Set(rows.map((r) => r.topic))].map((name) => ({
        topic: name,
        partitions: rows.filter((r) => r.topic === name).map((r) => r.partition),
      })),
    });
    const timestamp = resetTimestamp(mode);
    const facts = this.scopePartitions(g, mode.kind === 'file' ? fileScope(mode.rows) : scope).map(({ topic: name, partition }) => {
      const log = this.log(name, partition);
      const index = timestamp === undefined ? -1 : (log.timestamps ?? []).findIndex((t) => t >= timestamp);
      return {
        topic: name,
        partition,
        logStartOffset: log.start,
        logEndOffset: log.end,
        committed: g?.offsets.get(name)?.get(partition) ?? null,
        ...(timestamp === undefined ? {} : { offsetAtTime: index < 0 ? -1 : log.start + index }),
      };
    });
    return { groupId, ...planRows(mode, facts) };
  };

  executeReset = async (plan: ResetPlan): Promise<void> => {
    // Checked at execution, as the real one does: the group may have come back to life since the preview.
    const g = this.inactive(plan.groupId, 'reset offsets');
    for (const row of plan.rows) {
      const offsets = g.offsets.get(row.topic) ?? new Map<number, number>();
      offsets.set(row.partition, row.newOffset);
      g.offsets.set(row.topic, offsets);
    }
    // Committing to a group the broker did not know creates it.
    this.groups.set(plan.groupId, g);
    this.executedResets.push(plan);
  };

  deleteGroup = async (groupId: string): Promise<void> => {
    const g = this.groups.get(groupId);
    if (!g) throw new KafkaUserError(`cannot delete group '${groupId}': unknown group`);
    if (!RESETTABLE.has(g.state)) throw new KafkaUserError(`cannot delete group '${groupId}': the group has active members`);
    this.groups.delete(groupId);
  };

  deleteGroupOffsets = async (groupId: string, name: string, partitions?: number[]): Promise<void> => {
    const g = this.groups.get(groupId);
    if (!g) throw new KafkaUserError(`cannot delete offsets of group '${groupId}': unknown group`);
    const count = this.logs.get(name)?.length;
    if (count === undefined) throw new KafkaUserError(`unknown topic ${name}`);
    const missing = (partitions ?? []).find((p) => p >= count);
    if (missing !== undefined) throw new KafkaUserError(`topic ${name} has no partition ${missing} (it has ${count})`);
    if (g.members.some((m) => m.assignment.some((a) => a.topic === name))) {
      throw new KafkaUserError(`cannot delete offsets of group '${groupId}' for ${name}: the group is subscribed to the topic`);
    }
    const offsets = g.offsets.get(name);
    for (const partition of partitions ?? [...(offsets?.keys() ?? [])]) offsets?.delete(partition);
    if (offsets?.size === 0) g.offsets.delete(name);
  };

  /** The group, refused (in the real one's words) unless nothing holds it; an unknown group is Dead, so it passes. */
  private inactive(groupId: string, what: string): FakeGroup {
    const g = this.groups.get(groupId) ?? group('Dead');
    if (!RESETTABLE.has(g.state)) {
      const members = g.members.map((m) => `${m.memberId} (${m.clientId}@${m.host})`).join(', ');
      const held = g.members.length ? ` with ${g.members.length} member(s): ${members}` : '';
      throw new KafkaUserError(`cannot ${what} of group '${groupId}': it is ${g.state}${held}; stop its consumers first`);
    }
    return g;
  }

  private log(name: string, partition: number): FakeLog {
    const log = this.logs.get(name)?.[partition];
    if (!log) throw new KafkaUserError(`topic ${name} has no partition ${partition}`);
    return log;
  }

  private scopePartitions(g: FakeGroup | undefined, scope: ResetScope): TopicPartitionRef[] {
    if ('allTopics' in scope) {
      return [...(g?.offsets ?? [])].flatMap(([name, offsets]) => [...offsets.keys()].map((partition) => ({ topic: name, partition })));
    }
    return scope.topics.flatMap(({ topic: name, partitions }) => {
      const logs = this.logs.get(name);
      if (!logs) throw new KafkaUserError(`unknown topic ${name}`);
      return (partitions ?? logs.map((_, partition) => partition)).map((partition) => ({ topic: name, partition }));
    });
  }

  private lagOf(groupId: string, timeLag: boolean): GroupLag {
    const g = this.groups.get(groupId);
    // A broker describes an unknown group as Dead with no members, as it does a deleted one.
    const state = g?.state ?? 'Dead';
    const members = g?.members ?? [];
    const owner = (name: string, partition: number) => {
      const m = members.find((x) => x.assignment.some((a) => a.topic === name && a.partition === partition));
      return m ? { memberId: m.memberId, host: m.host, clientId: m.clientId } : null;
    };
    const refs = new Map<string, TopicPartitionRef>();
    for (const [name, offsets] of g?.offsets ?? [])
      for (const partition of offsets.keys()) refs.set(`${name}:${partition}`, { topic: name, partition });
    for (const m of members) for (const a of m.assignment) refs.set(`${a.topic}:${a.partition}`, a);
    const partitions = [...refs.values()]
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition)
      .map(({ topic: name, partition }) => {
        const committed = g?.offsets.get(name)?.get(partition) ?? null;
        const end = this.logs.get(name)?.[partition]?.end ?? null;
        const lag = committed === null || end === null ? null : Math.max(0, end - committed);
        return {
          topic: name,
          partition,
          committedOffset: committed,
          logEndOffset: end,
          lag,
          member: owner(name, partition),
          ...(timeLag ? { timeLagMs: lag === 0 ? 0 : (g?.timeLagMs.get(`${name}:${partition}`) ?? null) } : {}),
        };
      });
    return {
      group: {
        groupId,
        type: g?.type ?? 'classic',
        state,
        coordinator: { nodeId: 1, host: 'fake', port: 9092 },
        assignmentStrategy: members.length ? 'range' : '',
        members,
      },
      partitions,
    };
  }
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
