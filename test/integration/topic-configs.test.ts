// Topic configs and delete-records against a real broker, checked with Kafka's own ConfigCommand
// and GetOffsetShell-equivalent reads (kcat): configs listed with their sources as ConfigCommand
// --all lists them; alter sets and removes single configs and leaves the others; a typo and a
// value the broker refuses are one line each; delete-records moves the low watermark.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, uniqueTopic } from '../helpers/cli.js';
import { createTopicAndWait } from '../helpers/create-topic.js';
import { configCommandEntries, kafkaClasspath, runJava, type ConfigLine } from '../helpers/java-tools.js';
import { SINGLE, bootstrapOf } from '../helpers/ports.js';

const exec = promisify(execFile);
const bootstrap = bootstrapOf(SINGLE);
const b = ['-b', bootstrap];
let classpath = '';

beforeAll(async () => {
  classpath = await kafkaClasspath(SINGLE);
});

async function configCommand(topic: string, all: boolean): Promise<ConfigLine[]> {
  const args = ['--bootstrap-server', bootstrap, '--describe', '--entity-type', 'topics', '--entity-name', topic];
  // Kafka 4.3.1 still ships ConfigCommand in the core jar (kafka.admin), not in kafka-tools.
  const result = await runJava(classpath, 'kafka.admin.ConfigCommand', all ? [...args, '--all'] : args);
  expect(result.code, result.stderr).toBe(0);
  return configCommandEntries(result.stdout).sort((x, y) => x.name.localeCompare(y.name));
}

async function oursConfigs(topic: string, all: boolean): Promise<ConfigLine[]> {
  const result = await runCli(['topics', 'configs', topic, '--json', ...(all ? ['--all'] : []), ...b]);
  expect(result.code, result.stderr).toBe(0);
  const json = JSON.parse(result.stdout) as { configs: Array<{ name: string; value: string | null; source: string }> };
  return json.configs.map((c) => ({ name: c.name, value: c.value ?? 'null', source: c.source }));
}

