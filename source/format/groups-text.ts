// `groups list` and `groups describe` text, byte for byte as kafka-consumer-groups.sh
// (org.apache.kafka.tools.consumer.group.ConsumerGroupCommand, Kafka 4.x) prints it, plus the
// --time-lag columns it lacks. Pure: the CLI and the groups pane share it.
import type { GroupDescription, GroupLag, GroupListing, GroupMember, PartitionLag, TopicPartitionRef } from '../kafka/group-types.js';

/** One piece of output, in order: the official tool writes its state lines to stderr between tables on stdout. */
export interface OutputChunk {
  to: 'stdout' | 'stderr';
  text: string;
}

export interface GroupsTextOptions {
  /** Applied to every name from the cluster before it is measured (escapeControl on a terminal). */
  escape?: (text: string) => string;
}

const MISSING = '-';
const pad = (text: string, width: number) => text.padEnd(width);
const orMissing = (value: number | null | undefined) => (value === null || value === undefined ? MISSING : String(value));
const widest = (minimum: number, values: Iterable<string>) => {
  let width = minimum;
  for (const v of values) width = Math.max(width, v.length);
  return width;
};
const identity = (text: string) => text;

/** Java's String.hashCode, over UTF-16 code units. */
function javaStringHash(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(31, hash) + text.charCodeAt(i)) | 0;
  return hash;
}

/**
 * The order a java.util.HashMap keyed by these strings iterates in: by bucket of the final table,
 * then insertion order. The Java admin collects listed groups in such a map, so `--list` prints them
 * in this order; we print the same.
 */
export function javaHashMapOrder<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  let capacity = 16;
  while (items.length > capacity * 0.75) capacity *= 2;
  const bucketOf = (item: T) => {
    const h = javaStringHash(keyOf(item));
    return (h ^ (h >>> 16)) & (capacity - 1);
  };
  return items
    .map((item, index) => ({ item, index, bucket: bucketOf(item) }))
    .sort((a, b) => a.bucket - b.bucket || a.index - b.index)
    .map((x) => x.item);
}

/** GroupType.toString(): 'Classic', 'Consumer'. */
const typeName = (type: string) => (type ? type[0]!.toUpperCase() + type.slice(1) : 'Unknown');

/** `--list`: names only; with --type and/or --state, the GROUP column (max(15, longest) + 10) and 20-wide TYPE and STATE. */
export function groupListText(
  groups: readonly GroupListing[],
  columns: { type: boolean; state: boolean },
  options: GroupsTextOptions = {},
): string {
  const escape = options.escape ?? identity;
  const ordered = javaHashMapOrder(groups, (g) => g.groupId);
  if (!columns.type && !columns.state) return ordered.map((g) => `${escape(g.groupId)}\n`).join('');
  const width =
    widest(
      15,
      ordered.map((g) => escape(g.groupId)),
    ) + 10;
  const line = (id: string, type: string, state: string) =>
    `${pad(id, width)}${columns.type ? ` ${pad(type, 20)}` : ''}${columns.state ? ` ${pad(state, 20)}` : ''}\n`;
  return line('GROUP', 'TYPE', 'STATE') + ordered.map((g) => line(escape(g.groupId), typeName(g.type), g.state)).join('');
}

const REBALANCING = new Set(['PreparingRebalance', 'CompletingRebalance', 'Assigning', 'Reconciling']);

/**
 * ConsumerGroupCommand's shouldPrintMemberState: the state line for a group (to stderr, or an
 * error), and whether its table follows. 'Dead' is an unknown group.
 */
