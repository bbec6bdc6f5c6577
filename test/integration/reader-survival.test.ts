// A following reader against a real broker while its topic changes under it: partitions
// added, the topic deleted, and records deleted ahead of it (DeleteRecords, as retention does).
// Both the CLI (`consume` without -e) and the TUI's reader (kafka-backend + ConsumerStore).
import { spawn } from 'node:child_process';
import kafkajs from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { ConnectionManager } from '../../source/kafka/connection.js';
import { ConsumerStore } from '../../source/model/consumer-store.js';
import { kafkaBackend } from '../../source/model/kafka-backend.js';
import { BIN, runCli, uniqueTopic } from '../helpers/cli.js';
import { createTopicAndWait } from '../helpers/create-topic.js';
import { SINGLE, bootstrapOf } from '../helpers/ports.js';

const bootstrap = bootstrapOf(SINGLE);
const b = ['-b', bootstrap];

const kafka = new kafkajs.Kafka({ brokers: [bootstrap], clientId: 'reader-survival-test', logLevel: kafkajs.logLevel.NOTHING });
const connection = new ConnectionManager({
  brokers: [bootstrap],
  clientId: 'reader-survival-tui',
  connectionTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
});

afterAll(async () => {
  await connection.shutdown();
});

/**
 * A fresh kafkajs admin per change: one that has seen a topic keeps asking for its metadata
 * and fails every later call once that topic is deleted.
 */
async function withAdmin(change: (admin: kafkajs.Admin) => Promise<unknown>): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await change(admin);
  } finally {
    await admin.disconnect();
  }
}

async function createTopic(prefix: string, partitions = 1): Promise<string> {
  const topic = uniqueTopic(prefix);
  await createTopicAndWait(topic, bootstrap, ['--partitions', String(partitions)]);
  return topic;
}

/** DeleteRecords on partition 0, as retention would. */
const deleteRecordsBefore = (topic: string, offset: number) =>
  withAdmin(async (admin) => {
    await admin.fetchTopicMetadata({ topics: [topic] }); // deleteTopicRecords needs the leaders loaded
    await admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: String(offset) }] });
  });

/** Through our own produce, which asks for metadata each run: kafkajs's producer caches it for minutes, so an added partition is new to it. */
async function send(topic: string, partition: number, values: string[]): Promise<void> {
  const result = await runCli(['produce', '-t', topic, '-p', String(partition), ...b], { input: `${values.join('\n')}\n` });
  expect(result.code, result.stderr).toBe(0);
}

interface Running {
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
  /** Stops reading the child's stdout once its first output came: when the pipe is full, the reader waits (backpressure). */
  holdOutput(): Promise<void>;
  releaseOutput(): void;
  signal(name: NodeJS.Signals): void;
}

