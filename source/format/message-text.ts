// How records look as text: key, value and header rendering (text | json | hex), escaping of
// control characters for terminals, console-consumer style lines, and the JSON envelope that
// `consume --format json` prints and `produce --format json` reads. Pure functions, shared by the
// CLI and the TUI panes.
import { isUtf8 } from 'node:buffer';
import type { Header, KafkaRecord } from '../kafka/record.js';
import { binaryPreview, isMostlyText } from './binary.js';
import { escapeControl } from './escape.js';

export { escapeControl };

export type BytesFormat = 'text' | 'json' | 'hex';

export interface RenderOptions {
  /** Escape control characters and escape sequences, and show binary as a hex preview (for a terminal). */
  escape: boolean;
}

/** On a terminal, binary reads better as its size and first bytes than as replacement characters. */
function terminalText(bytes: Buffer): string {
  return isMostlyText(bytes) ? escapeControl(bytes.toString('utf8')) : binaryPreview(bytes);
}

/** Renders bytes as text (UTF-8), pretty JSON (one line, falls back to text), or hex. */
export function renderBytes(bytes: Buffer | null, format: BytesFormat, options: RenderOptions, nullText = 'null'): string {
  if (bytes === null) return nullText;
  switch (format) {
    case 'hex':
      return bytes.toString('hex');
    case 'json': {
      const text = bytes.toString('utf8');
      try {
        // Re-serialised, so the output is one line and any control character is \u-escaped.
        return JSON.stringify(JSON.parse(text));
      } catch {
        return options.escape ? terminalText(bytes) : text;
      }
    }
    case 'text':
      return options.escape ? terminalText(bytes) : bytes.toString('utf8');
  }
}

function renderHeaders(headers: readonly Header[], options: LineOptions): string {
  return headers
    .map(([key, value]) => {
      const shownKey = options.escape ? escapeControl(key) : key;
      return `${shownKey}:${renderBytes(value, options.keyFormat, options, options.nullLiteral)}`;
    })
    .join(options.headersSeparator);
}

export interface LineOptions extends RenderOptions {
  printKey: boolean;
  printHeaders: boolean;
  printTimestamp: boolean;
  printPartition: boolean;
  printOffset: boolean;
  keySeparator: string;
  /** Between headers (console consumer's headers.separator). */
  headersSeparator: string;
  /** Between the prefix fields (timestamp, partition, offset, headers, key) and the value. */
  fieldSeparator: string;
  keyFormat: BytesFormat;
  valueFormat: BytesFormat;
  nullLiteral: string;
}

export const DEFAULT_LINE_OPTIONS: LineOptions = {
  escape: false,
  printKey: false,
  printHeaders: false,
  printTimestamp: false,
  printPartition: false,
  printOffset: false,
  keySeparator: '\t',
  headersSeparator: ',',
  fieldSeparator: '\t',
  keyFormat: 'text',
  valueFormat: 'text',
  nullLiteral: 'null',
};

/** The fields printed before the key: timestamp, partition, offset and headers, as asked. */
export function formatRecordPrefix(record: KafkaRecord, options: LineOptions): string {
  let prefix = '';
  const sep = options.fieldSeparator;
  if (options.printTimestamp) prefix += `CreateTime:${record.timestamp}${sep}`;
  if (options.printPartition) prefix += `Partition:${record.partition}${sep}`;
  if (options.printOffset) prefix += `Offset:${record.offset}${sep}`;
  if (options.printHeaders) {
    prefix += `${record.headers.length === 0 ? 'NO_HEADERS' : renderHeaders(record.headers, options)}${sep}`;
  }
  return prefix;
}

/** One record as a console-consumer style line, without the line ending. */
export function formatRecordLine(record: KafkaRecord, options: LineOptions): string {
  let prefix = formatRecordPrefix(record, options);
  if (options.printKey) prefix += `${renderBytes(record.key, options.keyFormat, options, options.nullLiteral)}${options.keySeparator}`;
  return prefix + renderBytes(record.value, options.valueFormat, options, options.nullLiteral);
}

