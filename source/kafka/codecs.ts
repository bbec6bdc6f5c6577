// Record batch compression: gzip, snappy, lz4 and zstd, for our own fetch decoder and for
// kafkajs's producer (kafkajs ships gzip only). Every package here installs from the npm
// registry alone: snappy and lz4-napi ship their native builds as registry packages,
// fzstd is plain JavaScript and @bokuweb/zstd-wasm carries its WebAssembly inside.
import { gunzipSync, gzipSync } from 'node:zlib';
import kafkajs from 'kafkajs';
import { compressSync as snappyCompress, uncompressSync as snappyUncompress } from 'snappy';
import { compressFrameSync as lz4Compress, decompressFrameSync as lz4Decompress } from 'lz4-napi';
import { decompress as zstdDecompress } from 'fzstd';
import { compress as zstdCompress, init as zstdInit } from '@bokuweb/zstd-wasm';
import { KafkaUserError } from './errors.js';

export type CompressionName = 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';

/** The codec number in a record batch's attributes (bits 0-2). */
export const COMPRESSION_CODES: Record<CompressionName, number> = { none: 0, gzip: 1, snappy: 2, lz4: 3, zstd: 4 };

// Java clients frame snappy the way xerial's SnappyOutputStream does; librdkafka writes raw snappy.
const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
const XERIAL_HEADER_BYTES = 16;

function snappyDecode(data: Buffer): Buffer {
  if (data.length < XERIAL_HEADER_BYTES || !data.subarray(0, 8).equals(XERIAL_MAGIC)) {
    return snappyUncompress(data, { asBuffer: true }) as Buffer;
  }
  const blocks: Buffer[] = [];
  let position = XERIAL_HEADER_BYTES;
  while (position + 4 <= data.length) {
    const size = data.readInt32BE(position);
    position += 4;
    blocks.push(snappyUncompress(data.subarray(position, position + size), { asBuffer: true }) as Buffer);
    position += size;
  }
  return Buffer.concat(blocks);
}

function zstdDecode(data: Buffer): Buffer {
  const out = zstdDecompress(data);
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

/** Decompresses the records section of a batch with the given codec number. */
export function decompress(codec: number, data: Buffer): Buffer {
  switch (codec) {
    case 1:
      return gunzipSync(data);
    case 2:
      return snappyDecode(data);
    case 3:
      return lz4Decompress(data);
    case 4:
      return zstdDecode(data);
    default:
      throw new KafkaUserError(`unsupported compression codec ${codec} in a record batch`);
  }
}

let zstdReady: Promise<void> | undefined;

function zstdEncode(data: Buffer): Buffer {
  const out = zstdCompress(data, 3);
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

let registered = false;

/** Teaches kafkajs (its group consumer) the codecs it lacks. Idempotent. */
export function registerCodecs(): void {
  if (registered) return;
  registered = true;
  const { CompressionCodecs, CompressionTypes } = kafkajs;
  type Encoded = { buffer: Buffer };
  const codec = (encode: (data: Buffer) => Buffer | Promise<Buffer>, decode: (data: Buffer) => Buffer) => () => ({
    compress: async (encoder: Encoded) => encode(encoder.buffer),
    decompress: async (buffer: Buffer) => decode(buffer),
  });
  CompressionCodecs[CompressionTypes.GZIP] = codec((data) => gzipSync(data), (data) => gunzipSync(data));
  CompressionCodecs[CompressionTypes.Snappy] = codec((data) => snappyCompress(data), snappyDecode);
  CompressionCodecs[CompressionTypes.LZ4] = codec((data) => lz4Compress(data), (data) => lz4Decompress(data));
  CompressionCodecs[CompressionTypes.ZSTD] = codec(async (data) => {
    await (zstdReady ??= zstdInit());
    return zstdEncode(data);
  }, zstdDecode);
}

/** A synchronous compressor for record batches we encode ourselves (zstd needs its module loaded first). */
export async function compressorFor(name: CompressionName): Promise<(data: Buffer) => Buffer> {
  switch (name) {
    case 'none':
      return (data) => data;
    case 'gzip':
      return (data) => gzipSync(data);
    case 'snappy':
      return (data) => snappyCompress(data);
    case 'lz4':
      return (data) => lz4Compress(data);
    case 'zstd':
      await (zstdReady ??= zstdInit());
      return zstdEncode;
  }
}
