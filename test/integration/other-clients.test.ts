// Other clients' data: what Kafka's console producer writes (Java framing for each codec) we read as
// ConsoleConsumer does, group-free and with --group; what we write, kcat reads back field by field.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, uniqueTopic } from '../helpers/cli.js';
import { createTopicAndWait } from '../helpers/create-topic.js';
import { byPartition, consoleConsumer, kafkaClasspath, runJava } from '../helpers/java-tools.js';
import { SINGLE, bootstrapOf } from '../helpers/ports.js';

const bootstrap = bootstrapOf(SINGLE);
const PRINT = ['--property', 'print.partition=true', '--property', 'print.offset=true', '--property', 'print.key=true'];
const JAVA_PRINT = [
  '--formatter-property',
  'print.partition=true',
  '--formatter-property',
  'print.offset=true',
  '--formatter-property',
  'print.key=true',
];

/** Deterministic keyed lines (ASCII: the JVM's default charset here may not be UTF-8). */
function keyedLines(count: number, seed: number): string[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
  return Array.from({ length: count }, (_, i) => `k${next() % 17}\tvalue-${i}-${'abcdefgh '.repeat(next() % 40)}`);
}

interface Batch {
  baseOffset: number;
  count: number;
  codec: string;
  control: boolean;
}

/** The batches of partition 0's first segment, as Kafka's DumpLogSegments reads them from disk. */
async function batchesOnDisk(classpath: string, topic: string): Promise<Batch[]> {
  const segment = resolve(SINGLE.dir, 'node1/data', `${topic}-0`, '00000000000000000000.log');
  const dump = await runJava(classpath, 'org.apache.kafka.tools.DumpLogSegments', ['--files', segment]);
  expect(dump.code, dump.stderr).toBe(0);
  return [...dump.stdout.matchAll(/baseOffset: (\d+) lastOffset: \d+ count: (\d+) .*?isControl: (\w+) .*?compresscodec: (\w+)/g)].map(
    (m) => ({
      baseOffset: Number(m[1]),
      count: Number(m[2]),
      control: m[3] === 'true',
      codec: m[4]!,
    }),
  );
}

describe('data written by Kafka ConsoleProducer', () => {
  let classpath: string;
  beforeAll(async () => {
    classpath = await kafkaClasspath(SINGLE);
  });

  for (const codec of ['snappy', 'lz4', 'zstd', 'gzip']) {
    it(`${codec}: consume reads what ConsoleConsumer reads, group-free, from mid-batch and with --group`, async () => {
      const topic = uniqueTopic(`console-${codec}`);
      await createTopicAndWait(topic, bootstrap, ['-p', '2']);
      const lines = keyedLines(2000, codec.length);
      const produced = await runJava(
        classpath,
        'org.apache.kafka.tools.ConsoleProducer',
        [
          '--bootstrap-server',
          bootstrap,
          '--topic',
          topic,
          '--compression-codec',
          codec,
          '--reader-property',
          'parse.key=true',
          '--reader-property',
          'key.separator=\t',
          '--command-property',
          'linger.ms=100',
          '--command-property',
          'batch.size=65536',
        ],
        { input: `${lines.join('\n')}\n` },
      );
      expect(produced.code, produced.stderr).toBe(0);

      // The data is what it claims: batches of many records, compressed with this codec by Java.
      const batches = await batchesOnDisk(classpath, topic);
      expect(batches.length).toBeGreaterThan(0);
      expect(new Set(batches.map((b) => b.codec))).toEqual(new Set([codec]));
      const big = batches.find((b) => b.count > 3);
      expect(big).toBeDefined();

      const java = byPartition(await consoleConsumer(SINGLE, classpath, topic, lines.length, JAVA_PRINT));
      expect(java).toHaveLength(lines.length);
      const [free, group, midBatch] = await Promise.all([
        runCli(['consume', '-t', topic, '--from-beginning', '-e', ...PRINT, '-b', bootstrap]),
        runCli(['consume', '-t', topic, '--group', uniqueTopic('console-group'), '--from-beginning', '-e', ...PRINT, '-b', bootstrap]),
        runCli(['consume', '-t', topic, '-p', '0', '--offset', String(big!.baseOffset + 1), '-e', ...PRINT, '-b', bootstrap]),
      ]);
      for (const run of [free, group, midBatch]) expect(run.code, run.stderr).toBe(0);
      expect(byPartition(free.stdout)).toEqual(java);
      expect(byPartition(group.stdout)).toEqual(java);
      const fromMid = java.filter((line) => {
        const [, partition, offset] = /^Partition:(\d+)\tOffset:(\d+)\t/.exec(line)!;
        return partition === '0' && Number(offset) > big!.baseOffset;
      });
      expect(midBatch.stdout.split('\n').filter((l) => l !== '')).toEqual(fromMid);
    }, 120_000);
  }
});

