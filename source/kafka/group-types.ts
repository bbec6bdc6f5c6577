// The shapes of consumer groups as the CLI, the stores and the panes see them. kafka/groups.ts
// fills them from the cluster (classic groups through DescribeGroups, KIP-848 groups through
// ConsumerGroupDescribe); format/ and ui/ read only these.

/** The group protocol: 'classic' (JoinGroup/SyncGroup) or 'consumer' (KIP-848); others as the broker names them. */
export type GroupType = 'classic' | 'consumer' | (string & {});

/** One row of `groups list`. State is the broker's word: Stable, Empty, PreparingRebalance, Dead, ... */
export interface GroupListing {
  groupId: string;
  type: GroupType;
  state: string;
  /** 'consumer' for consumer groups; Connect workers and others use their own protocol type. */
  protocolType: string;
}

export interface TopicPartitionRef {
  topic: string;
  partition: number;
}

export interface GroupMember {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  /** As the broker reports it, e.g. '/127.0.0.1'. */
  host: string;
  assignment: TopicPartitionRef[];
  /** KIP-848 groups only (null for classic ones): the member's epoch and the assignment it is moving to. */
  memberEpoch?: number | null;
  targetAssignment?: TopicPartitionRef[];
  /** KIP-848 groups on Kafka 4.0+: true for a member that joined with the consumer protocol, false for a classic one. */
  upgraded?: boolean | null;
}

export interface GroupDescription {
  groupId: string;
  type: GroupType;
  state: string;
  /** null while the coordinator cannot be found (e.g. its broker is down). */
  coordinator: { nodeId: number; host: string; port: number } | null;
  /** The classic protocol's assignor ('range', 'cooperative-sticky', ...) or the KIP-848 server assignor ('uniform'). */
  assignmentStrategy: string;
  members: GroupMember[];
  /** KIP-848 groups only (null for classic ones), as `--state --verbose` shows them. */
  groupEpoch?: number | null;
  targetAssignmentEpoch?: number | null;
}

/** One partition of `groups describe`: null prints as '-', as ConsumerGroupCommand does. */
export interface PartitionLag {
  topic: string;
  partition: number;
  committedOffset: number | null;
  /** The leader epoch stored with the commit (`--verbose` LEADER-EPOCH); null when unknown. */
  committedLeaderEpoch?: number | null;
  /** null when the partition has no leader to ask. */
  logEndOffset: number | null;
  lag: number | null;
  /** The owning member, or null for a committed but unassigned partition. */
  member: Pick<GroupMember, 'memberId' | 'host' | 'clientId'> | null;
  /** Now minus the timestamp of the record at the committed offset (--time-lag); undefined when not asked. */
  timeLagMs?: number | null;
  /** --time-lag over a sample window: messages committed per second, and the time until the lag is gone ('never' while it grows). */
  consumeRate?: number | null;
  etaMs?: number | 'never' | null;
}

export interface GroupLag {
  group: GroupDescription;
  partitions: PartitionLag[];
}
