// kafka-tui groups reset-offsets: kafka-consumer-groups.sh --reset-offsets, dry run unless --execute.
import { readFile } from 'node:fs/promises';
import { KafkaUserError } from '../kafka/errors.js';
import { executeReset, planReset, requireInactiveGroup, type ResetMode, type ResetPlan, type ResetScope } from '../kafka/group-reset.js';
import { isConsumerGroup, listGroups } from '../kafka/groups.js';
import {
  ResetInputError,
  formatResetCsv,
  formatResetTable,
  parseResetCsv,
  parseResetDateTime,
  parseResetDuration,
  parseTopicScope,
  type GroupOffsetRow,
} from '../format/offset-reset-text.js';
import { CONNECTION_HELP, connectionFlags, parseArgs, withConnection, writeOut } from './command.js';

const HELP = `
  Usage
    kafka-tui groups reset-offsets (--group G ... | --all-groups) (--topic T[:0,1] ... | --all-topics) MODE [--execute | --export]

  Moves the committed offsets of groups that have no active members (state Empty or Dead), as
  kafka-consumer-groups.sh --reset-offsets does. A dry run unless --execute is given: it prints
  GROUP TOPIC PARTITION NEW-OFFSET, with the offset each partition had and how its lag changes.
  Offsets outside a partition's log are moved to its start or end, with a warning.

  Scope
    -g, --group G            a group (repeatable)
    --all-groups             every consumer group
    -t, --topic T | T:0,1,2  a topic, or some of its partitions (repeatable)
    --all-topics             every topic the group has committed offsets for

  Mode (exactly one)
    --to-earliest            the start of each log
    --to-latest              the end of each log
    --to-current             the committed offset (the end where there is none)
    --to-offset N            offset N
    --shift-by N             the committed offset plus N (N may be negative)
    --to-datetime ISO        the first record at or after yyyy-MM-ddTHH:mm:ss.SSS (UTC unless a zone follows)
    --by-duration PnDTnHnMnS the first record at or after that long ago, e.g. PT1H, P1DT12H
    --from-file FILE         the offsets in a CSV of topic,partition,offset (group,topic,partition,offset for several groups)

  Options
    --execute                apply the reset (refused for a group with active members)
    --dry-run                only show the plan (the default)
    --export                 print the plan as the CSV --from-file reads, instead of the table
${CONNECTION_HELP}
`;

const flags = {
  ...connectionFlags,
  group: { type: 'string', shortFlag: 'g', isMultiple: true },
  allGroups: { type: 'boolean' },
  topic: { type: 'string', shortFlag: 't', isMultiple: true },
  allTopics: { type: 'boolean' },
  toEarliest: { type: 'boolean' },
  toLatest: { type: 'boolean' },
  toCurrent: { type: 'boolean' },
  toOffset: { type: 'string' },
  shiftBy: { type: 'string' },
  toDatetime: { type: 'string' },
  byDuration: { type: 'string' },
  fromFile: { type: 'string' },
  execute: { type: 'boolean' },
  dryRun: { type: 'boolean' },
  export: { type: 'boolean' },
} as const;

type Flags = ReturnType<typeof parseArgs<typeof flags>>['flags'];

const MODE_FLAGS = ['toEarliest', 'toLatest', 'toCurrent', 'toOffset', 'shiftBy', 'toDatetime', 'byDuration', 'fromFile'] as const;
const kebab = (name: string) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

function wholeNumber(flag: string, text: string): number {
  const value = Number(text);
  if (!/^[-+]?\d+$/.test(text.trim()) || !Number.isSafeInteger(value))
    throw new KafkaUserError(`${flag} must be a whole number (got '${text}')`, 2);
  return value;
}

/** The one mode asked for; the file's rows are read later, once the groups are known. */
function parseMode(f: Flags): ResetMode | { kind: 'file'; path: string } {
  const given = MODE_FLAGS.filter((name) => f[name] !== undefined && f[name] !== false);
  if (given.length === 0) throw new KafkaUserError(`choose a mode: ${MODE_FLAGS.map(kebab).join(', ')}`, 2);
  if (given.length > 1) throw new KafkaUserError(`choose one mode, not ${given.map(kebab).join(' and ')}`, 2);
  switch (given[0]!) {
    case 'toEarliest':
      return { kind: 'earliest' };
    case 'toLatest':
      return { kind: 'latest' };
    case 'toCurrent':
      return { kind: 'current' };
    case 'toOffset': {
      const offset = wholeNumber('--to-offset', f.toOffset!);
      if (offset < 0) throw new KafkaUserError(`--to-offset must not be negative (got ${offset})`, 2);
      return { kind: 'offset', offset };
    }
    case 'shiftBy':
      return { kind: 'shift', by: wholeNumber('--shift-by', f.shiftBy!) };
    case 'toDatetime':
      return { kind: 'datetime', timestamp: parseResetDateTime(f.toDatetime!) };
    case 'byDuration':
      return { kind: 'duration', ms: parseResetDuration(f.byDuration!) };
    case 'fromFile':
      return { kind: 'file', path: f.fromFile! };
  }
}

