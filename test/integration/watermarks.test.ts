// Watermarks against a real broker when some partitions cannot answer. A broker that has not loaded
// a partition the metadata says it leads (one broker given 20,000 partitions ran out of open files
// and never loaded the last 148) answers ListOffsets with an error for that partition alone;
// kafkajs failed the whole request on it, and every partition of that leader lost its watermarks.
// Here a topic deleted between the metadata and the ListOffsets plays the unloaded partition, and
// 2,100 new partitions are asked for before their leader has loaded them all.
import { execFile } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { ConnectionManager } from '../../source/kafka/connection.js';
import { fetchMetadata } from '../../source/kafka/metadata.js';
import { MAX_PARTITIONS_PER_REQUEST } from '../../source/kafka/protocol/list-offsets.js';
import { fetchWatermarks } from '../../source/kafka/topics.js';
import { runCli, uniqueTopic } from '../helpers/cli.js';
import { createTopicAndWait } from '../helpers/create-topic.js';
import { kafkaTool } from '../helpers/java-tools.js';
import { SINGLE, bootstrapOf } from '../helpers/ports.js';

const bootstrap = bootstrapOf(SINGLE);
const connection = new ConnectionManager({ brokers: [bootstrap], clientId: 'test', connectionTimeoutMs: 10_000, requestTimeoutMs: 30_000 });
afterAll(() => connection.shutdown());

const produce = (topic: string, partition: number, lines: number) =>
  new Promise<void>((resolve, reject) => {
    const child = execFile('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', String(partition)], { timeout: 30_000 }, (error) =>
      error ? reject(error) : resolve(),
    );
    child.stdin!.end(Array.from({ length: lines }, (_, i) => `m${i}\n`).join(''));
  });

/** Kafka's GetOffsetShell: "topic:partition:offset" lines for the latest offsets. */
async function peerHighWatermarks(topic: string): Promise<string[]> {
  const shell = await kafkaTool(SINGLE, 'org.apache.kafka.tools.GetOffsetShell', [
    '--bootstrap-server',
    bootstrap,
    '--topic',
    topic,
    '--time',
    '-1',
  ]);
  expect(shell.code, shell.stderr).toBe(0);
  return shell.stdout
    .split('\n')
    .filter((line) => line.startsWith(`${topic}:`))
    .sort();
}

describe('watermarks when some partitions cannot answer', { timeout: 180_000 }, () => {
  it('keeps the other partitions of the same leader, and names the ones that failed', async () => {
    const kept = uniqueTopic('kept');
    const gone = uniqueTopic('gone');
    await createTopicAndWait(kept, bootstrap, ['--partitions', '3']);
    await createTopicAndWait(gone, bootstrap, ['--partitions', '2']);
    await produce(kept, 1, 5);
    const metadata = await fetchMetadata(connection.cluster, [kept, gone]);
    expect((await runCli(['topics', 'delete', gone, '--yes', '-b', bootstrap])).code).toBe(0);

    const { byTopic, failures } = await fetchWatermarks(connection.cluster, metadata.topics);
    const marks = [...byTopic.get(kept)!].sort(([a], [b]) => a - b).map(([p, m]) => `${kept}:${p}:${m.high}`);
    expect(marks).toEqual(await peerHighWatermarks(kept));
    expect(byTopic.get(kept)!.get(1)).toEqual({ low: '0', high: '5' });
    expect(byTopic.get(gone)!.size).toBe(0);
    expect(failures.map((f) => `${f.topic}/${f.partition} ${f.reason}`).sort()).toEqual([
      `${gone}/0 UNKNOWN_TOPIC_OR_PARTITION`,
      `${gone}/1 UNKNOWN_TOPIC_OR_PARTITION`,
    ]);
  });

  it(`gives every watermark of more partitions than one request carries (${MAX_PARTITIONS_PER_REQUEST})`, async () => {
    const topics = [uniqueTopic('wide'), uniqueTopic('wide')];
    const perTopic = MAX_PARTITIONS_PER_REQUEST / 2 + 50;
    // kafkajs's admin and our own leader wait: `topics create` gives up after the request timeout, which 1,050 partitions on a busy machine can take.
    const admin = await connection.admin();
    await admin.createTopics({
      waitForLeaders: false,
      timeout: 120_000,
      topics: topics.map((topic) => ({ topic, numPartitions: perTopic })),
    });
    for (let tries = 0; tries < 120; tries++) {
      const metadata = await fetchMetadata(connection.cluster, topics).catch(() => undefined);
      const led = metadata?.topics.flatMap((t) => t.partitions).filter((p) => p.leader !== null).length;
      if (led === 2 * perTopic) break;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    await produce(topics[1]!, perTopic - 1, 3);
    try {
      const describe = async () => {
        const described = await runCli(['describe', ...topics.flatMap((t) => ['-t', t]), '--json', '-b', bootstrap]);
        expect(described.code, described.stderr).toBe(0);
        const json = JSON.parse(described.stdout) as {
          topics: Array<{ name: string; partitions: Array<{ partition: number; highWatermark: number | null }> }>;
        };
        const highs = json.topics.flatMap((t) => t.partitions.map((p) => `${t.name}:${p.partition}:${p.highWatermark}`)).sort();
        expect(highs).toHaveLength(2 * perTopic);
        return { highs, stderr: described.stderr };
      };
      // Just created, some partitions may not be loaded by their leader yet: each such null is said on stderr.
      const first = await describe();
      const unknown = first.highs.filter((h) => h.endsWith(':null')).length;
      if (unknown === 0) expect(first.stderr).toBe('');
      else expect(first.stderr).toMatch(new RegExp(`^kafka-tui: no watermarks for NOT_LEADER_FOR_PARTITION on ${unknown} partitions? \\(`));
      let settled = first;
      for (let tries = 0; settled.stderr !== '' && tries < 60; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        settled = await describe();
      }
      expect(settled.stderr).toBe('');
      expect(settled.highs).toEqual([...(await peerHighWatermarks(topics[0]!)), ...(await peerHighWatermarks(topics[1]!))].sort());
    } finally {
      for (const topic of topics) await runCli(['topics', 'delete', topic, '--yes', '-b', bootstrap]);
    }
  });
});
