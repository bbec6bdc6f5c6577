// kafka-tui topics: kafka-topics.sh --list/--create/--alter/--delete, kafka-configs.sh for topics,
// and kafka-delete-records.sh.
import { createInterface } from 'node:readline/promises';
import { KafkaUserError } from '../kafka/errors.js';
import { alterTopicConfigs, describeTopicConfigItems } from '../kafka/configs.js';
import {
  alterPartitions,
  createTopic,
  deleteRecords,
  deleteTopic,
  listTopics,
  planDeleteRecords,
  type RecordsBoundary,
} from '../kafka/topics.js';
import { parseTime } from '../format/time-grammar.js';
import { deleteRecordsLines, topicConfigsJson, topicConfigsText } from '../format/topic-configs-text.js';
import { CONNECTION_HELP, connectionFlags, parseArgs, withConnection, writeOut } from './command.js';
import { attachRelativeTimes } from './console-options.js';
import { splitKeyValue } from '../format/key-value.js';

/** Epoch milliseconds are left out: a whole number is an offset here. */
const BEFORE_TIME_HELP = 'ISO-8601 (2024-05-01T12:00:00Z) or relative (-1h, -30m, -2d)';

const HELP = `
  Usage
    kafka-tui topics [list] [--include-internal] [--json]
    kafka-tui topics create T --partitions N --replication-factor R [--config k=v ...]
    kafka-tui topics alter T [--partitions N] [--config k=v ...] [--delete-config k ...]
                                                     (partitions: increase only; configs: one at a time,
                                                     the others stay; prints the non-default configs)
    kafka-tui topics configs T [--all] [--json]      configs with source and default (kafka-configs.sh --describe)
    kafka-tui topics delete T [--yes]                (asks on a terminal; --yes skips it)
    kafka-tui topics delete-records T --before OFFSET|TIME [--yes]
                                                     remove every partition's records before OFFSET, or
                                                     before the first record at TIME (asks on a terminal)

  Options
    -t, --topic T               the topic (or give it after the action)
    -p, --partitions N
    -r, --replication-factor R
    -c, --config k=v            topic config override (repeatable)
    --delete-config k           remove a topic's override, back to the broker's value (repeatable)
    --all                       configs: every config, not only the non-default ones
    --before OFFSET|TIME        delete-records: a whole number is an offset; TIME is ${BEFORE_TIME_HELP}
    --include-internal          list internal topics too
    --json                      machine-readable list
    -y, --yes                   delete without asking
${CONNECTION_HELP}
`;

const flags = {
  ...connectionFlags,
  topic: { type: 'string', shortFlag: 't' },
  partitions: { type: 'string', shortFlag: 'p' },
  replicationFactor: { type: 'string', shortFlag: 'r' },
  config: { type: 'string', shortFlag: 'c', isMultiple: true },
  deleteConfig: { type: 'string', isMultiple: true },
  all: { type: 'boolean' },
  before: { type: 'string' },
  includeInternal: { type: 'boolean' },
  json: { type: 'boolean' },
  yes: { type: 'boolean', shortFlag: 'y' },
} as const;

const ACTIONS = ['list', 'create', 'alter', 'configs', 'delete', 'delete-records'] as const;
const READS: readonly Action[] = ['list', 'configs'];
type Action = (typeof ACTIONS)[number];

export function parseCount(flag: string, text: string | undefined, fallback?: number): number {
  if (text === undefined) {
    if (fallback !== undefined) return fallback;
    throw new KafkaUserError(`--${flag} is required`, 2);
  }
  if (!/^-?\d+$/.test(text.trim())) throw new KafkaUserError(`--${flag} must be a whole number (got '${text}')`, 2);
  return Number(text);
}

export function parseConfigs(pairs: readonly string[]): Array<[string, string]> {
  return pairs.map((pair) => {
    const config = splitKeyValue(pair);
    if (!config) throw new KafkaUserError(`invalid --config '${pair}': expected key=value`, 2);
    return config;
  });
}

async function confirm(question: string, expected: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(question)).trim() === expected;
  } finally {
    rl.close();
  }
}

/** A whole number is an offset; anything else a time (ISO-8601 or relative: epoch milliseconds would read as an offset). */
function parseBoundary(text: string | undefined): RecordsBoundary {
  if (text === undefined) throw new KafkaUserError('topics delete-records needs --before OFFSET or --before TIME', 2);
  if (/^\d+$/.test(text.trim())) return { offset: Number(text) };
  const timestamp = parseTime(text);
  if (timestamp === undefined) throw new KafkaUserError(`invalid --before '${text}': use an offset, or ${BEFORE_TIME_HELP}`, 2);
  return { timestamp };
}

