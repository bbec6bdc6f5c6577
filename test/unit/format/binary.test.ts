import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { binaryPreview, isMostlyText, utf8Prefix } from '../../../source/format/binary.js';
import { DEFAULT_LINE_OPTIONS, formatRecordLine, renderBytes } from '../../../source/format/message-text.js';
import { KafkaRecord } from '../../../source/kafka/record.js';

const BINARY = Buffer.from('36c99cf02f7a0d24ff62e3223055650102030405', 'hex');

describe('isMostlyText', () => {
  it('takes UTF-8 text, escape sequences included, and refuses invalid UTF-8 or control-heavy bytes', () => {
    expect(isMostlyText(Buffer.from('{"id":1} välue 😀\ttab\nline'))).toBe(true);
    expect(isMostlyText(Buffer.from('log \x1b[31mred\x1b[0m line'))).toBe(true);
    expect(isMostlyText(Buffer.alloc(0))).toBe(true);
    expect(isMostlyText(BINARY)).toBe(false);
    expect(isMostlyText(Buffer.from([0x08, 0x01, 0x10, 0x02]))).toBe(false); // protobuf: valid UTF-8, all controls
    expect(isMostlyText(randomBytes(200))).toBe(false);
  });
});

describe('utf8Prefix', () => {
  it('cuts before a character that would not fit whole', () => {
    const text = Buffer.from('aé😀');
    expect(utf8Prefix(text, 10)).toBe(text);
    expect(utf8Prefix(text, 2).toString()).toBe('a'); // é is 2 bytes: 1..2
    expect(utf8Prefix(text, 4).toString()).toBe('aé'); // 😀 is 4 bytes: 3..6
    expect(isMostlyText(utf8Prefix(text, 5))).toBe(true);
  });
});

describe('binaryPreview', () => {
  it('gives the size and the first 16 bytes in hex, with … when there are more', () => {
    expect(binaryPreview(BINARY)).toBe('‹binary 20 B› 36 c9 9c f0 2f 7a 0d 24 ff 62 e3 22 30 55 65 01 …');
    expect(binaryPreview(Buffer.from([0xff, 0]))).toBe('‹binary 2 B› ff 00');
    expect(binaryPreview(BINARY.subarray(0, 4), 200)).toBe('‹binary 200 B› 36 c9 9c f0 …');
  });
});

describe('binary values in console output', () => {
  const record = (value: Buffer) => new KafkaRecord('t', 0, 0, 0, Buffer.from('k'), value, []);

  it('shows a preview on a terminal, in text and json value formats, and text values as before', () => {
    const line = { ...DEFAULT_LINE_OPTIONS, escape: true };
    expect(formatRecordLine(record(BINARY), line)).toBe(binaryPreview(BINARY));
    expect(formatRecordLine(record(BINARY), { ...line, valueFormat: 'json' })).toBe(binaryPreview(BINARY));
    expect(formatRecordLine(record(Buffer.from('plain')), line)).toBe('plain');
  });

  it('passes the bytes unchanged when not on a terminal', () => {
    expect(Buffer.from(renderBytes(BINARY, 'text', { escape: false }), 'utf8').equals(Buffer.from(BINARY.toString('utf8')))).toBe(true);
  });
});