function stateLines(
  group: GroupDescription,
  rows: number,
  escape: (text: string) => string,
): { chunks: OutputChunk[]; print: boolean; failed: boolean } {
  const id = escape(group.groupId);
  if (group.coordinator === null) {
    return {
      chunks: [{ to: 'stderr', text: `Error: Consumer group '${id}': its coordinator is not available.\n` }],
      print: false,
      failed: true,
    };
  }
  if (group.state === 'Dead') {
    return { chunks: [{ to: 'stderr', text: `Error: Consumer group '${id}' does not exist.\n` }], print: false, failed: true };
  }
  const chunks: OutputChunk[] = [];
  if (group.state === 'Empty') chunks.push({ to: 'stderr', text: `\nConsumer group '${id}' has no active members.\n` });
  else if (REBALANCING.has(group.state)) chunks.push({ to: 'stderr', text: `\nWarning: Consumer group '${id}' is rebalancing.\n` });
  else if (group.state !== 'Stable') {
    return {
      chunks: [{ to: 'stderr', text: `Error: Consumer group '${id}' is in an unexpected state '${group.state}'.\n` }],
      print: false,
      failed: true,
    };
  }
  return { chunks, print: rows > 0, failed: false };
}

export interface DescribeOutput {
  chunks: OutputChunk[];
  /** Some group does not exist or could not be described: the command exits non-zero. */
  failed: boolean;
}

const sortedById = <T extends { groupId: string }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));

/** A short duration: 0s, 850ms, 42s, 3m07s, 5h02m, 2d04h. */
export function formatDuration(ms: number): string {
  if (ms <= 0) return '0s';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const two = (n: number) => String(n).padStart(2, '0');
  if (s < 3600) return `${Math.floor(s / 60)}m${two(s % 60)}s`;
  if (s < 86400) return `${Math.floor(s / 3600)}h${two(Math.floor((s % 3600) / 60))}m`;
  return `${Math.floor(s / 86400)}d${two(Math.floor((s % 86400) / 3600))}h`;
}

/** Messages per second, one decimal below 100. */
export const formatRate = (rate: number): string => (rate >= 100 ? String(Math.round(rate)) : rate.toFixed(1));

export const formatEta = (eta: PartitionLag['etaMs']): string =>
  eta === 'never' ? 'never' : eta === null || eta === undefined ? MISSING : formatDuration(eta);

export interface DescribeOffsetsOptions extends GroupsTextOptions {
  /** --verbose: LEADER-EPOCH after PARTITION. */
  verbose?: boolean;
  /** --time-lag: TIME-LAG, RATE and ETA after LAG. */
  timeLag?: boolean;
}

