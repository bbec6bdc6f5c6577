// groups reset-offsets / delete / delete-offsets against Kafka's own ConsumerGroupCommand on the
// same groups: a classic group made by kcat's balanced consumer and a KIP-848 ('consumer'
// protocol) group made by Kafka's ConsoleConsumer. Every executed reset is checked by resuming
// a real consumer of that group and seeing where it starts.
import { execFile, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, uniqueTopic } from '../helpers/cli.js';
import { createTopicAndWait } from '../helpers/create-topic.js';
import { runOnPty } from '../helpers/pty.js';
import { kafkaClasspath, runJava } from '../helpers/java-tools.js';
import { SINGLE, bootstrapOf } from '../helpers/ports.js';

const exec = promisify(execFile);
const bootstrap = bootstrapOf(SINGLE);
const b = ['-b', bootstrap];
const CGC = 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand';
// Partition sizes differ so that one offset is inside some logs and past the end of others.
const SIZES = [12, 6, 9];
const TOTAL = SIZES.reduce((a, n) => a + n, 0);

let classpath: string;
let topic: string;
/** A time between the first and the second half of every partition's records. */
let middle: number;

const official = async (args: string[]) => {
  const result = await runJava(classpath, CGC, ['--bootstrap-server', bootstrap, ...args]);
  expect(result.code, result.stderr + result.stdout).toBe(0);
  return result.stdout;
};

/** "group topic partition offset" of each row of a GROUP TOPIC PARTITION NEW-OFFSET table, sorted. */
const resetRows = (table: string) =>
  table
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('GROUP '))
    .map((line) => line.trim().split(/\s+/).slice(0, 4).join(' '))
    .sort();

async function produce(partition: number, from: number, count: number): Promise<void> {
  const lines = Array.from({ length: count }, (_, i) => `p${partition}-${from + i}`).join('\n');
  await exec('sh', ['-c', `printf '%s\\n' "$1" | kcat -b ${bootstrap} -P -t ${topic} -p ${partition}`, 'sh', lines]);
}

/** A classic group: kcat's balanced consumer reads `count` records (from the start) and commits on close. */
async function kcatGroup(group: string, count: number, from = 'earliest'): Promise<Array<[number, number]>> {
  const { stdout } = await exec(
    'kcat',
    ['-b', bootstrap, '-G', group, '-X', `auto.offset.reset=${from}`, '-c', String(count), '-q', '-f', '%p %o\\n', topic],
    { timeout: 60_000 },
  );
  return stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' ').map(Number) as [number, number]);
}