describe('data written by kafka-tui produce, read by kcat', () => {
  let classpath: string;
  beforeAll(async () => {
    classpath = await kafkaClasspath(SINGLE);
  });
  const kcat = (topic: string) =>
    execFileSync('kcat', ['-b', bootstrap, '-C', '-t', topic, '-e', '-q', '-f', '%k|%K|%h|%T|%s\n'], { encoding: 'utf8', timeout: 30_000 });

  for (const codec of ['none', 'gzip', 'snappy', 'lz4', 'zstd']) {
    it(
      `${codec}: keys (null, empty, text), headers (repeated, empty) and timestamps come back as written`,
      { timeout: 60_000 },
      async () => {
        const topic = uniqueTopic(`kcat-${codec}`);
        await createTopicAndWait(topic, bootstrap, ['-p', '1']);
        const base = Date.now() - 3_600_000; // the broker refuses timestamps far in the future
        const envelopes = [
          {
            key: 'k1',
            value: 'v1',
            timestamp: base,
            headers: [
              { key: 'h1', value: 'a' },
              { key: 'h1', value: 'again' },
            ],
          },
          { key: null, value: 'no key', timestamp: base + 1, headers: [] },
          { key: '', value: 'empty key', timestamp: 1_600_000_000_123, headers: [{ key: 'trace-id', value: '' }] },
          {
            key: 'k4 with space',
            value: 'v4',
            timestamp: base + 3,
            headers: [
              { key: 'x', value: '1' },
              { key: 'y', value: '2' },
            ],
          },
        ];
        const sent = await runCli(['produce', '-t', topic, '--format', 'json', '--compression', codec, '-b', bootstrap], {
          input: envelopes.map((e) => JSON.stringify(e)).join('\n') + '\n',
        });
        expect(sent.code, sent.stderr).toBe(0);
        const expected = envelopes.map(
          (e) =>
            `${e.key ?? ''}|${e.key === null ? -1 : Buffer.byteLength(e.key)}|${e.headers.map((h) => `${h.key}=${h.value}`).join(',')}|${e.timestamp}|${e.value}\n`,
        );
        expect(kcat(topic)).toBe(expected.join(''));
        // --compression did compress, as the broker stored it.
        expect(new Set((await batchesOnDisk(classpath, topic)).map((b) => b.codec))).toEqual(new Set([codec]));
      },
    );
  }

  it('--parse-key and --header on plain lines: kcat sees the keys, the headers and a timestamp of now', async () => {
    const topic = uniqueTopic('kcat-lines');
    await createTopicAndWait(topic, bootstrap, ['-p', '1']);
    const before = Date.now();
    const sent = await runCli(['produce', '-t', topic, '--parse-key', '--header', 'h1=a', '--header', 'h2=b', '-b', bootstrap], {
      input: 'k1\tv1\nk2\tv2 with space\n',
    });
    const after = Date.now();
    expect(sent.code, sent.stderr).toBe(0);
    const rows = kcat(topic)
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => l.split('|'));
    expect(rows.map(([k, kl, h, , v]) => [k, kl, h, v])).toEqual([
      ['k1', '2', 'h1=a,h2=b', 'v1'],
      ['k2', '2', 'h1=a,h2=b', 'v2 with space'],
    ]);
    for (const row of rows) expect(Number(row[3])).toSatisfy((t: number) => t >= before - 1000 && t <= after + 1000);
  });
});
