// The kafka-consumer-groups.sh text rules, on hand-made groups: widths max(15, longest), '-' for
// what is missing, the state lines, the Java HashMap order of --list, and the --time-lag columns.
import { describe, expect, it } from 'vitest';
import {
  assignmentString,
  describeMembersText,
  describeOffsetsText,
  describeStateText,
  formatDuration,
  groupListText,
  javaHashMapOrder,
} from '../../../source/format/groups-text.js';
import { escapeControl } from '../../../source/format/escape.js';
import type { GroupDescription, GroupLag } from '../../../source/kafka/group-types.js';

const coordinator = { nodeId: 1, host: '127.0.0.1', port: 9092 };

function group(overrides: Partial<GroupDescription> = {}): GroupDescription {
  return { groupId: 'g', type: 'classic', state: 'Stable', coordinator, assignmentStrategy: 'range', members: [], ...overrides };
}

const stdout = (chunks: Array<{ to: string; text: string }>) =>
  chunks
    .filter((c) => c.to === 'stdout')
    .map((c) => c.text)
    .join('');
const stderr = (chunks: Array<{ to: string; text: string }>) =>
  chunks
    .filter((c) => c.to === 'stderr')
    .map((c) => c.text)
    .join('');

describe('javaHashMapOrder', () => {
  it('iterates as a java.util.HashMap<String, _> of the same keys (checked against the Java admin once)', () => {
    // Kafka 4.3.1's --list printed these five groups, listed by the broker as g-848, g-kcat, g-multi, g-classic, g-live, in this order.
    expect(javaHashMapOrder(['g-848', 'g-kcat', 'g-multi', 'g-classic', 'g-live'], (g) => g)).toEqual([
      'g-multi',
      'g-classic',
      'g-848',
      'g-live',
      'g-kcat',
    ]);
  });

  it('keeps insertion order within a bucket and grows the table past 12 entries', () => {
    // "Aa" and "BB" share Java hash 2112.
    expect(javaHashMapOrder(['BB', 'Aa'], (g) => g)).toEqual(['BB', 'Aa']);
    const many = Array.from({ length: 13 }, (_, i) => String.fromCharCode(97 + i)); // a..m: hashes 97..109
    // With 13 entries the table has 32 buckets: 'a' (97 & 31 = 1) ... in bucket order.
    const order = javaHashMapOrder(many, (g) => g);
    expect(order.map((c) => c.charCodeAt(0) & 31)).toEqual([...order.map((c) => c.charCodeAt(0) & 31)].sort((a, b) => a - b));
  });
});

describe('groupListText', () => {
  const listings = [
    { groupId: 'short', type: 'classic', state: 'Empty', protocolType: 'consumer' },
    { groupId: 'a-much-longer-group-name', type: 'consumer', state: 'Stable', protocolType: 'consumer' },
  ];

  it('prints names only without --state or --type', () => {
    expect(groupListText(listings, { type: false, state: false })).toBe(
      javaHashMapOrder(listings, (g) => g.groupId)
        .map((g) => `${g.groupId}\n`)
        .join(''),
    );
  });

  it('pads GROUP to the longest name + 10 and TYPE and STATE to 20, trailing spaces included', () => {
    const text = groupListText(listings, { type: true, state: true });
    const width = 'a-much-longer-group-name'.length + 10;
    expect(text.split('\n')[0]).toBe(`${'GROUP'.padEnd(width)} ${'TYPE'.padEnd(20)} ${'STATE'.padEnd(20)}`);
    expect(text).toContain(`${'short'.padEnd(width)} ${'Classic'.padEnd(20)} ${'Empty'.padEnd(20)}\n`);
    expect(text).toContain(`${'a-much-longer-group-name'.padEnd(width)} ${'Consumer'.padEnd(20)} ${'Stable'.padEnd(20)}\n`);
    expect(groupListText(listings.slice(0, 1), { type: false, state: true }).split('\n')[0]).toBe(
      `${'GROUP'.padEnd(25)} ${'STATE'.padEnd(20)}`,
    );
  });

  it('escapes control characters in names when asked (on a terminal)', () => {
    const odd = [{ groupId: 'x\x1b[31m', type: 'classic', state: 'Empty', protocolType: '' }];
    expect(groupListText(odd, { type: false, state: false }, { escape: escapeControl })).toBe('x\\x1b[31m\n');
  });
});