function startConsume(args: string[]): Running {
  const child = spawn(process.execPath, [BIN, 'consume', ...args, ...b], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    stdout: () => out,
    stderr: () => err,
    exited,
    holdOutput: () =>
      new Promise((resolve) =>
        child.stdout.once('data', () => {
          child.stdout.pause();
          resolve();
        }),
      ),
    releaseOutput: () => child.stdout.resume(),
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

const lines = (text: string) => text.split('\n').filter(Boolean);

function tuiConsumer() {
  // Counts the reader's connections to a partition leader: one for its start offsets, then one for its fetches.
  let leaderConnections = 0;
  const cluster = connection.cluster;
  const counted = Object.create(cluster) as typeof cluster;
  counted.broker = (nodeId) => {
    leaderConnections++;
    return cluster.broker(nodeId);
  };
  const watched = Object.create(connection, { cluster: { value: counted } }) as ConnectionManager;
  const store = new ConsumerStore(kafkaBackend(watched, 'test'), 1_000, (record) => record.value?.toString() ?? '');
  const values = () => {
    const out: string[] = [];
    for (let seq = store.buffer.firstSeq; seq < store.buffer.total; seq++) out.push(store.buffer.at(seq)!.value!.toString());
    return out;
  };
  return { store, values, fetching: () => leaderConnections >= 2 };
}

describe('partitions added while following', () => {
  it('consume picks up the new partitions, reads them from their beginning and says so on stderr', async () => {
    const topic = await createTopic('grow');
    await send(topic, 0, ['p0-first']);
    const consume = startConsume(['-t', topic, '--from-beginning']);
    try {
      await until(
        () => consume.stdout().includes('p0-first'),
        30_000,
        () => `p0-first (stderr: ${consume.stderr()})`,
      );
      await withAdmin((admin) => admin.createPartitions({ topicPartitions: [{ topic, count: 3 }] }));
      // Written before the reader can have noticed the partitions: they must not be lost.
      await send(topic, 1, ['p1-a', 'p1-b']);
      await send(topic, 2, ['p2-a']);
      await send(topic, 0, ['p0-second']);
      const expected = ['p0-first', 'p0-second', 'p1-a', 'p1-b', 'p2-a'];
      await until(
        () => lines(consume.stdout()).length >= expected.length,
        30_000,
        () => `five lines (got ${JSON.stringify(consume.stdout())}, stderr: ${consume.stderr()})`,
      );
      expect(lines(consume.stdout()).sort()).toEqual(expected);
      expect(consume.stderr()).toMatch(new RegExp(`kafka-tui: warning: ${topic} has new partitions? 1`));
    } finally {
      consume.signal('SIGINT');
      expect(await consume.exited).toBe(130);
    }
  });

  it("the TUI's reader does too, with a notice in the consumer pane", async () => {
    const topic = await createTopic('grow-tui');
    await send(topic, 0, ['p0-first']);
    const { store, values } = tuiConsumer();
    try {
      await store.start({ topic, from: { kind: 'earliest' }, partitions: [] });
      await until(
        () => values().includes('p0-first'),
        30_000,
        () => `p0-first (error: ${store.state.error})`,
      );
      await withAdmin((admin) => admin.createPartitions({ topicPartitions: [{ topic, count: 2 }] }));
      await send(topic, 1, ['p1-a']);
      await until(
        () => values().includes('p1-a'),
        30_000,
        () => `p1-a (error: ${store.state.error})`,
      );
      expect(store.state.notice).toBe(`${topic} has a new partition 1: reading it from its beginning`);
    } finally {
      await store.dispose();
    }
  });
});

describe('the topic deleted while being read', () => {
  it('consume prints one line and exits non-zero', async () => {
    const topic = await createTopic('deleted', 2);
    await send(topic, 0, ['before']);
    const consume = startConsume(['-t', topic, '--from-beginning']);
    await until(
      () => consume.stdout().includes('before'),
      30_000,
      () => `before (stderr: ${consume.stderr()})`,
    );
    await withAdmin((admin) => admin.deleteTopics({ topics: [topic] }));
    const code = await Promise.race([consume.exited, sleep(30_000).then(() => 'still running')]);
    if (code === 'still running') consume.signal('SIGKILL');
    expect(code).toBe(1);
    expect(consume.stderr()).toBe(`kafka-tui: topic ${topic} was deleted\n`);
  });

  it("the TUI's consumer pane shows it as its error", async () => {
    const topic = await createTopic('deleted-tui');
    await send(topic, 0, ['before']);
    const { store, values } = tuiConsumer();
    try {
      await store.start({ topic, from: { kind: 'earliest' }, partitions: [] });
      await until(
        () => values().includes('before'),
        30_000,
        () => `before (error: ${store.state.error})`,
      );
      await withAdmin((admin) => admin.deleteTopics({ topics: [topic] }));
      await until(
        () => store.state.error !== undefined,
        30_000,
        () => 'an error',
      );
      expect(store.state.error).toBe(`topic ${topic} was deleted`);
    } finally {
      await store.dispose();
    }
  });
});

describe('records deleted ahead of a following reader (OFFSET_OUT_OF_RANGE mid-stream)', () => {
  const RECORDS = 400;
  // 10 KB each: 4 MB in all, far more than a pipe and the reader's fetches hold, so a reader
  // whose output is not read stops well before the end.
  const value = (i: number) => `${i} ${'x'.repeat(10_000)}`;
  const LOW = 300;

  it('consume jumps to the new log start with a warning that counts what it skipped, and loses nothing else', async () => {
    const topic = await createTopic('overtaken');
    await send(
      topic,
      0,
      Array.from({ length: RECORDS }, (_, i) => value(i)),
    );
    const consume = startConsume(['-t', topic, '--from-beginning']);
    const held = consume.holdOutput();
    try {
      // It has started reading (a slow start must not let the deletion come first), then it is
      // stuck behind a full pipe, somewhere below LOW.
      await held;
      await sleep(2_000);
      await deleteRecordsBefore(topic, LOW);
      consume.releaseOutput();
      await until(
        () => consume.stdout().includes(`${RECORDS - 1} `),
        30_000,
        () => `the last record (stderr: ${consume.stderr()})`,
      );
      const warning =
        /kafka-tui: warning: partition 0: (\d+) offsets? skipped \((\d+) to (\d+)\): removed by retention or delete-records before they were read; continuing from (\d+)\n/.exec(
          consume.stderr(),
        );
      expect(warning, consume.stderr()).not.toBeNull();
      const [skipped, from, to, continuing] = warning!.slice(1).map(Number);
      expect([to, continuing, skipped]).toEqual([LOW - 1, LOW, LOW - from!]);
      const read = lines(consume.stdout()).map((line) => Number(line.split(' ')[0]));
      const expected = [...Array.from({ length: from! }, (_, i) => i), ...Array.from({ length: RECORDS - LOW }, (_, i) => LOW + i)];
      expect(read).toEqual(expected);
      expect(consume.stderr().match(/warning/g)).toHaveLength(1);
    } finally {
      consume.releaseOutput();
      consume.signal('SIGINT');
      await consume.exited;
    }
  });

  it('--offset N below the log start at the start is still an error', async () => {
    const topic = await createTopic('below-start');
    await send(topic, 0, ['a', 'b', 'c']);
    await deleteRecordsBefore(topic, 2);
    const result = await runCli(['consume', '-t', topic, '-p', '0', '--offset', '0', '-e', ...b]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`kafka-tui: offset 0 is out of range for ${topic} partition 0 (it holds 2 to 3)\n`);
  });

  it("the TUI's reader warns in the pane and goes on from the new log start", async () => {
    const topic = await createTopic('overtaken-tui');
    await send(
      topic,
      0,
      Array.from({ length: RECORDS }, (_, i) => value(i)),
    );
    const { store, values, fetching } = tuiConsumer();
    try {
      // Paused before the first batch is shown: the reader holds it and at most one fetch more.
      await store.start({ topic, from: { kind: 'earliest' }, partitions: [] });
      store.togglePause();
      // A slow start must not let the deletion come before the reader's start offset.
      await until(fetching, 30_000, () => 'the reader to fetch');
      await sleep(1_000);
      await deleteRecordsBefore(topic, LOW);
      store.togglePause();
      await until(
        () => values().some((v) => v.startsWith(`${RECORDS - 1} `)),
        30_000,
        () => `the last record (error: ${store.state.error})`,
      );
      expect(store.state.notice).toMatch(
        new RegExp(
          `^partition 0: \\d+ offsets skipped \\(\\d+ to ${LOW - 1}\\): removed by retention or delete-records before they were read; continuing from ${LOW}$`,
        ),
      );
      const read = values().map((v) => Number(v.split(' ')[0]));
      expect(read.slice(-(RECORDS - LOW))).toEqual(Array.from({ length: RECORDS - LOW }, (_, i) => LOW + i));
    } finally {
      await store.dispose();
    }
  });
});
