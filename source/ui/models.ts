// The stores one screen reads, built over a Backend. Kept apart from App so controllers and
// tests can build them without rendering anything.
import type { Backend, HistoryStore } from '../model/backend.js';
import { BrokersStore } from '../model/brokers-store.js';
import { ConnectionStore } from '../model/connection-store.js';
import { ConsumerStore, DEFAULT_BUFFER_SIZE } from '../model/consumer-store.js';
import { DescribeStore } from '../model/describe-store.js';
import { GroupsStore, GroupStore, LagHistory } from '../model/groups-store.js';
import { ProducerStore } from '../model/producer-store.js';
import { TopicConfigsStore } from '../model/topic-configs-store.js';
import { TopicsStore } from '../model/topics-store.js';

export interface Models {
  backend: Backend;
  connection: ConnectionStore;
  topics: TopicsStore;
  describe: DescribeStore;
  consumer: ConsumerStore;
  producer: ProducerStore;
  brokers: BrokersStore;
  groups: GroupsStore;
  /** The group opened from the groups list. */
  group: GroupStore;
  /** The configs view (E) of one topic. */
  topicConfigs: TopicConfigsStore;
}

export interface ModelOptions {
  bufferSize?: number;
  keySeparator?: string;
  /** 0 turns the periodic refreshes off (tests); the brokers pane refreshes as often. */
  describeRefreshMs?: number;
  groupsRefreshMs?: number;
  /** The clock the lag samples are stamped with (tests). */
  now?: () => number;
  connectionCheckMs?: number;
  notifyHz?: number;
  /** How often the consumer looks for a deleted topic's successor. */
  recreationCheckMs?: number;
}

export function createModels(backend: Backend, history: HistoryStore, options: ModelOptions = {}): Models {
  const lagHistory = new LagHistory();
  return {
    backend,
    connection: new ConnectionStore(backend, options.connectionCheckMs),
    topics: new TopicsStore(backend),
    describe: new DescribeStore(backend, options.describeRefreshMs),
    consumer: new ConsumerStore(backend, options.bufferSize ?? DEFAULT_BUFFER_SIZE, options.notifyHz, options.recreationCheckMs),
    producer: new ProducerStore(backend, history, options.keySeparator),
    brokers: new BrokersStore(backend, options.describeRefreshMs),
    groups: new GroupsStore(backend, lagHistory, options.groupsRefreshMs, options.now),
    group: new GroupStore(backend, lagHistory, options.groupsRefreshMs, options.now),
    topicConfigs: new TopicConfigsStore(backend),
  };
}

export async function disposeModels(models: Models): Promise<void> {
  models.connection.dispose();
  models.describe.dispose();
  models.topics.dispose();
  models.brokers.dispose();
  models.groups.dispose();
  models.group.dispose();
  await models.consumer.dispose();
}
