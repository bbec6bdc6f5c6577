// Compatibility smoke against Kafka 3.9: describe (and kcat produce/consume as an independent peer), groups.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, uniqueTopic } from '../helpers/cli.js';
import { startCluster, stopCluster } from '../helpers/kafka-local.js';
import { KAFKA_39, bootstrapOf } from '../helpers/ports.js';

const b = ['-b', bootstrapOf(KAFKA_39)];

describe('Kafka 3.9 compatibility', () => {
  beforeAll(async () => {
    await startCluster(KAFKA_39);
  });
  afterAll(async () => {
    await stopCluster(KAFKA_39);
  });

  it('creates and describes a topic in kafka-topics format', async () => {
    const topic = uniqueTopic('compat');
    expect((await runCli(['topics', 'create', topic, '-p', '2', '-c', 'cleanup.policy=compact', ...b])).code).toBe(0);
    const described = await runCli(['describe', '-t', topic, ...b]);
    expect(described.code).toBe(0);
    expect(described.stdout).toMatch(
      new RegExp(
        `^Topic: ${topic}\\tTopicId: [A-Za-z0-9_-]{22}\\tPartitionCount: 2\\tReplicationFactor: 1\\tConfigs: cleanup.policy=compact\\n`,
      ),
    );
    expect(described.stdout).toContain(`\tTopic: ${topic}\tPartition: 1\tLeader: 1\tReplicas: 1\tIsr: 1\n`);

    execFileSync('kcat', ['-b', bootstrapOf(KAFKA_39), '-P', '-t', topic, '-p', '0', '-K:'], { input: 'k1:v1\nk2:v2\n' });
    const json = JSON.parse((await runCli(['describe', '-t', topic, '--json', ...b])).stdout);
    expect(json.topics[0].partitions[0]).toMatchObject({ lowWatermark: 0, highWatermark: 2 });
    const consumed = execFileSync('kcat', ['-b', bootstrapOf(KAFKA_39), '-C', '-t', topic, '-e', '-q', '-K:'], { encoding: 'utf8' });
    expect(consumed).toBe('k1:v1\nk2:v2\n');
  });

  it('groups: a kcat group is listed and described (3.9 lists ConsumerGroupDescribe but answers UNSUPPORTED_VERSION)', async () => {
    const topic = uniqueTopic('compat-groups');
    const group = `g-${topic}`;
    expect((await runCli(['topics', 'create', topic, '-p', '2', ...b])).code).toBe(0);
    execFileSync('kcat', ['-b', bootstrapOf(KAFKA_39), '-P', '-t', topic, '-p', '0'], { input: 'a\nb\nc\n' });
    // kcat's balanced consumer reads to the end (-e), commits and leaves: an Empty group with commits.
    execFileSync('kcat', ['-b', bootstrapOf(KAFKA_39), '-G', group, topic, '-e', '-q', '-o', 'beginning'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    const listed = await runCli(['groups', 'list', '--state', '--type', ...b]);
    expect(listed.stdout).toMatch(new RegExp(`^${group} +Classic +Empty +$`, 'm'));
    const described = await runCli(['groups', 'describe', group, ...b]);
    expect(described.code).toBe(0);
    expect(described.stderr).toBe(`\nConsumer group '${group}' has no active members.\n`);
    expect(described.stdout).toMatch(new RegExp(`^${group} +${topic} +0 +3 +3 +0 +- +- +-$`, 'm'));
  });
});
