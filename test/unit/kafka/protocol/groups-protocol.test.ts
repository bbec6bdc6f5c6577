// The group APIs we encode ourselves, against bytes built by hand from the protocol spec
// (KafkaBytes, independent of the encoders): FindCoordinator v4, ListGroups v4/v5,
// DescribeGroups v5 with a ConsumerProtocol assignment, ConsumerGroupDescribe v0/v1, OffsetFetch v8.
import { describe, expect, it } from 'vitest';
import {
  decodeConsumerGroupDescribeResponse,
  encodeConsumerGroupDescribeRequest,
} from '../../../../source/kafka/protocol/consumer-group-describe.js';
import {
  decodeConsumerAssignment,
  decodeDescribeGroupsResponse,
  encodeDescribeGroupsRequest,
} from '../../../../source/kafka/protocol/describe-groups.js';
import { decodeFindCoordinatorResponse, encodeFindCoordinatorRequest } from '../../../../source/kafka/protocol/find-coordinator.js';
import { decodeListGroupsResponse, encodeListGroupsRequest } from '../../../../source/kafka/protocol/list-groups.js';
import { decodeOffsetFetchResponse, encodeOffsetFetchRequest } from '../../../../source/kafka/protocol/offset-fetch.js';
import { KafkaBytes } from '../../../helpers/kafka-bytes.js';

const bytes = () => new KafkaBytes();

/** A compact array header for n items. */
const items = (w: KafkaBytes, n: number) => w.uvarint(n + 1);

/** ConsumerProtocol Assignment v0 (classic, non-flexible): int16 version, [topic string16, [int32]], user data int32 length. */
function consumerAssignment(topics: Array<[string, number[]]>): Buffer {
  const w = bytes().int16(0).int32(topics.length);
  for (const [topic, partitions] of topics) {
    const name = Buffer.from(topic);
    w.int16(name.length).push(name).int32(partitions.length);
    for (const p of partitions) w.int32(p);
  }
  return w.int32(-1).toBuffer();
}

describe('FindCoordinator v4', () => {
  it('asks for many group keys in one request', () => {
    const expected = bytes()
      .emptyTags()
      .push(Buffer.from([0]));
    items(expected, 2).compactString('a').compactString('bé');
    expect(encodeFindCoordinatorRequest(['a', 'bé'])).toEqual(expected.emptyTags().toBuffer());
  });

  it('decodes one coordinator per key, with its error', () => {
    const w = bytes().emptyTags().int32(0);
    items(w, 2);
    w.compactString('a').int32(2).compactString('broker-2').int32(9093).int16(0).compactString(null).emptyTags();
    w.compactString('b').int32(-1).compactString('').int32(-1).int16(15).compactString('not available').emptyTags();
    expect(decodeFindCoordinatorResponse(w.emptyTags().toBuffer())).toEqual([
      { key: 'a', nodeId: 2, host: 'broker-2', port: 9093, errorCode: 0, errorMessage: null },
      { key: 'b', nodeId: -1, host: '', port: -1, errorCode: 15, errorMessage: 'not available' },
    ]);
  });
});

describe('ListGroups', () => {
  it('v5 sends the states and types filters; v4 only the states', () => {
    const v5 = bytes().emptyTags();
    items(v5, 1).compactString('Stable');
    items(v5, 0);
    expect(encodeListGroupsRequest(5, { states: ['Stable'], types: [] })).toEqual(v5.emptyTags().toBuffer());
    const v4 = bytes().emptyTags();
    items(v4, 0);
    expect(encodeListGroupsRequest(4, { states: [], types: ['consumer'] })).toEqual(v4.emptyTags().toBuffer());
  });

  it('decodes the group type from v5 and leaves it empty for v4', () => {
    const v5 = bytes().emptyTags().int32(0).int16(0);
    items(v5, 1).compactString('g1').compactString('consumer').compactString('Stable').compactString('consumer').emptyTags();
    expect(decodeListGroupsResponse(v5.emptyTags().toBuffer(), 5)).toEqual({
      errorCode: 0,
      groups: [{ groupId: 'g1', protocolType: 'consumer', groupState: 'Stable', groupType: 'consumer' }],
    });
    const v4 = bytes().emptyTags().int32(0).int16(0);
    items(v4, 1).compactString('g2').compactString('').compactString('Empty').emptyTags();
    expect(decodeListGroupsResponse(v4.emptyTags().toBuffer(), 4).groups).toEqual([
      { groupId: 'g2', protocolType: '', groupState: 'Empty', groupType: '' },
    ]);
  });
});

