// consume and produce across a leader failover on the 3-node cluster: a broker is stopped
// while both run; every line must be reported sent or failed, and every sent message read
// exactly once.
import { execFile, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, uniqueTopic } from '../helpers/cli.js';
import { createTopicAndWait } from '../helpers/create-topic.js';
import { startBroker, stopBroker } from '../helpers/kafka-local.js';
import { TRIPLE, bootstrapOf } from '../helpers/ports.js';

const bootstrap = bootstrapOf(TRIPLE);
const b = ['-b', bootstrap];
const STOPPED = 2;
const exec = promisify(execFile);
const LOG = `${tmpdir()}/kafka-tui-failover-${process.pid}.log`;

interface Running {
  lines(): string[];
  stderr(): string;
  stdin: NodeJS.WritableStream;
  exited: Promise<number | null>;
  signal(name: NodeJS.Signals): void;
}

function start(args: string[]): Running {
  const child = spawn(process.execPath, [BIN, ...args, ...b], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    lines: () => out.split('\n').filter(Boolean),
    stderr: () => err,
    stdin: child.stdin,
    exited,
    signal: (name) => child.kill(name),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await sleep(50);
  }
}

describe('leader failover on three brokers', () => {
  let stopped = false;

  afterAll(async () => {
    rmSync(LOG, { force: true });
    if (stopped) await startBroker(TRIPLE, STOPPED);
  });

  it('keeps consuming and producing through a broker stop: none lost, none twice', async () => {
    const topic = uniqueTopic('failover');
    await createTopicAndWait(topic, bootstrap, ['--partitions', '3', '--replication-factor', '3', '--config', 'min.insync.replicas=2']);

    const consumer = start(['consume', '-t', topic, '--from-beginning', '--print-partition', '--print-offset', '--log-file', LOG]);
    const producer = start(['produce', '-t', topic]);
    const write = (from: number, to: number) => {
      let text = '';
      for (let i = from; i < to; i++) text += `m${i}\n`;
      producer.stdin.write(text);
    };

    // Half the lines before the stop, read by the consumer; the rest while the broker is down.
    for (let i = 0; i < 10; i++) {
      write(i * 100, i * 100 + 100);
      await sleep(30);
    }
    await until(
      () => consumer.lines().length >= 1000,
      20_000,
      () => 'the first 1000 messages',
    );
    const stopping = stopBroker(TRIPLE, STOPPED).then(() => (stopped = true));
    for (let i = 10; i < 20; i++) {
      write(i * 100, i * 100 + 100);
      await sleep(100);
    }
    await stopping;
    producer.stdin.end();
    const producerCode = await producer.exited;

    // Every line is accounted for: sent + failed = 2000, and the exit code says whether any failed.
    const summary = /sent (\d+), failed (\d+)/.exec(producer.stderr());
    expect(summary, producer.stderr()).not.toBeNull();
    const sent = Number(summary![1]);
    const failed = Number(summary![2]);
    expect(sent + failed).toBe(2000);
    expect(producerCode).toBe(failed > 0 ? 1 : 0);
    expect(sent, producer.stderr()).toBeGreaterThan(1000);

    await until(
      () => consumer.lines().length >= sent,
      30_000,
      () => `all ${sent} sent messages (got ${consumer.lines().length}; see ${LOG})`,
    );
    // The log itself, read by kcat: the producer wrote each line once, and our reader saw each record of it once.
    const { stdout: logged } = await exec('kcat', ['-b', bootstrap, '-C', '-t', topic, '-e', '-q', '-f', '%p\t%o\t%s\n'], {
      timeout: 30_000,
      maxBuffer: 16 << 20,
    });
    consumer.signal('SIGINT');
    expect(await consumer.exited).toBe(130);
    expect(consumer.stderr()).toMatch(new RegExp(`consumed ${sent} messages`));

    const records = consumer.lines().map((line) => {
      const [partition, offset, value] = line.split('\t');
      return { partition: Number(partition!.slice('Partition:'.length)), offset: Number(offset!.slice('Offset:'.length)), value: value! };
    });
    expect(records).toHaveLength(sent);
    // Exactly once: per partition the offsets are 0..n-1 with no gap and no repeat, and no value twice.
    for (let p = 0; p < 3; p++) {
      const offsets = records.filter((r) => r.partition === p).map((r) => r.offset);
      expect(offsets).toEqual(offsets.map((_, i) => i));
    }
    expect(new Set(records.map((r) => r.value)).size).toBe(sent);
    const inLog = logged.split('\n').filter(Boolean).sort();
    expect(inLog).toHaveLength(sent);
    expect(records.map((r) => `${r.partition}\t${r.offset}\t${r.value}`).sort()).toEqual(inLog);
  });
});
