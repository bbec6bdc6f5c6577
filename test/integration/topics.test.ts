// topics list/create/describe/alter/delete against a real 1-node broker.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli, uniqueTopic } from '../helpers/cli.js';
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

  it('describes it in kafka-topics format', async () => {
    const described = await runCli(['describe', '--topic', topic, ...b]);
    expect(described.code).toBe(0);
    const lines = described.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      new RegExp(
        `^Topic: ${topic}\\tTopicId: [A-Za-z0-9_-]{22}\\tPartitionCount: 3\\tReplicationFactor: 1\\tConfigs: retention.ms=86400000$`,
      ),
    );
    expect(lines.slice(1)).toEqual([0, 1, 2].map((p) => `\tTopic: ${topic}\tPartition: ${p}\tLeader: 1\tReplicas: 1\tIsr: 1`));
  });

  it('gives watermarks in --json', async () => {
    const described = await runCli(['describe', '--topic', topic, '--json', ...b]);
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
    expect(json.topics[0].configs).toEqual({ 'retention.ms': '86400000' });
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