/** `--describe` (offsets): one table per group, groups by id. */
export function describeOffsetsText(lags: readonly GroupLag[], options: DescribeOffsetsOptions = {}): DescribeOutput {
  const escape = options.escape ?? identity;
  const chunks: OutputChunk[] = [];
  let failed = false;
  for (const { group, partitions } of sortedById(lags.map((l) => ({ ...l, groupId: l.group.groupId })))) {
    const state = stateLines(group, partitions.length, escape);
    chunks.push(...state.chunks);
    failed ||= state.failed;
    if (!state.print) continue;
    const rows = partitions.map((p) => ({
      p,
      topic: escape(p.topic),
      consumerId: p.member ? escape(p.member.memberId) : MISSING,
      host: p.member ? escape(p.member.host) : MISSING,
      clientId: p.member ? escape(p.member.clientId) : MISSING,
    }));
    const id = escape(group.groupId);
    const wGroup = widest(15, [id]);
    const wTopic = widest(
      15,
      rows.map((r) => r.topic),
    );
    const wConsumer = widest(
      15,
      rows.map((r) => r.consumerId),
    );
    const wHost = widest(
      15,
      rows.map((r) => r.host),
    );
    interface Cells {
      group: string;
      topic: string;
      partition: string;
      epoch: string;
      current: string;
      end: string;
      lag: string;
      time: [string, string, string];
      consumer: string;
      host: string;
      client: string;
    }
    const line = (c: Cells) =>
      `\n${pad(c.group, wGroup)} ${pad(c.topic, wTopic)} ${pad(c.partition, 10)} ` +
      (options.verbose ? `${pad(c.epoch, 15)} ` : '') +
      `${pad(c.current, 15)} ${pad(c.end, 15)} ${pad(c.lag, 15)} ` +
      (options.timeLag ? `${pad(c.time[0], 15)} ${pad(c.time[1], 10)} ${pad(c.time[2], 10)} ` : '') +
      `${pad(c.consumer, wConsumer)} ${pad(c.host, wHost)} ${c.client}`;
    const header: Cells = {
      group: 'GROUP',
      topic: 'TOPIC',
      partition: 'PARTITION',
      epoch: 'LEADER-EPOCH',
      current: 'CURRENT-OFFSET',
      end: 'LOG-END-OFFSET',
      lag: 'LAG',
      time: ['TIME-LAG', 'RATE', 'ETA'],
      consumer: 'CONSUMER-ID',
      host: 'HOST',
      client: 'CLIENT-ID',
    };
    let text = line(header);
    for (const r of rows) {
      text += line({
        group: id,
        topic: r.topic,
        partition: String(r.p.partition),
        epoch: orMissing(r.p.committedLeaderEpoch),
        current: orMissing(r.p.committedOffset),
        end: orMissing(r.p.logEndOffset),
        lag: orMissing(r.p.lag),
        time: [
          r.p.timeLagMs === null || r.p.timeLagMs === undefined ? MISSING : formatDuration(r.p.timeLagMs),
          r.p.consumeRate === null || r.p.consumeRate === undefined ? MISSING : formatRate(r.p.consumeRate),
          formatEta(r.p.etaMs),
        ],
        consumer: r.consumerId,
        host: r.host,
        client: r.clientId,
      });
    }
    chunks.push({ to: 'stdout', text: `${text}\n` });
  }
  return { chunks, failed };
}

