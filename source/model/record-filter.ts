// The record filter language, shared by `consume` (--grep, --key-grep, --header, --where, --key) and the
// consumer pane's `/`: criteria compiled once into one predicate over a record's bytes; every criterion
// must hold. A --where expression is a JSONPath filter (jsonpath-plus, its safe evaluator), not our own parser.
import { JSONPath } from 'jsonpath-plus';
import { KafkaUserError } from '../kafka/errors.js';

export interface FilterSpec {
  /** A regular expression the value (as UTF-8) must match. */
  grep?: string;
  /** A regular expression the key must match. */
  keyGrep?: string;
  /** `NAME` (the header is present) or `NAME=REGEX` (a header NAME whose value matches). */
  headers?: readonly string[];
  /** A JSONPath filter over JSON values, `$` being the value: `$.customer.id == 42`. */
  where?: string;
  /** The key, byte for byte (consume --key). */
  key?: Buffer;
  /** Letters in regular expressions match either case (the pane's smart case). */
  ignoreCase?: boolean;
}

/** What a filter reads; KafkaRecord and the pane's ConsumedRecord both fit. */
export interface FilterableRecord {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: ReadonlyArray<readonly [string, Buffer | null]>;
}

export type RecordMatcher = (record: FilterableRecord) => boolean;

export function isEmptyFilter(spec: FilterSpec): boolean {
  return !spec.grep && !spec.keyGrep && !spec.headers?.length && !spec.where && spec.key === undefined;
}

function compileRegex(source: string, what: string, ignoreCase: boolean): RegExp {
  try {
    return new RegExp(source, ignoreCase ? 'iu' : 'u');
  } catch (error) {
    throw new KafkaUserError(
      `invalid ${what} regular expression '${source}': ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`,
      2,
    );
  }
}

/**
 * A test on bytes for a pattern: a plain word (no regex syntax, case-sensitive) is a byte search, as
 * grep does, with no UTF-8 decoding per record; anything else is the regular expression on the text.
 */
function bytesMatcher(source: string, what: string, ignoreCase: boolean): (bytes: Buffer) => boolean {
  if (!ignoreCase && /^[^\\^$.|?*+()[\]{}]+$/.test(source)) {
    const literal = Buffer.from(source, 'utf8');
    return (bytes) => bytes.indexOf(literal) >= 0;
  }
  const pattern = compileRegex(source, what, ignoreCase);
  return (bytes) => pattern.test(bytes.toString('utf8'));
}

const text = (bytes: Buffer | null): string | undefined => (bytes === null ? undefined : bytes.toString('utf8'));

function headerMatcher(spec: string, ignoreCase: boolean): RecordMatcher {
  const equals = spec.indexOf('=');
  const name = equals < 0 ? spec : spec.slice(0, equals);
  if (name === '') throw new KafkaUserError(`invalid --header '${spec}': expected NAME or NAME=REGEX`, 2);
  if (equals < 0) return (record) => record.headers.some(([key]) => key === name);
  const pattern = compileRegex(spec.slice(equals + 1), `--header ${name}`, ignoreCase);
  return (record) => record.headers.some(([key, value]) => key === name && value !== null && pattern.test(value.toString('utf8')));
}

/**
 * `$` where it starts a path becomes jsonpath-plus's `@` (the value under test); a `$` inside a
 * quoted string is left alone.
 */
export function toFilterScript(expression: string): string {
  let out = '';
  let quote = '';
  for (let i = 0; i < expression.length; i++) {
    const char = expression[i]!;
    if (quote) {
      out += char;
      if (char === '\\') out += expression[++i] ?? '';
      else if (char === quote) quote = '';
    } else if (char === '"' || char === "'") {
      quote = char;
      out += char;
    } else if (char === '$' && !/[\w$]/.test(expression[i - 1] ?? '') && !/[\w$]/.test(expression[i + 1] ?? '')) {
      out += '@';
    } else {
      out += char;
    }
  }
  return out;
}

