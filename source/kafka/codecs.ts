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

/**
 * The most that `compressedBytes` of record batches may expand to. A batch's compressed size is
 * bounded by the broker (message.max.bytes, the fetch sizes), its decompressed size by nothing:
 * a broken or hostile producer can store a small frame that expands to gigabytes (a zip bomb;
 * zstd's RLE blocks reach 128 KB from 4 bytes). Real data seldom compresses past 10-20×, a batch
 * of repeated values further; 256× with a 64 MB floor lets those through and bounds what one
 * fetch can make us allocate (512 MB at worst for the console's 2 MB fetches). Each codec's
 * output size is bounded from its headers before anything is decompressed.
 */
export function decompressedLimit(compressedBytes: number): number {
  return Math.max(256 * compressedBytes, 64 << 20);
}

function need(data: Buffer, end: number, what: string): void {
  if (end > data.length) throw new Error(`${what} runs past the end of the compressed data`);
}

function checkLimit(size: number, limit: number): void {
  if (size > limit) throw new Error(`it would decompress to ${size} bytes or more, past the limit of ${limit}`);
}

/** Snappy's preamble: the uncompressed length, an unsigned varint of at most 5 bytes. */
function snappyLength(data: Buffer, at: number, end: number): number {
  let value = 0;
  for (let i = 0, multiplier = 1; i < 5 && at + i < end; i++, multiplier *= 128) {
    const byte = data[at + i]!;
    value += (byte & 0x7f) * multiplier;
    if ((byte & 0x80) === 0) return value;
  }
  throw new Error('a snappy block has no valid length');
}

function snappyDecode(data: Buffer, limit: number): Buffer {
  const { uncompressSync } = loadSnappy();
  if (data.length < XERIAL_HEADER_BYTES || !data.subarray(0, 8).equals(XERIAL_MAGIC)) {
    // The library allocates what the preamble says before it reads a byte.
    checkLimit(snappyLength(data, 0, data.length), limit);
    return uncompressSync(data, { asBuffer: true }) as Buffer;
  }
  const blocks: Array<[start: number, end: number]> = [];
  let total = 0;
  for (let position = XERIAL_HEADER_BYTES; position < data.length;) {
    need(data, position + 4, 'a snappy block length');
    const size = data.readInt32BE(position);
    position += 4;
    if (size < 0) throw new Error(`a snappy block has a negative length ${size}`);
    need(data, position + size, 'a snappy block');
    total += snappyLength(data, position, position + size);
    checkLimit(total, limit);
    blocks.push([position, position + size]);
    position += size;
  }
  return Buffer.concat(blocks.map(([start, end]) => uncompressSync(data.subarray(start, end), { asBuffer: true }) as Buffer));
}

const SKIPPABLE_FRAME = 0x184d2a50; // the top 28 bits of a skippable frame's magic, in LZ4 and zstd alike
const isSkippable = (magic: number) => (magic & 0xfffffff0) >>> 0 === SKIPPABLE_FRAME;
const LZ4_MAGIC = 0x184d2204;
const LZ4_BLOCK_MAX = [0, 0, 0, 0, 64 << 10, 256 << 10, 1 << 20, 4 << 20];

/** An upper bound of what LZ4 frames decompress to: their stored blocks, and each compressed block at its maximum. */
function lz4Bound(data: Buffer, limit: number): number {
  let total = 0;
  for (let at = 0; at < data.length;) {
    need(data, at + 4, 'an LZ4 frame');
    const magic = data.readUInt32LE(at);
    if (isSkippable(magic)) {
      need(data, at + 8, 'a skippable frame');
      at += 8 + data.readUInt32LE(at + 4);
      continue;
    }
    if (magic !== LZ4_MAGIC) throw new Error('not an LZ4 frame');
    need(data, at + 7, 'an LZ4 frame header');
    const flags = data[at + 4]!;
    const blockMax = LZ4_BLOCK_MAX[(data[at + 5]! >> 4) & 7]!;
    if (blockMax === 0) throw new Error('an LZ4 frame has an invalid block size');
    at += 6;
    if (flags & 0x08) {
      need(data, at + 8, 'an LZ4 content size');
      checkLimit(Number(data.readBigUInt64LE(at)), limit); // the decoder may allocate it up front
      at += 8;
    }
    if (flags & 0x01) at += 4; // dictionary id
    at += 1; // header checksum
    const blockChecksum = flags & 0x10 ? 4 : 0;
    for (;;) {
      need(data, at + 4, 'an LZ4 block header');
      const word = data.readUInt32LE(at);
      at += 4;
      if (word === 0) break; // end mark
      const size = word & 0x7fffffff;
      total += word & 0x80000000 ? size : blockMax;
      checkLimit(total, limit);
      at += size + blockChecksum;
      need(data, at, 'an LZ4 block');
    }
    if (flags & 0x04) at += 4; // content checksum
  }
  return total;
}

