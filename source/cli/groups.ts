// kafka-tui groups: kafka-consumer-groups.sh --list and --describe, byte for byte, plus --time-lag.
// The write side (reset-offsets, delete, delete-offsets) plugs into SUBCOMMANDS from its own modules.
import { parseDuration } from '../config/durations.js';
import { escapeControl } from '../format/escape.js';
import {
  describeMembersText,
  describeOffsetsText,
  describeStateText,
  groupListText,
  javaHashMapOrder,
  type DescribeOutput,
} from '../format/groups-text.js';
import { KafkaUserError } from '../kafka/errors.js';
import type { GroupLag, GroupListing } from '../kafka/group-types.js';
import { describeGroupLag, describeGroups, isConsumerGroup, listGroups } from '../kafka/groups.js';
import { applyRates } from '../kafka/lag-rates.js';
import { sleep } from '../kafka/timing.js';
import type { ClusterClient } from '../kafka/cluster-client.js';
import { CONNECTION_HELP, connectionFlags, parseArgs, withConnection, writeOut } from './command.js';

type Subcommand = () => Promise<{ run(argv: string[]): Promise<number> }>;

/** `kafka-tui groups <name> ...`; a bare `kafka-tui groups [flags]` is `list`. The write side is loaded from its own modules. */
const SUBCOMMANDS: Record<string, Subcommand> = {
  list: async () => ({ run: runList }),
  describe: async () => ({ run: runDescribe }),
  'reset-offsets': () => import('./groups-reset.js'),
  delete: async () => ({ run: (await import('./groups-delete.js')).runDelete }),
  'delete-offsets': async () => ({ run: (await import('./groups-delete.js')).runDeleteOffsets }),
};

const HELP = `
  Usage
    kafka-tui groups [list] [--state [S,...]] [--type [T,...]] [--json]
    kafka-tui groups describe G [G ...] | --all-groups  [--members [--verbose] | --state [--verbose] | --verbose] [--time-lag] [--json]
    kafka-tui groups reset-offsets (--group G ... | --all-groups) (--topic T[:0,1] ... | --all-topics) MODE [--execute | --export]
    kafka-tui groups delete G [G ...] [--yes]
    kafka-tui groups delete-offsets G --topic T[:0,1] [--yes]

  Consumer groups, as kafka-consumer-groups.sh --list and --describe print them.
  Run 'kafka-tui groups <command> --help' for a command's flags.
`;

export async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (name === undefined || name.startsWith('-')) return runList(argv);
  const load = SUBCOMMANDS[name];
  if (!load) throw new KafkaUserError(`unknown groups command '${name}'\n${HELP.trim()}`, 2);
  return (await load()).run(rest);
}

const LIST_HELP = `
  Usage
    kafka-tui groups [list] [--state [S,...]] [--type [T,...]] [--json]

  Lists the consumer groups (classic and KIP-848), in the order kafka-consumer-groups.sh --list prints them.

  Options
    --state [S,...]   add a STATE column; with states (Stable, Empty, ...), only groups in them
    --type [T,...]    add a TYPE column; with types (classic, consumer), only groups of them
    --json            one JSON array of { groupId, type, state, protocolType }
${CONNECTION_HELP}
`;