function parseScope(f: Flags, fromFile: boolean): ResetScope {
  const topics = f.topic ?? [];
  if (f.allTopics && topics.length > 0) throw new KafkaUserError('use --topic or --all-topics, not both', 2);
  if (f.allTopics) return { allTopics: true };
  if (topics.length > 0) return { topics: topics.map(parseTopicScope) };
  if (fromFile) return { topics: [] };
  throw new KafkaUserError('a reset needs a scope: --topic T (or T:0,1,2) or --all-topics', 2);
}

async function readPlanFile(path: string, singleGroup: string | undefined): Promise<GroupOffsetRow[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new KafkaUserError(`cannot read --from-file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 2);
  }
  try {
    return parseResetCsv(text, singleGroup);
  } catch (error) {
    if (error instanceof ResetInputError) throw new KafkaUserError(`--from-file ${path}: ${error.message}`, 2);
    throw error;
  }
}

/** Input errors from the shared parsers become one-line usage errors. */
function asUsageError<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ResetInputError) throw new KafkaUserError(error.message, 2);
    throw error;
  }
}

const warn = (text: string) => process.stderr.write(`kafka-tui: warning: ${text}\n`);

export async function run(argv: string[]): Promise<number> {
  const cli = parseArgs(argv, HELP, flags);
  const f = cli.flags;
  if (cli.input.length > 0) throw new KafkaUserError(`unexpected argument '${cli.input[0]}' (name groups with --group)`, 2);
  const named = f.group ?? [];
  if (f.allGroups && named.length > 0) throw new KafkaUserError('use --group or --all-groups, not both', 2);
  if (!f.allGroups && named.length === 0) throw new KafkaUserError('name the groups to reset: --group G (repeatable) or --all-groups', 2);
  if (f.execute && f.dryRun) throw new KafkaUserError('use --execute or --dry-run, not both', 2);
  const parsedMode = asUsageError(() => parseMode(f));
  const scope = asUsageError(() => parseScope(f, parsedMode.kind === 'file'));
  // The CSV layout follows ConsumerGroupCommand: without a group column only when exactly one group is named.
  const singleGroup = named.length === 1 ? named[0] : undefined;
  const fileRows = parsedMode.kind === 'file' && 'path' in parsedMode ? await readPlanFile(parsedMode.path, singleGroup) : undefined;

  const work = async (client: Parameters<typeof planReset>[0]) => {
    const groupIds = f.allGroups ? (await listGroups(client)).filter(isConsumerGroup).map((g) => g.groupId) : named;
    const plans: ResetPlan[] = [];
    let failed = false;
    for (const groupId of groupIds) {
      try {
        const group = await requireInactiveGroup(client, groupId, 'reset offsets');
        const mode: ResetMode = fileRows ? { kind: 'file', rows: fileRows.filter((r) => r.group === groupId) } : (parsedMode as ResetMode);
        if (mode.kind === 'file' && mode.rows.length === 0)
          throw new KafkaUserError(`no reset plan for group '${groupId}' in ${f.fromFile}`);
        const plan = await planReset(client, { groupId, scope, mode });
        if (plan.rows.length === 0)
          throw new KafkaUserError(
            `group '${groupId}' has no committed offsets to reset${group.state === 'Dead' ? ' (unknown group?)' : ''}`,
          );
        plan.warnings.forEach(warn);
        if (f.execute) await executeReset(client, plan);
        plans.push(plan);
      } catch (error) {
        if (!(error instanceof KafkaUserError) || groupIds.length === 1) throw error;
        // With several groups, one that cannot be reset does not stop the others (as the official tool does).
        process.stderr.write(`kafka-tui: ${error.message}\n`);
        failed = true;
      }
    }
    const rows = plans.flatMap((plan) =>
      plan.rows.map((r) => ({
        group: plan.groupId,
        topic: r.topic,
        partition: r.partition,
        offset: r.newOffset,
        oldOffset: r.oldOffset,
        lagBefore: r.lagBefore,
        lagAfter: r.lagAfter,
      })),
    );
    await writeOut(f.export ? formatResetCsv(rows, singleGroup === undefined) : formatResetTable(rows));
    if (!f.execute && plans.length > 0) process.stderr.write('kafka-tui: dry run, nothing changed (add --execute to apply)\n');
    return failed ? 1 : 0;
  };
  return withConnection(
    f,
    (connection) => work(connection.cluster),
    f.execute ? { writes: `reset offsets of ${describeGroups(f.allGroups, named)}` } : {},
  );
}

function describeGroups(all: boolean | undefined, named: readonly string[]): string {
  if (all) return 'every consumer group';
  return named.length === 1 ? `group ${named[0]}` : `groups ${named.join(', ')}`;
}