/** A KIP-848 group: Kafka's ConsoleConsumer with group.protocol=consumer, which commits on close. */
async function consumerProtocolGroup(group: string, count: number, extra: string[] = []): Promise<Array<[number, number]>> {
  const result = await runJava(classpath, 'org.apache.kafka.tools.consumer.ConsoleConsumer', [
    ...['--bootstrap-server', bootstrap, '--topic', topic, '--group', group, '--command-property', 'group.protocol=consumer'],
    ...['--max-messages', String(count), '--timeout-ms', '30000', ...extra],
    ...[
      '--formatter-property',
      'print.partition=true',
      '--formatter-property',
      'print.offset=true',
      '--formatter-property',
      'print.value=false',
    ],
  ]);
  expect(result.code, result.stderr).toBe(0);
  return [...result.stdout.matchAll(/Partition:(\d+)\tOffset:(\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** Where each partition's records start, for the records a resumed consumer read. */
const firstOffsets = (records: Array<[number, number]>) => {
  const first = new Map<number, number>();
  for (const [p, o] of records) if (!first.has(p) || o < first.get(p)!) first.set(p, o);
  return Object.fromEntries([...first].sort(([a], [b]) => a - b));
};

/** CURRENT-OFFSET per partition of `topic`, from the official --describe. */
async function officialCommitted(group: string): Promise<Record<number, string>> {
  const text = await official(['--describe', '--group', group]);
  const rows = text.split('\n').filter((line) => line.startsWith(`${group} `) && line.includes(` ${topic} `));
  return Object.fromEntries(rows.map((line) => line.trim().split(/\s+/)).map((f) => [Number(f[2]), f[3]!]));
}

beforeAll(async () => {
  classpath = await kafkaClasspath(SINGLE);
  topic = uniqueTopic('reset');
  await createTopicAndWait(topic, bootstrap, ['-p', '3']);
  const half = (n: number) => Math.floor(n / 2);
  for (const [p, size] of SIZES.entries()) await produce(p, 0, half(size));
  await new Promise((r) => setTimeout(r, 1_100));
  middle = Date.now();
  await new Promise((r) => setTimeout(r, 1_100));
  for (const [p, size] of SIZES.entries()) await produce(p, half(size), size - half(size));
}, 120_000);

const MODES: string[][] = [
  ['--to-earliest'],
  ['--to-latest'],
  ['--to-current'],
  ['--to-offset', '7'],
  ['--shift-by', '-2'],
  ['--shift-by', '+100'],
  ['--by-duration', 'PT1H'],
];

describe('reset-offsets dry run, beside ConsumerGroupCommand', () => {
  let classic: string;
  let kip848: string;
  beforeAll(async () => {
    classic = `reset-classic-${process.pid}`;
    kip848 = `reset-kip848-${process.pid}`;
    // Both read everything, so that every partition has a commit to shift from.
    await kcatGroup(classic, TOTAL);
    await consumerProtocolGroup(kip848, TOTAL, ['--from-beginning']);
  }, 120_000);

  it('every mode gives the new offsets the official tool gives, for a classic and a KIP-848 group', async () => {
    const datetime = new Date(middle).toISOString().replace('Z', '');
    for (const mode of [...MODES, ['--to-datetime', datetime]]) {
      const args = ['--reset-offsets', '--group', classic, '--group', kip848, '--topic', topic, ...mode];
      const theirs = await official([...args, '--dry-run']);
      const ours = await runCli(['groups', 'reset-offsets', ...args.slice(1), ...b]);
      expect(ours.code, ours.stderr).toBe(0);
      expect(resetRows(ours.stdout), mode.join(' ')).toEqual(resetRows(theirs));
      expect(ours.stderr).toContain('dry run, nothing changed');
    }
  }, 240_000);

  it('shows the old offset and the lag change, and warns where it clamps', async () => {
    const ours = await runCli(['groups', 'reset-offsets', '--group', classic, '--topic', `${topic}:1`, '--to-offset', '100', ...b]);
    expect(ours.code, ours.stderr).toBe(0);
    const committed = await officialCommitted(classic);
    const [header, row] = ours.stdout.split('\n').filter(Boolean);
    expect(header!.trim().split(/\s+/)).toEqual(['GROUP', 'TOPIC', 'PARTITION', 'NEW-OFFSET', 'OLD-OFFSET', 'LAG']);
    const old = committed[1] === '-' || committed[1] === undefined ? '-' : committed[1];
    const lagBefore = old === '-' ? '-' : String(SIZES[1]! - Number(old));
    expect(row!.trim().split(/\s+/)).toEqual([classic, topic, '1', String(SIZES[1]), old, lagBefore, '->', '0']);
    expect(ours.stderr).toContain(
      `warning: New offset (100) is higher than latest offset for topic partition ${topic}-1. Value will be set to ${SIZES[1]}`,
    );
  });

  it('--export prints the CSV the official tool prints, for one group and for several', async () => {
    for (const groups of [[classic], [classic, kip848]]) {
      const args = ['--reset-offsets', ...groups.flatMap((g) => ['--group', g]), '--topic', topic, '--to-offset', '5', '--export'];
      const theirs = await official([...args, '--dry-run']);
      const ours = await runCli(['groups', 'reset-offsets', ...args.slice(1), ...b]);
      expect(ours.code, ours.stderr).toBe(0);
      const lines = (text: string) => text.split('\n').filter(Boolean).sort();
      expect(lines(ours.stdout)).toEqual(lines(theirs));
      expect(ours.stdout.endsWith('\n\n')).toBe(true);
    }
  }, 60_000);

  it('--from-file reads a plan (clamping it) as the official tool does', async () => {
    const file = join(tmpdir(), `reset-plan-${process.pid}.csv`);
    writeFileSync(file, `${topic},0,3\n${topic},1,50\n${topic},2,0\n`);
    const args = ['--reset-offsets', '--group', classic, '--from-file', file];
    const theirs = await official([...args, '--dry-run']);
    const ours = await runCli(['groups', 'reset-offsets', ...args.slice(1), ...b]);
    expect(ours.code, ours.stderr).toBe(0);
    expect(resetRows(ours.stdout)).toEqual(resetRows(theirs));
    expect(resetRows(ours.stdout)).toEqual([`${classic} ${topic} 0 3`, `${classic} ${topic} 1 ${SIZES[1]}`, `${classic} ${topic} 2 0`]);
  }, 60_000);
});

describe('reset-offsets --execute', () => {
  it('moves a classic group: kcat resumes where the reset put it, and the official tool agrees', async () => {
    const group = `exec-classic-${process.pid}`;
    await kcatGroup(group, TOTAL);
    const ours = await runCli(['groups', 'reset-offsets', '--group', group, '--all-topics', '--to-offset', '7', '--execute', ...b]);
    expect(ours.code, ours.stderr).toBe(0);
    expect(ours.stderr).not.toContain('dry run');
    expect(await officialCommitted(group)).toEqual({ 0: '7', 1: '6', 2: '7' });
    // Partition 1 holds 6 records, so it was clamped to its end and has nothing to read.
    const resumed = await kcatGroup(group, SIZES[0]! - 7 + SIZES[2]! - 7);
    expect(firstOffsets(resumed)).toEqual({ 0: 7, 2: 7 });
  }, 120_000);

  it('moves a KIP-848 group when it is Empty: ConsoleConsumer resumes there', async () => {
    const group = `exec-kip848-${process.pid}`;
    await consumerProtocolGroup(group, TOTAL, ['--from-beginning']);
    const state = await official(['--describe', '--group', group, '--state']);
    expect(state).toMatch(/uniform\s+Empty/);
    const ours = await runCli([
      'groups',
      'reset-offsets',
      '--group',
      group,
      '--topic',
      `${topic}:0,2`,
      '--shift-by',
      '-4',
      '--execute',
      ...b,
    ]);
    expect(ours.code, ours.stderr).toBe(0);
    expect(resetRows(ours.stdout)).toEqual([`${group} ${topic} 0 ${SIZES[0]! - 4}`, `${group} ${topic} 2 ${SIZES[2]! - 4}`]);
    const resumed = await consumerProtocolGroup(group, 8);
    expect(firstOffsets(resumed)).toEqual({ 0: SIZES[0]! - 4, 2: SIZES[2]! - 4 });
  }, 120_000);

  it('--to-datetime: the group resumes at the first record after that time', async () => {
    const group = `exec-datetime-${process.pid}`;
    const iso = new Date(middle).toISOString(); // with its Z
    const ours = await runCli(['groups', 'reset-offsets', '--group', group, '--topic', topic, '--to-datetime', iso, '--execute', ...b]);
    expect(ours.code, ours.stderr).toBe(0);
    const resumed = await kcatGroup(
      group,
      SIZES.reduce((a, n) => a + n - Math.floor(n / 2), 0),
    );
    expect(firstOffsets(resumed)).toEqual({ 0: 6, 1: 3, 2: 4 });
  }, 120_000);

  it('refuses a group with an active member, naming its state and the member', async () => {
    const group = `active-${process.pid}`;
    const consumer = spawn('kcat', ['-b', bootstrap, '-G', group, '-X', 'auto.offset.reset=earliest', '-q', topic], { stdio: 'ignore' });
    try {
      await expect
        .poll(async () => (await official(['--describe', '--group', group, '--state'])).includes('Stable'), {
          timeout: 30_000,
          interval: 1_000,
        })
        .toBe(true);
      for (const extra of [[], ['--execute']]) {
        const ours = await runCli(['groups', 'reset-offsets', '--group', group, '--topic', topic, '--to-earliest', ...extra, ...b]);
        expect(ours.code).toBe(1);
        expect(ours.stderr.trim().split('\n')).toHaveLength(1);
        expect(ours.stderr).toMatch(
          new RegExp(
            `cannot reset offsets of group '${group}': it is Stable with 1 member: rdkafka-\\S+ \\(rdkafka@/127\\.0\\.0\\.1\\); stop its consumers first`,
          ),
        );
      }
    } finally {
      consumer.kill('SIGTERM');
    }
  }, 90_000);
});

describe('delete and delete-offsets', () => {
  it('delete-offsets drops one partition of a group, delete drops the group; the official tool sees both', async () => {
    const group = `delete-${process.pid}`;
    await kcatGroup(group, TOTAL);
    const dropped = await runCli(['groups', 'delete-offsets', group, '--topic', `${topic}:1`, '--yes', ...b]);
    expect(dropped.code, dropped.stderr).toBe(0);
    expect(dropped.stdout).toContain(`Request succeed for deleting offsets with topic ${topic} group ${group}`);
    expect(dropped.stdout).toMatch(new RegExp(`${topic}\\s+1\\s+Successful`));
    expect(Object.keys(await officialCommitted(group))).toEqual(['0', '2']);

    const deleted = await runCli(['groups', 'delete', group, '--yes', ...b]);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stdout).toBe(`Deletion of requested consumer groups ('${group}') was successful.\n`);
    expect((await official(['--list'])).split('\n')).not.toContain(group);

    const again = await runCli(['groups', 'delete', group, '--yes', ...b]);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`kafka-tui: group '${group}' could not be deleted: unknown group\n`);
  }, 120_000);

  it('on a terminal, deletes only when the typed name matches', async () => {
    const group = `typed-${process.pid}`;
    await kcatGroup(group, 3);
    const wrong = await runOnPty(['groups', 'delete', group, ...b], 'something-else\r');
    expect(wrong.screen).toContain(`Delete consumer group '${group}' and its committed offsets? Type its name to confirm:`);
    expect(wrong.screen).toContain('kafka-tui: not deleted');
    expect(wrong.code).toBe(1);
    expect((await official(['--list'])).split('\n')).toContain(group);
    const right = await runOnPty(['groups', 'delete', group, ...b], `${group}\r`);
    expect(right.code).toBe(0);
    expect(right.screen).toContain(`Deletion of requested consumer groups ('${group}') was successful.`);
    expect((await official(['--list'])).split('\n')).not.toContain(group);
  }, 150_000);

  it('without a terminal and without --yes, refuses in one line and deletes nothing', async () => {
    const group = `keep-${process.pid}`;
    await kcatGroup(group, 3);
    for (const args of [
      ['delete', group],
      ['delete-offsets', group, '--topic', topic],
    ]) {
      const result = await runCli(['groups', ...args, ...b]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^kafka-tui: refusing to delete .* without --yes when not on a terminal\n$/);
    }
    expect((await official(['--list'])).split('\n')).toContain(group);
  }, 60_000);
});

describe('refusals and bad input, one line each', () => {
  const cases: Array<[string, string[], RegExp]> = [
    [
      'read-only execute',
      ['reset-offsets', '--group', 'g', '--all-topics', '--to-earliest', '--execute', '--read-only'],
      /^kafka-tui: refused: reset offsets of group g \(--read-only is set\)$/,
    ],
    ['read-only delete', ['delete', 'g', '--yes', '--read-only'], /^kafka-tui: refused: delete group g \(--read-only is set\)$/],
    [
      'read-only delete-offsets',
      ['delete-offsets', 'g', '--topic', 't', '--yes', '--read-only'],
      /^kafka-tui: refused: delete offsets of group g for topic t \(--read-only is set\)$/,
    ],
    [
      'no scope',
      ['reset-offsets', '--group', 'g', '--to-offset', '5'],
      /^kafka-tui: a reset needs a scope: --topic T \(or T:0,1,2\) or --all-topics$/,
    ],
    [
      'two modes',
      ['reset-offsets', '--group', 'g', '--all-topics', '--to-earliest', '--to-latest'],
      /^kafka-tui: choose one mode, not --to-earliest and --to-latest$/,
    ],
    [
      'bad datetime',
      ['reset-offsets', '--group', 'g', '--all-topics', '--to-datetime', '2024-02-30T00:00:00.000'],
      /^kafka-tui: invalid datetime '2024-02-30T00:00:00.000': no such date or time$/,
    ],
    [
      'bad duration',
      ['reset-offsets', '--group', 'g', '--all-topics', '--by-duration', '1h'],
      /^kafka-tui: invalid duration '1h': expected PnDTnHnMnS/,
    ],
    [
      'bad CSV',
      ['reset-offsets', '--group', 'g', '--from-file', 'BADCSV'],
      /^kafka-tui: --from-file .*: line 2: the offset must be a whole number \(got 'x'\)$/,
    ],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const file = join(tmpdir(), `bad-plan-${process.pid}.csv`);
      writeFileSync(file, 'orders,0,1\norders,1,x\n');
      const result = await runCli(['groups', ...args.map((a) => (a === 'BADCSV' ? file : a)), ...b]);
      expect(result.code).not.toBe(0);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr.trim()).toMatch(message);
    });
  }

  it('an unknown group with nothing to reset, and an unknown topic', async () => {
    const unknown = await runCli(['groups', 'reset-offsets', '--group', `nobody-${process.pid}`, '--all-topics', '--to-earliest', ...b]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(`kafka-tui: group 'nobody-${process.pid}' has no committed offsets to reset (unknown group?)\n`);
    const noTopic = await runCli(['groups', 'reset-offsets', '--group', 'g', '--topic', 'no-such-topic-here', '--to-earliest', ...b]);
    expect(noTopic.code).toBe(1);
    expect(noTopic.stderr).toBe('kafka-tui: unknown topic: no-such-topic-here\n');
  });
});
