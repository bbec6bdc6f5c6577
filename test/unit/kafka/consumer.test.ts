// The partition reader's routing against an in-memory cluster: leaders that move, partitions that
// go offline and come back, and each kind of fetch error, without brokers.
import { describe, expect, it } from 'vitest';
import { PartitionReader, type ReaderOptions } from '../../../source/kafka/consumer.js';
import { KafkaUserError } from '../../../source/kafka/errors.js';
import { DecodeError } from '../../../source/kafka/protocol/decode-error.js';
import { FakeCluster } from '../../helpers/fake-cluster.js';

const values = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

async function read(cluster: FakeCluster, options: Partial<ReaderOptions> = {}) {
  const delivered: Array<[partition: number, offset: number, value: string]> = [];
  const notices: string[] = [];
  const warnings: string[] = [];
  const reader = new PartitionReader(
    cluster,
    { topic: cluster.topic, start: { kind: 'earliest' }, stopAtEnd: true, maxWaitMs: 20, ...options },
    {
      onBatch: (records) => {
        for (const r of records) delivered.push([r.partition, r.offset, r.value!.toString()]);
      },
      onNotice: (message) => notices.push(message),
      onWarning: (message) => warnings.push(message),
    },
  );
  const summary = await reader.run();
  return { delivered, notices, warnings, summary };
}

const ofPartition = (delivered: Array<[number, number, string]>, partition: number) =>
  delivered.filter(([p]) => p === partition).map(([, offset, value]) => `${offset}:${value}`);

