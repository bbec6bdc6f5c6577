// Kafka's varints: the sizes and bytes of the protocol spec's examples, and round trips at the edges.
import { describe, expect, it } from 'vitest';
import { VarintReader, unsignedSize, writeUnsigned, writeZigzag, zigzagSize } from '../../../../source/kafka/protocol/varint.js';

const unsigned = (value: number) => {
  const b = Buffer.alloc(unsignedSize(value));
  expect(writeUnsigned(b, 0, value)).toBe(b.length);
  return [...b];
};
const zigzag = (value: number) => {
  const b = Buffer.alloc(zigzagSize(value));
  expect(writeZigzag(b, 0, value)).toBe(b.length);
  return [...b];
};

describe('varints', () => {
  it('writes unsigned varints seven bits at a time, low bits first', () => {
    expect(unsigned(0)).toEqual([0]);
    expect(unsigned(127)).toEqual([0x7f]);
    expect(unsigned(128)).toEqual([0x80, 0x01]);
    expect(unsigned(300)).toEqual([0xac, 0x02]);
  });

  it('zigzags signed values: 0, -1, 1, -2 become 0, 1, 2, 3', () => {
    expect([0, -1, 1, -2, 63, -64, 64].map(zigzag)).toEqual([[0], [1], [2], [3], [126], [127], [0x80, 0x01]]);
  });

  it('reads back what it writes, up to 2^53', () => {
    const values = [0, 1, -1, 300, -300, 2 ** 31, -(2 ** 31) - 1, 2 ** 52, -(2 ** 52)];
    const b = Buffer.alloc(values.reduce((size, v) => size + zigzagSize(v), 0));
    let at = 0;
    for (const v of values) at = writeZigzag(b, at, v);
    const r = new VarintReader(b);
    expect(values.map(() => r.zigzag())).toEqual(values);
    expect(r.at).toBe(b.length);
  });

  it('refuses a varint cut short', () => {
    expect(() => new VarintReader(Buffer.from([0x80, 0x80])).unsigned()).toThrow('truncated varint');
  });
});
