// The reset planner's prompt: a mode, then optionally which topics, in a few words.
//   earliest | latest | current | offset 42 | shift -10 | -15m | 2026-11-23T10:00:00Z   [topic T[:0,1] ...]
//   file plan.csv
// The modes are kafka-consumer-groups.sh's --to-earliest, --to-latest, --to-current, --to-offset,
// --shift-by, --by-duration, --to-datetime and --from-file (the CSV --export writes); times follow
// format/time-grammar.ts as elsewhere.
import { readFileSync } from 'node:fs';
import { parseResetCsv } from '../format/offset-reset-text.js';
import { parseDuration, parseTime } from '../format/time-grammar.js';
import type { ResetMode, ResetScope } from './backend.js';

export interface ResetOptions {
  mode: ResetMode;
  scope: ResetScope;
}

export const RESET_OPTIONS_HELP =
  'earliest | latest | current | offset N | shift ±N | -15m | ISO time, then optional topic T[:0,1]; or file F.csv';

/** For `file F`: the group whose rows to take, and how to read the file (tests give their own). */
export interface ResetFileSource {
  group: string;
  read?: (path: string) => string;
}

const bad = (text: string): Error => new Error(`cannot read '${text.trim()}': use ${RESET_OPTIONS_HELP}`);

/** `T` or `T:0,1,2`, as --topic reads it. */
export function parseTopicSpec(spec: string): { topic: string; partitions?: number[] } {
  const colon = spec.lastIndexOf(':');
  if (colon < 0) return { topic: spec };
  const topic = spec.slice(0, colon);
  const list = spec.slice(colon + 1).split(',');
  if (topic === '' || list.some((p) => !/^\d+$/.test(p))) throw new Error(`bad topic '${spec}': use T or T:0,1,2`);
  return { topic, partitions: list.map(Number) };
}

export function parseResetOptions(text: string, now = Date.now(), file?: ResetFileSource): ResetOptions {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words[0] === 'file' && file) return { mode: fileMode(words, text, file), scope: { allTopics: true } };
  const at = words.indexOf('topic');
  const modeWords = at < 0 ? words : words.slice(0, at);
  const topicWords = at < 0 ? [] : words.slice(at);
  const topics: Array<{ topic: string; partitions?: number[] }> = [];
  for (let i = 0; i < topicWords.length; i += 2) {
    const spec = topicWords[i + 1];
    if (topicWords[i] !== 'topic' || spec === undefined) throw bad(text);
    topics.push(parseTopicSpec(spec));
  }
  return { mode: parseMode(modeWords, text, now), scope: topics.length > 0 ? { topics } : { allTopics: true } };
}

function parseMode([first, second, ...extra]: string[], text: string, now: number): ResetMode {
  if (first === undefined || extra.length > 0) throw bad(text);
  const single = second === undefined;
  if (single && (first === 'earliest' || first === 'beginning')) return { kind: 'earliest' };
  if (single && (first === 'latest' || first === 'end')) return { kind: 'latest' };
  if (single && first === 'current') return { kind: 'current' };
  if (first === 'offset' && second !== undefined && /^\d+$/.test(second)) return { kind: 'offset', offset: safe(Number(second), second) };
  if (first === 'shift' && second !== undefined && /^[+-]?\d+$/.test(second)) return { kind: 'shift', by: safe(Number(second), second) };
  if (!single) throw bad(text);
  // -15m is "that long ago", which is what --by-duration means; anything else is a point in time.
  const ago = first.startsWith('-') ? parseDuration(first.slice(1)) : undefined;
  if (ago !== undefined) return { kind: 'duration', ms: ago };
  const timestamp = parseTime(first, now);
  if (timestamp !== undefined) return { kind: 'datetime', timestamp };
  throw bad(text);
}

/** The file's rows for the group: its partitions are the scope (the planner takes them from the rows). */
function fileMode(words: string[], text: string, { group, read = (path) => readFileSync(path, 'utf8') }: ResetFileSource): ResetMode {
  if (words.length !== 2) throw bad(text);
  const rows = parseResetCsv(read(words[1]!), group).filter((row) => row.group === group);
  if (rows.length === 0) throw new Error(`${words[1]} has no offsets for group ${group}`);
  return { kind: 'file', rows: rows.map(({ topic, partition, offset }) => ({ topic, partition, offset })) };
}

function safe(value: number, text: string): number {
  if (!Number.isSafeInteger(value)) throw new Error(`${text} is too large`);
  return value;
}

/** The mode in the words of the prompt, for the preview's title. */
export function describeMode(mode: ResetMode): string {
  switch (mode.kind) {
    case 'offset':
      return `offset ${mode.offset}`;
    case 'shift':
      return `shift ${mode.by >= 0 ? '+' : ''}${mode.by}`;
    case 'datetime':
      return new Date(mode.timestamp).toISOString();
    case 'duration':
      return `${Math.round(mode.ms / 1000)}s ago`;
    case 'file':
      return 'from file';
    default:
      return mode.kind;
  }
}
