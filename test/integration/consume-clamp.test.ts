// The TUI's `offset N` over every partition against a real broker: a partition that does not
// reach N (here an empty one) starts inside its range and is reported; the CLI keeps its error.
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionManager } from '../../source/kafka/connection.js';
import { kafkaBackend } from '../../source/model/kafka-backend.js';
import type { ConsumedRecord, ConsumeRequest, StartClamp } from '../../source/model/backend.js';
import { runCli } from '../helpers/cli.js';
import { createTopicAndWait } from '../helpers/create-topic.js';
import { SINGLE, bootstrapOf } from '../helpers/ports.js';

const bootstrap = bootstrapOf(SINGLE);
const topic = `clamp-${Date.now().toString(36)}`;
const connection = new ConnectionManager({ brokers: [bootstrap], clientId: 'test', connectionTimeoutMs: 10_000, requestTimeoutMs: 10_000 });
const backend = kafkaBackend(connection, bootstrap);

beforeAll(async () => {
  await createTopicAndWait(topic, bootstrap, ['--partitions', '2']);
  // Ten records on partition 1 (offsets 0 to 9); partition 0 stays empty.
  const child = execFile('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', '1']);
  child.stdin!.end(Array.from({ length: 10 }, (_, i) => `v${i}`).join('\n') + '\n');
  await new Promise<void>((resolve, reject) => child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`kcat ${code}`)))));
});

afterAll(() => connection.shutdown());

/** Consumes until `until` holds or something fails. */
function consume(request: ConsumeRequest, until: (records: ConsumedRecord[], clamps?: StartClamp[]) => boolean) {
  const records: ConsumedRecord[] = [];
  let clamps: StartClamp[] | undefined;
  return new Promise<{ records: ConsumedRecord[]; clamps?: StartClamp[] }>((resolve, reject) => {
    const done = () => until(records, clamps) && void subscription.stop().then(() => resolve({ records, clamps }));
    const subscription = backend.consume(request, {
      records: (batch) => {
        records.push(...batch);
        done();
      },
      error: reject,
      clamped: (reported) => {
        clamps = reported;
        done();
      },
    });
    setTimeout(() => reject(new Error(`timed out; records so far: ${records.length}`)), 15_000).unref();
  });
}

describe('offset N over every partition', () => {
  it('with clampStart starts the empty partition at its end, says so, and reads the other from N', async () => {
    const { records, clamps } = await consume(
      { topic, from: { kind: 'offset', offset: 7 }, partitions: [], clampStart: true },
      (got, clamped) => got.length >= 3 && clamped !== undefined,
    );
    expect(clamps).toEqual([{ partition: 0, offset: 0, low: 0, end: 0 }]);
    expect(records.map((r) => [r.partition, r.offset, r.value?.toString()])).toEqual([
      [1, 7, 'v7'],
      [1, 8, 'v8'],
      [1, 9, 'v9'],
    ]);
  });

  it('clamps an offset past every end to each end', async () => {
    const { clamps } = await consume(
      { topic, from: { kind: 'offset', offset: 12 }, partitions: [], clampStart: true },
      (_, clamped) => clamped !== undefined,
    );
    expect(clamps).toEqual([
      { partition: 0, offset: 0, low: 0, end: 0 },
      { partition: 1, offset: 10, low: 0, end: 10 },
    ]);
  });

  it('without clampStart still fails with the partition that is out of range', async () => {
    await expect(consume({ topic, from: { kind: 'offset', offset: 7 }, partitions: [] }, () => false)).rejects.toThrow(
      `offset 7 is out of range for ${topic} partition 0 (it holds 0 to 0)`,
    );
  });

  it('the CLI keeps its clear error for --offset out of range', async () => {
    const result = await runCli(['consume', '-t', topic, '-p', '0', '--offset', '7', '-e', '-b', bootstrap]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`kafka-tui: offset 7 is out of range for ${topic} partition 0 (it holds 0 to 0)`);
  });

  // Last: it deletes records, so partition 1 then holds 5 to 10.
  it("clamps an offset below a partition's first offset up to it", async () => {
    const admin = await connection.admin();
    await admin.fetchTopicMetadata({ topics: [topic] }); // kafkajs finds the leaders from its own metadata
    await admin.deleteTopicRecords({ topic, partitions: [{ partition: 1, offset: '5' }] });
    const { records, clamps } = await consume(
      { topic, from: { kind: 'offset', offset: 2 }, partitions: [], clampStart: true },
      (got, clamped) => got.length >= 5 && clamped !== undefined,
    );
    expect(clamps).toEqual([
      { partition: 0, offset: 0, low: 0, end: 0 },
      { partition: 1, offset: 5, low: 5, end: 10 },
    ]);
    expect(records.map((r) => r.offset)).toEqual([5, 6, 7, 8, 9]);
  });
});
