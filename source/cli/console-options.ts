// Parsing of the console commands' option values: start offsets, timestamps, and the Java
// console tools' `--property name=value` settings. Pure functions; errors are one-line
// KafkaUserErrors (exit code 2: bad usage).
import type { StartPosition } from '../kafka/consumer.js';
import { KafkaUserError } from '../kafka/errors.js';
import { TIME_HELP, parseTime } from '../format/time-grammar.js';
import { splitKeyValue } from '../format/key-value.js';

const usage = (message: string) => new KafkaUserError(message, 2);

/** --offset: earliest | latest (also beginning | end) | a non-negative offset. */
export function parseOffset(text: string): StartPosition {
  const value = text.trim().toLowerCase();
  if (value === 'earliest' || value === 'beginning') return { kind: 'earliest' };
  if (value === 'latest' || value === 'end') return { kind: 'latest' };
  if (/^\d+$/.test(value) && Number.isSafeInteger(Number(value))) return { kind: 'offset', offset: Number(value) };
  throw usage(`invalid --offset '${text}': use earliest, latest, or a non-negative offset`);
}

/**
 * --from-timestamp: ISO-8601 (2024-05-01T12:00:00Z, or a date), epoch milliseconds,
 * or a time relative to now such as -15m, -2h, -1d, -30s (format/time-grammar.ts).
 */
export function parseTimestamp(text: string, now = Date.now(), flag = 'from-timestamp'): number {
  const timestamp = parseTime(text, now);
  if (timestamp === undefined) throw usage(`invalid --${flag} '${text}': use ${TIME_HELP}`);
  return timestamp;
}

/**
 * `--from-timestamp -15m` would read as short flags (-1, -5, -m): a relative time right after one of
 * these flags is kept attached to it (`--from-timestamp=-15m`).
 */
export function attachRelativeTimes(argv: readonly string[], timeFlags: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if (timeFlags.includes(argv[i]!) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${argv[i]}=${next}`);
      i++;
    } else {
      out.push(argv[i]!);
    }
  }
  return out;
}

/** Parses `name=value` pairs (the value may contain '='), rejecting names not in `known`. */
export function parseProperties(pairs: readonly string[], known: readonly string[], flag = '--property'): Map<string, string> {
  const result = new Map<string, string>();
  for (const pair of pairs) {
    const property = splitKeyValue(pair);
    if (!property) throw usage(`invalid ${flag} '${pair}': expected name=value`);
    const name = property[0].trim();
    if (!known.includes(name)) throw usage(`unknown ${flag} '${name}' (known: ${known.join(', ')})`);
    result.set(name, unescapeSeparator(property[1]));
  }
  return result;
}

/** Lets separators be written as \t, \n, \r or \\ on a command line, as the Java tools do. */
export function unescapeSeparator(text: string): string {
  return text.replace(/\\([tnr\\])/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : '\\'));
}

export function parseBooleanProperty(name: string, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw usage(`property ${name} must be true or false (got '${value}')`);
}

/** --header k=v: the header key is before the first '='. */
export function parseHeaderFlag(text: string): [string, Buffer] {
  const header = splitKeyValue(text);
  if (!header) throw usage(`invalid --header '${text}': expected key=value`);
  return [header[0], Buffer.from(header[1], 'utf8')];
}

export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw usage(`invalid --${flag} '${value}': use ${allowed.join(', ')}`);
}

export function nonNegativeInteger(flag: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0) throw usage(`invalid --${flag} '${value}': expected a whole number of at least 0`);
  return value;
}
