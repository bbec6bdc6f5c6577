// topics list/create/describe/alter/delete against a real 1-node broker.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli, uniqueTopic } from '../helpers/cli.js';
import { kafkaClasspath, runJava } from '../helpers/java-tools.js';
import { SINGLE, bootstrapOf } from '../helpers/ports.js';

const b = ['-b', bootstrapOf(SINGLE)];
const exec = promisify(execFile);

describe('topics on one broker', () => {
  const topic = uniqueTopic('orders');

  it('creates a topic with configs and lists it', async () => {
    const created = await runCli([
      'topics',
      'create',
      topic,
      '--partitions',
      '3',
      '--replication-factor',
      '1',
      '--config',
      'retention.ms=86400000',
      ...b,
    ]);
    expect(created.stderr).toContain(`Created topic ${topic}`);
    expect(created.code).toBe(0);
    const listed = await runCli(['topics', ...b]);
    expect(listed.code).toBe(0);
    expect(listed.stdout.split('\n')).toContain(topic);
    expect(listed.stdout).not.toContain('__consumer_offsets');
  });

  it('lists internal topics only when asked', async () => {
    // kcat's balanced consumer joins a group, so the broker creates __consumer_offsets.
    await exec('kcat', ['-b', bootstrapOf(SINGLE), '-G', uniqueTopic('internal-g'), '-e', '-q', topic], { timeout: 30_000 });
    const names = async (...flags: string[]) => {
      const listed = await runCli(['topics', ...flags, '--json', ...b]);
      expect(listed.code, listed.stderr).toBe(0);
      return (JSON.parse(listed.stdout) as Array<{ name: string }>).map((t) => t.name);
    };
    expect(await names('--include-internal')).toEqual(expect.arrayContaining([topic, '__consumer_offsets']));
    expect(await names()).not.toContain('__consumer_offsets');
  });

  it('describes it as kafka-topics --describe does, line for line', async () => {
    const [described, reference] = await Promise.all([
      runCli(['describe', '--topic', topic, ...b]),
      runJava(await kafkaClasspath(SINGLE), 'org.apache.kafka.tools.TopicCommand', [
        '--describe',
        '--topic',
        topic,
        '--bootstrap-server',
        bootstrapOf(SINGLE),
      ]),
    ]);
    expect(described.code, described.stderr).toBe(0);
    expect(reference.code, reference.stderr).toBe(0);
    // The one difference: Kafka 4's tool adds the eligible leader replicas (KIP-966), which
    // come from DescribeTopicPartitions, a request we do not make; we print no Elr columns.
    const withoutElr = reference.stdout.replace(/\tElr: [^\t\n]*\tLastKnownElr: [^\t\n]*/g, '');
    expect(described.stdout).toBe(withoutElr);
    expect(described.stdout).toContain('retention.ms=86400000');
    expect(described.stdout.trimEnd().split('\n')).toHaveLength(4);
  });

  it('gives watermarks in --json', async () => {
    const described = await runCli(['describe', '--topic', topic, '--json', ...b]);
    expect(described.code, described.stderr).toBe(0);
    const json = JSON.parse(described.stdout);
    expect(json.topics[0].partitions).toHaveLength(3);
    expect(json.topics[0].partitions[0]).toMatchObject({
      partition: 0,
      leader: 1,
      replicas: [1],
      isr: [1],
      lowWatermark: 0,
      highWatermark: 0,
    });
    // Kafka 4 sets min.insync.replicas cluster-wide (a dynamic default), so kafka-topics lists it too.
    expect(json.topics[0].configs).toEqual({ 'min.insync.replicas': '1', 'retention.ms': '86400000' });
  });

  it('increases partitions and refuses to decrease them', async () => {
    const altered = await runCli(['topics', 'alter', topic, '--partitions', '5', ...b]);
    expect(altered.code).toBe(0);
    const described = await runCli(['describe', '-t', topic, ...b]);
    expect(described.stdout).toContain('PartitionCount: 5');
    const lower = await runCli(['topics', 'alter', topic, '--partitions', '2', ...b]);
    expect(lower.code).not.toBe(0);
    expect(lower.stderr.trim()).toBe(`kafka-tui: topic '${topic}' has 5 partition(s); the count can only be increased (asked for 2)`);
  });

  it('refuses to delete without --yes off a terminal, then deletes with it', async () => {
    const refused = await runCli(['topics', 'delete', topic, ...b]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('without --yes');
    const deleted = await runCli(['topics', 'delete', topic, '--yes', ...b]);
    expect(deleted.code).toBe(0);
    const listed = await runCli(['topics', ...b]);
    expect(listed.stdout.split('\n')).not.toContain(topic);
  });

  it.each([
    [['describe', '-t', 'no-such-topic-here'], 'kafka-tui: unknown topic: no-such-topic-here'],
    [['topics', 'create', 'bad name!'], "kafka-tui: invalid topic name 'bad name!'"],
    [['topics', 'create', uniqueTopic('x'), '--partitions', '0'], 'kafka-tui: partitions must be a whole number of at least 1 (got 0)'],
    [
      ['topics', 'create', uniqueTopic('x'), '--replication-factor', '3'],
      'kafka-tui: replication factor 3 is larger than the number of brokers (1)',
    ],
    [['topics', 'delete', 'no-such-topic-here', '--yes'], 'kafka-tui: unknown topic: no-such-topic-here'],
  ])('rejects %j with one clear line', async (args, message) => {
    const result = await runCli([...args, ...b]);
    expect(result.code).not.toBe(0);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