function lz4Decode(data: Buffer, limit: number): Buffer {
  lz4Bound(data, limit);
  return loadLz4().decompressFrameSync(data);
}

const ZSTD_MAGIC = 0xfd2fb528;
const ZSTD_BLOCK_MAX = 128 << 10;

/**
 * An upper bound of what zstd frames decompress to, from their block headers: raw and RLE
 * blocks say their size, a compressed block is at most min(window, 128 KB). The declared
 * window and content size are checked too: the decoder allocates them up front.
 */
function zstdBound(data: Buffer, limit: number): number {
  let total = 0;
  for (let at = 0; at < data.length;) {
    need(data, at + 4, 'a zstd frame');
    const magic = data.readUInt32LE(at);
    if (isSkippable(magic)) {
      need(data, at + 8, 'a skippable frame');
      at += 8 + data.readUInt32LE(at + 4);
      continue;
    }
    if (magic !== ZSTD_MAGIC) throw new Error('not a zstd frame');
    need(data, at + 5, 'a zstd frame header');
    const descriptor = data[at + 4]!;
    at += 5;
    const singleSegment = (descriptor >> 5) & 1;
    const sizeFlag = descriptor >> 6;
    let window = 0;
    if (!singleSegment) {
      need(data, at + 1, 'a zstd window descriptor');
      const exponent = data[at]! >> 3;
      const base = 2 ** (10 + exponent);
      window = base + (base / 8) * (data[at]! & 7);
      at += 1;
    }
    at += [0, 1, 2, 4][descriptor & 3]!; // dictionary id
    const sizeBytes = sizeFlag === 0 ? singleSegment : 1 << sizeFlag;
    need(data, at + sizeBytes, 'a zstd content size');
    let contentSize = 0;
    if (sizeBytes === 8) contentSize = Number(data.readBigUInt64LE(at));
    else if (sizeBytes > 0) contentSize = data.readUIntLE(at, sizeBytes) + (sizeBytes === 2 ? 256 : 0);
    at += sizeBytes;
    if (singleSegment) window = contentSize;
    checkLimit(Math.max(window, contentSize), limit);
    const blockMax = Math.min(window, ZSTD_BLOCK_MAX);
    for (let last = 0; !last;) {
      need(data, at + 3, 'a zstd block header');
      const header = data.readUIntLE(at, 3);
      at += 3;
      last = header & 1;
      const type = (header >> 1) & 3;
      const size = header >>> 3;
      if (type === 3) throw new Error('a zstd block has the reserved type');
      total += type === 2 ? blockMax : size; // raw and RLE: the size is what they expand to
      checkLimit(total, limit);
      at += type === 1 ? 1 : size;
      need(data, at, 'a zstd block');
    }
    if (descriptor & 0x04) at += 4; // content checksum
  }
  return total;
}

function zstdDecode(data: Buffer, limit: number): Buffer {
  zstdBound(data, limit);
  const out = loadFzstd().decompress(data);
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

function gzipDecode(data: Buffer, limit: number): Buffer {
  try {
    return gunzipSync(data, { maxOutputLength: limit });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') checkLimit(limit + 1, limit);
    throw error;
  }
}

/**
 * Decompresses the records section of a batch with the given codec number, refusing to produce
 * more than `limit` bytes. Throws an Error whose message says what is wrong with the frame.
 */
export function decompress(codec: number, data: Buffer, limit = decompressedLimit(data.length)): Buffer {
  let out: Buffer;
  switch (codec) {
    case 1:
      out = gzipDecode(data, limit);
      break;
    case 2:
      out = snappyDecode(data, limit);
      break;
    case 3:
      out = lz4Decode(data, limit);
      break;
    case 4:
      out = zstdDecode(data, limit);
      break;
    default:
      throw new KafkaUserError(`unsupported compression codec ${codec} in a record batch`);
  }
  checkLimit(out.length, limit); // what the headers bounded, checked once more
  return out;
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
  CompressionCodecs[CompressionTypes.Snappy] = codec('snappy', (data) => decompress(COMPRESSION_CODES.snappy, data));
  CompressionCodecs[CompressionTypes.LZ4] = codec('lz4', (data) => decompress(COMPRESSION_CODES.lz4, data));
  CompressionCodecs[CompressionTypes.ZSTD] = codec('zstd', (data) => decompress(COMPRESSION_CODES.zstd, data));
}
