// The TUI's produce path (model/kafka-backend.ts) against a real broker, read back with kcat: a
// keyed line lands on the key's murmur2 partition, -p on the one asked, headers arrive, and the
// offsets it reports are the ones kcat sees; what the broker refuses is an error, not a send.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionManager } from '../../source/kafka/connection.js';
import { kafkaBackend } from '../../source/model/kafka-backend.js';
import { createTopicAndWait } from '../helpers/create-topic.js';
import { SINGLE, bootstrapOf } from '../helpers/ports.js';

const exec = promisify(execFile);
const bootstrap = bootstrapOf(SINGLE);
const topic = `tui-produce-${Date.now().toString(36)}`;
const connection = new ConnectionManager({ brokers: [bootstrap], clientId: 'test', connectionTimeoutMs: 10_000, requestTimeoutMs: 10_000 });
const backend = kafkaBackend(connection, bootstrap);

beforeAll(() => createTopicAndWait(topic, bootstrap, ['--partitions', '3']));
afterAll(() => connection.shutdown());

/** Every record of the topic as kcat reads it: partition, offset, key, value and headers. */
async function kcatRecords(): Promise<string[]> {
  const { stdout } = await exec('kcat', ['-b', bootstrap, '-C', '-t', topic, '-e', '-q', '-f', '%p %o %k %s %h\n']);
  return stdout.split('\n').filter(Boolean).sort();
}

describe('the TUI producer against a real broker', () => {
  it('sends keyed, partitioned and headered lines where kcat finds them, at the offsets it reported', async () => {
    const keyed = await backend.produce({ topic, key: Buffer.from('k1'), value: Buffer.from('by-key'), headers: [] });
    const pinned = await backend.produce({ topic, key: null, value: Buffer.from('pinned'), headers: [['trace', 'abc']], partition: 1 });
    const again = await backend.produce({ topic, key: Buffer.from('k1'), value: Buffer.from('same-key'), headers: [] });
    // kcat's own partitioner (librdkafka murmur2_random) is Java's for keyed messages: k1 goes where it sends it.
    await exec('sh', ['-c', `printf 'k1:from-kcat\\n' | kcat -b ${bootstrap} -P -t ${topic} -K: -X partitioner=murmur2_random`]);
    expect(again.partition).toBe(keyed.partition);
    expect(Number(again.offset)).toBe(Number(keyed.offset) + 1);
    expect(pinned.partition).toBe(1);
    expect(await kcatRecords()).toEqual(
      [
        `${keyed.partition} ${keyed.offset} k1 by-key `,
        `1 ${pinned.offset}  pinned trace=abc`,
        `${again.partition} ${again.offset} k1 same-key `,
        `${keyed.partition} ${Number(again.offset) + 1} k1 from-kcat `,
      ].sort(),
    );
  });

  it('refuses a partition the topic does not have and an unknown topic, sending nothing', async () => {
    await expect(backend.produce({ topic, key: null, value: Buffer.from('x'), headers: [], partition: 9 })).rejects.toThrow(
      `topic ${topic} has no partition 9 (it has 3: 0-2)`,
    );
    await expect(backend.produce({ topic: `${topic}-missing`, key: null, value: Buffer.from('x'), headers: [] })).rejects.toThrow(
      `unknown topic: ${topic}-missing`,
    );
    expect((await kcatRecords()).filter((line) => line.includes(' x '))).toEqual([]);
  });
});
