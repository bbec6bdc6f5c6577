// Groups on a 3-node cluster with the group's coordinator stopped: the coordinator moves, describe
// still answers, and a partition whose only replica was on the stopped node shows '-' as its
// LOG-END-OFFSET and LAG instead of failing the command.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, uniqueTopic } from '../helpers/cli.js';
import { createTopicAndWait } from '../helpers/create-topic.js';
import { kafkaClasspath, runJava } from '../helpers/java-tools.js';
import { startBroker, stopBroker } from '../helpers/kafka-local.js';
import { TRIPLE, bootstrapOf } from '../helpers/ports.js';

const bootstrap = bootstrapOf(TRIPLE);
const b = ['-b', bootstrap];

interface JsonGroup {
  group: { state: string; coordinator: { nodeId: number } | null };
  partitions: Array<{ partition: number; committedOffset: number | null; logEndOffset: number | null; lag: number | null }>;
}

async function describeJson(group: string): Promise<{ code: number; groups: JsonGroup[] }> {
  const result = await runCli(['groups', 'describe', group, '--json', ...b]);
  return { code: result.code, groups: result.code === 0 ? (JSON.parse(result.stdout) as JsonGroup[]) : [] };
}

describe('groups on three brokers, the coordinator stopped', () => {
  const topic = uniqueTopic('groups-spread');
  const group = `fault-${topic}`;
  let stopped: number | undefined;

  beforeAll(async () => {
    // One replica per partition: partition i lives on one broker only.
    await createTopicAndWait(topic, bootstrap, ['-p', '3', '-r', '1']);
    const lines = Array.from({ length: 30 }, (_, i) => `k${i}\tv${i}`).join('\n');
    expect((await runCli(['produce', '-t', topic, '--parse-key', ...b], { input: `${lines}\n` })).code).toBe(0);
    const consumed = await runJava(await kafkaClasspath(TRIPLE), 'org.apache.kafka.tools.consumer.ConsoleConsumer', [
      ...['--bootstrap-server', bootstrap, '--topic', topic, '--group', group, '--from-beginning'],
      ...['--max-messages', '20', '--timeout-ms', '60000'],
    ]);
    expect(consumed.code).toBe(0);
  }, 180_000);

  afterAll(async () => {
    if (stopped !== undefined) await startBroker(TRIPLE, stopped);
  }, 180_000);

  it('describe answers after the coordinator moves; the leaderless partition shows - and the command exits 0', async () => {
    const before = await describeJson(group);
    expect(before.code).toBe(0);
    const coordinator = before.groups[0]!.group.coordinator!.nodeId;
    expect(before.groups[0]!.partitions.every((p) => p.logEndOffset !== null)).toBe(true);
    const layout = JSON.parse((await runCli(['describe', '-t', topic, '--json', ...b])).stdout);
    const orphan: number = layout.topics[0].partitions.find((p: { replicas: number[] }) => p.replicas[0] === coordinator).partition;

    stopped = coordinator;
    await stopBroker(TRIPLE, coordinator);

    // The coordinator moves once the controller fences the stopped node; until then describe may wait on it.
    const deadline = Date.now() + 90_000;
    let after = await describeJson(group);
    while (Date.now() < deadline && (after.code !== 0 || after.groups[0]!.group.coordinator?.nodeId === coordinator)) {
      await new Promise((r) => setTimeout(r, 1000));
      after = await describeJson(group);
    }
    expect(after.code).toBe(0);
    expect(after.groups[0]!.group.coordinator!.nodeId).not.toBe(coordinator);

    const text = await runCli(['groups', 'describe', group, ...b]);
    expect(text.code).toBe(0);
    expect(text.stderr).toBe(`\nConsumer group '${group}' has no active members.\n`);
    const rows = text.stdout
      .split('\n')
      .filter((l) => l.startsWith(`${group} `))
      .map((l) => l.split(/ +/));
    expect(rows).toHaveLength(3);
    for (const [, , partition, current, logEnd, lag] of rows) {
      expect(current).toMatch(/^\d+$/); // the commits live on the (moved) coordinator
      if (Number(partition) === orphan) expect([logEnd, lag]).toEqual(['-', '-']);
      else expect(Number(lag)).toBe(Number(logEnd) - Number(current));
    }

    const state = await runCli(['groups', 'describe', group, '--state', ...b]);
    expect(state.code).toBe(0);
    expect(state.stdout).not.toContain(`(${coordinator})`);
    const listed = await runCli(['groups', ...b]);
    expect(listed.code).toBe(0);
    expect(listed.stdout.split('\n')).toContain(group);
  }, 240_000);
});