/** "topic:0,1,2;other:3": partitions by number, topics by name, as ConsumerGroupCommand's getAssignmentString. */
export function assignmentString(assignment: readonly TopicPartitionRef[]): string {
  if (assignment.length === 0) return MISSING;
  const byTopic = new Map<string, number[]>();
  for (const { topic, partition } of assignment) {
    let partitions = byTopic.get(topic);
    if (!partitions) byTopic.set(topic, (partitions = []));
    partitions.push(partition);
  }
  return [...byTopic]
    .map(([topic, partitions]) => `${topic}:${[...partitions].sort((a, b) => a - b).join(',')}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .join(';');
}

/** `--describe --members` (and --verbose): one table per group, members in the broker's order. */
export function describeMembersText(groups: readonly GroupDescription[], options: DescribeOffsetsOptions = {}): DescribeOutput {
  const escape = options.escape ?? identity;
  const chunks: OutputChunk[] = [];
  let failed = false;
  for (const group of sortedById(groups)) {
    const state = stateLines(group, group.members.length, escape);
    chunks.push(...state.chunks);
    failed ||= state.failed;
    if (state.failed) continue;
    const id = escape(group.groupId);
    const members = group.members.map((m: GroupMember) => ({
      consumerId: escape(m.memberId),
      instanceId: m.groupInstanceId === null ? '' : escape(m.groupInstanceId),
      host: escape(m.host),
      clientId: escape(m.clientId),
      partitions: String(m.assignment.length),
      currentEpoch: orMissing(m.memberEpoch),
      current: escape(assignmentString(m.assignment)),
      targetEpoch: orMissing(group.targetAssignmentEpoch),
      target: escape(assignmentString(m.targetAssignment ?? [])),
      upgraded: m.upgraded === null || m.upgraded === undefined ? MISSING : String(m.upgraded),
      hasUpgraded: m.upgraded,
    }));
    // The official tool measures only when it prints the group's state as printable; an Empty group keeps the minimum widths.
    const measured = state.print ? members : [];
    const wGroup = widest(15, measured.length > 0 ? [id] : []);
    const wConsumer = widest(
      15,
      measured.map((m) => m.consumerId),
    );
    const wInstance = widest(
      17,
      measured.map((m) => m.instanceId),
    );
    const wHost = widest(
      15,
      measured.map((m) => m.host),
    );
    const wClient = widest(
      15,
      measured.map((m) => m.clientId),
    );
    const wCurrent = widest(
      20,
      measured.map((m) => m.current),
    );
    const wTarget = widest(
      20,
      measured.map((m) => m.target),
    );
    const withInstance = measured.some((m) => m.instanceId !== '');
    const migrating = measured.some((m) => m.hasUpgraded === false) && measured.some((m) => m.hasUpgraded === true);
    const base = (group: string, consumer: string, instance: string, host: string, client: string, partitions: string) =>
      `${pad(group, wGroup)} ${pad(consumer, wConsumer)} ${withInstance ? `${pad(instance, wInstance)} ` : ''}${pad(host, wHost)} ${pad(client, wClient)} ${pad(partitions, 15)} `;
    const verbose = (currentEpoch: string, current: string, targetEpoch: string, target: string, upgraded: string) =>
      options.verbose
        ? `${pad(currentEpoch, 15)} ${pad(current, wCurrent)} ${pad(targetEpoch, 15)} ${pad(target, wTarget)}${migrating ? ` ${upgraded}` : ''}`
        : '';
    let text = `\n${base('GROUP', 'CONSUMER-ID', 'GROUP-INSTANCE-ID', 'HOST', 'CLIENT-ID', '#PARTITIONS')}${verbose('CURRENT-EPOCH', 'CURRENT-ASSIGNMENT', 'TARGET-EPOCH', 'TARGET-ASSIGNMENT', 'UPGRADED')}\n`;
    for (const m of members) {
      text += `${base(id, m.consumerId, m.instanceId, m.host, m.clientId, m.partitions)}${verbose(m.currentEpoch, m.current, m.targetEpoch, m.target, m.upgraded)}\n`;
    }
    chunks.push({ to: 'stdout', text });
  }
  return { chunks, failed };
}

/** `--describe --state` (and --verbose): coordinator, assignor, state and member count per group. */
export function describeStateText(groups: readonly GroupDescription[], options: DescribeOffsetsOptions = {}): DescribeOutput {
  const escape = options.escape ?? identity;
  const chunks: OutputChunk[] = [];
  let failed = false;
  for (const group of sortedById(groups)) {
    const state = stateLines(group, 1, escape);
    chunks.push(...state.chunks);
    failed ||= state.failed;
    if (!state.print) continue;
    const id = escape(group.groupId);
    const { host, port, nodeId } = group.coordinator!;
    const coordinator = `${host}:${port}  (${nodeId})`;
    const wGroup = widest(15, [id]);
    const wCoordinator = widest(25, [coordinator]);
    const strategy = group.assignmentStrategy ? escape(group.assignmentStrategy) : MISSING;
    const line = (cells: string[]) =>
      `\n${pad(cells[0]!, wGroup)} ${pad(cells[1]!, wCoordinator)} ${pad(cells[2]!, 20)} ${pad(cells[3]!, 20)} ` +
      (options.verbose ? `${pad(cells[4]!, 15)} ${pad(cells[5]!, 25)} ` : '') +
      cells[6]!;
    const text =
      line(['GROUP', 'COORDINATOR (ID)', 'ASSIGNMENT-STRATEGY', 'STATE', 'GROUP-EPOCH', 'TARGET-ASSIGNMENT-EPOCH', '#MEMBERS']) +
      line([
        id,
        coordinator,
        strategy,
        group.state,
        orMissing(group.groupEpoch),
        orMissing(group.targetAssignmentEpoch),
        String(group.members.length),
      ]);
    chunks.push({ to: 'stdout', text: `${text}\n` });
  }
  return { chunks, failed };
}
