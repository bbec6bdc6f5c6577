// Producer input: bytes split into lines, exactly as typed or piped. Lines stay bytes (a value
// need not be UTF-8); CRLF endings lose their CR; a last line without a newline still counts.

export interface InputLine {
  /** 1-based line number in the input, for failure reports. */
  number: number;
  bytes: Buffer;
}

const NEWLINE = 0x0a;
const CR = 0x0d;

/** Splits a stream of chunks into lines, holding only the unfinished tail between chunks. */
export class LineSplitter {
  private tail: Buffer | undefined;
  private lineNumber = 0;

  /** The complete lines in this chunk (with any tail left from the previous one). */
  push(chunk: Buffer): InputLine[] {
    const lines: InputLine[] = [];
    let start = 0;
    if (this.tail) {
      // Only the line that spans the two chunks is copied, not the whole chunk.
      const end = chunk.indexOf(NEWLINE);
      if (end === -1) {
        this.tail = Buffer.concat([this.tail, chunk]);
        return lines;
      }
      const joined = Buffer.concat([this.tail, chunk.subarray(0, end + 1)]);
      this.tail = undefined;
      lines.push(this.line(joined, 0, joined.length - 1));
      start = end + 1;
    }
    for (let end = chunk.indexOf(NEWLINE, start); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      lines.push(this.line(chunk, start, end));
      start = end + 1;
    }
    if (start < chunk.length) this.tail = chunk.subarray(start);
    return lines;
  }

  /** The last line, if the input did not end with a newline. */
  end(): InputLine[] {
    const tail = this.tail;
    this.tail = undefined;
    return tail && tail.length > 0 ? [this.line(tail, 0, tail.length)] : [];
  }

  private line(data: Buffer, start: number, end: number): InputLine {
    const stop = end > start && data[end - 1] === CR ? end - 1 : end;
    return { number: ++this.lineNumber, bytes: data.subarray(start, stop) };
  }
}

/** Splits "key<sep>value" at the first separator; null when the line has none. */
export function splitKey(line: Buffer, separator: Buffer): { key: Buffer; value: Buffer } | null {
  const at = line.indexOf(separator);
  if (at === -1) return null;
  return { key: line.subarray(0, at), value: line.subarray(at + separator.length) };
}
