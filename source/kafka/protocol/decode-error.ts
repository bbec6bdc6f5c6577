// Bytes from a broker that do not decode: a response or record batch that is truncated, lies
// about a length, fails its CRC, or expands past what we allow. A user error (one line, no
// stack): the cluster, a proxy or a producer sent something broken, and retrying reads it again.
import { KafkaUserError } from '../errors.js';

export class DecodeError extends KafkaUserError {}

/** The error for a record batch: names where it is, so that it can be found with Kafka's tools (kafka-dump-log). */
export function corruptBatch(topic: string, partition: number, offset: number, what: string): DecodeError {
  return new DecodeError(`corrupt record batch in ${topic} partition ${partition} at offset ${offset}: ${what}`);
}
