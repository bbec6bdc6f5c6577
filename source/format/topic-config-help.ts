// One line of help for the topic configs people change most, shown under the configs view.
const HELP: Record<string, string> = {
  'retention.ms': 'how long records are kept before they may be deleted, in ms (-1: forever)',
  'retention.bytes': 'how large a partition may grow before old segments are deleted (-1: no limit)',
  'cleanup.policy': 'delete (drop old segments), compact (keep the last record per key), or compact,delete',
  'min.insync.replicas': 'replicas that must have a record before an acks=all write succeeds',
  'max.message.bytes': 'the largest record batch the topic accepts, in bytes (after compression)',
  'segment.bytes': 'the size at which a partition rolls to a new log segment',
  'segment.ms': 'the age at which a partition rolls to a new log segment, in ms',
  'compression.type': 'producer (keep what the producer sent), or recompress: gzip, snappy, lz4, zstd, uncompressed',
  'delete.retention.ms': 'how long delete markers (tombstones) are kept in a compacted topic, in ms',
  'min.compaction.lag.ms': 'the minimum time a record stays uncompacted, in ms',
  'message.timestamp.type': 'CreateTime (the producer sets it) or LogAppendTime (the broker does)',
};

export const topicConfigHelp = (name: string): string | undefined => HELP[name];