/** kcat's own ListOffsets (-Q): each partition's offset for a time, or with -2 its low watermark. */
async function kcatOffsets(topic: string, partitions: number[], time: number): Promise<number[]> {
  const args = partitions.flatMap((p) => ['-t', `${topic}:${p}:${time}`]);
  const { stdout } = await exec('kcat', ['-b', bootstrap, '-Q', ...args]);
  const byPartition = new Map([...stdout.matchAll(/\[(\d+)\] offset (-?\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]));
  return partitions.map((p) => byPartition.get(p) ?? NaN);
}

/** kcat -P into one partition: each record gets the time it is sent as its CreateTime. */
async function kcatProduce(topic: string, partition: number, values: string[]): Promise<void> {
  const child = execFile('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', String(partition)]);
  child.stdin!.end(values.join('\n') + '\n');
  await new Promise((resolve, reject) => child.on('close', (code) => (code === 0 ? resolve(code) : reject(new Error(`kcat ${code}`)))));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The first offset kcat reads from the beginning of partition 0. */
async function firstOffset(topic: string): Promise<string> {
  const { stdout } = await exec('kcat', ['-b', bootstrap, '-C', '-t', topic, '-p', '0', '-o', 'beginning', '-e', '-q', '-f', '%o\n']);
  return stdout.split('\n')[0] ?? '';
}

describe('topic configs', () => {
  const topic = uniqueTopic('configs');
  beforeAll(() => createTopicAndWait(topic, bootstrap, ['--config', 'retention.ms=86400000']));

  it('lists every config with its source as ConfigCommand --all does, and the non-default ones without --all', async () => {
    const [ours, theirs] = await Promise.all([oursConfigs(topic, true), configCommand(topic, true)]);
    expect(ours.length).toBeGreaterThan(30);
    // ConfigCommand prints a sensitive or unset value as "null", as our JSON's null reads here.
    expect(ours).toEqual(theirs);
    expect(ours.find((c) => c.name === 'retention.ms')).toEqual({
      name: 'retention.ms',
      value: '86400000',
      source: 'DYNAMIC_TOPIC_CONFIG',
    });

    const text = await runCli(['topics', 'configs', topic, ...b]);
    expect(text.stdout.split('\n')[0]).toMatch(new RegExp(`^Non-default configs for topic ${topic} \\(\\d+\\)$`));
    // The broker names no default for retention.ms (its own log.retention.hours is not a synonym it sends): "-".
    expect(text.stdout).toMatch(/^retention\.ms\s+DYNAMIC_TOPIC_CONFIG\s+86400000\s+-$/m);
    expect(text.stdout).toMatch(/^min\.insync\.replicas\s+DYNAMIC_DEFAULT_BROKER_CONFIG\s+1\s+1$/m);
  });

  it('alter sets and removes single configs, leaves the rest, and prints the non-default configs', async () => {
    const altered = await runCli([
      ...['topics', 'alter', topic, '--config', 'cleanup.policy=compact', '--config', 'max.message.bytes=2000000'],
      ...['--delete-config', 'retention.ms', ...b],
    ]);
    expect(altered.code, altered.stderr).toBe(0);
    expect(altered.stdout).toMatch(/^cleanup\.policy\s+DYNAMIC_TOPIC_CONFIG\s+compact\s+delete$/m);
    expect(altered.stdout).not.toMatch(/^retention\.ms /m);
    const theirs = await configCommand(topic, false);
    expect(theirs.filter((c) => c.source === 'DYNAMIC_TOPIC_CONFIG')).toEqual([
      { name: 'cleanup.policy', value: 'compact', source: 'DYNAMIC_TOPIC_CONFIG' },
      { name: 'max.message.bytes', value: '2000000', source: 'DYNAMIC_TOPIC_CONFIG' },
    ]);
  });

  it('refuses an unknown name before asking the broker, and shows the broker reason for a bad value', async () => {
    const typo = await runCli(['topics', 'alter', topic, '--config', 'retention.msx=1', ...b]);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toBe(`kafka-tui: unknown topic config 'retention.msx' (kafka-tui topics configs ${topic} --all lists them)\n`);
    const bad = await runCli(['topics', 'alter', topic, '--config', 'cleanup.policy=sometimes', ...b]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(bad.stderr).toMatch(new RegExp(`^kafka-tui: cannot alter the configs of topic ${topic}: INVALID_CONFIG: .*sometimes`));
    expect((await configCommand(topic, false)).find((c) => c.name === 'cleanup.policy')?.value).toBe('compact');
  });

  it('names an unknown topic in one line', async () => {
    const missing = await runCli(['topics', 'configs', 'no-such-topic-here', ...b]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('kafka-tui: unknown topic: no-such-topic-here\n');
  });
});

describe('topics delete-records', () => {
  const topic = uniqueTopic('trim');
  beforeAll(async () => {
    await createTopicAndWait(topic, bootstrap, ['--partitions', '1']);
    const values = Array.from({ length: 10 }, (_, i) => `r${i}`);
    await kcatProduce(topic, 0, values);
  });

  it('refuses off a terminal without --yes, then deletes before an offset', async () => {
    const refused = await runCli(['topics', 'delete-records', topic, '--before', '4', ...b]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`kafka-tui: refusing to delete-records '${topic}' without --yes when not on a terminal\n`);
    expect(await firstOffset(topic)).toBe('0');

    const deleted = await runCli(['topics', 'delete-records', topic, '--before', '4', '--yes', ...b]);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stdout).toBe('partition 0: 4 record(s) before offset 4 (it started at 0, now starts at 4)\n');
    expect(await firstOffset(topic)).toBe('4');
  });

  it('before a time after the last record deletes them all; an offset past the end is the end', async () => {
    const later = new Date(Date.now() + 60_000).toISOString();
    const deleted = await runCli(['topics', 'delete-records', topic, '--before', later, '--yes', ...b]);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stdout).toBe('partition 0: 6 record(s) before offset 10 (it started at 4, now starts at 10)\n');
    expect(await firstOffset(topic)).toBe('');
    const again = await runCli(['topics', 'delete-records', topic, '--before', '99', '--yes', ...b]);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe(`Nothing to delete: no partition of ${topic} has records before that.\n`);
  });

  it('before a time cuts each partition at its own first record at that time, as kcat resolves the time', async () => {
    const timed = uniqueTopic('trim-time');
    await createTopicAndWait(timed, bootstrap, ['--partitions', '2']);
    await Promise.all([kcatProduce(timed, 0, ['a0', 'a1', 'a2']), kcatProduce(timed, 1, ['b0'])]);
    await sleep(300);
    const cut = Date.now();
    await sleep(300);
    await Promise.all([kcatProduce(timed, 0, ['a3', 'a4']), kcatProduce(timed, 1, ['b1', 'b2', 'b3'])]);
    expect(await kcatOffsets(timed, [0, 1], cut)).toEqual([3, 1]);

    // A relative time an hour ago is before every record: nothing goes (and -1h is a value, not flags).
    const hourAgo = await runCli(['topics', 'delete-records', timed, '--before', '-1h', '--yes', ...b]);
    expect(hourAgo.code, hourAgo.stderr).toBe(0);
    expect(hourAgo.stderr).toBe(`Nothing to delete: no partition of ${timed} has records before that.\n`);

    const deleted = await runCli(['topics', 'delete-records', timed, '--before', new Date(cut).toISOString(), '--yes', ...b]);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stdout).toBe(
      [
        'partition 0: 3 record(s) before offset 3 (it started at 0, now starts at 3)',
        'partition 1: 1 record(s) before offset 1 (it started at 0, now starts at 1)',
        '',
      ].join('\n'),
    );
    // The new low watermarks, as kcat's ListOffsets EARLIEST (-2) reads them.
    expect(await kcatOffsets(timed, [0, 1], -2)).toEqual([3, 1]);
  });
});
