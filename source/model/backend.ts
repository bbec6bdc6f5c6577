// What the UI needs from Kafka, as an interface: the real implementation lives in
// model/kafka-backend.ts, and the UI tests use in-memory fakes.
import type { BrokerConfigs, BrokersOverview } from '../kafka/brokers.js';
import type { ConfigItem } from '../kafka/configs.js';
import type { ConnectionStatus } from '../kafka/connection.js';
import type { TopicDescription } from '../kafka/describe.js';
import type { StartClamp, StartPosition } from '../kafka/consumer.js';
import type { TopicSummary } from '../kafka/topic-summaries.js';
import type { GroupLag, GroupListing } from '../kafka/group-types.js';
import type { ResetMode, ResetPlan, ResetScope } from '../kafka/group-reset.js';

export type { StartClamp, StartPosition, TopicSummary };
export type { GroupLag, GroupListing, GroupMember, PartitionLag } from '../kafka/group-types.js';
export type { ResetMode, ResetPlan, ResetRow, ResetScope } from '../kafka/group-reset.js';

export interface ConsumeRequest {
  topic: string;
  from: StartPosition;
  /** Empty for every partition. */
  partitions: number[];
  /** A start offset out of a partition's range starts it at the nearer end, reported, instead of failing. */
  clampStart?: boolean;
  /** Stop once every partition reaches its end as of the start (a bounded find). */
  stopAtEnd?: boolean;
  /** Stop after this many records. */
  maxRecords?: number;
}

/** What the panes read of a record; the reader's KafkaRecord has this shape. */
export interface ConsumedRecord {
  readonly partition: number;
  readonly offset: number;
  /** Milliseconds since the epoch. */
  readonly timestamp: number;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: ReadonlyArray<readonly [string, Buffer | null]>;
}

export interface RecordSink {
  records(records: ConsumedRecord[]): void;
  error(error: unknown): void;
  /** The partitions a clampStart request started elsewhere than asked. */
  clamped?(clamps: StartClamp[]): void;
  /** A change the user should know of while records keep coming: partitions added, offsets skipped. */
  notice?(message: string): void;
  /** The read ended: it reached its bounds, or was stopped. */
  done?(): void;
}

export interface Subscription {
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}

export interface ProduceRequest {
  topic: string;
  key: Buffer | null;
  value: Buffer;
  headers: Array<[string, string]>;
  partition?: number;
}

export interface ProduceResult {
  partition: number;
  offset: string;
}

export interface CreateTopicInput {
  topic: string;
  partitions: number;
  replicationFactor: number;
}

export interface Backend {
  /** Profile name or bootstrap list, for the status bar. */
  readonly label: string;
  status(): ConnectionStatus;
  subscribeStatus(listener: (status: ConnectionStatus) => void): () => void;
  /** Asks the cluster who it is; the answer (or the failure) arrives as status. */
  check(): Promise<void>;
  listTopics(includeInternal: boolean): Promise<TopicSummary[]>;
  describe(topic: string): Promise<TopicDescription>;
  /** Every broker (down ones included), the active controller and each broker's partition load. */
  brokers(): Promise<BrokersOverview>;
  /** A broker's non-default configs, with their sources. */
  brokerConfigs(nodeId: number): Promise<BrokerConfigs>;
  createTopic(input: CreateTopicInput): Promise<void>;
  alterPartitions(topic: string, count: number): Promise<void>;
  deleteTopic(topic: string): Promise<void>;
  /** Every config of the topic, with its source and synonyms. */
  topicConfigs(topic: string): Promise<ConfigItem[]>;
  /** Sets one config (checked against the topic's list; the broker validates the value). */
  alterTopicConfig(topic: string, name: string, value: string): Promise<void>;
  consume(request: ConsumeRequest, sink: RecordSink): Subscription;
  produce(request: ProduceRequest): Promise<ProduceResult>;
  listGroups(): Promise<GroupListing[]>;
  /** One entry per asked group, in order; `timeLag` also measures each partition's lag in time. */
  describeGroupLag(groupIds: string[], options: { timeLag: boolean }): Promise<GroupLag[]>;
  /** Computes a reset without applying it (a dry run: any group may be planned). */
  planReset(request: { groupId: string; scope: ResetScope; mode: ResetMode }): Promise<ResetPlan>;
  /** Refused unless the group is Empty or Dead, naming its members. */
  executeReset(plan: ResetPlan): Promise<void>;
  /** Refused for an unknown group and for one with members. */
  deleteGroup(groupId: string): Promise<void>;
  /** Without partitions, every partition of the topic; refused while the group is subscribed to it. */
  deleteGroupOffsets(groupId: string, topic: string, partitions?: number[]): Promise<void>;
  groupsOfTopic(topic: string): Promise<TopicGroupLag[]>;
  shutdown(): Promise<void>;
}

/** A group with committed offsets in one topic, and its lag there: the topic pane's "who reads this". */
export interface TopicGroupLag {
  groupId: string;
  state: string;
  /** Summed over the topic's partitions that have a commit; null when no partition's end is known. */
  lag: number | null;
}

/** Producer input history, kept per topic. */
export interface HistoryStore {
  get(topic: string): string[];
  add(topic: string, line: string): void;
}
