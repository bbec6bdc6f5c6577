// Where the Java client's default partitioner puts a keyed record: shared by the producer (to write
// where Java clients would) and consume --key (to read only the partition a key lands on).
import { murmur2 } from './protocol/murmur2.js';

/** murmur2 of the key, made positive, modulo the partition count (Java's Utils.toPositive(murmur2(key)) % n). */
export function partitionForKey(key: Buffer, partitionCount: number): number {
  return (murmur2(key) & 0x7fffffff) % partitionCount;
}