describe('PartitionReader routing', { timeout: 10_000 }, () => {
  it('reads each partition from its own leader, in offset order, to the end', async () => {
    const cluster = new FakeCluster('t').partition(0, 1, values('a', 7)).partition(1, 2, values('b', 4));
    const { delivered, summary } = await read(cluster);
    expect(ofPartition(delivered, 0)).toEqual(values('a', 7).map((v, i) => `${i}:${v}`));
    expect(ofPartition(delivered, 1)).toEqual(values('b', 4).map((v, i) => `${i}:${v}`));
    expect(summary.positions).toEqual([
      { partition: 0, nextOffset: 7, endOffset: 7 },
      { partition: 1, nextOffset: 4, endOffset: 4 },
    ]);
  });

  it('follows a leader that moves: the old one answers NOT_LEADER_OR_FOLLOWER, the new one is asked from there on', async () => {
    const cluster = new FakeCluster('t').partition(0, 1, values('v', 10));
    const asked: Array<[broker: number, offset: number]> = [];
    cluster.beforeFetch = ({ broker, offset }) => {
      asked.push([broker, offset]);
      if (offset >= 3) cluster.partitions.get(0)!.leader = 2;
    };
    const { delivered, notices } = await read(cluster);
    expect(ofPartition(delivered, 0)).toEqual(values('v', 10).map((v, i) => `${i}:${v}`));
    expect(asked[0]).toEqual([1, 0]);
    expect(asked).toContainEqual([1, 3]); // answered NOT_LEADER_OR_FOLLOWER
    expect(
      asked
        .filter(([, offset]) => offset >= 3)
        .slice(1)
        .every(([broker]) => broker === 2),
    ).toBe(true);
    expect(notices.some((n) => /partition 0: NOT_LEADER/.test(n))).toBe(true);
    expect(notices).toContain('partition 0: reading from leader 2');
  });

  it('waits for an offline partition (no leader) and resumes where it stopped once it has one again', async () => {
    const cluster = new FakeCluster('t').partition(0, 1, values('v', 9)).partition(1, 2, values('w', 2));
    let offlineSince = 0;
    const offline = cluster.partitions.get(0)!;
    cluster.beforeFetch = ({ partition, offset, count }) => {
      if (partition === 0 && offset === 6 && offlineSince === 0) {
        offlineSince = count;
        offline.leader = null;
        cluster.live.delete(1);
        return 5; // LEADER_NOT_AVAILABLE
      }
      // A few fetches of the other partition later, broker 3 takes over.
      if (offlineSince > 0 && offline.leader === null && count > offlineSince + 3) offline.leader = 3;
    };
    // Partition 1 keeps its loop (and the fetch count) going while partition 0 has no leader.
    const { delivered, notices } = await read(cluster, { stopAtEnd: false, maxRecords: 11 });
    expect(ofPartition(delivered, 0)).toEqual(values('v', 9).map((v, i) => `${i}:${v}`));
    expect(ofPartition(delivered, 1)).toEqual(['0:w0', '1:w1']);
    expect(notices).toContain('partition 0: reading from leader 3');
  });

  it('finds the leader again after UNKNOWN_TOPIC_OR_PARTITION (a new leader not caught up yet)', async () => {
    const cluster = new FakeCluster('t').partition(0, 1, values('v', 5));
    let answered = false;
    cluster.beforeFetch = ({ offset }) => {
      if (offset === 3 && !answered) {
        answered = true;
        return 3;
      }
    };
    const { delivered, notices } = await read(cluster);
    expect(ofPartition(delivered, 0)).toEqual(values('v', 5).map((v, i) => `${i}:${v}`));
    expect(notices).toContain('partition 0: UNKNOWN_TOPIC_OR_PARTITION, finding its leader again');
  });

  it('after OFFSET_OUT_OF_RANGE (retention removed the next records) continues from the log start, with a warning that counts the skipped offsets', async () => {
    const cluster = new FakeCluster('t').partition(0, 1, values('v', 9));
    cluster.beforeFetch = ({ offset }) => {
      const p = cluster.partitions.get(0)!;
      if (offset === 3 && p.logStart === 0) {
        p.logStart = 6; // offsets 0-5 deleted
        p.values = p.values.slice(6);
      }
    };
    const { delivered, warnings, summary } = await read(cluster);
    expect(ofPartition(delivered, 0)).toEqual(['0:v0', '1:v1', '2:v2', '6:v6', '7:v7', '8:v8']);
    expect(warnings).toEqual([
      'partition 0: 3 offsets skipped (3 to 5): removed by retention or delete-records before they were read; continuing from 6',
    ]);
    expect(summary.positions).toEqual([{ partition: 0, nextOffset: 9, endOffset: 9 }]);
  });

  it('after OFFSET_OUT_OF_RANGE past the end (a truncated log) continues from the new end, not from the start', async () => {
    const cluster = new FakeCluster('t').partition(0, 1, values('v', 5));
    const p = cluster.partitions.get(0)!;
    cluster.beforeFetch = ({ offset }) => {
      if (offset === 3 && p.values.length === 5) p.values = p.values.slice(0, 2);
      else if (offset === 2 && p.values.length === 2) p.values.push('x2', 'x3', 'x4');
    };
    const { delivered, warnings } = await read(cluster);
    expect(ofPartition(delivered, 0)).toEqual(['0:v0', '1:v1', '2:v2', '2:x2', '3:x3', '4:x4']);
    expect(warnings).toEqual(["partition 0: offset 3 is past the partition's end 2 (its log was truncated); continuing from 2"]);
  });

  it('fails with a one-line error, not a loop, when the leader keeps refusing an offset that its range holds', async () => {
    const cluster = new FakeCluster('t').partition(0, 1, values('v', 5));
    cluster.beforeFetch = ({ offset }) => (offset === 3 ? 1 : undefined);
    const failure = await read(cluster).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KafkaUserError);
    expect((failure as Error).message).toBe('partition 0: offset 3 is out of range for its leader, though it holds 0 to 5');
    expect(cluster.fetches).toBeLessThan(10);
  });

  it('retries after a network error: the partition goes back to routing and nothing is read twice', async () => {
    const cluster = new FakeCluster('t').partition(0, 1, values('v', 8));
    let broken = false;
    cluster.beforeFetch = ({ offset }) => {
      if (offset === 3 && !broken) {
        broken = true;
        throw new Error('Connection error: read ECONNRESET');
      }
    };
    const { delivered, notices } = await read(cluster);
    expect(ofPartition(delivered, 0)).toEqual(values('v', 8).map((v, i) => `${i}:${v}`));
    expect(notices).toContain('fetch from broker 1 failed: Connection error: read ECONNRESET');
  });

  it('keeps trying a leader that cannot be reached until metadata names another', async () => {
    const cluster = new FakeCluster('t').partition(0, 1, values('v', 6));
    cluster.beforeFetch = ({ offset }) => {
      if (offset === 3 && cluster.live.has(1)) {
        cluster.live.delete(1);
        throw new Error('Connection error: socket hang up');
      }
    };
    // The metadata still names broker 1 at first; it names broker 2 once a connect to 1 has failed.
    const connect = cluster.broker.bind(cluster);
    cluster.broker = async (id) => {
      if (!cluster.live.has(id)) cluster.partitions.get(0)!.leader = 2;
      return connect(id);
    };
    const { delivered, notices } = await read(cluster);
    expect(ofPartition(delivered, 0)).toEqual(values('v', 6).map((v, i) => `${i}:${v}`));
    expect(notices.some((n) => n.startsWith('broker 1 unreachable: Connection error'))).toBe(true);
    expect(notices).toContain('partition 0: reading from leader 2');
  });

  it('stops at a response that does not decode, without fetching it again', async () => {
    const cluster = new FakeCluster('t').partition(0, 1, values('v', 5));
    cluster.beforeFetch = () => {
      throw new DecodeError('malformed Fetch response for t: the topic count runs past its end (3 bytes)');
    };
    const failure = await read(cluster).catch((error: unknown) => error);
    expect((failure as Error).message).toBe('malformed Fetch response for t: the topic count runs past its end (3 bytes)');
    expect(cluster.fetches).toBe(1);
  });

  it("stops with the broker's error name on an error that no reroute fixes", async () => {
    const cluster = new FakeCluster('t').partition(0, 1, values('v', 5));
    cluster.beforeFetch = () => 87; // INVALID_RECORD
    const failure = await read(cluster).catch((error: unknown) => error);
    expect((failure as Error).message).toBe('partition 0: INVALID_RECORD');
  });

  it('stops with one line naming the topic when the broker denies the fetch', async () => {
    const cluster = new FakeCluster('t').partition(0, 1, values('v', 5));
    cluster.beforeFetch = () => 29; // TOPIC_AUTHORIZATION_FAILED
    const failure = await read(cluster).catch((error: unknown) => error);
    expect((failure as Error).message).toBe('not authorized to consume topic t');
  });
});

