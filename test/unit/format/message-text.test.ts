// Rendering, escaping and the JSON envelope of consumed records.
import { describe, expect, it } from 'vitest';
import { KafkaRecord } from '../../../source/kafka/record.js';
import {
  DEFAULT_LINE_OPTIONS,
  escapeControl,
  formatRecordJson,
  formatRecordLine,
  parseEnvelope,
  renderBytes,
} from '../../../source/format/message-text.js';

const record = (key: Buffer | null, value: Buffer | null, headers: Array<[string, Buffer | null]> = []) =>
  new KafkaRecord('t', 2, 41, 1700000000000, key, value, headers);

describe('escapeControl', () => {
  it('escapes escape sequences, C0/C1 controls, DEL and bidi overrides', () => {
    expect(escapeControl('a\x1b[31mred\x1b[0m')).toBe('a\\x1b[31mred\\x1b[0m');
    expect(escapeControl('bell\x07 nul\0 del\x7f c1\x9b')).toBe('bell\\x07 nul\\0 del\\x7f c1\\x9b');
    expect(escapeControl('line\nnext\r')).toBe('line\\nnext\\r');
    expect(escapeControl('abc\u202edef')).toBe('abc\\u202edef');
  });

  it('leaves tabs and ordinary text (including non-ASCII) alone', () => {
    expect(escapeControl('a\tb é 日本')).toBe('a\tb é 日本');
  });
});

describe('renderBytes', () => {
  const plain = { escape: false };
  it('renders text, hex and one-line JSON', () => {
    expect(renderBytes(Buffer.from('hi'), 'text', plain)).toBe('hi');
    expect(renderBytes(Buffer.from([0, 255]), 'hex', plain)).toBe('00ff');
    expect(renderBytes(Buffer.from('{ "a" : [1, 2] }'), 'json', plain)).toBe('{"a":[1,2]}');
  });

  it('falls back to (escaped) text for invalid JSON', () => {
    expect(renderBytes(Buffer.from('not json\x1b'), 'json', { escape: true })).toBe('not json\\x1b');
  });

  it('escapes only when asked', () => {
    expect(renderBytes(Buffer.from('\x1b[2J'), 'text', { escape: true })).toBe('\\x1b[2J');
    expect(renderBytes(Buffer.from('\x1b[2J'), 'text', plain)).toBe('\x1b[2J');
  });

  it('shows null as the null text', () => {
    expect(renderBytes(null, 'text', plain)).toBe('null');
    expect(renderBytes(null, 'text', plain, '<none>')).toBe('<none>');
  });
});

describe('formatRecordLine', () => {
  it('prints only the value by default', () => {
    expect(formatRecordLine(record(Buffer.from('k'), Buffer.from('v')), DEFAULT_LINE_OPTIONS)).toBe('v');
  });

  it('prints the console consumer fields in its order', () => {
    const line = formatRecordLine(
      record(Buffer.from('k'), Buffer.from('v'), [
        ['h', Buffer.from('1')],
        ['n', null],
      ]),
      {
        ...DEFAULT_LINE_OPTIONS,
        printTimestamp: true,
        printPartition: true,
        printOffset: true,
        printHeaders: true,
        printKey: true,
        keySeparator: ':',
      },
    );
    expect(line).toBe('CreateTime:1700000000000\tPartition:2\tOffset:41\th:1,n:null\tk:v');
  });

  it('escapes keys, values and headers on a terminal', () => {
    const line = formatRecordLine(record(Buffer.from('\x1bk'), Buffer.from('\x1bv'), [['\x1bh', Buffer.from('\x1b')]]), {
      ...DEFAULT_LINE_OPTIONS,
      escape: true,
      printKey: true,
      printHeaders: true,
    });
    expect(line).toBe('\\x1bh:\\x1b\t\\x1bk\t\\x1bv');
  });
});

describe('JSON envelope', () => {
  it('keeps UTF-8 as strings and marks binary as base64', () => {
    const json = JSON.parse(formatRecordJson(record(Buffer.from([0xff, 0x00]), Buffer.from('héllo'), [['b', Buffer.from([0x80])]])));
    expect(json).toEqual({
      topic: 't',
      partition: 2,
      offset: 41,
      timestamp: 1700000000000,
      key: '/wA=',
      keyEncoding: 'base64',
      value: 'héllo',
      headers: [{ key: 'b', value: 'gA==', valueEncoding: 'base64' }],
    });
  });

  it('round-trips bytes, nulls and headers through parseEnvelope', () => {
    const original = record(null, Buffer.from([1, 2, 0xfe]), [
      ['a', Buffer.from('x')],
      ['a', null],
    ]);
    const parsed = parseEnvelope(formatRecordJson(original));
    expect(parsed.key).toBeNull();
    expect(parsed.value).toEqual(Buffer.from([1, 2, 0xfe]));
    expect(parsed.headers).toEqual([
      ['a', Buffer.from('x')],
      ['a', null],
    ]);
    expect(parsed.timestamp).toBe(1700000000000);
  });

  it('never lets a control character through to a terminal', () => {
    expect(formatRecordJson(record(null, Buffer.from('\x1b[31m')))).not.toContain('\x1b');
  });

  it.each([
    ['nope', 'not valid JSON'],
    ['[1]', 'expected a JSON object'],
    ['{"value": 3}', '"value" must be a string or null'],
    ['{"value": "x", "valueEncoding": "hex"}', 'unknown encoding "hex"'],
    ['{"value": "x", "headers": {"a": "b"}}', '"headers" must be an array'],
  ])('rejects %s', (line, message) => {
    expect(() => parseEnvelope(line)).toThrow(message);
  });
});

describe('header options on every output path', () => {
  it('honours headers.separator and null.literal when escaping for a terminal, as on a pipe', () => {
    const r = record(null, Buffer.from('v'), [
      ['a', Buffer.from('1')],
      ['b', null],
    ]);
    const options = { ...DEFAULT_LINE_OPTIONS, printHeaders: true, headersSeparator: '|', nullLiteral: 'NIL' };
    expect(formatRecordLine(r, options)).toBe('a:1|b:NIL\tv');
    expect(formatRecordLine(r, { ...options, escape: true })).toBe('a:1|b:NIL\tv');
  });
});
