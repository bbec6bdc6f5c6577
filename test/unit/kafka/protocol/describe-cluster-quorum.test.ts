// The DescribeCluster v2 and DescribeQuorum v0 codecs, against bytes laid out as the protocol's
// JSON schemas (clients/src/main/resources/common/message) define them.
import { describe, expect, it } from 'vitest';
import { decodeDescribeClusterResponse, encodeDescribeClusterRequest } from '../../../../source/kafka/protocol/describe-cluster.js';
import { decodeDescribeQuorumResponse, encodeDescribeQuorumRequest } from '../../../../source/kafka/protocol/describe-quorum.js';
import { KafkaBytes } from '../../../helpers/kafka-bytes.js';

describe('DescribeCluster v2', () => {
  it('asks for the broker endpoints, fenced brokers included', () => {
    // header tags, IncludeClusterAuthorizedOperations=false, EndpointType=1, IncludeFencedBrokers=true, tags
    expect([...encodeDescribeClusterRequest()]).toEqual([0, 0, 1, 1, 0]);
  });

  it('reads the cluster id and every broker with its fenced flag', () => {
    const w = new KafkaBytes().emptyTags().int32(0).int16(0).compactString(null);
    w.push(Buffer.from([1])); // endpoint type
    w.compactString('cluster-1').int32(2).uvarint(3);
    w.int32(1).compactString('h1').int32(9092).compactString('rack-a').boolean(false).emptyTags();
    w.int32(2).compactString('h2').int32(9093).compactString(null).boolean(true).emptyTags();
    w.int32(-2147483648).emptyTags();
    expect(decodeDescribeClusterResponse(w.toBuffer())).toEqual({
      errorCode: 0,
      errorMessage: null,
      clusterId: 'cluster-1',
      brokers: [
        { nodeId: 1, host: 'h1', port: 9092, rack: 'rack-a', fenced: false },
        { nodeId: 2, host: 'h2', port: 9093, rack: null, fenced: true },
      ],
    });
  });
});

describe('DescribeQuorum v0', () => {
  it('asks for partition 0 of __cluster_metadata', () => {
    const expected = new KafkaBytes().emptyTags().uvarint(2).compactString('__cluster_metadata').uvarint(2).int32(0).emptyTags();
    expect(encodeDescribeQuorumRequest()).toEqual(expected.emptyTags().emptyTags().toBuffer());
  });

  it('reads the leader, and stops before the voters it does not need', () => {
    const w = new KafkaBytes().emptyTags().int16(0).uvarint(2).compactString('__cluster_metadata').uvarint(2);
    w.int32(0).int16(0).int32(3).int32(7).int64(1234); // partition, error, leader, epoch, high watermark
    w.uvarint(2).int32(3).int64(1234).emptyTags(); // one voter ...
    expect(decodeDescribeQuorumResponse(w.toBuffer())).toEqual({ errorCode: 0, partitionErrorCode: 0, leaderId: 3 });
    const refused = new KafkaBytes().emptyTags().int16(31).uvarint(1).emptyTags().toBuffer(); // CLUSTER_AUTHORIZATION_FAILED
    expect(decodeDescribeQuorumResponse(refused)).toEqual({ errorCode: 31, partitionErrorCode: 0, leaderId: -1 });
  });
});
