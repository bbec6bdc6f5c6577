// How a consumed record reads on screen: a one-line row and the detail view.
// Every byte from the record passes through escapeControlAndTabs before it can reach the terminal.
import type { ConsumedRecord } from '../model/backend.js';
import { binaryPreview, isMostlyText, utf8Prefix } from '../format/binary.js';
import { escapeControlAndTabs } from '../format/escape.js';

const utf8 = (bytes: Buffer | null): string => (bytes === null ? '' : escapeControlAndTabs(bytes.toString('utf8')));

/** A row shows at most a screen width of the value: no need to decode a 1 MB value for it. */
const ROW_VALUE_BYTES = 4096;

export function timeText(ms: number): string {
  return new Date(ms).toISOString().slice(11, 23);
}

export const ROW_HEADER = `${'P'.padStart(3)} ${'OFFSET'.padStart(8)} ${'TIME (UTC)'.padEnd(12)} ${'KEY'.padEnd(12)} VALUE`;

export function recordRow(record: ConsumedRecord): string {
  const key = record.key === null ? '∅' : utf8(record.key);
  const shortKey = key.length > 12 ? `${key.slice(0, 11)}…` : key.padEnd(12);
  return `${String(record.partition).padStart(3)} ${String(record.offset).padStart(8)} ${timeText(record.timestamp)} ${shortKey} ${rowValue(record.value)}`;
}

/** The value as one row shows it: its text, or a marker and hex preview when it is binary. */
function rowValue(value: Buffer | null): string {
  if (value === null) return '';
  const head = utf8Prefix(value, ROW_VALUE_BYTES);
  return isMostlyText(head) ? utf8(head) : binaryPreview(head, value.length);
}

/** Hex dump lines: offset, 16 bytes in hex, and the printable ASCII. */
export function hexLines(bytes: Buffer): string[] {
  const lines: string[] = [];
  for (let at = 0; at < bytes.length; at += 16) {
    const chunk = bytes.subarray(at, at + 16);
    const hex = [...chunk].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = [...chunk].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${at.toString(16).padStart(6, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  return lines;
}

/** Pretty JSON when it parses, text when it reads as text, a hex dump otherwise. */
function bodyLines(bytes: Buffer | null): { kind: string; lines: string[] } {
  if (bytes === null) return { kind: 'null', lines: [] };
  const text = bytes.toString('utf8');
  if (isMostlyText(bytes)) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null) {
        return { kind: 'json', lines: JSON.stringify(parsed, null, 2).split('\n').map(escapeControlAndTabs) };
      }
    } catch {
      // not JSON: shown as text
    }
    return { kind: 'text', lines: text.split('\n').map(escapeControlAndTabs) };
  }
  return { kind: 'hex', lines: hexLines(bytes) };
}

export function detailLines(record: ConsumedRecord): string[] {
  const key = bodyLines(record.key);
  const value = bodyLines(record.value);
  const lines = [
    `Partition ${record.partition}  Offset ${record.offset}  Timestamp ${new Date(record.timestamp).toISOString()} (${record.timestamp})`,
    `Key (${key.kind}, ${record.key?.length ?? 0} bytes):`,
    ...key.lines.map((l) => `  ${l}`),
    `Headers (${record.headers.length}):`,
    ...record.headers.map(([name, v]) => `  ${escapeControlAndTabs(name)}: ${v === null ? '∅' : utf8(v)}`),
    `Value (${value.kind}, ${record.value?.length ?? 0} bytes):`,
    ...value.lines.map((l) => `  ${l}`),
  ];
  return lines;
}