describe('DescribeGroups v5', () => {
  it('encodes the group ids and no authorized operations', () => {
    const expected = bytes().emptyTags();
    items(expected, 1).compactString('g');
    expect(encodeDescribeGroupsRequest(['g'])).toEqual(expected.boolean(false).emptyTags().toBuffer());
  });

  it('decodes members and their assignment bytes; an unknown group is Dead with no members', () => {
    const assignment = consumerAssignment([
      ['orders', [0, 2]],
      ['audit', [1]],
    ]);
    const w = bytes().emptyTags().int32(0);
    items(w, 2);
    w.int16(0).compactString('g').compactString('Stable').compactString('consumer').compactString('range');
    items(w, 1);
    w.compactString('member-1').compactString('instance-1').compactString('client').compactString('/10.0.0.1');
    w.uvarint(4).push(Buffer.from('sub')); // member metadata: compact bytes
    w.uvarint(assignment.length + 1).push(assignment);
    w.emptyTags().int32(-2147483648).emptyTags();
    w.int16(0).compactString('nope').compactString('Dead').compactString('').compactString('');
    items(w, 0);
    w.int32(-2147483648).emptyTags();
    const [stable, dead] = decodeDescribeGroupsResponse(w.emptyTags().toBuffer());
    expect(stable).toMatchObject({ errorCode: 0, groupId: 'g', groupState: 'Stable', protocolType: 'consumer', protocolData: 'range' });
    expect(stable!.members).toHaveLength(1);
    expect(stable!.members[0]).toMatchObject({
      memberId: 'member-1',
      groupInstanceId: 'instance-1',
      clientId: 'client',
      clientHost: '/10.0.0.1',
    });
    expect(decodeConsumerAssignment(stable!.members[0]!.memberAssignment)).toEqual([
      { topic: 'orders', partitions: [0, 2] },
      { topic: 'audit', partitions: [1] },
    ]);
    expect(dead).toEqual({ errorCode: 0, groupId: 'nope', groupState: 'Dead', protocolType: '', protocolData: '', members: [] });
  });

  it('an empty assignment (a group not yet Stable) has no partitions', () => {
    expect(decodeConsumerAssignment(Buffer.alloc(0))).toEqual([]);
  });
});

describe('ConsumerGroupDescribe', () => {
  function response(version: 0 | 1): Buffer {
    const w = bytes().emptyTags().int32(0);
    items(w, 2);
    w.int16(0).compactString(null).compactString('g848').compactString('Stable').int32(7).int32(6).compactString('uniform');
    items(w, 1);
    w.compactString('SK6YBleXS9uFiSqaE5Qhlg')
      .compactString(null)
      .compactString('rack-a')
      .int32(7)
      .compactString('console-consumer')
      .compactString('/127.0.0.1');
    items(w, 1).compactString('t2');
    w.compactString(null);
    const assignment = (partitions: number[]) => {
      items(w, 1).uuid(Buffer.alloc(16, 1)).compactString('t2').int32s(partitions).emptyTags();
      w.emptyTags();
    };
    assignment([0, 1]);
    assignment([1]);
    if (version >= 1) w.push(Buffer.from([1]));
    w.emptyTags();
    w.int32(-2147483648).emptyTags();
    w.int16(69)
      .compactString('Group classic is not a consumer group.')
      .compactString('classic')
      .compactString('')
      .int32(0)
      .int32(0)
      .compactString('');
    items(w, 0);
    w.int32(-2147483648).emptyTags();
    return w.emptyTags().toBuffer();
  }

  it('encodes like DescribeGroups (ids, no authorized operations)', () => {
    const expected = bytes().emptyTags();
    items(expected, 2).compactString('a').compactString('b');
    expect(encodeConsumerGroupDescribeRequest(['a', 'b'])).toEqual(expected.boolean(false).emptyTags().toBuffer());
  });

  for (const version of [0, 1] as const) {
    it(`v${version}: epochs, assignor, current and target assignments${version ? ', member type' : ''}; GROUP_ID_NOT_FOUND for a classic group`, () => {
      const [g, classic] = decodeConsumerGroupDescribeResponse(response(version), version);
      expect(g).toMatchObject({
        errorCode: 0,
        groupId: 'g848',
        groupState: 'Stable',
        groupEpoch: 7,
        assignmentEpoch: 6,
        assignorName: 'uniform',
      });
      expect(g!.members[0]).toEqual({
        memberId: 'SK6YBleXS9uFiSqaE5Qhlg',
        instanceId: null,
        rackId: 'rack-a',
        memberEpoch: 7,
        clientId: 'console-consumer',
        clientHost: '/127.0.0.1',
        subscribedTopicNames: ['t2'],
        subscribedTopicRegex: null,
        assignment: [{ topicName: 't2', partitions: [0, 1] }],
        targetAssignment: [{ topicName: 't2', partitions: [1] }],
        memberType: version ? 1 : -1,
      });
      expect(classic).toMatchObject({ errorCode: 69, groupId: 'classic', errorMessage: 'Group classic is not a consumer group.' });
    });
  }
});

describe('OffsetFetch v8', () => {
  it('asks for every topic of each group (null topics)', () => {
    const expected = bytes().emptyTags();
    items(expected, 2);
    expected.compactString('a').uvarint(0).emptyTags();
    expected.compactString('b').uvarint(0).emptyTags();
    expect(encodeOffsetFetchRequest(['a', 'b'])).toEqual(expected.boolean(false).emptyTags().toBuffer());
  });

  it('decodes offsets above 2^32 exactly, leader epochs, and per-group errors', () => {
    const w = bytes().emptyTags().int32(0);
    items(w, 2);
    w.compactString('a');
    items(w, 1).compactString('orders');
    items(w, 2);
    w.int32(0)
      .int64(2 ** 40 + 3)
      .int32(5)
      .compactString('')
      .int16(0)
      .emptyTags();
    w.int32(1).int64(-1).int32(-1).compactString(null).int16(0).emptyTags();
    w.emptyTags(); // topic
    w.int16(0).emptyTags();
    w.compactString('b');
    items(w, 0);
    w.int16(16).emptyTags();
    expect(decodeOffsetFetchResponse(w.emptyTags().toBuffer())).toEqual([
      {
        groupId: 'a',
        errorCode: 0,
        offsets: [
          { topic: 'orders', partition: 0, committedOffset: 2 ** 40 + 3, committedLeaderEpoch: 5, metadata: '', errorCode: 0 },
          { topic: 'orders', partition: 1, committedOffset: -1, committedLeaderEpoch: -1, metadata: null, errorCode: 0 },
        ],
      },
      { groupId: 'b', errorCode: 16, offsets: [] },
    ]);
  });
});
