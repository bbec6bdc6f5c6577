// kafka-tui brokers and brokers describe on a real 3-node cluster, checked against kcat -L,
// TopicCommand --describe, MetadataQuorumCommand and ConfigCommand from the same jars; then with a
// broker stopped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, uniqueTopic } from '../helpers/cli.js';
import { configCommandEntries, kafkaClasspath, runJava, type ConfigLine } from '../helpers/java-tools.js';
import { startBroker, stopBroker } from '../helpers/kafka-local.js';
import { TRIPLE, bootstrapOf } from '../helpers/ports.js';
import { runProcess } from '../helpers/run-process.js';

const bootstrap = bootstrapOf(TRIPLE);
const b = ['-b', bootstrap];

interface JsonBroker {
  id: number;
  host: string | null;
  port: number | null;
  state: 'up' | 'down';
  controller: boolean;
  leaders: number;
  replicas: number;
  outOfIsr: number;
  offline: number;
}

interface Partition {
  leader: number | null;
  replicas: number[];
  isr: number[];
}

/** Leaders, replicas and out-of-ISR replicas per broker id, from any tool's partition list. */
function countsOf(partitions: readonly Partition[]): Map<number, { leaders: number; replicas: number; outOfIsr: number }> {
  const counts = new Map<number, { leaders: number; replicas: number; outOfIsr: number }>();
  const of = (id: number) => counts.get(id) ?? counts.set(id, { leaders: 0, replicas: 0, outOfIsr: 0 }).get(id)!;
  for (const p of partitions) {
    if (p.leader !== null) of(p.leader).leaders++;
    for (const r of p.replicas) {
      of(r).replicas++;
      if (!p.isr.includes(r)) of(r).outOfIsr++;
    }
  }
  return counts;
}

const ours = (brokers: readonly JsonBroker[]) =>
  new Map(brokers.map((x) => [x.id, { leaders: x.leaders, replicas: x.replicas, outOfIsr: x.outOfIsr }]));

