// Java's murmur2 (org.apache.kafka.common.utils.Utils.murmur2), which the default partitioner
// hashes keys with, in 32-bit integer arithmetic (Math.imul). kafkajs's port multiplies through
// a Long object per step, which made hashing the largest cost of producing keyed lines.
const SEED = 0x9747b28c;
const M = 0x5bd1e995;

export function murmur2(data: Uint8Array): number {
  const length = data.length;
  let h = SEED ^ length;
  const end4 = length - (length & 3);
  for (let i = 0; i < end4; i += 4) {
    let k = data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  const rest = length & 3;
  if (rest === 3) h ^= data[end4 + 2]! << 16;
  if (rest >= 2) h ^= data[end4 + 1]! << 8;
  if (rest >= 1) h = Math.imul(h ^ data[end4]!, M);
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}