describe('describeOffsetsText', () => {
  const member = { memberId: 'consumer-1-0f0e', host: '/127.0.0.1', clientId: 'consumer-1' };
  const lag: GroupLag = {
    group: group({
      groupId: 'orders-app',
      members: [{ ...member, groupInstanceId: null, assignment: [{ topic: 'orders', partition: 0 }] }],
    }),
    partitions: [
      { topic: 'orders', partition: 0, committedOffset: 5, logEndOffset: 8, lag: 3, member },
      { topic: 'a-topic-with-a-long-name', partition: 1, committedOffset: null, logEndOffset: 4, lag: null, member },
      { topic: 'orders', partition: 2, committedOffset: 7, logEndOffset: null, lag: null, member: null },
    ],
  };

  it('prints the official columns, widths max(15, longest) and - for missing values', () => {
    const { chunks, failed } = describeOffsetsText([lag]);
    expect(failed).toBe(false);
    expect(stderr(chunks)).toBe('');
    const t = 'a-topic-with-a-long-name'.length;
    const row = (...c: string[]) =>
      `${c[0]!.padEnd(15)} ${c[1]!.padEnd(t)} ${c[2]!.padEnd(10)} ${c[3]!.padEnd(15)} ${c[4]!.padEnd(15)} ${c[5]!.padEnd(15)} ${c[6]!.padEnd(15)} ${c[7]!.padEnd(15)} ${c[8]}`;
    expect(stdout(chunks)).toBe(
      [
        '',
        row('GROUP', 'TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG', 'CONSUMER-ID', 'HOST', 'CLIENT-ID'),
        row('orders-app', 'orders', '0', '5', '8', '3', 'consumer-1-0f0e', '/127.0.0.1', 'consumer-1'),
        row('orders-app', 'a-topic-with-a-long-name', '1', '-', '4', '-', 'consumer-1-0f0e', '/127.0.0.1', 'consumer-1'),
        row('orders-app', 'orders', '2', '7', '-', '-', '-', '-', '-'),
        '',
      ].join('\n'),
    );
  });

  it('--verbose adds LEADER-EPOCH after PARTITION; --time-lag adds TIME-LAG, RATE and ETA after LAG', () => {
    const verbose = stdout(describeOffsetsText([lag], { verbose: true }).chunks).split('\n')[1]!;
    expect(verbose).toMatch(/^GROUP +TOPIC +PARTITION +LEADER-EPOCH +CURRENT-OFFSET /);
    const timed: GroupLag = {
      ...lag,
      partitions: [{ ...lag.partitions[0]!, timeLagMs: 125_000, consumeRate: 12.345, etaMs: 'never' }],
    };
    const lines = stdout(describeOffsetsText([timed], { timeLag: true }).chunks).split('\n');
    expect(lines[1]).toMatch(
      /^GROUP +TOPIC +PARTITION +CURRENT-OFFSET +LOG-END-OFFSET +LAG +TIME-LAG +RATE +ETA +CONSUMER-ID +HOST +CLIENT-ID$/,
    );
    expect(lines[2]!.split(/ +/)).toEqual([
      'orders-app',
      'orders',
      '0',
      '5',
      '8',
      '3',
      '2m05s',
      '12.3',
      'never',
      'consumer-1-0f0e',
      '/127.0.0.1',
      'consumer-1',
    ]);
  });

  it('state lines: no active members and rebalancing to stderr; a Dead group is an error and no table', () => {
    const empty = describeOffsetsText([{ ...lag, group: { ...lag.group, state: 'Empty' } }]);
    expect(stderr(empty.chunks)).toBe("\nConsumer group 'orders-app' has no active members.\n");
    expect(stdout(empty.chunks)).toContain('orders-app');
    const rebalancing = describeOffsetsText([{ ...lag, group: { ...lag.group, state: 'Reconciling' } }]);
    expect(stderr(rebalancing.chunks)).toBe("\nWarning: Consumer group 'orders-app' is rebalancing.\n");
    const dead = describeOffsetsText([{ group: group({ groupId: 'nope', state: 'Dead' }), partitions: [] }]);
    expect(dead).toEqual({ failed: true, chunks: [{ to: 'stderr', text: "Error: Consumer group 'nope' does not exist.\n" }] });
    const stableNoRows = describeOffsetsText([{ group: group(), partitions: [] }]);
    expect(stableNoRows).toEqual({ failed: false, chunks: [] });
  });

  it('prints groups in id order (Java String order: upper case before lower case)', () => {
    const named = (groupId: string): GroupLag => ({ ...lag, group: { ...lag.group, groupId } });
    const text = stdout(describeOffsetsText([named('b'), named('B'), named('a')]).chunks);
    const firstColumn = text
      .split('\n')
      .filter((l) => l && !l.startsWith('GROUP'))
      .map((l) => l.split(' ')[0]);
    expect([...new Set(firstColumn)]).toEqual(['B', 'a', 'b']);
  });
});

