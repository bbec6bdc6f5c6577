// Record batch compression: gzip, snappy, lz4 and zstd, for our own fetch decoder and
// producer, and for kafkajs's group consumer (kafkajs ships gzip only). Every package here
// installs from the npm registry alone: snappy and lz4-napi ship their native builds as
// registry packages, fzstd is plain JavaScript and @bokuweb/zstd-wasm carries its WebAssembly.
// Each is loaded on first use: together they add ~50 ms to start-up, which an uncompressed
// topic should not pay.
import { createRequire } from 'node:module';
import { gunzipSync, gzipSync } from 'node:zlib';
import kafkajs from 'kafkajs';
import { KafkaUserError } from './errors.js';

const require = createRequire(import.meta.url);

export type CompressionName = 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';

/** The codec number in a record batch's attributes (bits 0-2). */
export const COMPRESSION_CODES: Record<CompressionName, number> = { none: 0, gzip: 1, snappy: 2, lz4: 3, zstd: 4 };

type Snappy = typeof import('snappy');
type Lz4 = typeof import('lz4-napi');
type Fzstd = typeof import('fzstd');
type ZstdWasm = typeof import('@bokuweb/zstd-wasm');

let snappy: Snappy | undefined;
let lz4: Lz4 | undefined;
let fzstd: Fzstd | undefined;
let zstdWasm: Promise<ZstdWasm> | undefined;

const loadSnappy = () => (snappy ??= require('snappy') as Snappy);
const loadLz4 = () => (lz4 ??= require('lz4-napi') as Lz4);
const loadFzstd = () => (fzstd ??= require('fzstd') as Fzstd);
/** The zstd encoder is WebAssembly and must be instantiated before its first (synchronous) use. */
const loadZstdWasm = () =>
  (zstdWasm ??= Promise.resolve(require('@bokuweb/zstd-wasm') as ZstdWasm).then(async (module) => {
    await module.init();
    return module;
  }));

// Java clients frame snappy the way xerial's SnappyOutputStream does; librdkafka writes raw snappy.
const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
const XERIAL_HEADER_BYTES = 16;

function snappyDecode(data: Buffer): Buffer {
  const { uncompressSync } = loadSnappy();
  if (data.length < XERIAL_HEADER_BYTES || !data.subarray(0, 8).equals(XERIAL_MAGIC)) {
    return uncompressSync(data, { asBuffer: true }) as Buffer;
  }
  const blocks: Buffer[] = [];
  let position = XERIAL_HEADER_BYTES;
  while (position + 4 <= data.length) {
    const size = data.readInt32BE(position);
    position += 4;
    blocks.push(uncompressSync(data.subarray(position, position + size), { asBuffer: true }) as Buffer);
    position += size;
  }
  return Buffer.concat(blocks);
}

function zstdDecode(data: Buffer): Buffer {
  const out = loadFzstd().decompress(data);
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
      return loadLz4().decompressFrameSync(data);
    case 4:
      return zstdDecode(data);
    default:
      throw new KafkaUserError(`unsupported compression codec ${codec} in a record batch`);
  }
}

/** A synchronous compressor for record batches we encode ourselves. */
export async function compressorFor(name: CompressionName): Promise<(data: Buffer) => Buffer> {
  switch (name) {
    case 'none':
      return (data) => data;
    case 'gzip':
      return (data) => gzipSync(data);
    case 'snappy': {
      const { compressSync } = loadSnappy();
      return (data) => compressSync(data);
    }
    case 'lz4': {
      const { compressFrameSync } = loadLz4();
      return (data) => compressFrameSync(data);
    }
    case 'zstd': {
      const { compress } = await loadZstdWasm();
      return (data) => {
        const out = compress(data, 3);
        return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
      };
    }
  }
}

let registered = false;

/** Teaches kafkajs (its group consumer) the codecs it lacks. Idempotent. */
export function registerCodecs(): void {
  if (registered) return;
  registered = true;
  const { CompressionCodecs, CompressionTypes } = kafkajs;
  const codec = (name: CompressionName, decode: (data: Buffer) => Buffer) => () => ({
    compress: async (encoder: { buffer: Buffer }) => (await compressorFor(name))(encoder.buffer),
    decompress: async (buffer: Buffer) => decode(buffer),
  });
  CompressionCodecs[CompressionTypes.Snappy] = codec('snappy', snappyDecode);
  CompressionCodecs[CompressionTypes.LZ4] = codec('lz4', (data) => loadLz4().decompressFrameSync(data));
  CompressionCodecs[CompressionTypes.ZSTD] = codec('zstd', zstdDecode);
}
