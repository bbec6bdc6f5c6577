// Producer input lines: chunk boundaries, CRLF, a last line without newline, key splitting.
import { describe, expect, it } from 'vitest';
import { LineSplitter, splitKey } from '../../../source/format/message-lines.js';

const texts = (lines: Array<{ number: number; bytes: Buffer }>) => lines.map((l) => [l.number, l.bytes.toString()]);

describe('LineSplitter', () => {
  it('splits lines across chunk boundaries and numbers them', () => {
    const splitter = new LineSplitter();
    const out = [...splitter.push(Buffer.from('one\ntw')), ...splitter.push(Buffer.from('o\nthr')), ...splitter.push(Buffer.from('ee\n'))];
    expect(texts(out)).toEqual([
      [1, 'one'],
      [2, 'two'],
      [3, 'three'],
    ]);
    expect(splitter.end()).toEqual([]);
  });

  it('drops the CR of CRLF endings, also when split between chunks', () => {
    const splitter = new LineSplitter();
    const out = [...splitter.push(Buffer.from('a\r\nb\r')), ...splitter.push(Buffer.from('\nc'))];
    expect(texts([...out, ...splitter.end()])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
  });

  it('keeps empty lines (the caller decides) and a last line without a newline', () => {
    const splitter = new LineSplitter();
    expect(texts([...splitter.push(Buffer.from('\n\nx')), ...splitter.end()])).toEqual([
      [1, ''],
      [2, ''],
      [3, 'x'],
    ]);
  });

  it('keeps bytes that are not UTF-8 as they are', () => {
    const splitter = new LineSplitter();
    const [line] = splitter.push(Buffer.from([0xff, 0xfe, 0x0a]));
    expect(line!.bytes).toEqual(Buffer.from([0xff, 0xfe]));
  });
});

describe('splitKey', () => {
  it('splits at the first separator only', () => {
    const parts = splitKey(Buffer.from('k:v:w'), Buffer.from(':'));
    expect([parts!.key.toString(), parts!.value.toString()]).toEqual(['k', 'v:w']);
  });

  it('handles multi-byte separators and empty keys', () => {
    const parts = splitKey(Buffer.from('::=v'), Buffer.from('::='));
    expect([parts!.key.toString(), parts!.value.toString()]).toEqual(['', 'v']);
  });

  it('returns null when there is no separator', () => {
    expect(splitKey(Buffer.from('novalue'), Buffer.from('\t'))).toBeNull();
  });
});
