// Telling text from binary, and the one-line preview a binary value gets in lists and on a terminal
// (`‹binary 200 B› 36 c9 9c f0 …`) instead of replacement characters.

import { isUtf8 } from 'node:buffer';

const PREVIEW_BYTES = 16;

/**
 * Text when it is valid UTF-8 and at most a tenth of it is control characters. Whitespace controls and ESC
 * do not count: an escape sequence in a log line is text to show escaped, not a reason to hide the line.
 */
export function isMostlyText(bytes: Buffer): boolean {
  if (!isUtf8(bytes)) return false;
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const controls = bytes.toString('utf8').match(/[\u0000-\u0008\u000e-\u001a\u001c-\u001f\u007f]/g)?.length ?? 0;
  return controls * 10 <= bytes.length;
}

/** At most max bytes, cut before a UTF-8 character that would not fit whole (so the cut is no reason to call it binary). */
export function utf8Prefix(bytes: Buffer, max: number): Buffer {
  if (bytes.length <= max) return bytes;
  let end = max;
  // Back up over continuation bytes (10xxxxxx) to the first byte of the character that was cut.
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}

/** `‹binary 200 B› 36 c9 9c f0 …`: the size and the first bytes in hex. */
export function binaryPreview(bytes: Buffer, size = bytes.length): string {
  const shown = bytes
    .subarray(0, PREVIEW_BYTES)
    .toString('hex')
    .replace(/(..)(?!$)/g, '$1 ');
  return `‹binary ${size} B› ${shown}${size > PREVIEW_BYTES ? ' …' : ''}`;
}