describe('describeMembersText and describeStateText', () => {
  const members = group({
    groupId: 'g848',
    type: 'consumer',
    assignmentStrategy: 'uniform',
    groupEpoch: 4,
    targetAssignmentEpoch: 4,
    members: [
      {
        memberId: 'SK6YBleXS9uFiSqaE5Qhlg',
        groupInstanceId: null,
        clientId: 'console-consumer',
        host: '/127.0.0.1',
        assignment: [
          { topic: 't2', partition: 10 },
          { topic: 't2', partition: 2 },
          { topic: 't1', partition: 0 },
        ],
        memberEpoch: 4,
        targetAssignment: [{ topic: 't2', partition: 2 }],
      },
    ],
  });

  it('assignmentString sorts partitions as numbers and topics as text', () => {
    expect(assignmentString(members.members[0]!.assignment)).toBe('t1:0;t2:2,10');
    expect(assignmentString([])).toBe('-');
  });

  it('--members: trailing space after #PARTITIONS; --verbose adds epochs and assignments', () => {
    const text = stdout(describeMembersText([members]).chunks);
    expect(text).toBe(
      `\n${'GROUP'.padEnd(15)} ${'CONSUMER-ID'.padEnd(22)} ${'HOST'.padEnd(15)} ${'CLIENT-ID'.padEnd(16)} ${'#PARTITIONS'.padEnd(15)} \n` +
        `${'g848'.padEnd(15)} SK6YBleXS9uFiSqaE5Qhlg ${'/127.0.0.1'.padEnd(15)} console-consumer ${'3'.padEnd(15)} \n`,
    );
    const verbose = stdout(describeMembersText([members], { verbose: true }).chunks).split('\n');
    expect(verbose[1]).toMatch(/#PARTITIONS +CURRENT-EPOCH +CURRENT-ASSIGNMENT +TARGET-EPOCH +TARGET-ASSIGNMENT {3}$/);
    expect(verbose[2]).toMatch(/ 3 +4 +t1:0;t2:2,10 +4 +t2:2 {16}$/);
  });

  it('--members of an Empty group: its state line, then the header at the minimum widths', () => {
    const { chunks } = describeMembersText([group({ groupId: 'a-rather-long-group-name', state: 'Empty' })]);
    expect(chunks).toEqual([
      { to: 'stderr', text: "\nConsumer group 'a-rather-long-group-name' has no active members.\n" },
      {
        to: 'stdout',
        text: `\n${'GROUP'.padEnd(15)} ${'CONSUMER-ID'.padEnd(15)} ${'HOST'.padEnd(15)} ${'CLIENT-ID'.padEnd(15)} ${'#PARTITIONS'.padEnd(15)} \n`,
      },
    ]);
  });

  it('--state: coordinator as host:port  (id), - for no assignor; --verbose adds the epochs', () => {
    const text = stdout(describeStateText([group({ groupId: 'idle', state: 'Empty', assignmentStrategy: '' })]).chunks);
    expect(text).toBe(
      `\n${'GROUP'.padEnd(15)} ${'COORDINATOR (ID)'.padEnd(25)} ${'ASSIGNMENT-STRATEGY'.padEnd(20)} ${'STATE'.padEnd(20)} #MEMBERS` +
        `\n${'idle'.padEnd(15)} ${'127.0.0.1:9092  (1)'.padEnd(25)} ${'-'.padEnd(20)} ${'Empty'.padEnd(20)} 0\n`,
    );
    const verbose = stdout(describeStateText([members], { verbose: true }).chunks).split('\n');
    expect(verbose[1]).toMatch(/STATE +GROUP-EPOCH +TARGET-ASSIGNMENT-EPOCH +#MEMBERS$/);
    expect(verbose[2]!.split(/ +/)).toEqual(['g848', '127.0.0.1:9092', '(1)', 'uniform', 'Stable', '4', '4', '1']);
  });
});

describe('formatDuration', () => {
  it('is short and exact enough to compare lags', () => {
    expect([0, 850, 42_000, 187_000, 5 * 3600_000 + 120_000, 2 * 86400_000 + 4 * 3600_000].map(formatDuration)).toEqual([
      '0s',
      '850ms',
      '42s',
      '3m07s',
      '5h02m',
      '2d04h',
    ]);
  });
});
