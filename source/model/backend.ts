// What the UI needs from Kafka, as an interface: the real implementation lives in
// model/kafka-backend.ts, and the UI tests use in-memory fakes.
import type { ConnectionStatus } from '../kafka/connection.js';
import type { TopicDescription } from '../kafka/describe.js';
import type { StartClamp, StartPosition } from '../kafka/consumer.js';
import type { TopicSummary } from '../kafka/topic-summaries.js';
import type { GroupLag, GroupListing } from '../kafka/group-types.js';

export type { StartClamp, StartPosition, TopicSummary };
export type { GroupLag, GroupListing, GroupMember, PartitionLag } from '../kafka/group-types.js';

export interface ConsumeRequest {
  topic: string;
  from: StartPosition;
  /** Empty for every partition. */
  partitions: number[];
  /** A start offset out of a partition's range starts it at the nearer end, reported, instead of failing. */
  clampStart?: boolean;
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
  createTopic(input: CreateTopicInput): Promise<void>;
  alterPartitions(topic: string, count: number): Promise<void>;
  deleteTopic(topic: string): Promise<void>;
  consume(request: ConsumeRequest, sink: RecordSink): Subscription;
  produce(request: ProduceRequest): Promise<ProduceResult>;
  listGroups(): Promise<GroupListing[]>;
  /** One entry per asked group, in order; `timeLag` also measures each partition's lag in time. */
  describeGroupLag(groupIds: string[], options: { timeLag: boolean }): Promise<GroupLag[]>;
  /** Computes a reset without applying it; refuses a group that is not Empty or Dead, or that does not exist. */
  planReset(request: { groupId: string; scope: ResetScope; mode: ResetMode }): Promise<ResetPlan>;
  executeReset(plan: ResetPlan): Promise<void>;
  deleteGroup(groupId: string): Promise<void>;
  /** Without partitions, every partition of the topic. */
  deleteGroupOffsets(groupId: string, topic: string, partitions?: number[]): Promise<void>;
  groupsOfTopic(topic: string): Promise<TopicGroupLag[]>;
  shutdown(): Promise<void>;
}

/** Where a reset moves each partition to (the official tool's --to-* / --shift-by / --by-duration / --from-file). */
export type ResetMode =
  | { kind: 'earliest' }
  | { kind: 'latest' }
  | { kind: 'current' }
  | { kind: 'offset'; offset: number }
  | { kind: 'shift'; by: number }
  | { kind: 'datetime'; timestamp: number }
  | { kind: 'duration'; ms: number }
  | { kind: 'file'; rows: Array<{ topic: string; partition: number; offset: number }> };

/** Which partitions a reset touches: every topic the group has offsets for, or these topics (and partitions). */
export type ResetScope = { allTopics: true } | { topics: Array<{ topic: string; partitions?: number[] }> };

export interface ResetRow {
  topic: string;
  partition: number;
  oldOffset: number | null;
  newOffset: number;
  logEndOffset: number | null;
  lagBefore: number | null;
  lagAfter: number | null;
  /** The target was out of the partition's range and moved to its nearer end. */
  clamped?: boolean;
}

export interface ResetPlan {
  groupId: string;
  rows: ResetRow[];
  warnings: string[];
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
