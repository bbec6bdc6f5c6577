// Turns Kafka and kafkajs failures into the one-line messages users see.

/** An error whose message is meant for the user as it is: no stack trace. */
export class KafkaUserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'KafkaUserError';
  }
}

interface KafkaJsLikeError {
  name?: string;
  message?: string;
  type?: string;
  originalError?: unknown;
  errors?: unknown[];
  cause?: unknown;
}

const FRIENDLY: Record<string, string> = {
  UNKNOWN_TOPIC_OR_PARTITION: 'unknown topic or partition',
  TOPIC_ALREADY_EXISTS: 'topic already exists',
  INVALID_TOPIC_EXCEPTION: 'invalid topic name',
  INVALID_PARTITIONS: 'invalid number of partitions',
  INVALID_REPLICATION_FACTOR: 'invalid replication factor',
  TOPIC_AUTHORIZATION_FAILED: 'not authorized to access the topic',
  CLUSTER_AUTHORIZATION_FAILED: 'not authorized for this cluster operation',
  GROUP_AUTHORIZATION_FAILED: 'not authorized to access the consumer group',
  MESSAGE_TOO_LARGE: 'the message is larger than the topic or broker allows (max.message.bytes)',
  RECORD_LIST_TOO_LARGE: 'the record batch is larger than the broker allows',
  SASL_AUTHENTICATION_FAILED: 'SASL authentication failed',
  POLICY_VIOLATION: 'rejected by the broker policy',
};

/** The innermost meaningful error of a kafkajs error chain. */
function innermost(error: KafkaJsLikeError): KafkaJsLikeError {
  let current = error;
  for (let depth = 0; depth < 5; depth++) {
    const next = (current.originalError ?? (current.errors?.length ? current.errors[0] : undefined)) as KafkaJsLikeError | undefined;
    if (!next || typeof next !== 'object') break;
    current = next;
  }
  return current;
}

/**
 * By name rather than instanceof: the TUI runs from a bundle with its own copy of this class.
 */
function isUserError(error: unknown): error is KafkaUserError {
  return error instanceof Error && error.name === 'KafkaUserError' && typeof (error as KafkaUserError).exitCode === 'number';
}

export function errorMessage(error: unknown): string {
  if (isUserError(error)) return error.message;
  if (!error || typeof error !== 'object') return String(error);
  const inner = innermost(error as KafkaJsLikeError);
  const message = (inner.message ?? String(inner)).split('\n')[0]!.trim();
  if (inner.type && FRIENDLY[inner.type]) {
    // The broker's own text is often the most precise; keep it when it says more than the code.
    const friendly = FRIENDLY[inner.type]!;
    return message && !/^(This server|The server|Broker)/i.test(message) && message !== friendly ? `${friendly}: ${message}` : friendly;
  }
  return message;
}

export function exitCodeOf(error: unknown): number {
  return isUserError(error) ? error.exitCode : 1;
}
