// The pure half of `groups reset-offsets`: given what the cluster said (watermarks, committed
// offsets, offsets at a time), the new offset of each partition, clamped into the log as
// ConsumerGroupCommand clamps it, with the same warnings.
import { KafkaUserError } from './errors.js';

export type ResetMode =
  | { kind: 'earliest' }
  | { kind: 'latest' }
  | { kind: 'current' }
  | { kind: 'offset'; offset: number }
  | { kind: 'shift'; by: number }
  | { kind: 'datetime'; timestamp: number }
  | { kind: 'duration'; ms: number }
  | { kind: 'file'; rows: Array<{ topic: string; partition: number; offset: number }> };

export type ResetScope = { allTopics: true } | { topics: Array<{ topic: string; partitions?: number[] }> };

export interface ResetRow {
  topic: string;
  partition: number;
  /** The group's committed offset before the reset; null when it has none. */
  oldOffset: number | null;
  newOffset: number;
  logEndOffset: number | null;
  lagBefore: number | null;
  lagAfter: number | null;
  /** Set when the wanted offset was outside the log and was moved to its start or end. */
  clamped?: 'earliest' | 'latest';
}

export interface ResetPlan {
  groupId: string;
  rows: ResetRow[];
  warnings: string[];
}

/** What the cluster said about one partition. */
export interface PartitionFacts {
  topic: string;
  partition: number;
  /** Log start and end; null when the partition has no leader to ask. */
  logStartOffset: number | null;
  logEndOffset: number | null;
  committed: number | null;
  /** --to-datetime / --by-duration: the first offset at or after the time, -1 when there is none. */
  offsetAtTime?: number;
}

/** The first record at or after a time is what the modes by time move to. */
export const isTimeMode = (mode: ResetMode): mode is Extract<ResetMode, { kind: 'datetime' | 'duration' }> =>
  mode.kind === 'datetime' || mode.kind === 'duration';

/** The time a time mode moves to; a duration counts back from now, as Duration.parse + Instant.minus do. */
export function resetTimestamp(mode: ResetMode, now = Date.now()): number | undefined {
  if (mode.kind === 'datetime') return mode.timestamp;
  if (mode.kind === 'duration') return now - mode.ms;
  return undefined;
}

const name = (facts: Pick<PartitionFacts, 'topic' | 'partition'>) => `${facts.topic}-${facts.partition}`;

function requireEnd(facts: PartitionFacts): number {
  if (facts.logEndOffset === null || facts.logStartOffset === null) {
    throw new KafkaUserError(`cannot reset ${name(facts)}: the partition has no leader to ask for its offsets`);
  }
  return facts.logEndOffset;
}

/** The wanted offset, or the log's start or end when it falls outside (ConsumerGroupCommand.checkOffsetsRange). */
export function clampOffset(
  facts: PartitionFacts,
  wanted: number,
  warnings: string[],
): { offset: number; clamped?: 'earliest' | 'latest' } {
  const end = requireEnd(facts);
  if (wanted > end) {
    warnings.push(`New offset (${wanted}) is higher than latest offset for topic partition ${name(facts)}. Value will be set to ${end}`);
    return { offset: end, clamped: 'latest' };
  }
  const start = facts.logStartOffset!;
  if (wanted < start) {
    warnings.push(`New offset (${wanted}) is lower than earliest offset for topic partition ${name(facts)}. Value will be set to ${start}`);
    return { offset: start, clamped: 'earliest' };
  }
  return { offset: wanted };
}

function target(
  mode: ResetMode,
  facts: PartitionFacts,
  warnings: string[],
  fileOffset?: number,
): { offset: number; clamped?: 'earliest' | 'latest' } {
  const end = requireEnd(facts);
  switch (mode.kind) {
    case 'earliest':
      return { offset: facts.logStartOffset! };
    case 'latest':
      return { offset: end };
    case 'current':
      // A partition the group never committed moves to the end, as the official tool does.
      return { offset: facts.committed ?? end };
    case 'offset':
      return clampOffset(facts, mode.offset, warnings);
    case 'shift':
      if (facts.committed === null) {
        throw new KafkaUserError(`cannot shift ${name(facts)}: the group has no committed offset there (use --to-offset or --to-earliest)`);
      }
      return clampOffset(facts, facts.committed + mode.by, warnings);
    case 'datetime':
    case 'duration':
      if (facts.offsetAtTime === undefined || facts.offsetAtTime < 0) {
        warnings.push(
          `Partition ${facts.partition} from topic ${facts.topic} has no record at or after that time. Falling back to latest known offset.`,
        );
        return { offset: end };
      }
      return { offset: facts.offsetAtTime };
    case 'file':
      return clampOffset(facts, fileOffset!, warnings);
  }
}

/** The plan's rows, sorted by topic and partition, with the lag before and after. */
export function planRows(mode: ResetMode, partitions: readonly PartitionFacts[]): { rows: ResetRow[]; warnings: string[] } {
  const warnings: string[] = [];
  const fileOffsets = new Map(mode.kind === 'file' ? mode.rows.map((r) => [`${r.topic}\0${r.partition}`, r.offset]) : []);
  const sorted = [...partitions].sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1));
  const rows = sorted.map((facts): ResetRow => {
    const { offset, clamped } = target(mode, facts, warnings, fileOffsets.get(`${facts.topic}\0${facts.partition}`));
    const end = facts.logEndOffset;
    return {
      topic: facts.topic,
      partition: facts.partition,
      oldOffset: facts.committed,
      newOffset: offset,
      logEndOffset: end,
      lagBefore: facts.committed === null || end === null ? null : end - facts.committed,
      lagAfter: end === null ? null : end - offset,
      ...(clamped ? { clamped } : {}),
    };
  });
  return { rows, warnings };
}
