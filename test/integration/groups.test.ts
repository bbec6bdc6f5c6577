// `kafka-tui groups` against Kafka's own ConsumerGroupCommand, on groups made by real clients:
// kcat's balanced consumer (librdkafka), Kafka's ConsoleConsumer with the classic protocol and with
// group.protocol=consumer (KIP-848), a kafkajs consumer, and an Empty group left with lag.
import { spawn, type ChildProcess } from 'node:child_process';
import kafkajs from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, uniqueTopic } from '../helpers/cli.js';
import { createTopicAndWait } from '../helpers/create-topic.js';
import { kafkaClasspath, runJava } from '../helpers/java-tools.js';
import { SINGLE, bootstrapOf } from '../helpers/ports.js';

const bootstrap = bootstrapOf(SINGLE);
const b = ['-b', bootstrap];
const MESSAGES = 60;

interface JsonLag {
  group: { groupId: string; state: string; type: string; members: unknown[] };
  partitions: Array<{ topic: string; partition: number; committedOffset: number | null; logEndOffset: number | null; lag: number | null }>;
}

async function describeJson(groups: string[]): Promise<JsonLag[]> {
  const result = await runCli(['groups', 'describe', ...groups, '--json', ...b]);
  return JSON.parse(result.stdout) as JsonLag[];
}

