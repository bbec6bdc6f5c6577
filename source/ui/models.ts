// The stores one screen reads, built over a Backend. Kept apart from App so controllers and
// tests can build them without rendering anything.
import type { Backend, HistoryStore } from '../model/backend.js';
import { ConnectionStore } from '../model/connection-store.js';
import { ConsumerStore, DEFAULT_BUFFER_SIZE } from '../model/consumer-store.js';
import { DescribeStore } from '../model/describe-store.js';
import { ProducerStore } from '../model/producer-store.js';
import { TopicsStore } from '../model/topics-store.js';
import { searchText } from './record-text.js';

export interface Models {
  backend: Backend;
  connection: ConnectionStore;
  topics: TopicsStore;
  describe: DescribeStore;
  consumer: ConsumerStore;
  producer: ProducerStore;
}

export interface ModelOptions {
  bufferSize?: number;
  keySeparator?: string;
  /** 0 turns the periodic refreshes off (tests). */
  describeRefreshMs?: number;
  connectionCheckMs?: number;
  notifyHz?: number;
}

export function createModels(backend: Backend, history: HistoryStore, options: ModelOptions = {}): Models {
  return {
    backend,
    connection: new ConnectionStore(backend, options.connectionCheckMs),
    topics: new TopicsStore(backend),
    describe: new DescribeStore(backend, options.describeRefreshMs),
    consumer: new ConsumerStore(backend, options.bufferSize ?? DEFAULT_BUFFER_SIZE, searchText, options.notifyHz),
    producer: new ProducerStore(backend, history, options.keySeparator),
  };
}

export async function disposeModels(models: Models): Promise<void> {
  models.connection.dispose();
  models.describe.dispose();
  models.topics.dispose();
  await models.consumer.dispose();
}