export async function run(argv: string[]): Promise<number> {
  const cli = parseArgs(attachRelativeTimes(argv, ['--before']), HELP, flags);
  const [first, ...rest] = cli.input;
  const action: Action = ACTIONS.includes(first as Action) ? (first as Action) : 'list';
  const positional = ACTIONS.includes(first as Action) ? rest : cli.input;
  if (positional.length > 1) throw new KafkaUserError(`unexpected argument '${positional[1]}'`, 2);
  const topic = cli.flags.topic ?? positional[0];
  if (action !== 'list' && !topic) throw new KafkaUserError(`topics ${action} needs a topic name`, 2);

  if ((action === 'delete' || action === 'delete-records') && !cli.flags.yes && !process.stdin.isTTY) {
    throw new KafkaUserError(`refusing to ${action} '${topic}' without --yes when not on a terminal`, 2);
  }
  const configEdit = { set: parseConfigs(action === 'alter' ? (cli.flags.config ?? []) : []), remove: cli.flags.deleteConfig ?? [] };
  const editsConfigs = configEdit.set.length > 0 || configEdit.remove.length > 0;
  const boundary = action === 'delete-records' ? parseBoundary(cli.flags.before) : undefined;

  return withConnection(
    cli.flags,
    async (connection) => {
      switch (action) {
        case 'list': {
          const topics = await listTopics(connection.cluster, cli.flags.includeInternal ?? false);
          await writeOut(
            cli.flags.json
              ? `${JSON.stringify(topics.map((t) => ({ name: t.name, internal: t.isInternal })))}\n`
              : topics.map((t) => `${t.name}\n`).join(''),
          );
          return 0;
        }
        case 'create':
          await createTopic(connection, {
            topic: topic!,
            partitions: parseCount('partitions', cli.flags.partitions, 1),
            replicationFactor: parseCount('replication-factor', cli.flags.replicationFactor, 1),
            configs: parseConfigs(cli.flags.config ?? []),
          });
          process.stderr.write(`Created topic ${topic}.\n`);
          return 0;
        case 'alter':
          if (cli.flags.partitions !== undefined || !editsConfigs) {
            await alterPartitions(connection, topic!, parseCount('partitions', cli.flags.partitions));
            process.stderr.write(`Topic ${topic} now has ${cli.flags.partitions} partitions.\n`);
          }
          if (editsConfigs) {
            await alterTopicConfigs(connection.cluster, topic!, configEdit);
            await writeOut(topicConfigsText(topic!, await describeTopicConfigItems(connection.cluster, topic!, { all: false }), false));
          }
          return 0;
        case 'configs': {
          const all = cli.flags.all ?? false;
          const configs = await describeTopicConfigItems(connection.cluster, topic!, { all });
          await writeOut(
            cli.flags.json ? `${JSON.stringify(topicConfigsJson(topic!, configs))}\n` : topicConfigsText(topic!, configs, all),
          );
          return 0;
        }
        case 'delete-records': {
          const cuts = await planDeleteRecords(connection.cluster, topic!, boundary!);
          const lines = deleteRecordsLines(cuts);
          if (lines.length === 0) {
            process.stderr.write(`Nothing to delete: no partition of ${topic} has records before that.\n`);
            return 0;
          }
          const count = cuts.reduce((sum, c) => sum + c.before - c.low, 0);
          const question = `${lines.join('\n')}\nDelete these ${count} record(s) of '${topic}'? Type yes to confirm: `;
          if (!cli.flags.yes && !(await confirm(question, 'yes'))) {
            process.stderr.write('kafka-tui: nothing deleted\n');
            return 1;
          }
          const lows = await deleteRecords(connection, topic!, cuts);
          await writeOut(`${deleteRecordsLines(cuts, lows).join('\n')}\n`);
          process.stderr.write(`Deleted ${count} record(s) of ${topic}.\n`);
          return 0;
        }
        case 'delete':
          // Asked inside the connection (which connects lazily), so that read-only refuses before the question.
          if (!cli.flags.yes && !(await confirm(`Delete topic '${topic}' and all its messages? Type its name to confirm: `, topic!))) {
            process.stderr.write('kafka-tui: not deleted\n');
            return 1;
          }
          await deleteTopic(connection, topic!);
          process.stderr.write(`Deleted topic ${topic}.\n`);
          return 0;
      }
    },
    { writes: READS.includes(action) ? undefined : `${action} topic ${topic}` },
  );
}
