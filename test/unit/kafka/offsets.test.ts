// listLeaderOffsets against an in-memory cluster: one partition's error no longer costs the others
// their offsets, retriable errors are asked again, and what still fails is reported by name.
import { describe, expect, it } from 'vitest';
import { EARLIEST, LATEST, READ_UNCOMMITTED, describeFailures, listLeaderOffsets } from '../../../source/kafka/offsets.js';
import { NOT_LEADER_OR_FOLLOWER, OFFSET_NOT_AVAILABLE } from '../../../source/kafka/protocol/error-codes.js';
import { FakeCluster } from '../../helpers/fake-cluster.js';

const cluster = () => new FakeCluster('t').partition(0, 1, ['a', 'b']).partition(1, 1, ['c'], 5).partition(2, 1, []);

describe('listLeaderOffsets', () => {
  it('gives the offsets of the partitions that answer, and names the one that does not', async () => {
    const fake = cluster();
    // Like a broker that has not loaded a partition the controller gave it (it ran out of files).
    fake.offsetsError = (partition) => (partition === 1 ? NOT_LEADER_OR_FOLLOWER : undefined);
    const { offsets, failures } = await listLeaderOffsets(fake, 1, new Map([['t', [0, 1, 2]]]), LATEST, READ_UNCOMMITTED);
    expect(offsets).toEqual([
      { topic: 't', partition: 0, offset: '2' },
      { topic: 't', partition: 2, offset: '0' },
    ]);
    expect(failures).toEqual([{ topic: 't', partition: 1, reason: 'NOT_LEADER_FOR_PARTITION' }]);
    // Asked three times in all: the partition, then twice more alone.
    expect(fake.listOffsetsRequests.map((r) => r.partitions)).toEqual([3, 1, 1]);
  });

  it('asks a retriable error again and keeps the answer once it comes', async () => {
    const fake = cluster();
    let refusals = 1;
    fake.offsetsError = (partition) => (partition === 0 && refusals-- > 0 ? OFFSET_NOT_AVAILABLE : undefined);
    const { offsets, failures } = await listLeaderOffsets(fake, 1, new Map([['t', [0, 1]]]), EARLIEST, READ_UNCOMMITTED);
    expect(failures).toEqual([]);
    expect(offsets).toEqual([
      { topic: 't', partition: 1, offset: '5' },
      { topic: 't', partition: 0, offset: '0' },
    ]);
  });

  it('does not ask again for an error that will not go away', async () => {
    const fake = cluster();
    fake.offsetsError = () => 29; // TOPIC_AUTHORIZATION_FAILED
    const { failures } = await listLeaderOffsets(fake, 1, new Map([['t', [0]]]), LATEST, READ_UNCOMMITTED);
    expect(failures).toEqual([{ topic: 't', partition: 0, reason: 'TOPIC_AUTHORIZATION_FAILED' }]);
    expect(fake.listOffsetsRequests).toHaveLength(1);
  });

  it('reports every partition of a leader that does not answer, with the connection error', async () => {
    const fake = cluster();
    fake.live.delete(1);
    const { offsets, failures } = await listLeaderOffsets(fake, 1, new Map([['t', [0, 2]]]), LATEST, READ_UNCOMMITTED);
    expect(offsets).toEqual([]);
    expect(failures.map((f) => [f.partition, f.reason])).toEqual([
      [0, 'broker 1: Connection error: connect ECONNREFUSED (broker 1)'],
      [2, 'broker 1: Connection error: connect ECONNREFUSED (broker 1)'],
    ]);
  });
});

describe('describeFailures', () => {
  it('counts per reason with a few examples', () => {
    const failures = [0, 1, 2, 3].map((partition) => ({ topic: 't', partition, reason: 'NOT_LEADER_FOR_PARTITION' }));
    failures.push({ topic: 'u', partition: 0, reason: 'UNKNOWN_TOPIC_OR_PARTITION' });
    expect(describeFailures(failures)).toBe(
      'NOT_LEADER_FOR_PARTITION on 4 partitions (t/0, t/1, t/2, …); UNKNOWN_TOPIC_OR_PARTITION on 1 partition (u/0)',
    );
  });
});
