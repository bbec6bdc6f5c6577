// Our CRC-32C and murmur2 against the published reference values and against kafkajs's own ports
// (byte-at-a-time CRC, Long-based murmur2), on any bytes at any offset in their buffer.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32c } from '../../../../source/kafka/protocol/crc32c.js';
import { murmur2 } from '../../../../source/kafka/protocol/murmur2.js';

const require = createRequire(import.meta.url);
const kafkajsCrc32c = require('kafkajs/src/protocol/recordBatch/crc32C') as (bytes: Buffer) => number;
const kafkajsMurmur2 = require('kafkajs/src/producer/partitioners/default/murmur2') as (bytes: Buffer) => number;

/** Bytes that start anywhere in a larger buffer, so aligned and unaligned starts are both tried. */
const bytesAtOffset = fc
  .tuple(fc.uint8Array({ maxLength: 300 }), fc.nat({ max: 7 }))
  .map(([bytes, offset]) => Buffer.concat([Buffer.alloc(offset), Buffer.from(bytes)]).subarray(offset));

describe('crc32c', () => {
  it('gives the reference value for "123456789"', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
    expect(crc32c(Buffer.alloc(0))).toBe(0);
  });

  it('equals the byte-at-a-time CRC on any bytes', () => {
    fc.assert(
      fc.property(bytesAtOffset, (bytes) => crc32c(bytes) === kafkajsCrc32c(bytes)),
      { numRuns: 2_000 },
    );
  });
});

describe('murmur2', () => {
  it('gives Java\'s value for "21"', () => {
    expect(murmur2(Buffer.from('21'))).toBe(-973932308);
  });

  it("equals kafkajs's Java port on any bytes", () => {
    fc.assert(
      fc.property(bytesAtOffset, (bytes) => murmur2(bytes) === kafkajsMurmur2(bytes)),
      { numRuns: 2_000 },
    );
  });
});
