// One grammar for durations and points in time, shared by the CLI (--from-timestamp, the
// timeout flags) and the TUI (the C prompt), so the same text means the same thing everywhere.
//   duration  500ms | 10s | 2m | 1.5h | 1d | 1w   (a bare number is read in `bareUnit`, if given)
//   time      -15m (that long before now) | epoch milliseconds (10+ digits) | ISO-8601 date or date-time

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

export const TIME_HELP = 'ISO-8601 (2024-05-01T12:00:00Z), epoch milliseconds, or a relative time like -15m';

/** Milliseconds, or undefined when the text is not a duration. */
export function parseDuration(text: string, bareUnit?: 'ms' | 's'): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)?$/.exec(text.trim());
  const unit = match?.[2] ?? bareUnit;
  if (!match || !unit) return undefined;
  return Math.round(Number(match[1]) * UNIT_MS[unit]!);
}

// Date-like text only: Date.parse also accepts things like "1" or "May", which are not meant as times.
const ISO = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Epoch milliseconds, or undefined when the text is not a time. */
export function parseTime(text: string, now = Date.now()): number | undefined {
  const value = text.trim();
  if (value.startsWith('-')) {
    // No bare unit: "-15" is more likely a typo than fifteen seconds ago.
    const ago = parseDuration(value.slice(1));
    return ago === undefined ? undefined : now - ago;
  }
  if (/^\d{10,}$/.test(value)) return Number(value);
  if (!ISO.test(value)) return undefined;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : parsed;
}