async function brokersJson(): Promise<{ clusterId: string; controllerId: number | null; brokers: JsonBroker[] }> {
  const result = await runCli(['brokers', '--json', ...b]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

async function kcatPartitions(): Promise<Partition[]> {
  const result = await runProcess('kcat', ['-L', '-J', '-b', bootstrap], { timeoutMs: 60_000 });
  expect(result.code).toBe(0);
  const metadata = JSON.parse(result.stdout) as {
    topics: Array<{ partitions: Array<{ leader: number; replicas: Array<{ id: number }>; isrs: Array<{ id: number }> }> }>;
  };
  return metadata.topics.flatMap((t) =>
    t.partitions.map((p) => ({
      leader: p.leader >= 0 ? p.leader : null,
      replicas: p.replicas.map((r) => r.id),
      isr: p.isrs.map((r) => r.id),
    })),
  );
}

const ids = (text: string) => (text.trim() === '' ? [] : text.trim().split(',').map(Number));

async function topicCommandPartitions(classpath: string): Promise<Partition[]> {
  const result = await runJava(classpath, 'org.apache.kafka.tools.TopicCommand', ['--bootstrap-server', bootstrap, '--describe']);
  expect(result.code).toBe(0);
  return [...result.stdout.matchAll(/\tLeader: (\S+)\tReplicas: ([\d,]*)\tIsr: ([\d,]*)/g)].map(([, leader, replicas, isr]) => ({
    leader: leader === 'none' ? null : Number(leader),
    replicas: ids(replicas!),
    isr: ids(isr!),
  }));
}

async function configCommand(classpath: string, broker: number, all: boolean): Promise<ConfigLine[]> {
  // Kafka 4.3.1 still ships ConfigCommand in the core jar (kafka.admin), not in kafka-tools.
  const args = ['--bootstrap-server', bootstrap, '--describe', '--entity-type', 'brokers', '--entity-name', String(broker)];
  const result = await runJava(classpath, 'kafka.admin.ConfigCommand', all ? [...args, '--all'] : args);
  expect(result.code).toBe(0);
  return configCommandEntries(result.stdout);
}

async function oursConfigs(broker: number): Promise<ConfigLine[]> {
  const result = await runCli(['brokers', 'describe', String(broker), '--json', ...b]);
  expect(result.stderr).toBe('');
  const json = JSON.parse(result.stdout) as { configs: Array<{ name: string; value: string | null; source: string }> };
  return json.configs.map((c) => ({ name: c.name, value: c.value ?? 'null', source: c.source }));
}

const byName = (lines: readonly ConfigLine[]) => [...lines].sort((x, y) => x.name.localeCompare(y.name));

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

describe('brokers on three nodes', () => {
  let classpath = '';
  let stopped: number | undefined;

  beforeAll(async () => {
    classpath = await kafkaClasspath(TRIPLE);
    expect((await runCli(['topics', 'create', uniqueTopic('brokers-rf3'), '-p', '6', '-r', '3', ...b])).code).toBe(0);
    expect((await runCli(['topics', 'create', uniqueTopic('brokers-rf1'), '-p', '3', '-r', '1', ...b])).code).toBe(0);
    // A per-broker dynamic config, so that DYNAMIC_BROKER_CONFIG is among the sources compared.
    const alter = await runJava(classpath, 'kafka.admin.ConfigCommand', [
      '--bootstrap-server',
      bootstrap,
      '--alter',
      '--entity-type',
      'brokers',
      '--entity-name',
      '2',
      '--add-config',
      'log.cleaner.threads=2',
    ]);
    expect(alter.code).toBe(0);
  });

  afterAll(async () => {
    if (stopped !== undefined) await startBroker(TRIPLE, stopped);
  });

  it('lists three brokers up with the counts kcat -L and TopicCommand --describe give, and the quorum leader as controller', async () => {
    const overview = await eventually(brokersJson, (o) => o.brokers.every((x) => x.outOfIsr === 0));
    expect(overview.brokers.map((x) => [x.id, x.host, x.port, x.state])).toEqual(
      [1, 2, 3].map((id) => [id, '127.0.0.1', TRIPLE.port + id - 1, 'up']),
    );
    expect(ours(overview.brokers)).toEqual(countsOf(await kcatPartitions()));
    expect(ours(overview.brokers)).toEqual(countsOf(await topicCommandPartitions(classpath)));
    expect(overview.brokers.reduce((n, x) => n + x.leaders, 0)).toBeGreaterThanOrEqual(9);

    const quorum = await runJava(classpath, 'org.apache.kafka.tools.MetadataQuorumCommand', [
      '--bootstrap-server',
      bootstrap,
      'describe',
      '--status',
    ]);
    const leader = Number(/^LeaderId:\s+(\d+)$/m.exec(quorum.stdout)?.[1]);
    expect(overview.controllerId).toBe(leader);
    expect(overview.brokers.filter((x) => x.controller).map((x) => x.id)).toEqual([leader]);
    expect(/^ClusterId:\s+(\S+)$/m.exec(quorum.stdout)?.[1]).toBe(overview.clusterId);

    const text = await runCli(['brokers', ...b]);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe(`Cluster: ${overview.clusterId}  Controller: ${leader}  Brokers: 3`);
    expect(text.stdout).toMatch(new RegExp(`^ ${leader}  127\\.0\\.0\\.1:${TRIPLE.port + leader - 1}  -\\s+up\\s+active `, 'm'));
  });

  it('brokers describe N shows what ConfigCommand --all shows that is not a default, with the same sources', async () => {
    const all = await configCommand(classpath, 2, true);
    const nonDefault = all.filter((c) => c.source !== 'DEFAULT_CONFIG');
    const mine = await oursConfigs(2);
    expect(byName(mine)).toEqual(byName(nonDefault));
    expect(mine).toContainEqual({ name: 'log.cleaner.threads', value: '2', source: 'DYNAMIC_BROKER_CONFIG' });
    expect(mine.map((c) => c.source)).toContain('STATIC_BROKER_CONFIG');
    // ConfigCommand without --all lists the per-broker dynamic configs only.
    expect(byName(await configCommand(classpath, 2, false))).toEqual(byName(mine.filter((c) => c.source === 'DYNAMIC_BROKER_CONFIG')));

    const everything = await runCli(['brokers', 'describe', '2', '--all', '--json', ...b]);
    expect(JSON.parse(everything.stdout).configs).toHaveLength(all.length);
    const text = await runCli(['brokers', 'describe', '2', ...b]);
    expect(text.stdout).toMatch(/^log\.cleaner\.threads\s+DYNAMIC_BROKER_CONFIG\s+2$/m);
  });

  it('an unknown broker id or a malformed one is a one-line error with a non-zero exit', async () => {
    const unknown = await runCli(['brokers', 'describe', '99', ...b]);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toBe("kafka-tui: unknown broker 99 (the cluster's brokers: 1, 2, 3)\n");
    const malformed = await runCli(['brokers', 'describe', 'two', ...b]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toBe("kafka-tui: a broker id is a whole number (got 'two')\n");
  });

  it('a stopped broker shows as down with its replicas out of ISR and offline; the counts still match the peers', async () => {
    const before = await brokersJson();
    stopped = before.brokers.find((x) => !x.controller && x.id !== 2)!.id;
    const hosted = before.brokers.find((x) => x.id === stopped)!.replicas;
    await stopBroker(TRIPLE, stopped);

    const after = await eventually(brokersJson, (o) => {
      const down = o.brokers.find((x) => x.id === stopped);
      return down?.state === 'down' && down.outOfIsr === hosted;
    });
    const down = after.brokers.find((x) => x.id === stopped)!;
    expect(down).toMatchObject({ host: '127.0.0.1', port: TRIPLE.port + stopped - 1, state: 'down', leaders: 0, replicas: hosted });
    expect(down.outOfIsr).toBe(hosted);
    expect(down.offline).toBe(hosted);
    for (const other of after.brokers.filter((x) => x.id !== stopped)) {
      expect(other).toMatchObject({ state: 'up', outOfIsr: 0, offline: 0 });
    }
    // The ISR shrinks on the others' partitions: what both peers see, counted the same way.
    expect(ours(after.brokers)).toEqual(countsOf(await kcatPartitions()));
    expect(ours(after.brokers)).toEqual(countsOf(await topicCommandPartitions(classpath)));

    const text = await runCli(['brokers', ...b]);
    expect(text.stdout.split('\n')[0]).toContain('Brokers: 3 (1 down)');
    expect(text.stdout).toMatch(
      new RegExp(`^ ${stopped}  127\\.0\\.0\\.1:\\d+  -\\s+down\\s+-\\s+0\\s+${hosted}\\s+${hosted}\\s+${hosted}$`, 'm'),
    );
    const configs = await runCli(['brokers', 'describe', String(stopped), ...b]);
    expect(configs.code).toBe(1);
    expect(configs.stderr).toBe(`kafka-tui: broker ${stopped} is down: its configs can only be read from the broker itself\n`);
  });
});