const listFlags = {
  ...connectionFlags,
  state: { type: 'string' },
  type: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** GroupState names as Kafka 4.x parses them (case-insensitively), in the order its error message lists them. */
const GROUP_STATES = ['Dead', 'Assigning', 'PreparingRebalance', 'Stable', 'Empty', 'CompletingRebalance', 'Reconciling'];
const GROUP_TYPES = ['Consumer', 'Classic'];

/** A comma list of names checked against `valid` (any case), as ConsumerGroupCommand checks --state and --type. */
function parseNames(input: string, valid: readonly string[], what: 'state' | 'types'): Set<string> {
  const names = new Set<string>();
  for (const part of input.split(',')) {
    const found = valid.find((v) => v.toLowerCase() === part.trim().toLowerCase());
    if (!found)
      throw new KafkaUserError(
        `Invalid ${what} list '${input}'. Valid ${what === 'state' ? 'states' : 'types'} are: ${valid.join(', ')}`,
        2,
      );
    names.add(found);
  }
  return names;
}

const escapeFor = (json: boolean) => (process.stdout.isTTY && !json ? escapeControl : undefined);

async function runList(argv: string[]): Promise<number> {
  const cli = parseArgs(argv, LIST_HELP, listFlags);
  if (cli.input.length > 0) throw new KafkaUserError(`groups list takes no arguments (got '${cli.input[0]}')`, 2);
  const states = cli.flags.state ? parseNames(cli.flags.state, GROUP_STATES, 'state') : undefined;
  const types = cli.flags.type ? parseNames(cli.flags.type, GROUP_TYPES, 'types') : undefined;
  return withConnection(cli.flags, async (connection) => {
    const groups = (await listGroups(connection.cluster)).filter(
      (g) =>
        isConsumerGroup(g) &&
        (!states || [...states].some((s) => s.toLowerCase() === g.state.toLowerCase())) &&
        (!types || types.has(g.type === 'consumer' ? 'Consumer' : 'Classic')),
    );
    if (cli.flags.json) {
      await writeOut(
        `${JSON.stringify(
          javaHashMapOrder(groups, (g: GroupListing) => g.groupId),
          null,
          2,
        )}\n`,
      );
    } else {
      const columns = { type: cli.flags.type !== undefined, state: cli.flags.state !== undefined };
      await writeOut(groupListText(groups, columns, { escape: escapeFor(false) }));
    }
    return 0;
  });
}

const DESCRIBE_HELP = `
  Usage
    kafka-tui groups describe G [G ...] | --all-groups [options]

  Per partition: GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG CONSUMER-ID HOST CLIENT-ID,
  byte-compatible with kafka-consumer-groups.sh --describe (Kafka 4.x). '-' marks a missing value:
  no commit, no leader to ask, or a committed partition no member holds.

  Options
    -g, --group G      a group to describe (repeatable; groups may also be given as arguments)
    --all-groups       every consumer group
    --members          the members instead: CONSUMER-ID HOST CLIENT-ID #PARTITIONS
    --state            the group instead: COORDINATOR (ID) ASSIGNMENT-STRATEGY STATE #MEMBERS
    --offsets          the partitions (the default)
    --verbose          more columns: LEADER-EPOCH; with --members the assignments; with --state the epochs
    --time-lag         add TIME-LAG (now minus the time of the record at the committed offset),
                       RATE (messages committed per second) and ETA (until the lag is gone, or 'never')
    --sample 5s        the window RATE and ETA are measured over (0 leaves them '-')
    --json             the same facts as JSON
${CONNECTION_HELP}
`;

const describeFlags = {
  ...connectionFlags,
  group: { type: 'string', shortFlag: 'g', isMultiple: true },
  allGroups: { type: 'boolean' },
  members: { type: 'boolean' },
  state: { type: 'boolean' },
  offsets: { type: 'boolean' },
  verbose: { type: 'boolean' },
  timeLag: { type: 'boolean' },
  sample: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const DEFAULT_SAMPLE_MS = 5000;

async function writeChunks(output: DescribeOutput): Promise<number> {
  for (const chunk of output.chunks) {
    if (chunk.to === 'stdout') await writeOut(chunk.text);
    else process.stderr.write(chunk.text);
  }
  return output.failed ? 1 : 0;
}

/** Two samples `windowMs` apart; the second carries TIME-LAG, and RATE and ETA from the difference. */
async function sampledLag(client: ClusterClient, groupIds: string[], windowMs: number): Promise<GroupLag[]> {
  if (windowMs <= 0) return describeGroupLag(client, groupIds, { timeLag: true });
  const before = await describeGroupLag(client, groupIds);
  const started = Date.now();
  await sleep(windowMs);
  const after = await describeGroupLag(client, groupIds, { timeLag: true });
  applyRates(before, after, Date.now() - started);
  return after;
}

async function runDescribe(argv: string[]): Promise<number> {
  const cli = parseArgs(argv, DESCRIBE_HELP, describeFlags);
  const { flags } = cli;
  const named = [...(flags.group ?? []), ...cli.input];
  if (flags.allGroups && named.length > 0) throw new KafkaUserError('use either group names or --all-groups, not both', 2);
  if (!flags.allGroups && named.length === 0) throw new KafkaUserError('name a group to describe (or --all-groups)', 2);
  if ([flags.members, flags.state, flags.offsets].filter(Boolean).length > 1) {
    throw new KafkaUserError('use only one of --members, --state and --offsets', 2);
  }
  if (flags.timeLag && (flags.members || flags.state))
    throw new KafkaUserError('--time-lag goes with the partitions view, not --members or --state', 2);
  const sampleMs = flags.sample === undefined ? DEFAULT_SAMPLE_MS : parseDuration(flags.sample);
  if (sampleMs === undefined) throw new KafkaUserError(`invalid --sample '${flags.sample}' (e.g. 5s, 500ms)`, 2);
  const escape = escapeFor(flags.json ?? false);
  return withConnection(flags, async (connection) => {
    const client = connection.cluster;
    const groupIds = flags.allGroups ? (await listGroups(client)).filter(isConsumerGroup).map((g) => g.groupId) : named;
    if (groupIds.length === 0) return 0;
    if (flags.members || flags.state) {
      const groups = await describeGroups(client, groupIds);
      if (flags.json)
        return writeJson(
          groups,
          groups.some((g) => g.state === 'Dead' || g.coordinator === null),
        );
      const options = { verbose: flags.verbose, escape };
      return writeChunks(flags.members ? describeMembersText(groups, options) : describeStateText(groups, options));
    }
    const lags = flags.timeLag ? await sampledLag(client, groupIds, sampleMs) : await describeGroupLag(client, groupIds);
    if (flags.json)
      return writeJson(
        lags,
        lags.some(({ group }) => group.state === 'Dead' || group.coordinator === null),
      );
    return writeChunks(describeOffsetsText(lags, { verbose: flags.verbose, timeLag: flags.timeLag, escape }));
  });
}

async function writeJson(value: unknown, failed: boolean): Promise<number> {
  await writeOut(`${JSON.stringify(value, null, 2)}\n`);
  return failed ? 1 : 0;
}
