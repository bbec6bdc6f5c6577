// Replicas, ISR and offline partitions on a real 3-node cluster, with a node stopped and restarted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, uniqueTopic } from '../helpers/cli.js';
import { startBroker, stopBroker } from '../helpers/kafka-local.js';
import { TRIPLE, bootstrapOf } from '../helpers/ports.js';

const b = ['-b', bootstrapOf(TRIPLE)];
const STOPPED = 2;

interface JsonPartition {
  partition: number;
  leader: number | null;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
}

async function partitionsOf(topic: string): Promise<JsonPartition[]> {
  const result = await runCli(['describe', '-t', topic, '--json', ...b]);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout).topics[0].partitions;
}

/** Polls until the cluster's view settles; ISR changes take a replica lag timeout to show. */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    value = await read();
  }
  return value;
}

describe('describe on three brokers', () => {
  const replicated = uniqueTopic('rf3');
  const spread = uniqueTopic('spread');

  beforeAll(async () => {
    expect((await runCli(['topics', 'create', replicated, '-p', '3', '-r', '3', ...b])).code).toBe(0);
    // One replica per partition: partition i lives on exactly one broker, one partition per broker.
    expect((await runCli(['topics', 'create', spread, '-p', '3', '-r', '1', ...b])).code).toBe(0);
  });

  afterAll(async () => {
    await startBroker(TRIPLE, STOPPED);
  });

  it('shows three replicas and an ISR of three with RF 3', async () => {
    const partitions = await partitionsOf(replicated);
    expect(partitions).toHaveLength(3);
    for (const p of partitions) {
      expect([...p.replicas].sort()).toEqual([1, 2, 3]);
      expect([...p.isr].sort()).toEqual([1, 2, 3]);
      expect(p.leader).not.toBeNull();
    }
    const filtered = await runCli(['describe', '-t', replicated, '--under-replicated-partitions', ...b]);
    expect(filtered.code).toBe(0);
    expect(filtered.stdout).toBe('');
  });

  it('with one broker stopped: the ISR shrinks, the stopped broker is offline, describe still exits 0', async () => {
    const before = await partitionsOf(spread);
    const orphan = before.find((p) => p.replicas[0] === STOPPED)!;
    expect(orphan).toBeDefined();

    await stopBroker(TRIPLE, STOPPED);

    const replicatedAfter = await eventually(
      () => partitionsOf(replicated),
      (ps) => ps.every((p) => !p.isr.includes(STOPPED)),
    );
    for (const p of replicatedAfter) {
      expect(p.isr).toHaveLength(2);
      expect(p.offlineReplicas).toEqual([STOPPED]);
      expect(p.leader).not.toBe(STOPPED);
    }

    const underReplicated = await runCli(['describe', '--under-replicated-partitions', ...b]);
    expect(underReplicated.code).toBe(0);
    const lines = underReplicated.stdout
      .trimEnd()
      .split('\n')
      .filter((l) => l.includes(`Topic: ${replicated}\t`));
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/\tOffline: 2\t\(under-replicated\)$/);

    const text = await eventually(
      () => runCli(['describe', '-t', spread, ...b]),
      (r) => r.stdout.includes('Leader: none'),
    );
    expect(text.code).toBe(0);
    const partitionLines = text.stdout.trimEnd().split('\n').slice(1);
    expect(partitionLines).toHaveLength(3);
    expect(partitionLines[orphan.partition]).toBe(
      `\tTopic: ${spread}\tPartition: ${orphan.partition}\tLeader: none\tReplicas: ${STOPPED}\tIsr: \tOffline: ${STOPPED}`,
    );
    for (const line of partitionLines.filter((_, i) => i !== orphan.partition)) {
      expect(line).toMatch(/\tLeader: [13]\t/);
    }

    const unavailable = await runCli(['describe', '--unavailable-partitions', ...b]);
    expect(unavailable.code).toBe(0);
    const ours = unavailable.stdout.split('\n').filter((l) => l.includes(`Topic: ${spread}\t`));
    expect(`${ours.join('\n')}\n`).toBe(
      `\tTopic: ${spread}\tPartition: ${orphan.partition}\tLeader: none\tReplicas: ${STOPPED}\tIsr: \tOffline: ${STOPPED}\n`,
    );
  });

  it('after the broker restarts, the ISR recovers and the partition is back online', async () => {
    await startBroker(TRIPLE, STOPPED);
    const recovered = await eventually(
      () => partitionsOf(replicated),
      (ps) => ps.every((p) => p.isr.length === 3),
    );
    for (const p of recovered) expect([...p.isr].sort()).toEqual([1, 2, 3]);
    const spreadAfter = await eventually(
      () => partitionsOf(spread),
      (ps) => ps.every((p) => p.leader !== null),
    );
    expect(spreadAfter.every((p) => p.offlineReplicas.length === 0)).toBe(true);
    const filtered = await runCli(['describe', '-t', replicated, '--under-replicated-partitions', ...b]);
    expect(filtered.stdout).toBe('');
  });
});
