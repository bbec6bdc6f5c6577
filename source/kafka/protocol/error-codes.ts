// Kafka's error codes we act on, by name, and the sets that decide what to do about them.
// https://kafka.apache.org/protocol#protocol_error_codes
import { kafkaErrorName } from '../internals.js';

export const NONE = 0;
export const OFFSET_OUT_OF_RANGE = 1;
export const UNKNOWN_TOPIC_OR_PARTITION = 3;
export const LEADER_NOT_AVAILABLE = 5;
export const NOT_LEADER_OR_FOLLOWER = 6;
export const REQUEST_TIMED_OUT = 7;
export const REPLICA_NOT_AVAILABLE = 9;
export const MESSAGE_TOO_LARGE = 10;
export const NETWORK_EXCEPTION = 13;
export const COORDINATOR_LOAD_IN_PROGRESS = 14;
export const COORDINATOR_NOT_AVAILABLE = 15;
export const NOT_COORDINATOR = 16;
export const INVALID_GROUP_ID = 24;
export const GROUP_AUTHORIZATION_FAILED = 30;
export const UNSUPPORTED_VERSION = 35;
export const RECORD_LIST_TOO_LARGE = 18;
export const NOT_ENOUGH_REPLICAS = 19;
export const NOT_ENOUGH_REPLICAS_AFTER_APPEND = 20;
export const TOPIC_AUTHORIZATION_FAILED = 29;
export const DUPLICATE_SEQUENCE_NUMBER = 46;
export const KAFKA_STORAGE_ERROR = 56;
export const FENCED_LEADER_EPOCH = 74;
export const UNKNOWN_LEADER_EPOCH = 75;
export const GROUP_ID_NOT_FOUND = 69;
export const OFFSET_NOT_AVAILABLE = 78;

/** Group errors that mean "find the group's coordinator again, a little later". */
export const COORDINATOR_RETRY: ReadonlySet<number> = new Set([COORDINATOR_LOAD_IN_PROGRESS, COORDINATOR_NOT_AVAILABLE, NOT_COORDINATOR]);

/** Fetch partition errors that mean "ask the metadata again who leads this partition". */
export const FETCH_REROUTE: ReadonlySet<number> = new Set([
  UNKNOWN_TOPIC_OR_PARTITION, // a new leader that has not caught up on metadata
  LEADER_NOT_AVAILABLE,
  NOT_LEADER_OR_FOLLOWER,
  NETWORK_EXCEPTION,
  KAFKA_STORAGE_ERROR,
  FENCED_LEADER_EPOCH,
  UNKNOWN_LEADER_EPOCH,
  OFFSET_NOT_AVAILABLE,
]);

/** Produce errors after which the same batch may succeed, on the same or a new leader. */
export const PRODUCE_RETRIABLE: ReadonlySet<number> = new Set([
  UNKNOWN_TOPIC_OR_PARTITION,
  LEADER_NOT_AVAILABLE,
  NOT_LEADER_OR_FOLLOWER,
  REQUEST_TIMED_OUT,
  NETWORK_EXCEPTION,
  NOT_ENOUGH_REPLICAS,
  NOT_ENOUGH_REPLICAS_AFTER_APPEND,
  KAFKA_STORAGE_ERROR,
  FENCED_LEADER_EPOCH,
  UNKNOWN_LEADER_EPOCH,
]);

/** Produce errors that say a batch (or one record in it) is larger than allowed. */
export const TOO_LARGE: ReadonlySet<number> = new Set([MESSAGE_TOO_LARGE, RECORD_LIST_TOO_LARGE]);

/** The code's name, e.g. UNKNOWN_TOPIC_OR_PARTITION; ERROR_<code> for one we do not know. */
export function errorName(code: number): string {
  return kafkaErrorName(code) ?? `ERROR_${code}`;
}

// The group writes' answers.
export const NON_EMPTY_GROUP = 68;
export const GROUP_SUBSCRIBED_TO_TOPIC = 86;
