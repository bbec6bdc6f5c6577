// Fits a one-line header or status made of segments into a width without cutting a word: the
// least important segments are abbreviated, shortened by whole words, or dropped first.
import stringWidth from 'string-width';

export interface Segment {
  text: string;
  /** A shorter form to use before giving the segment up. */
  short?: string;
  /** Higher survives longer; equal priorities give way from the right. Default 0. */
  priority?: number;
  /** Never dropped (it may still lose trailing words when nothing else is left to give). */
  required?: boolean;
  /** May lose trailing words, marked with "…", before it is dropped. */
  words?: boolean;
}

const ELLIPSIS = '…';

/** The longest run of leading words of `text` that fits `width` with an ellipsis, or undefined. */
export function leadingWords(text: string, width: number): string | undefined {
  if (stringWidth(text) <= width) return text;
  const words = text.split(' ');
  for (let count = words.length - 1; count > 0; count--) {
    const candidate = `${words.slice(0, count).join(' ').trimEnd()}${ELLIPSIS}`;
    if (stringWidth(candidate) <= width) return candidate;
  }
  return undefined;
}

/**
 * The segments' texts as they fit into `width` when joined by `separator`, in their order;
 * undefined for a dropped one. Only when even the required segments alone are too wide is a
 * word ever cut, so that the line still never spills over.
 */
export function fitSegments(segments: readonly Segment[], width: number, separator = '  '): Array<string | undefined> {
  const shown: Array<string | undefined> = segments.map((s) => s.text);
  const total = () => {
    const kept = shown.filter((t): t is string => t !== undefined);
    return kept.reduce((sum, t) => sum + stringWidth(t), 0) + Math.max(0, kept.length - 1) * stringWidth(separator);
  };
  /** The room a shown segment may use with everything else as it is now. */
  const roomFor = (index: number) => width - (total() - stringWidth(shown[index]!));
  const order = segments
    .map((segment, index) => ({ index, priority: segment.priority ?? 0 }))
    .sort((a, b) => a.priority - b.priority || b.index - a.index)
    .map(({ index }) => index);

  for (const index of order) {
    const segment = segments[index]!;
    if (total() <= width) break;
    if (segment.short !== undefined && stringWidth(segment.short) < stringWidth(segment.text)) {
      shown[index] = segment.short;
      if (total() <= width) break;
    }
    if (segment.words) {
      const fitted = leadingWords(segment.text, roomFor(index));
      if (fitted !== undefined && (shown[index] === undefined || stringWidth(fitted) < stringWidth(shown[index]!))) {
        shown[index] = fitted;
      }
      if (total() <= width) break;
    }
    if (!segment.required) shown[index] = undefined;
  }
  // Only required segments are left and they are still too wide: from the right, each loses
  // words or goes; the last one left loses characters only when not even one word fits.
  for (let index = shown.length - 1; index >= 0 && total() > width; index--) {
    if (shown[index] === undefined) continue;
    const fitted = leadingWords(shown[index]!, roomFor(index));
    const others = shown.filter((t, i) => i !== index && t !== undefined).length;
    shown[index] = fitted ?? (others > 0 ? undefined : cutWithEllipsis(shown[index]!, width));
  }
  return shown;
}

/** The segments joined, fitted into `width`. */
export function fitLine(segments: readonly Segment[], width: number, separator = '  '): string {
  return fitSegments(segments, width, separator)
    .filter((t): t is string => t !== undefined)
    .join(separator);
}

/** Cuts by display width; only for text that must fit and has no word boundary left to use. */
function cutWithEllipsis(text: string, width: number): string | undefined {
  if (width <= 0) return undefined;
  return `${cutToWidth(text, width - 1)}${ELLIPSIS}`;
}

export function cutToWidth(text: string, width: number): string {
  let out = '';
  for (const char of text) {
    if (stringWidth(out + char) > width) break;
    out += char;
  }
  return out;
}
