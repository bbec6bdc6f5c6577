// kafka-tui topics: kafka-topics.sh --list/--create/--alter/--delete.
import { createInterface } from 'node:readline/promises';
import { KafkaUserError } from '../kafka/errors.js';
import { alterPartitions, createTopic, deleteTopic, listTopics } from '../kafka/topics.js';
import { CONNECTION_HELP, connectionFlags, parseArgs, withConnection, writeOut } from './command.js';
import { splitKeyValue } from '../format/key-value.js';

const HELP = `
  Usage
    kafka-tui topics [list] [--include-internal] [--json]
    kafka-tui topics create T --partitions N --replication-factor R [--config k=v ...]
    kafka-tui topics alter T --partitions N          (increase only)
    kafka-tui topics delete T [--yes]                (asks on a terminal; --yes skips it)

  Options
    -t, --topic T               the topic (or give it after the action)
    -p, --partitions N
    -r, --replication-factor R
    -c, --config k=v            topic config override (repeatable)
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
  includeInternal: { type: 'boolean' },
  json: { type: 'boolean' },
  yes: { type: 'boolean', shortFlag: 'y' },
} as const;

const ACTIONS = ['list', 'create', 'alter', 'delete'] as const;
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

async function confirmDelete(topic: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`Delete topic '${topic}' and all its messages? Type its name to confirm: `);
    return answer.trim() === topic;
  } finally {
    rl.close();
  }
}

export async function run(argv: string[]): Promise<number> {
  const cli = parseArgs(argv, HELP, flags);
  const [first, ...rest] = cli.input;
  const action: Action = ACTIONS.includes(first as Action) ? (first as Action) : 'list';
  const positional = ACTIONS.includes(first as Action) ? rest : cli.input;
  if (positional.length > 1) throw new KafkaUserError(`unexpected argument '${positional[1]}'`, 2);
  const topic = cli.flags.topic ?? positional[0];
  if (action !== 'list' && !topic) throw new KafkaUserError(`topics ${action} needs a topic name`, 2);

  if (action === 'delete' && !cli.flags.yes && !process.stdin.isTTY) {
    throw new KafkaUserError(`refusing to delete '${topic}' without --yes when not on a terminal`, 2);
  }

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
          await alterPartitions(connection, topic!, parseCount('partitions', cli.flags.partitions));
          process.stderr.write(`Topic ${topic} now has ${cli.flags.partitions} partitions.\n`);
          return 0;
        case 'delete':
          // Asked inside the connection (which connects lazily), so that read-only refuses before the question.
          if (!cli.flags.yes && !(await confirmDelete(topic!))) {
            process.stderr.write('kafka-tui: not deleted\n');
            return 1;
          }
          await deleteTopic(connection, topic!);
          process.stderr.write(`Deleted topic ${topic}.\n`);
          return 0;
      }
    },
    { writes: action === 'list' ? undefined : `${action} topic ${topic}` },
  );
}