/** Polls until every group is Stable with all `partitions` committed at the log end. */
async function untilCaughtUp(groups: string[], partitions: number, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: JsonLag[] = [];
  while (Date.now() < deadline) {
    last = await describeJson(groups);
    const done = last.every(
      (g) =>
        g.group.state === 'Stable' &&
        g.partitions.length === partitions &&
        g.partitions.every((p) => p.lag === 0 && p.committedOffset !== null),
    );
    if (done) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(
    `groups did not catch up: ${JSON.stringify(last.map((g) => [g.group.groupId, g.group.state, g.partitions.map((p) => p.lag)]))}`,
  );
}

describe('groups on groups made by real clients, next to ConsumerGroupCommand', () => {
  const topic = uniqueTopic('groups');
  const other = uniqueTopic('groups-other');
  const suffix = topic.slice('groups-'.length);
  const gKcat = `kcat-${suffix}`;
  const gClassic = `classic-${suffix}`;
  const g848 = `kip848-${suffix}`;
  const gKafkajs = `kafkajs-${suffix}`;
  const gEmpty = `empty-${suffix}`;
  const live = [gKcat, gClassic, g848, gKafkajs];
  const children: ChildProcess[] = [];
  const kafka = new kafkajs.Kafka({ brokers: [bootstrap], clientId: 'groups-test', logLevel: kafkajs.logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: gKafkajs });
  let classpath: string;

  const officialTool = async (args: string[]) => {
    const result = await runJava(classpath, 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand', [
      '--bootstrap-server',
      bootstrap,
      ...args,
    ]);
    expect(result.code, result.stderr).toBe(0);
    return result;
  };
  const javaConsumer = (group: string, extra: string[]) =>
    spawn(
      'java',
      [
        '-Dorg.apache.logging.log4j.level=OFF',
        '-cp',
        classpath,
        'org.apache.kafka.tools.consumer.ConsoleConsumer',
        '--bootstrap-server',
        bootstrap,
        '--topic',
        topic,
        '--group',
        group,
        '--from-beginning',
        ...extra,
      ],
      { stdio: 'ignore' },
    );

  beforeAll(async () => {
    classpath = await kafkaClasspath(SINGLE);
    await createTopicAndWait(topic, bootstrap, ['-p', '3']);
    await createTopicAndWait(other, bootstrap, ['-p', '2']);
    const lines = Array.from({ length: MESSAGES }, (_, i) => `k${i}\tv${i}`).join('\n');
    for (const t of [topic, other]) expect((await runCli(['produce', '-t', t, '--parse-key', ...b], { input: `${lines}\n` })).code).toBe(0);

    children.push(
      spawn('kcat', ['-b', bootstrap, '-G', gKcat, topic, '-q', '-o', 'beginning', '-X', 'auto.commit.interval.ms=500'], {
        stdio: 'ignore',
      }),
    );
    children.push(javaConsumer(gClassic, ['--consumer-property', 'auto.commit.interval.ms=500']));
    children.push(
      javaConsumer(g848, ['--consumer-property', 'group.protocol=consumer', '--consumer-property', 'auto.commit.interval.ms=500']),
    );
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ autoCommitInterval: 500, eachMessage: async () => {} });
    // An Empty group with commits on two topics and lag left on both.
    const empty = await runJava(classpath, 'org.apache.kafka.tools.consumer.ConsoleConsumer', [
      '--bootstrap-server',
      bootstrap,
      '--include',
      `${topic}|${other}`,
      '--group',
      gEmpty,
      '--from-beginning',
      '--max-messages',
      '25',
      '--timeout-ms',
      '60000',
    ]);
    expect(empty.code).toBe(0);
    await untilCaughtUp(live, 3);
  }, 180_000);

  afterAll(async () => {
    await consumer.disconnect().catch(() => {});
    for (const child of children) child.kill('SIGTERM');
  });

  it('describe: the same bytes as ConsumerGroupCommand --describe, stdout and stderr', async () => {
    const groups = [...live, gEmpty];
    const official = await officialTool(['--describe', ...groups.flatMap((g) => ['--group', g])]);
    const ours = await runCli(['groups', 'describe', ...groups, ...b]);
    expect(ours.code).toBe(0);
    expect(ours.stdout).toBe(official.stdout);
    expect(ours.stderr).toBe(official.stderr);
    // What the comparison covers: every kind of row is there.
    expect(ours.stdout).toContain(`${gEmpty.padEnd(15)} ${other}`);
    expect(ours.stderr).toContain(`Consumer group '${gEmpty}' has no active members.`);
    const kip848 = ours.stdout.split('\n').filter((l) => l.startsWith(`${g848} `));
    expect(kip848).toHaveLength(3); // one row per partition
  });

  for (const view of [['--members'], ['--members', '--verbose'], ['--state'], ['--state', '--verbose'], ['--verbose']]) {
    it(`describe ${view.join(' ')}: the same bytes as ConsumerGroupCommand`, async () => {
      const groups = [...live, gEmpty];
      const official = await officialTool(['--describe', ...groups.flatMap((g) => ['--group', g]), ...view]);
      const ours = await runCli(['groups', 'describe', ...groups, ...view, ...b]);
      expect(ours.code).toBe(0);
      expect(ours.stdout).toBe(official.stdout);
      expect(ours.stderr).toBe(official.stderr);
    });
  }

  it('the KIP-848 group is described through ConsumerGroupDescribe: type consumer, uniform assignor, epochs', async () => {
    const state = await runCli(['groups', 'describe', g848, '--state', '--json', ...b]);
    const [group] = JSON.parse(state.stdout);
    expect(group.type).toBe('consumer');
    expect(group.assignmentStrategy).toBe('uniform');
    expect(group.groupEpoch).toBeGreaterThan(0);
    expect(group.members).toHaveLength(1);
    expect(group.members[0].assignment).toHaveLength(3);
    const [kcatGroup] = JSON.parse((await runCli(['groups', 'describe', gKcat, '--state', '--json', ...b])).stdout);
    expect(kcatGroup.type).toBe('classic');
    expect(kcatGroup.members[0].clientId).toBe('rdkafka');
  });

  it('list: the same as --list, and --list --state --type, with the groups of every client', async () => {
    const plain = await runCli(['groups', ...b]);
    expect(plain.stdout).toBe((await officialTool(['--list'])).stdout);
    for (const g of [...live, gEmpty]) expect(plain.stdout.split('\n')).toContain(g);
    const columns = await runCli(['groups', 'list', '--state', '--type', ...b]);
    expect(columns.stdout).toBe((await officialTool(['--list', '--state', '--type'])).stdout);
    expect(columns.stdout).toMatch(new RegExp(`^${g848} +Consumer +Stable +$`, 'm'));
    const filtered = await runCli(['groups', 'list', '--state', 'empty', ...b]);
    expect(filtered.stdout).toBe((await officialTool(['--list', '--state', 'empty'])).stdout);
    expect(filtered.stdout).toMatch(new RegExp(`^${gEmpty} +Empty +$`, 'm'));
  });

  it('--time-lag: TIME-LAG from the record at the commit, RATE and ETA over the sample; default columns unchanged', async () => {
    const result = await runCli(['groups', 'describe', gEmpty, gKcat, '--time-lag', '--sample', '1s', ...b]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n').filter((l) => l !== '');
    expect(lines[0]).toMatch(
      /^GROUP +TOPIC +PARTITION +CURRENT-OFFSET +LOG-END-OFFSET +LAG +TIME-LAG +RATE +ETA +CONSUMER-ID +HOST +CLIENT-ID$/,
    );
    const json: JsonLag[] = JSON.parse(
      (await runCli(['groups', 'describe', gEmpty, '--time-lag', '--sample', '0', '--json', ...b])).stdout,
    );
    const rows = json[0]!.partitions as Array<JsonLag['partitions'][number] & { timeLagMs: number | null }>;
    const lagging = rows.filter((p) => (p.lag ?? 0) > 0);
    expect(lagging.length).toBeGreaterThan(0);
    // The records were written in this run, before the group read them: their age is under the suite's life.
    for (const p of lagging) expect(p.timeLagMs).toBeGreaterThan(0);
    for (const p of rows.filter((r) => r.lag === 0)) expect(p.timeLagMs).toBe(0);
    // Columns: GROUP TOPIC PARTITION CURRENT LOG-END LAG TIME-LAG RATE ETA CONSUMER-ID HOST CLIENT-ID.
    const rowsOf = (group: string) => lines.filter((l) => l.startsWith(`${group} `)).map((l) => l.split(/ +/));
    // The Empty group does not move: nothing committed in the window, and never caught up where it lags.
    for (const [, , , , , lag, timeLag, rate, eta] of rowsOf(gEmpty)) {
      expect(rate).toBe('0.0');
      if (lag === '0') expect([timeLag, eta]).toEqual(['0s', '0s']);
      else expect(eta).toBe('never');
    }
    // The kcat group is at the end: no lag, nothing to wait for.
    expect(rowsOf(gKcat)).toHaveLength(3);
    for (const [, , , , , lag, timeLag, , eta] of rowsOf(gKcat)) expect([lag, timeLag, eta]).toEqual(['0', '0s', '0s']);
  });

  it('an unknown group and a bad name: one line each, non-zero exit, the other groups still shown', async () => {
    const unknown = await runCli(['groups', 'describe', 'no-such-group', gKcat, ...b]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe("Error: Consumer group 'no-such-group' does not exist.\n");
    expect(unknown.stdout).toContain(gKcat);
    const empty = await runCli(['groups', 'describe', '', ...b]);
    expect(empty.code).toBe(1);
    expect(empty.stderr.trim().split('\n')).toHaveLength(1);
    expect(empty.stderr).toContain('group id is invalid');
    const odd = await runCli(['groups', 'describe', 'odd \x1b[31mname', ...b]);
    expect(odd.code).toBe(1);
    expect(odd.stderr.trim().split('\n')).toHaveLength(1);
    const state = await runCli(['groups', 'list', '--state', 'Sleeping', ...b]);
    expect(state.code).toBe(2);
    expect(state.stderr).toBe(
      "kafka-tui: Invalid state list 'Sleeping'. Valid states are: Dead, Assigning, PreparingRebalance, Stable, Empty, CompletingRebalance, Reconciling\n",
    );
  });

  it('groupsOfTopic (the describe pane): the groups with commits on a topic, with their lag', async () => {
    const { groupsOfTopic } = await import('../../source/kafka/groups.js');
    const { ConnectionManager } = await import('../../source/kafka/connection.js');
    const connection = new ConnectionManager({
      brokers: [bootstrap],
      clientId: 'groups-test',
      connectionTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
    });
    try {
      const onTopic = await groupsOfTopic(connection.cluster, other);
      const lags = await describeJson([gEmpty]);
      const expected = lags[0]!.partitions.filter((p) => p.topic === other).reduce((sum, p) => sum + (p.lag ?? 0), 0);
      expect(onTopic).toEqual([{ groupId: gEmpty, state: 'Empty', lag: expected }]);
    } finally {
      await connection.shutdown();
    }
  });
});
