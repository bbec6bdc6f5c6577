// The `C` prompt: where to start and which partitions, in a few words.
//   end | beginning | offset 42 | 42 | -15m | 2026-11-23T10:00:00Z   [p=0,2]
// Times follow format/time-grammar.ts, as --from-timestamp does.
import { parseTime } from '../format/time-grammar.js';
import type { StartPosition } from './backend.js';

export interface ConsumeOptions {
  from: StartPosition;
  partitions: number[];
  /**
   * `offset N` over every partition starts each one inside its range (partitions rarely share
   * offsets); with p= the partitions were chosen, so an offset outside one stays an error.
   */
  clampStart?: true;
}

export const CONSUME_OPTIONS_HELP = 'end | beginning | offset N | -15m | ISO time, then optional p=0,1';

export function parseConsumeOptions(text: string, now = Date.now()): ConsumeOptions {
  const words = text.trim().split(/\s+/).filter(Boolean);
  let partitions: number[] = [];
  const rest: string[] = [];
  for (const word of words) {
    const list = /^(?:p|partitions?)=(.+)$/.exec(word);
    if (!list) {
      rest.push(word);
      continue;
    }
    partitions = list[1]!.split(',').map((p) => {
      if (!/^\d+$/.test(p)) throw new Error(`bad partition '${p}': use p=0,1,2`);
      return Number(p);
    });
  }
  const [first, second, ...extra] = rest;
  if (extra.length > 0 || (second !== undefined && first !== 'offset')) {
    throw new Error(`cannot read '${text.trim()}': use ${CONSUME_OPTIONS_HELP}`);
  }
  const from = parsePosition(first, second, now, text);
  return from.kind === 'offset' && partitions.length === 0 ? { from, partitions, clampStart: true } : { from, partitions };
}

function parsePosition(first: string | undefined, second: string | undefined, now: number, text: string): StartPosition {
  if (first === undefined || first === 'beginning' || first === 'earliest') return { kind: 'earliest' };
  if (first === 'end' || first === 'latest') return { kind: 'latest' };
  const offsetText = first === 'offset' ? second : first;
  if (offsetText !== undefined && /^\d+$/.test(offsetText)) {
    const offset = Number(offsetText);
    if (!Number.isSafeInteger(offset)) throw new Error(`offset ${offsetText} is too large`);
    return { kind: 'offset', offset };
  }
  // Bare digits were an offset above; otherwise the CLI's --from-timestamp grammar.
  const timestamp = second === undefined ? parseTime(first, now) : undefined;
  if (timestamp !== undefined) return { kind: 'timestamp', timestamp };
  throw new Error(`cannot read '${text.trim()}': use ${CONSUME_OPTIONS_HELP}`);
}

// The `F` prompt: a bounded scan. Options first, then the filter (which may hold spaces):
//   [from -1h | from offset 42 | from 2026-11-23T10:00:00Z] [limit 50000] [p=0,2] key:^c-1 $.total > 10
export const DEFAULT_FIND_LIMIT = 1_000_000;

export const FIND_HELP = '[from -1h|offset N] [limit N] [p=0,1] then text, key:RE, header:N=RE, $.path == v';

export interface FindOptions extends ConsumeOptions {
  /** Records to read at most, matching or not. */
  limit: number;
  /** The filter, in the pane's `/` language. */
  query: string;
}

export function parseFindOptions(text: string, now = Date.now()): FindOptions {
  let rest = text.trim();
  const position: string[] = [];
  let limit = DEFAULT_FIND_LIMIT;
  for (;;) {
    const from = /^from\s+(offset\s+\S+|\S+)\s*/.exec(rest);
    const max = /^limit\s+(\S+)\s*/.exec(rest);
    const partitions = /^(p(?:artitions?)?=\S+)\s*/.exec(rest);
    const match = from ?? max ?? partitions;
    if (!match) break;
    if (max) {
      if (!/^[1-9]\d*$/.test(max[1]!)) throw new Error(`bad limit '${max[1]}': use a whole number of records, like limit 50000`);
      limit = Number(max[1]);
    } else {
      position.push(match[1]!);
    }
    rest = rest.slice(match[0].length);
  }
  return { ...parseConsumeOptions(position.join(' '), now), limit, query: rest };
}
