// The TUI's find (F) through the real backend: a bounded scan that ends by itself at the partitions'
// ends or at its limit, keeping what kcat + grep says matches.
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionManager } from '../../source/kafka/connection.js';
import { ConsumerStore } from '../../source/model/consumer-store.js';
import { kafkaBackend } from '../../source/model/kafka-backend.js';
import { uniqueTopic } from '../helpers/cli.js';
import { createTopicAndWait } from '../helpers/create-topic.js';
import { SINGLE, bootstrapOf } from '../helpers/ports.js';

const bootstrap = bootstrapOf(SINGLE);
const topic = uniqueTopic('tui-find');
const connection = new ConnectionManager({ brokers: [bootstrap], clientId: 'test', connectionTimeoutMs: 10_000, requestTimeoutMs: 10_000 });
const backend = kafkaBackend(connection, bootstrap);
const COUNT = 300;

const kcat = (args: string[], input?: string) =>
  new Promise<string>((resolve, reject) => {
    const child = execFile('kcat', ['-b', bootstrap, ...args], { maxBuffer: 16 << 20 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
    child.stdin!.end(input ?? '');
  });

beforeAll(async () => {
  await createTopicAndWait(topic, bootstrap, ['--partitions', '3']);
  const lines = Array.from({ length: COUNT }, (_, i) => `key-${i % 10}:{"n":${i},"even":${i % 2 === 0}}`).join('\n');
  await kcat(['-P', '-t', topic, '-K:'], `${lines}\n`);
});

afterAll(() => connection.shutdown());

/** Runs a find to its end (the store's progress says it ended) and returns the store. */
async function findAll(query: string, limit: number): Promise<ConsumerStore> {
  const store = new ConsumerStore(backend, 10_000, 100);
  await store.find({ topic, from: { kind: 'earliest' }, partitions: [], query, limit });
  const deadline = Date.now() + 20_000;
  while (store.snapshot.find?.endedAt === undefined) {
    if (Date.now() > deadline) throw new Error(`find did not end: ${JSON.stringify(store.snapshot.find)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return store;
}

const valuesOf = (store: ConsumerStore) =>
  Array.from({ length: store.buffer.size }, (_, i) => store.buffer.at(store.buffer.firstSeq + i)!.value!.toString()).sort();

describe('find through the real backend', () => {
  it('ends by itself at the end and keeps what kcat | grep finds', async () => {
    const store = await findAll('key:^key-3$ $.even == false', 1_000_000);
    const peer = (await kcat(['-C', '-t', topic, '-e', '-q', '-f', '%k\t%s\n']))
      .split('\n')
      .filter((line) => line.startsWith('key-3\t') && line.includes('"even":false'))
      .map((line) => line.split('\t')[1]!)
      .sort();
    expect(peer).toHaveLength(30);
    expect(valuesOf(store)).toEqual(peer);
    expect(store.snapshot.find).toMatchObject({ scanned: COUNT, matched: 30, stopped: undefined });
    await store.dispose();
  });

  it('stops at its limit of records read', async () => {
    const store = await findAll('', 50);
    expect(store.snapshot.find).toMatchObject({ scanned: 50, matched: 50 });
    expect(store.buffer.size).toBe(50);
    await store.dispose();
  });
});