/** Bytes in the envelope: UTF-8 text as a string, anything else marked as base64. */
function envelopeBytes(bytes: Buffer | null): { text: string | null; base64: boolean } {
  if (bytes === null) return { text: null, base64: false };
  if (isUtf8(bytes)) return { text: bytes.toString('utf8'), base64: false };
  return { text: bytes.toString('base64'), base64: true };
}

export interface EnvelopeHeader {
  key: string;
  value: string | null;
  valueEncoding?: 'base64';
}

/** The JSON line of `consume --format json`; `produce --format json` reads it back. */
export interface Envelope {
  topic?: string;
  partition?: number;
  offset?: number;
  timestamp?: number;
  key: string | null;
  keyEncoding?: 'base64';
  value: string | null;
  valueEncoding?: 'base64';
  headers?: EnvelopeHeader[];
}

/** What an envelope is made of: a reader's record, or a record the TUI keeps (with its topic added). */
export type EnvelopeRecord = Pick<KafkaRecord, 'topic' | 'partition' | 'offset' | 'timestamp' | 'key' | 'value' | 'headers'>;

export function toEnvelope(record: EnvelopeRecord): Envelope {
  const key = envelopeBytes(record.key);
  const value = envelopeBytes(record.value);
  return {
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    timestamp: record.timestamp,
    key: key.text,
    ...(key.base64 ? { keyEncoding: 'base64' as const } : {}),
    value: value.text,
    ...(value.base64 ? { valueEncoding: 'base64' as const } : {}),
    headers: record.headers.map(([name, bytes]) => {
      const header = envelopeBytes(bytes);
      return header.base64 ? { key: name, value: header.text, valueEncoding: 'base64' as const } : { key: name, value: header.text };
    }),
  };
}

/** JSON.stringify escapes every control character, so this line is safe on a terminal as it is. */
export function formatRecordJson(record: KafkaRecord): string {
  return formatEnvelopeLine(record);
}

export const formatEnvelopeLine = (record: EnvelopeRecord): string => JSON.stringify(toEnvelope(record));

export interface DecodedEnvelope {
  key: Buffer | null;
  value: Buffer | null;
  headers: Header[];
  partition?: number;
  timestamp?: number;
}

function bytesOf(text: unknown, encoding: unknown, field: string): Buffer | null {
  if (text === null || text === undefined) return null;
  if (typeof text !== 'string') throw new Error(`"${field}" must be a string or null`);
  if (encoding === undefined) return Buffer.from(text, 'utf8');
  if (encoding === 'base64') return Buffer.from(text, 'base64');
  throw new Error(`unknown encoding ${JSON.stringify(encoding)} for "${field}" (only "base64" is known)`);
}

/** Parses one envelope line; throws an Error with a short reason when it is not one. */
export function parseEnvelope(line: string): DecodedEnvelope {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new Error('not valid JSON');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('expected a JSON object');
  const object = parsed as Record<string, unknown>;
  const headers: Header[] = [];
  if (object.headers !== undefined && object.headers !== null) {
    if (!Array.isArray(object.headers)) throw new Error('"headers" must be an array of {key, value}');
    for (const header of object.headers as Array<Record<string, unknown>>) {
      if (!header || typeof header.key !== 'string') throw new Error('each header needs a string "key"');
      headers.push([header.key, bytesOf(header.value, header.valueEncoding, `header ${header.key}`)]);
    }
  }
  const partition = object.partition;
  if (partition !== undefined && (typeof partition !== 'number' || !Number.isInteger(partition) || partition < 0)) {
    throw new Error('"partition" must be a whole number');
  }
  const timestamp = object.timestamp;
  if (timestamp !== undefined && typeof timestamp !== 'number') throw new Error('"timestamp" must be a number');
  return {
    key: bytesOf(object.key, object.keyEncoding, 'key'),
    value: bytesOf(object.value, object.valueEncoding, 'value'),
    headers,
    ...(partition === undefined ? {} : { partition: partition as number }),
    ...(timestamp === undefined ? {} : { timestamp: timestamp as number }),
  };
}
