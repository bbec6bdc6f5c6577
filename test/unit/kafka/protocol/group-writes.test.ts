// The three group writes we encode ourselves, read back field by field in the layouts of
// https://kafka.apache.org/protocol (OffsetCommit v8, DeleteGroups v2, OffsetDelete v0).
import { describe, expect, it } from 'vitest';
import { decodeDeleteGroupsResponse, encodeDeleteGroupsRequest } from '../../../../source/kafka/protocol/delete-groups.js';
import { decodeOffsetCommitResponse, encodeOffsetCommitRequest } from '../../../../source/kafka/protocol/offset-commit.js';
import { decodeOffsetDeleteResponse, encodeOffsetDeleteRequest } from '../../../../source/kafka/protocol/offset-delete.js';
import { WireReader, WireWriter } from '../../../../source/kafka/protocol/wire.js';

describe('OffsetCommit v8', () => {
  it('an admin commit: generation -1, no member, no instance id, offsets grouped by topic', () => {
    const body = encodeOffsetCommitRequest('billing', [
      { topic: 'orders', partition: 0, offset: 5 },
      { topic: 'orders', partition: 2, offset: 2 ** 40 },
      { topic: 'audit', partition: 1, offset: 0 },
    ]);
    const r = new WireReader(body);
    r.tags(); // request header v2
    expect([r.compactString(), r.int32(), r.compactString(), r.compactNullableString()]).toEqual(['billing', -1, '', null]);
    const topics = r.compactArray(() => {
      const name = r.compactString();
      const partitions = r.compactArray(() => {
        const p = [r.int32(), r.int64(), r.int32(), r.compactNullableString()];
        r.tags();
        return p;
      });
      r.tags();
      return [name, partitions];
    });
    r.tags();
    expect(topics).toEqual([
      [
        'orders',
        [
          [0, 5, -1, ''],
          [2, 2 ** 40, -1, ''],
        ],
      ],
      ['audit', [[1, 0, -1, '']]],
    ]);
  });

  it('decodes each partition error', () => {
    const w = new WireWriter().emptyTags().int32(0);
    w.compactArray(['orders'], (name) => {
      w.compactString(name).compactArray(
        [
          [0, 0],
          [1, 25],
        ],
        ([p, code]) => w.int32(p!).int16(code!).emptyTags(),
      );
      w.emptyTags();
    });
    expect(decodeOffsetCommitResponse(w.emptyTags().toBuffer())).toEqual([
      { topic: 'orders', partition: 0, errorCode: 0 },
      { topic: 'orders', partition: 1, errorCode: 25 },
    ]);
  });
});

describe('DeleteGroups v2', () => {
  it('round trip of names and per-group errors', () => {
    const r = new WireReader(encodeDeleteGroupsRequest(['a', 'b']));
    r.tags();
    expect(r.compactArray(() => r.compactString())).toEqual(['a', 'b']);
    const w = new WireWriter().emptyTags().int32(0);
    w.compactArray(
      [
        ['a', 0],
        ['b', 68],
      ] as const,
      ([g, code]) => w.compactString(g).int16(code).emptyTags(),
    );
    expect(decodeDeleteGroupsResponse(w.emptyTags().toBuffer())).toEqual([
      { groupId: 'a', errorCode: 0 },
      { groupId: 'b', errorCode: 68 },
    ]);
  });
});

describe('OffsetDelete v0', () => {
  it('non-flexible strings and arrays, a group error and partition errors', () => {
    const r = new WireReader(encodeOffsetDeleteRequest('g', [{ topic: 'orders', partitions: [0, 3] }]));
    expect(r.string()).toBe('g');
    expect(r.array(() => [r.string(), r.array(() => r.int32())])).toEqual([['orders', [0, 3]]]);
    const w = new WireWriter().int16(0).int32(0);
    w.array(['orders'], (name) => {
      w.string(name).array(
        [
          [0, 0],
          [3, 86],
        ],
        ([p, code]) => w.int32(p!).int16(code!),
      );
    });
    expect(decodeOffsetDeleteResponse(w.toBuffer())).toEqual({
      errorCode: 0,
      partitions: [
        { topic: 'orders', partition: 0, errorCode: 0 },
        { topic: 'orders', partition: 3, errorCode: 86 },
      ],
    });
  });
});