function whereMatcher(expression: string): RecordMatcher {
  const path = `$[?(${toFilterScript(expression)})]`;
  const evaluate = (json: unknown, ignoreEvalErrors: boolean) =>
    (JSONPath({ path, json: [json] as unknown as object, wrap: true, eval: 'safe', ignoreEvalErrors }) as unknown[]).length > 0;
  try {
    // Parses the path and compiles the expression now (jsonpath-plus caches both by their text), so a
    // bad expression is one error before anything is read, not one per record.
    evaluate({}, false);
  } catch (error) {
    // "jsonPath: …" is the expression failing on the empty probe object, so it compiled; anything else is its syntax.
    const reason = (error as Error).message;
    if (!reason.startsWith('jsonPath: ')) throw new KafkaUserError(`invalid --where '${expression}': ${reason}`, 2);
  }
  return (record) => {
    const value = text(record.value);
    if (value === undefined) return false;
    let json: unknown;
    try {
      json = JSON.parse(value);
    } catch {
      return false; // not JSON: cannot match a JSON path
    }
    return evaluate(json, true);
  };
}

/**
 * One predicate for all the criteria, or undefined when there are none: the unfiltered path then has
 * no per-record call at all.
 */
export function compileFilter(spec: FilterSpec): RecordMatcher | undefined {
  if (isEmptyFilter(spec)) return undefined;
  const ignoreCase = spec.ignoreCase === true;
  const checks: RecordMatcher[] = [];
  if (spec.key !== undefined) {
    const key = spec.key;
    checks.push((record) => record.key !== null && record.key.equals(key));
  }
  if (spec.keyGrep) {
    const keyMatches = bytesMatcher(spec.keyGrep, '--key-grep', ignoreCase);
    checks.push((record) => record.key !== null && keyMatches(record.key));
  }
  for (const header of spec.headers ?? []) checks.push(headerMatcher(header, ignoreCase));
  if (spec.grep) {
    const valueMatches = bytesMatcher(spec.grep, '--grep', ignoreCase);
    checks.push((record) => record.value !== null && valueMatches(record.value));
  }
  // JSON parsing is the dearest check: last, so cheaper ones rule records out first.
  if (spec.where) checks.push(whereMatcher(spec.where));
  if (checks.length === 1) return checks[0];
  return (record) => checks.every((check) => check(record));
}

/**
 * The pane's `/` line in the same language: `key:REGEX`, `header:NAME[=REGEX]`, `where:EXPR` or an
 * expression starting with `$` (either takes the rest of the line), and any other words as the value's
 * regular expression. Lower-case patterns match either case (smart case, as in less and vim).
 */
export function parseFilterQuery(query: string): FilterSpec {
  const headers: string[] = [];
  const words: string[] = [];
  let keyGrep: string | undefined;
  let where: string | undefined;
  const tokens = query.trim().split(/(\s+)/);
  for (let i = 0; i < tokens.length; i += 2) {
    const token = tokens[i]!;
    if (token === '') continue;
    if (token.startsWith('$') || token.startsWith('where:')) {
      where = tokens
        .slice(i)
        .join('')
        .replace(/^where:/, '');
      break;
    }
    if (token.startsWith('key:')) keyGrep = token.slice(4);
    else if (token.startsWith('header:')) headers.push(token.slice(7));
    else words.push(token);
  }
  const grep = words.join(' ');
  const patterns = [grep, keyGrep ?? '', ...headers.map((h) => h.slice(h.indexOf('=') + 1))];
  return {
    ...(grep ? { grep } : {}),
    ...(keyGrep ? { keyGrep } : {}),
    ...(headers.length > 0 ? { headers } : {}),
    ...(where ? { where } : {}),
    ignoreCase: !patterns.some((p) => /\p{Lu}/u.test(p)),
  };
}