describe('PartitionReader when the topic changes under it', { timeout: 10_000 }, () => {
  it('picks up partitions added while following and reads them from their beginning', async () => {
    const cluster = new FakeCluster('t').partition(0, 1, values('a', 3));
    cluster.beforeFetch = ({ count }) => {
      if (count === 3) cluster.partition(1, 2, values('b', 4)).partition(2, 3, values('c', 2));
    };
    const { delivered, warnings } = await read(cluster, { stopAtEnd: false, maxRecords: 9, metadataRefreshMs: 30 });
    expect(ofPartition(delivered, 1)).toEqual(['0:b0', '1:b1', '2:b2', '3:b3']);
    expect(ofPartition(delivered, 2)).toEqual(['0:c0', '1:c1']);
    expect(warnings).toEqual(['t has new partitions 1, 2: reading them from their beginning']);
  });

  it('reads only the partitions asked for, even when others are added', async () => {
    const cluster = new FakeCluster('t').partition(0, 1, values('a', 2)).partition(1, 1, values('b', 2));
    cluster.beforeFetch = ({ count }) => {
      if (count === 2) cluster.partition(2, 1, values('c', 2));
      if (count === 6) cluster.partitions.get(0)!.values.push('a2');
    };
    const { delivered, warnings } = await read(cluster, { stopAtEnd: false, partitions: [0], maxRecords: 3, metadataRefreshMs: 10 });
    expect(delivered.map(([partition]) => partition)).toEqual([0, 0, 0]);
    expect(warnings).toEqual([]);
  });

  it('fails with one line when the topic is deleted, after one confirming metadata request, not a retry storm', async () => {
    const cluster = new FakeCluster('t').partition(0, 1, values('a', 3));
    cluster.beforeFetch = ({ count }) => {
      if (count === 2) cluster.deleted = true;
    };
    const failure = await read(cluster, { stopAtEnd: false, metadataRefreshMs: 60_000 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KafkaUserError);
    expect((failure as Error).message).toBe('topic t was deleted');
    // The start, the routing, then the reroute after UNKNOWN_TOPIC_OR_PARTITION and its confirmation.
    expect(cluster.metadataRequests).toBe(4);
  });

  it('notices a topic deleted and created again under the same name (a new topic id)', async () => {
    const cluster = new FakeCluster('t').partition(0, 1, values('a', 3));
    cluster.beforeFetch = ({ count }) => {
      if (count === 2) cluster.topicId = Buffer.alloc(16, 2);
    };
    const failure = await read(cluster, { stopAtEnd: false, metadataRefreshMs: 30 }).catch((error: unknown) => error);
    expect((failure as Error).message).toBe('topic t was deleted (a new topic of that name exists now)');
  });
});
